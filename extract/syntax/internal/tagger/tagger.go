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
	pos     *positions
	tables  [2]*table   // the two passes' weights
	entries *entryTable // dict laid out for tagging
	other   candidates  // the candidates of other words
	// The lemma tables of each class.
	lemmaRules []tagRules
	pool       sync.Pool // *scratch
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
	t.lemmaRules = make([]tagRules, len(t.Tags))
	for c, tag := range t.Tags {
		t.lemmaRules[c] = t.Lemmas.forTag(tag.XPOS)
	}
	t.prepareDictionary()
	return nil
}

// scratch is what one Tag call works in, reused through the pool.
type scratch struct {
	words   []word
	cands   []*candidates
	entries []*entry // the dictionary's, nil for other words
	guesses []int
	second  []int // the words the second pass sees
	feats   linear.Features
	sums    sums
	base    []byte // a word's base form while its lemma is found
	// The lemmas built in a sentence: their bytes, and where each is.
	built []byte
	spans []span
}

// span is the lemma of word i: built[start:end].
type span struct{ i, start, end int }

// Tag sets out[i] (len(out) >= len(forms)) to the class of word forms[i].
func (t *Tagger) Tag(forms []string, out []int) {
	s := t.scratch()
	t.tag(s, forms, out)
	t.pool.Put(s)
}

// TagLemmas is Tag that also sets lemmas[i] (len(lemmas) >= len(forms)) to
// the lemma of forms[i] with its tag (Lemmas.Lemma). It allocates at most
// one string a sentence, for the lemmas that are neither a part of their
// form nor stored.
func (t *Tagger) TagLemmas(forms []string, out []int, lemmas []string) {
	s := t.scratch()
	t.tag(s, forms, out)
	t.lemmas(s, forms, out, lemmas)
	t.pool.Put(s)
}

func (t *Tagger) scratch() *scratch {
	if s, ok := t.pool.Get().(*scratch); ok {
		return s
	}
	return new(scratch)
}

// tag is Tag in s; it leaves the candidates of the words in s.cands.
func (t *Tagger) tag(s *scratch, forms []string, out []int) {
	t.describe(s, forms)
	s.guesses = append(s.guesses[:0], make([]int, len(forms))...)
	s.second = s.second[:0]
	for i, c := range s.cands {
		if c.class >= 0 {
			s.guesses[i] = c.class
			continue
		}
		var margin float32
		s.guesses[i], margin = t.first(s, i)
		if t.Margin <= 0 || margin < t.Margin {
			s.second = append(s.second, i)
		}
	}
	copy(out, s.guesses)
	for _, i := range s.second {
		c := s.cands[i]
		t.start(s, i, 1)
		s.feats = contextFeatures(s.feats, s.words, out, i)
		s.feats = rightFeatures(s.feats, s.words, out, s.guesses, i)
		t.tables[1].sum(s.feats, c, &s.sums)
		b, _, _, _ := s.sums.best2(c)
		out[i] = t.pos.classOf[b]
	}
}

// first scores word i in the first pass: its best class and that class's
// lead over the next.
func (t *Tagger) first(s *scratch, i int) (int, float32) {
	c := s.cands[i]
	t.start(s, i, 0)
	s.feats = contextFeatures(s.feats, s.words, s.guesses, i)
	t.tables[0].sum(s.feats, c, &s.sums)
	b, _, vb, vs := s.sums.best2(c)
	scale := t.tables[0].scale
	return t.pos.classOf[b], float32(vb)*scale - float32(vs)*scale
}

// Features is the number of features with weights.
func (t *Tagger) Features() int { return t.tables[0].features + t.tables[1].features }

// Weights is the number of weights.
func (t *Tagger) Weights() int { return t.tables[0].weights + t.tables[1].weights }

// describeAll describes the words forms (for training: tagging uses
// Tagger.describe).
func describeAll(ws []word, forms []string, lower lexicon, lex *lexTable) []word {
	if cap(ws) < len(forms) {
		ws = make([]word, len(forms))
	}
	ws = ws[:len(forms)]
	for i, f := range forms {
		describeWord(&ws[i], f, i == 0, lower, lex)
	}
	return ws
}

// describeWord describes form, the first word of its sentence or not, with
// what the lexicons say of it.
func describeWord(w *word, form string, first bool, lower lexicon, lex *lexTable) {
	describe(w, form, first)
	if w.flags&flagUpper != 0 && lower.has(w.lower) {
		w.flags |= flagKnownLower
	}
	w.flags &^= flagLowerCase
	w.lex = uint64(lex.get(w.lower))
}

// lexicon is a set of word hashes.
type lexicon map[uint64]struct{}

func (l lexicon) has(h uint64) bool {
	_, ok := l[h]
	return ok
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
	t.describe(s, forms)
	s.guesses = make([]int, len(forms))
	margins := make([]float32, len(forms))
	for i, c := range s.cands {
		if c.class >= 0 {
			s.guesses[i], margins[i] = c.class, float32(math.Inf(1))
			continue
		}
		s.guesses[i], margins[i] = t.first(s, i)
	}
	return margins
}
