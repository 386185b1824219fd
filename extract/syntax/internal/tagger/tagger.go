// Package tagger is the part-of-speech tagger and lemmatizer under package
// syntax: a greedy left-to-right averaged perceptron choosing one joint
// (UPOS, XPOS) tag a word, and lemmas from the tag, an exception table and
// suffix rules, all learned from treebanks (Trainer, Learn) and kept in one
// binary file (AppendBinary, Decode).
package tagger

import (
	"math"
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
	open   []uint16            // the classes of other words: those rare words take
	lower  lexicon             // words seen in lower case in training
	lex    *lexTable           // word classes from a dictionary
	model  *linear.Model       // first pass, left to right
	model2 *linear.Model       // second pass, also seeing the first pass's guesses
	// Margin is the lead of the first pass's best class over the next
	// from which the second pass leaves a word alone; 0: it sees all.
	Margin float32
	pool   sync.Pool // *scratch
}

// scratch is what one Tag call works in, reused through the pool.
type scratch struct {
	words   []word
	guesses []int
	some    [][]uint16 // per word: the classes the second pass chooses from; nil: none
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
	s.some = s.some[:0]
	for i, f := range forms {
		some := t.candidates(f)
		if len(some) > 1 {
			s.feats = features(s.feats[:0], s.words, s.guesses, i)
			t.model.ScoreSome(s.feats, some, s.scores)
			var margin float32
			s.guesses[i], margin = best2(s.scores, some)
			if t.Margin > 0 && margin >= t.Margin {
				some = nil // sure enough: the second pass keeps the guess
			}
		} else {
			s.guesses[i] = int(some[0])
			some = nil
		}
		s.some = append(s.some, some)
	}
	for i, some := range s.some {
		if some == nil {
			out[i] = s.guesses[i]
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
	return t.open
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

// best2 is best with the lead of its score over the next best.
func best2(scores []float32, some []uint16) (int, float32) {
	b, second := some[0], some[1]
	if scores[second] > scores[b] {
		b, second = second, b
	}
	for _, c := range some[2:] {
		switch {
		case scores[c] > scores[b]:
			b, second = c, b
		case scores[c] > scores[second]:
			second = c
		}
	}
	return int(b), scores[b] - scores[second]
}

func every(n int) []uint16 {
	all := make([]uint16, n)
	for i := range all {
		all[i] = uint16(i)
	}
	return all
}

// Margins returns, for tuning Margin, the lead of the first pass's best
// class over the next for each word of a sentence (+Inf for words with one
// class).
func (t *Tagger) Margins(forms []string) []float32 {
	ws := describeAll(nil, forms, t.lower, t.lex)
	guesses := make([]int, len(forms))
	margins := make([]float32, len(forms))
	scores := make([]float32, len(t.Tags))
	var feats linear.Features
	for i, f := range forms {
		some := t.candidates(f)
		if len(some) == 1 {
			guesses[i], margins[i] = int(some[0]), float32(math.Inf(1))
			continue
		}
		feats = features(feats[:0], ws, guesses, i)
		t.model.ScoreSome(feats, some, scores)
		guesses[i], margins[i] = best2(scores, some)
	}
	return margins
}
