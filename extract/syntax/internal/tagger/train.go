package tagger

import (
	"math/rand/v2"
	"slices"

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
	dict  map[string][]uint16
	all   []uint16
	lower lexicon
	lex   *lexTable
}

// Words that occur at least knownCount times in training, with one class
// at least knownShare of the time, always take that class.
const (
	knownCount = 20
	knownShare = 0.995
)

// NewTrainer returns a trainer of a tagger with the given classes (at most
// 253) on data,
// visiting sentences in an order shuffled by seed each pass. lex, which may
// be empty, gives lower-case words classes from a dictionary. Once
// trained, words seen at least dictCount times (0: none) take one of the
// classes they were seen with; training scores all classes, which learns
// better weights.
func NewTrainer(tags []Tag, data []Example, lex map[string]uint16, seed uint64, dictCount int) *Trainer {
	t := &Trainer{
		tags:  tags,
		data:  data,
		words: make([][]word, len(data)),
		order: make([]int, len(data)),
		rng:   rand.New(rand.NewPCG(seed, 0x7a66)),
		tr:    linear.NewTrainer(len(tags)),
		tr2:   linear.NewTrainer(len(tags)),
		dict:  dictionary(data, dictCount),
		all:   every(len(tags)),
		lower: lowerLexicon(data),
		lex:   newLexTable(lex),
	}
	for i, ex := range data {
		t.words[i] = describeAll(nil, ex.Forms, t.lower, t.lex)
		t.order[i] = i
	}
	return t
}

// UseLexiconOf makes the trainer describe words with the dictionary
// classes of tg (which NewTrainer takes as a map): taggers trained for
// jackknifing then see the lexicon the embedded tagger was trained with,
// without reading WordNet again.
func (t *Trainer) UseLexiconOf(tg *Tagger) {
	t.lex = tg.lex
	for i, ex := range t.data {
		t.words[i] = describeAll(t.words[i][:0], ex.Forms, t.lower, t.lex)
	}
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
			some := t.candidates(f)
			g := int(some[0])
			if len(some) > 1 {
				feats = features(feats[:0], t.words[k], first, i)
				t.tr.Score(feats, scores)
				g = argmax(scores)
				t.tr.Update(feats, ex.Tags[i], g)
			}
			first[i] = g
		}
		guess = append(guess[:0], make([]int, len(ex.Forms))...)
		for i, f := range ex.Forms {
			some := t.candidates(f)
			g := int(some[0])
			if len(some) > 1 {
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
// out; its Margin is 0 (the second pass sees every word).
func (t *Trainer) Tagger(prune float64, lemmas *Lemmatizer) *Tagger {
	if lemmas.lex != nil {
		lemmas.lex = t.lex // the same words: keep one table
	}
	m1, m2 := t.tr.Model(prune), t.tr2.Model(prune)
	models, err := m1.AppendBinary(nil)
	if err == nil {
		models, err = m2.AppendBinary(models)
	}
	tg := &Tagger{Tags: t.tags, Lemmas: lemmas, dict: t.dict, open: openClasses(t.data, len(t.tags)), lower: t.lower, lex: t.lex,
		models: models}
	if err == nil {
		err = tg.prepare()
	}
	if err != nil {
		panic(err) // more tags than NewTrainer allows
	}
	return tg
}

// argmax is the class with the highest score, the first of equals.
func argmax(scores []float32) int {
	b := 0
	for c, v := range scores {
		if v > scores[b] {
			b = c
		}
	}
	return b
}

func (t *Trainer) candidates(form string) []uint16 {
	if c, ok := t.dict[form]; ok {
		return c
	}
	return t.all
}

// openMin is how many words seen once in training a class needs to be
// open: one that words outside the dictionary may take.
const openMin = 3

// openClasses lists the classes of at least openMin words seen once in
// data (every class when that leaves fewer than two).
func openClasses(data []Example, n int) []uint16 {
	count := make(map[string]int)
	for _, ex := range data {
		for _, f := range ex.Forms {
			count[f]++
		}
	}
	hapax := make([]int, n)
	for _, ex := range data {
		for i, f := range ex.Forms {
			if count[f] == 1 {
				hapax[ex.Tags[i]]++
			}
		}
	}
	var open []uint16
	for c, k := range hapax {
		if k >= openMin {
			open = append(open, uint16(c))
		}
	}
	if len(open) < 2 { // too little data to tell
		return every(n)
	}
	return open
}

// dictionary finds the classes each frequent word of data takes.
func dictionary(data []Example, dictCount int) map[string][]uint16 {
	counts := make(map[string]map[int]int)
	for _, ex := range data {
		for i, f := range ex.Forms {
			if counts[f] == nil {
				counts[f] = make(map[int]int)
			}
			counts[f][ex.Tags[i]]++
		}
	}
	dict := make(map[string][]uint16)
	for f, byTag := range counts {
		total, top, topN := 0, 0, 0
		for tag, n := range byTag {
			total += n
			if n > topN || n == topN && tag < top {
				top, topN = tag, n
			}
		}
		switch {
		case total >= knownCount && float64(topN) >= knownShare*float64(total):
			dict[f] = []uint16{uint16(top)}
		case dictCount > 0 && total >= dictCount && len(byTag) > 1:
			var cs []uint16
			for tag := range byTag {
				cs = append(cs, uint16(tag))
			}
			slices.Sort(cs)
			dict[f] = cs
		}
	}
	return dict
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
