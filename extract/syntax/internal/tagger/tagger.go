// Package tagger is the part-of-speech tagger and lemmatizer under package
// syntax: a greedy left-to-right averaged perceptron choosing one joint
// (UPOS, XPOS) tag a word, and lemmas from the tag, an exception table and
// suffix rules, all learned from treebanks (Trainer, Learn) and kept in one
// binary file (AppendBinary, Decode).
package tagger

import (
	"errors"
	"fmt"
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
	// The weights of the first pass (left to right) and of the second
	// (also seeing the first pass's guesses), encoded as two
	// linear.Models; tables holds them laid out for tagging.
	models []byte
	// Margin is the lead of the first pass's best class over the next
	// from which the second pass leaves a word alone; 0: it sees all.
	Margin float32

	// For tagging, built from the above (prepare).
	pos    *positions
	tables [2]*table             // the two passes' weights
	known  map[string]candidates // dict in positions
	other  candidates            // open in positions
	pool   sync.Pool             // *scratch
}

// candidates are the classes a word may take, as positions.
type candidates struct {
	pos   []uint16
	open  bool // pos are the open classes
	class int  // the class of a word with one, else -1
}

// prepare lays out the two passes' models and the dictionary for tagging.
func (t *Tagger) prepare() error {
	if len(t.Tags) > maxClasses {
		return fmt.Errorf("tagger: %d classes (at most %d)", len(t.Tags), maxClasses)
	}
	t.pos = newPositions(len(t.Tags), t.open)
	b := t.models
	for pass := range t.tables {
		tb, rest, err := decodeTable(b, t.pos)
		if err != nil {
			return err
		}
		t.tables[pass], b = tb, rest
	}
	if len(b) != 0 {
		return errors.New("tagger: bytes after the models")
	}
	positions := func(classes []uint16) []uint16 {
		pos := make([]uint16, len(classes))
		for j, c := range classes {
			pos[j] = t.pos.posOf[c]
		}
		return pos
	}
	t.known = make(map[string]candidates, len(t.dict))
	for w, classes := range t.dict {
		c := candidates{pos: positions(classes), class: -1}
		if len(classes) == 1 {
			c.class = int(classes[0])
		}
		t.known[w] = c
	}
	t.other = candidates{pos: positions(t.open), open: true, class: -1}
	if len(t.open) == 1 {
		t.other.class = int(t.open[0])
	}
	return nil
}

// scratch is what one Tag call works in, reused through the pool.
type scratch struct {
	words   []word
	guesses []int
	second  []int // the words the second pass sees
	feats   linear.Features
	acc     accumulator
}

// Tag sets out[i] (len(out) >= len(forms)) to the class of word forms[i].
func (t *Tagger) Tag(forms []string, out []int) {
	s, _ := t.pool.Get().(*scratch)
	if s == nil {
		s = new(scratch)
	}
	s.words = describeAll(s.words, forms, t.lower, t.lex)
	s.guesses = append(s.guesses[:0], make([]int, len(forms))...)
	s.second = s.second[:0]
	for i, f := range forms {
		c := t.candidates(f)
		if c.class >= 0 {
			s.guesses[i] = c.class
			continue
		}
		var margin float32
		s.guesses[i], margin = t.first(s, c, i)
		if t.Margin <= 0 || margin < t.Margin {
			s.second = append(s.second, i)
		}
	}
	copy(out, s.guesses)
	for _, i := range s.second {
		c := t.candidates(forms[i])
		s.feats = features(s.feats[:0], s.words, out, i)
		s.feats = rightFeatures(s.feats, s.words, out, s.guesses, i)
		out[i] = t.pos.classOf[t.score(1, s, c)]
	}
	t.pool.Put(s)
}

// first scores word i in the first pass: its best class and that class's
// lead over the next.
func (t *Tagger) first(s *scratch, c candidates, i int) (int, float32) {
	s.feats = features(s.feats[:0], s.words, s.guesses, i)
	for _, p := range c.pos {
		s.acc[p] = 0
	}
	t.tables[0].sum(s.feats, c.pos, c.open, &s.acc)
	b, second := best2(&s.acc, c.pos)
	scale := t.tables[0].scale
	return t.pos.classOf[b], float32(s.acc[b])*scale - float32(s.acc[second])*scale
}

// score is the position of the best candidate in c for the features
// s.feats in pass.
func (t *Tagger) score(pass int, s *scratch, c candidates) int {
	for _, p := range c.pos {
		s.acc[p] = 0
	}
	t.tables[pass].sum(s.feats, c.pos, c.open, &s.acc)
	return best(&s.acc, c.pos)
}

// Features is the number of features with weights.
func (t *Tagger) Features() int { return t.tables[0].features + t.tables[1].features }

// Weights is the number of weights.
func (t *Tagger) Weights() int { return t.tables[0].weights + t.tables[1].weights }

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
func (t *Tagger) candidates(form string) candidates {
	if c, ok := t.known[form]; ok {
		return c
	}
	return t.other
}

// best is the position of some with the highest sum.
func best(acc *accumulator, some []uint16) int {
	b := some[0]
	for _, p := range some[1:] {
		if acc[p] > acc[b] {
			b = p
		}
	}
	return int(b)
}

// best2 is best and the position with the next highest sum.
func best2(acc *accumulator, some []uint16) (b, second int) {
	x, y := some[0], some[1]
	if acc[y] > acc[x] {
		x, y = y, x
	}
	for _, p := range some[2:] {
		switch {
		case acc[p] > acc[x]:
			x, y = p, x
		case acc[p] > acc[y]:
			y = p
		}
	}
	return int(x), int(y)
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
	s := new(scratch)
	s.words = describeAll(nil, forms, t.lower, t.lex)
	s.guesses = make([]int, len(forms))
	margins := make([]float32, len(forms))
	for i, f := range forms {
		c := t.candidates(f)
		if c.class >= 0 {
			s.guesses[i], margins[i] = c.class, float32(math.Inf(1))
			continue
		}
		s.guesses[i], margins[i] = t.first(s, c, i)
	}
	return margins
}
