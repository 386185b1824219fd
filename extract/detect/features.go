package detect

import (
	"sync"

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
	fTrigger
	fTriggerUPOS
	fTriggerChildRel
	fOtherTriggerUPOS
)

// sentence is an analyzed sentence with each token's children and the
// hashes of its lemmas and tags, computed once for all the features that
// read them, and the lexicon its features consult. Sentences are pooled:
// newSentence, then free.
type sentence struct {
	toks     []syntax.Token
	lex      Lexicon
	kidStart []int32 // the children of i are kidIdx[kidStart[i]:kidStart[i+1]]
	kidIdx   []int32
	lem      []uint64 // hashes of lemmas (lower-case forms when none)
	upos     []uint64
	xpos     []uint64
}

// noneHash stands for the lemma or tag of a position outside the sentence.
var noneHash = mixString(offset64, "<none>")

var sentences = sync.Pool{New: func() any { return new(sentence) }}

func newSentence(toks []syntax.Token, lex Lexicon) *sentence {
	s := sentences.Get().(*sentence)
	n := len(toks)
	s.toks, s.lex = toks, lex
	s.kidStart = resize(s.kidStart, n+1)
	s.kidIdx = resize(s.kidIdx, n)
	s.lem, s.upos, s.xpos = resize(s.lem, n), resize(s.upos, n), resize(s.xpos, n)
	clear(s.kidStart)
	for i, t := range toks {
		if h := t.Head; h >= 0 && h < n && h != i {
			s.kidStart[h+1]++
		}
		if t.Lemma != "" {
			s.lem[i] = mixString(offset64, t.Lemma)
		} else {
			s.lem[i] = mixLower(offset64, t.Form)
		}
		s.upos[i] = mixString(offset64, t.UPOS)
		s.xpos[i] = mixString(offset64, t.XPOS)
	}
	for i := range n {
		s.kidStart[i+1] += s.kidStart[i]
	}
	// Place each child after its earlier siblings: kidStart[h] counts up
	// while filling and is shifted back after.
	for i, t := range toks {
		if h := t.Head; h >= 0 && h < n && h != i {
			s.kidIdx[s.kidStart[h]] = int32(i)
			s.kidStart[h]++
		}
	}
	copy(s.kidStart[1:], s.kidStart[:n])
	s.kidStart[0] = 0
	return s
}

func (s *sentence) free() {
	s.toks, s.lex = nil, nil
	sentences.Put(s)
}

