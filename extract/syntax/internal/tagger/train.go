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
	tr    *linear.Trainer
}

// NewTrainer returns a trainer of a tagger with the given classes on data,
// visiting sentences in an order shuffled by seed each pass.
func NewTrainer(tags []Tag, data []Example, seed uint64) *Trainer {
	t := &Trainer{
		tags:  tags,
		data:  data,
		words: make([][]word, len(data)),
		order: make([]int, len(data)),
		rng:   rand.New(rand.NewPCG(seed, 0x7a66)),
		tr:    linear.NewTrainer(len(tags)),
	}
	for i, ex := range data {
		t.words[i] = describeAll(nil, ex.Forms)
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
		right  int
		total  int
	)
	for _, k := range t.order {
		ex := t.data[k]
		guess = append(guess[:0], make([]int, len(ex.Forms))...)
		for i := range ex.Forms {
			feats = features(feats[:0], t.words[k], guess, i)
			t.tr.Score(feats, scores)
			g := argmax(scores)
			t.tr.Update(feats, ex.Tags[i], g)
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
	return New(t.tags, t.tr.Model(prune), lemmas)
}
