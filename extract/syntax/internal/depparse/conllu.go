package depparse

import "github.com/eventgraph/eventgraph/extract/syntax/conllu"

// FromCoNLLU returns the words of treebank sentences with their gold tags,
// heads and relations.
func FromCoNLLU(sents []conllu.Sentence) [][]Word {
	out := make([][]Word, len(sents))
	for i, s := range sents {
		ws := make([]Word, len(s.Words))
		for j, w := range s.Words {
			ws[j] = Word{Form: w.Form, Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS, Head: w.Head - 1, Rel: w.Rel}
		}
		out[i] = ws
	}
	return out
}