func resize[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// kids returns the children of token i in text order.
func (s *sentence) kids(i int) []int32 { return s.kidIdx[s.kidStart[i]:s.kidStart[i+1]] }

// lemma is token i's lemma, its lower-case form when it has none.
func (s *sentence) lemma(i int) string {
	if l := s.toks[i].Lemma; l != "" {
		return l
	}
	return lower(s.toks[i].Form)
}

// at returns h[i], or noneHash outside the sentence.
func at(h []uint64, i int) uint64 {
	if i < 0 || i >= len(h) {
		return noneHash
	}
	return h[i]
}

// functionRels are the relations whose dependents' lemmas are features of
// their head: the auxiliaries, copula, negation, markers, prepositions and
// determiners that say whether and how a word is an event.
var functionRels = map[string]bool{
	"aux": true, "aux:pass": true, "cop": true, "mark": true, "case": true,
	"det": true, "advmod": true, "nmod:poss": true, "compound:prt": true, "expl": true,
}

// features appends the feature hashes of token i to f.
func (s *sentence) features(i int, f []uint64) []uint64 {
	t := &s.toks[i]
	low := lower(t.Form)
	lem, upos, xpos := s.lem[i], s.upos[i], s.xpos[i]
	prevLem, nextLem := at(s.lem, i-1), at(s.lem, i+1)
	f1 := func(tmpl, a uint64) { f = append(f, mix(hash(tmpl), a)) }
	f2 := func(tmpl, a, b uint64) { f = append(f, mix(mix(hash(tmpl), a), b)) }
	f3 := func(tmpl, a, b, c uint64) { f = append(f, mix(mix(mix(hash(tmpl), a), b), c)) }
	str := func(s string) uint64 { return mixString(offset64, s) }

	f = append(f, hash(fBias))
	f1(fForm, str(low))
	f1(fLemma, lem)
	f1(fUPOS, upos)
	f1(fXPOS, xpos)
	f1(fSuffix2, str(suffix(low, 2)))
	f1(fSuffix3, str(suffix(low, 3)))
	f1(fSuffix4, str(suffix(low, 4)))
	f1(fShape, shapeHash(t.Form))
	f2(fLemmaUPOS, lem, upos)
	f1(fPrevLemma, prevLem)
	f1(fNextLemma, nextLem)
	f1(fPrevUPOS, at(s.upos, i-1))
	f1(fNextUPOS, at(s.upos, i+1))
	f2(fPrev2UPOS, at(s.upos, i-2), at(s.upos, i-1))
	f2(fNext2UPOS, at(s.upos, i+1), at(s.upos, i+2))
	f3(fPrevNextXPOS, at(s.xpos, i-1), xpos, at(s.xpos, i+1))
	if i == 0 {
		f = append(f, hash(fFirst))
	}
	f2(fPrevLemmaLemma, prevLem, lem)
	f2(fLemmaNextLemma, lem, nextLem)
	f1(fPrev2Lemma, at(s.lem, i-2))
	f1(fNext2Lemma, at(s.lem, i+2))
	flags := s.lex.flags(s, i)
	for _, fl := range flags {
		flH := str(fl)
		f1(fTrigger, flH)
		f2(fTriggerUPOS, flH, upos)
	}

	for _, fl := range s.lex.otherFlags(s, i) {
		f2(fOtherTriggerUPOS, str(fl), upos)
	}

	rel, head := t.Rel, t.Head
	if head < 0 || head >= len(s.toks) {
		rel, head = "root", -1
	}
	relH := str(rel)
	headLem, headUPOS := at(s.lem, head), at(s.upos, head)
	f1(fRel, relH)
	f2(fLemmaRel, lem, relH)
	f1(fHeadLemma, headLem)
	f2(fRelHeadLemma, relH, headLem)
	f2(fRelHeadUPOS, relH, headUPOS)
	f3(fHeadLemmaRelUPOS, headLem, relH, upos)
	for _, k := range s.kids(i) {
		kr := s.toks[k].Rel
		krH := str(kr)
		f1(fChildRel, krH)
		f2(fLemmaChildRel, lem, krH)
		if functionRels[kr] {
			f2(fChildRelLemma, krH, s.lem[k])
			// The dictionary's flags with the word's function words: a
			// dictionary noun with a possessor ("Boeing's protest") or a
			// determiner heads a noun phrase, and names an event more
			// often than the same noun modifying another ("protest
			// leaders"); in TimeBank and AQUAINT 62% of the dictionary's
			// nouns with a possessor are events, 49% of all of them.
			for _, fl := range flags {
				f2(fTriggerChildRel, str(fl), krH)
			}
		}
		if kr == "case" && head >= 0 {
			// The preposition that attaches this word's phrase to its head.
			f2(fCaseOfHead, s.lem[k], headUPOS)
		}
	}
	return f
}

// lower is s in lower case; it allocates only when s has upper-case ASCII
// letters.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// mixLower is mixString of lower(s), without allocating.
func mixLower(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= prime64
	}
	return mix(h, uint64(len(s)))
}

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

// shapeHash hashes the shape of s: letters mapped to X/x, digits to d,
// other non-ASCII to u, repeats collapsed ("Boeing" is "Xx", "737s" "dx",
// "re-elect" "x-x").
func shapeHash(s string) uint64 {
	h := uint64(offset64)
	var last rune
	n := 0
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
			h ^= uint64(c)
			h *= prime64
			last = c
			n++
		}
	}
	return mix(h, uint64(n))
}
