package tagger

import (
	"math/rand/v2"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/linear"
)

// Example is one training sentence: its words and their classes.
type Example struct {
	Forms []string
	Tags  []int
}

// Trainer trains a tagger one pass over the data at a time.
type Trainer struct {
	tags  []Tag
	data  []Example
	words [][]word // descriptions of data, computed once
	order []int
	rng   *rand.Rand
	tr    *linear.Trainer // first pass
	tr2   *linear.Trainer // second pass
	known map[string]int
	lower lexicon
	lex   *lexTable
}

// Words that occur at least knownCount times in training, with one class
// at least knownShare of the time, always take that class.
const (
	knownCount = 20
	knownShare = 0.995
)

// NewTrainer returns a trainer of a tagger with the given classes on data,
// visiting sentences in an order shuffled by seed each pass. lex, which may
// be empty, gives lower-case words classes from a dictionary.
func NewTrainer(tags []Tag, data []Example, lex map[string]uint16, seed uint64) *Trainer {
	t := &Trainer{
		tags:  tags,
		data:  data,
		words: make([][]word, len(data)),
		order: make([]int, len(data)),
		rng:   rand.New(rand.NewPCG(seed, 0x7a66)),
		tr:    linear.NewTrainer(len(tags)),
		tr2:   linear.NewTrainer(len(tags)),
		known: knownWords(data),
		lower: lowerLexicon(data),
		lex:   newLexTable(lex),
	}
	for i, ex := range data {
		t.words[i] = describeAll(nil, ex.Forms, t.lower, t.lex)
		t.order[i] = i
	}
	return t
}

// Epoch makes one pass over the data, tagging each sentence greedily with
// the current weights and learning from every word, and returns the share
// of words tagged right.
func (t *Trainer) Epoch() float64 {
	t.rng.Shuffle(len(t.order), func(i, j int) { t.order[i], t.order[j] = t.order[j], t.order[i] })
	var (
		feats  linear.Features
		scores = make([]float32, len(t.tags))
		guess  []int
		first  []int
		right  int
		total  int
	)
	for _, k := range t.order {
		ex := t.data[k]
		first = append(first[:0], make([]int, len(ex.Forms))...)
		for i, f := range ex.Forms {
			g, ok := t.known[f]
			if !ok {
				feats = features(feats[:0], t.words[k], first, i)
				t.tr.Score(feats, scores)
				g = argmax(scores)
				t.tr.Update(feats, ex.Tags[i], g)
			}
			first[i] = g
		}
		guess = append(guess[:0], make([]int, len(ex.Forms))...)
		for i, f := range ex.Forms {
			g, ok := t.known[f]
			if !ok {
				feats = features(feats[:0], t.words[k], guess, i)
				feats = rightFeatures(feats, t.words[k], guess, first, i)
				t.tr2.Score(feats, scores)
				g = argmax(scores)
				t.tr2.Update(feats, ex.Tags[i], g)
			}
			guess[i] = g
			if g == ex.Tags[i] {
				right++
			}
			total++
		}
	}
	return float64(right) / float64(max(total, 1))
}

// Tagger returns the averaged tagger, with weights smaller than prune left
// out.
func (t *Trainer) Tagger(prune float64, lemmas *Lemmatizer) *Tagger {
	return &Tagger{Tags: t.tags, Lemmas: lemmas, known: t.known, lower: t.lower, lex: t.lex,
		model: t.tr.Model(prune), model2: t.tr2.Model(prune)}
}

// knownWords finds the frequent words of data that (nearly) always take
// the same class.
func knownWords(data []Example) map[string]int {
	counts := make(map[string]map[int]int)
	for _, ex := range data {
		for i, f := range ex.Forms {
			if counts[f] == nil {
				counts[f] = make(map[int]int)
			}
			counts[f][ex.Tags[i]]++
		}
	}
	known := make(map[string]int)
	for f, byTag := range counts {
		total, best, bestN := 0, 0, 0
		for tag, n := range byTag {
			total += n
			if n > bestN || n == bestN && tag < best {
				best, bestN = tag, n
			}
		}
		if total >= knownCount && float64(bestN) >= knownShare*float64(total) {
			known[f] = best
		}
	}
	return known
}

// lowerLexicon is the set of the words written in lower case in data.
func lowerLexicon(data []Example) lexicon {
	l := make(lexicon)
	var w word
	for _, ex := range data {
		for _, f := range ex.Forms {
			describe(&w, f, false)
			if w.flags&flagLowerCase != 0 {
				l[w.lower] = struct{}{}
			}
		}
	}
	return l
}
