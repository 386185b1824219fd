// Package tagger is the part-of-speech tagger and lemmatizer under package
// syntax: a greedy left-to-right averaged perceptron choosing one joint
// (UPOS, XPOS) tag a word, and lemmas from the tag, an exception table and
// suffix rules, all learned from treebanks (Trainer, Learn) and kept in one
// binary file (AppendBinary, Decode).
package tagger

import (
	"sync"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/linear"
)

// Tag is one class of the tagger: a universal and a Penn tag.
type Tag struct{ UPOS, XPOS string }

// Tagger tags sentences. It is safe for concurrent use.
type Tagger struct {
	Tags   []Tag // class number -> tag
	Lemmas *Lemmatizer
	dict   map[string][]uint16 // the classes a frequent word may take; one: it always does
	all    []uint16            // every class, for the other words
	lower  lexicon             // words seen in lower case in training
	lex    *lexTable           // word classes from a dictionary
	model  *linear.Model       // first pass, left to right
	model2 *linear.Model       // second pass, also seeing the first pass's guesses
	pool   sync.Pool           // *scratch
}

// scratch is what one Tag call works in, reused through the pool.
type scratch struct {
	words   []word
	guesses []int
	feats   linear.Features
	scores  []float32
}

// Tag sets out[i] (len(out) >= len(forms)) to the class of word forms[i].
func (t *Tagger) Tag(forms []string, out []int) {
	s, _ := t.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{scores: make([]float32, len(t.Tags))}
	}
	s.words = describeAll(s.words, forms, t.lower, t.lex)
	s.guesses = append(s.guesses[:0], make([]int, len(forms))...)
	for i, f := range forms {
		some := t.candidates(f)
		if len(some) == 1 {
			s.guesses[i] = int(some[0])
			continue
		}
		s.feats = features(s.feats[:0], s.words, s.guesses, i)
		t.model.ScoreSome(s.feats, some, s.scores)
		s.guesses[i] = best(s.scores, some)
	}
	for i, f := range forms {
		some := t.candidates(f)
		if len(some) == 1 {
			out[i] = int(some[0])
			continue
		}
		s.feats = features(s.feats[:0], s.words, out, i)
		s.feats = rightFeatures(s.feats, s.words, out, s.guesses, i)
		t.model2.ScoreSome(s.feats, some, s.scores)
		out[i] = best(s.scores, some)
	}
	t.pool.Put(s)
}

// Features is the number of features with weights.
func (t *Tagger) Features() int { return t.model.Features() + t.model2.Features() }

// Weights is the number of weights.
func (t *Tagger) Weights() int { return t.model.Weights() + t.model2.Weights() }

func describeAll(ws []word, forms []string, lower lexicon, lex *lexTable) []word {
	if cap(ws) < len(forms) {
		ws = make([]word, len(forms))
	}
	ws = ws[:len(forms)]
	for i, f := range forms {
		w := &ws[i]
		describe(w, f, i == 0)
		if w.flags&flagUpper != 0 && lower.has(w.lower) {
			w.flags |= flagKnownLower
		}
		w.flags &^= flagLowerCase
		w.lex = uint64(lex.get(w.lower))
	}
	return ws
}

// lexicon is a set of word hashes.
type lexicon map[uint64]struct{}

func (l lexicon) has(h uint64) bool {
	_, ok := l[h]
	return ok
}

// candidates are the classes word form may take.
func (t *Tagger) candidates(form string) []uint16 {
	if c, ok := t.dict[form]; ok {
		return c
	}
	return t.all
}

// best is the class of some with the highest score.
func best(scores []float32, some []uint16) int {
	b := some[0]
	for _, c := range some[1:] {
		if scores[c] > scores[b] {
			b = c
		}
	}
	return int(b)
}

func every(n int) []uint16 {
	all := make([]uint16, n)
	for i := range all {
		all[i] = uint16(i)
	}
	return all
}
