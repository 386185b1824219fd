package main

import (
	"strings"

	"github.com/eventgraph/eventgraph/extract/syntax"
	"github.com/eventgraph/eventgraph/extract/syntax/conllu"
)

// parser fills Head and Rel of tagged tokens (nil: attachment is not
// scored).
var parser = syntax.Parse

// tagScores counts, over the treebank's own words (gold tokenization), the
// words whose predicted tags, lemma and (with a parser) head and relation
// are right.
type tagScores struct {
	words, upos, xpos, lemma int
	heads, labels, universal int // right head; and relation; and its universal part
}

func scoreTags(sents []conllu.Sentence) tagScores {
	var c tagScores
	var toks []syntax.Token
	for _, s := range sents {
		toks = toks[:0]
		for _, w := range s.Words {
			toks = append(toks, syntax.Token{Form: w.Form})
		}
		syntax.Tag(toks)
		if parser != nil {
			parser(toks)
		}
		for i, w := range s.Words {
			t := toks[i]
			c.words++
			c.upos += b2i(t.UPOS == w.UPOS)
			c.xpos += b2i(t.XPOS == w.XPOS)
			c.lemma += b2i(t.Lemma == w.Lemma)
			if parser == nil || t.Head != w.Head-1 {
				continue
			}
			c.heads++
			c.labels += b2i(t.Rel == w.Rel)
			c.universal += b2i(universal(t.Rel) == universal(w.Rel))
		}
	}
	return c
}

// universal is a relation without its subtype: "nsubj" for "nsubj:pass".
func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
