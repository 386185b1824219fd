package detect

import (
	"strings"

	"github.com/eventgraph/eventgraph/extract/syntax"
)

// Feature templates. The numbers are part of the model: renumbering one
// needs a retrained model.
const (
	fBias = iota + 1
	fForm
	fLemma
	fUPOS
	fXPOS
	fSuffix2
	fSuffix3
	fSuffix4
	fShape
	fLemmaUPOS
	fRel
	fRelHeadLemma
	fRelHeadUPOS
	fHeadLemma
	fLemmaRel
	fChildRel
	fChildRelLemma
	fPrevLemma
	fNextLemma
	fPrevUPOS
	fNextUPOS
	fPrev2UPOS
	fNext2UPOS
	fPrevNextXPOS
	fHeadLemmaRelUPOS
	fFirst
	fLemmaChildRel
	fCaseOfHead
	fPrevLemmaLemma
	fLemmaNextLemma
	fPrev2Lemma
	fNext2Lemma
)

// sentence is an analyzed sentence with each token's children.
type sentence struct {
	toks []syntax.Token
	kids [][]int
}

func newSentence(toks []syntax.Token) *sentence {
	s := &sentence{toks: toks, kids: make([][]int, len(toks))}
	for i, t := range toks {
		if t.Head >= 0 && t.Head < len(toks) && t.Head != i {
			s.kids[t.Head] = append(s.kids[t.Head], i)
		}
	}
	return s
}

// functionRels are the relations whose dependents' lemmas are features of
// their head: the auxiliaries, copula, negation, markers, prepositions and
// determiners that say whether and how a word is an event.
var functionRels = map[string]bool{
	"aux": true, "aux:pass": true, "cop": true, "mark": true, "case": true,
	"det": true, "advmod": true, "nmod:poss": true, "compound:prt": true, "expl": true,
}

func (s *sentence) lemma(i int) string {
	if i < 0 || i >= len(s.toks) {
		return "<none>"
	}
	if l := s.toks[i].Lemma; l != "" {
		return l
	}
	return strings.ToLower(s.toks[i].Form)
}

func (s *sentence) upos(i int) string {
	if i < 0 || i >= len(s.toks) {
		return "<none>"
	}
	return s.toks[i].UPOS
}

func (s *sentence) xpos(i int) string {
	if i < 0 || i >= len(s.toks) {
		return "<none>"
	}
	return s.toks[i].XPOS
}

// features appends the feature hashes of token i to f.
func (s *sentence) features(i int, f []uint64) []uint64 {
	t := &s.toks[i]
	lower := strings.ToLower(t.Form)
	lemma := s.lemma(i)
	add := func(tmpl uint64, vals ...string) {
		h := hash(tmpl)
		for _, v := range vals {
			h = mixString(h, v)
		}
		f = append(f, h)
	}
	add(fBias)
	add(fForm, lower)
	add(fLemma, lemma)
	add(fUPOS, t.UPOS)
	add(fXPOS, t.XPOS)
	add(fSuffix2, suffix(lower, 2))
	add(fSuffix3, suffix(lower, 3))
	add(fSuffix4, suffix(lower, 4))
	add(fShape, shape(t.Form))
	add(fLemmaUPOS, lemma, t.UPOS)
	add(fPrevLemma, s.lemma(i-1))
	add(fNextLemma, s.lemma(i+1))
	add(fPrevUPOS, s.upos(i-1))
	add(fNextUPOS, s.upos(i+1))
	add(fPrev2UPOS, s.upos(i-2), s.upos(i-1))
	add(fNext2UPOS, s.upos(i+1), s.upos(i+2))
	add(fPrevNextXPOS, s.xpos(i-1), t.XPOS, s.xpos(i+1))
	if i == 0 {
		add(fFirst)
	}
	add(fPrevLemmaLemma, s.lemma(i-1), lemma)
	add(fLemmaNextLemma, lemma, s.lemma(i+1))
	add(fPrev2Lemma, s.lemma(i-2))
	add(fNext2Lemma, s.lemma(i+2))

	rel, head := t.Rel, t.Head
	if head < 0 || head >= len(s.toks) {
		rel, head = "root", -1
	}
	add(fRel, rel)
	add(fLemmaRel, lemma, rel)
	add(fHeadLemma, s.lemma(head))
	add(fRelHeadLemma, rel, s.lemma(head))
	add(fRelHeadUPOS, rel, s.upos(head))
	add(fHeadLemmaRelUPOS, s.lemma(head), rel, t.UPOS)
	if head >= 0 {
		// The preposition that attaches this word's phrase to its head.
		for _, k := range s.kids[i] {
			if s.toks[k].Rel == "case" {
				add(fCaseOfHead, s.lemma(k), s.upos(head))
			}
		}
	}
	for _, k := range s.kids[i] {
		kr := s.toks[k].Rel
		add(fChildRel, kr)
		add(fLemmaChildRel, lemma, kr)
		if functionRels[kr] {
			add(fChildRelLemma, kr, s.lemma(k))
		}
	}
	return f
}

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

// shape maps letters to X/x and digits to d, collapsing repeats: "Boeing"
// is "Xx", "737s" "dx", "re-elect" "x-x".
func shape(s string) string {
	var b strings.Builder
	var last rune
	for _, r := range s {
		c := r
		switch {
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= 'a' && r <= 'z':
			c = 'x'
		case r >= '0' && r <= '9':
			c = 'd'
		case r > 127:
			c = 'u'
		}
		if c != last {
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}
