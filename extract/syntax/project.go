package syntax

import "github.com/eventgraph/eventgraph/extract/doc"

// Project copies the parser's analysis onto the extractor's tokens. The
// two tokenizations cover the same text but split differently (the parser
// follows Universal Dependencies: "do n't", "U.S. - Israel"): each token
// takes the analysis of the parser token among its own whose head lies
// outside it, and its head is the token holding that head.
func Project(toks []doc.Token, words []Token) {
	owner := make([]int, len(words))
	j := 0
	for w := range words {
		for j < len(toks) && toks[j].End <= words[w].Start {
			j++
		}
		owner[w] = -1
		if j < len(toks) && toks[j].Start < words[w].End {
			owner[w] = j
		}
	}
	rep := make([]int, len(toks))
	for i := range rep {
		rep[i] = -1
	}
	for w, o := range owner {
		if o < 0 {
			continue
		}
		h := words[w].Head
		inside := h >= 0 && owner[h] == o
		if rep[o] < 0 || !inside && (insideOf(words, owner, rep[o]) || words[rep[o]].UPOS == "PUNCT") {
			rep[o] = w
		}
	}
	for i := range toks {
		t := &toks[i]
		t.Head = -1
		w := rep[i]
		if w < 0 {
			t.Lemma, t.Tag, t.XPOS, t.Rel = "", "", "", ""
			continue
		}
		t.Lemma, t.Tag, t.XPOS, t.Rel = words[w].Lemma, words[w].UPOS, words[w].XPOS, words[w].Rel
		// The head: the first ancestor held by another token (at most
		// len(words) steps: a malformed tree must not loop).
		for h, n := words[w].Head, 0; h >= 0 && h < len(words) && n < len(words); h, n = words[h].Head, n+1 {
			if o := owner[h]; o >= 0 && o != i {
				t.Head = o
				break
			}
		}
	}
}

// insideOf reports whether parser token w's head lies in the same
// extractor token.
func insideOf(words []Token, owner []int, w int) bool {
	h := words[w].Head
	return h >= 0 && owner[h] == owner[w]
}
