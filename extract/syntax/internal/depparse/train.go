package depparse

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/linear"
)

// Options control training.
type Options struct {
	Epochs      int     // passes over the training sentences
	Seed        uint64  // shuffling and exploration
	ExploreFrom int     // first epoch (counting from 0) that may follow the model's mistakes
	ExploreProb float64 // then the probability of following a wrong move instead of the oracle's
	Prune       float64 // averaged move weights smaller in magnitude are dropped from the model
	LabelPrune  float64 // the same for label weights

	// AfterEpoch, when set, is called after each epoch with the model
	// averaged so far (for scores on held-out data).
	AfterEpoch func(epoch int, m *Model)
}

// DefaultOptions are the settings the embedded model is trained with.
var DefaultOptions = Options{Epochs: 8, Seed: 1, ExploreFrom: 1, ExploreProb: 0.9, Prune: 1.6, LabelPrune: 0.2}

// Trainer learns a parser one pass over the data at a time.
type Trainer struct {
	model           Model // the labels; weights come from the trainers
	moveTr, labelTr *linear.Trainer
	parser
	opt   Options
	rng   *rand.Rand
	sents [][]Word
	gold  [][]int32 // projectivized heads, the root as n
	order []int
	epoch int
}

// Train learns a parser from sentences with gold heads and relations with
// opt.Epochs passes. The same sentences and options give the same model.
func Train(sents [][]Word, opt Options) (*Model, error) {
	t, err := NewTrainer(sents, opt)
	if err != nil {
		return nil, err
	}
	for range opt.Epochs {
		t.Epoch()
		if opt.AfterEpoch != nil {
			opt.AfterEpoch(t.epoch-1, t.Averaged(opt.Prune, opt.LabelPrune))
		}
	}
	return t.Averaged(opt.Prune, opt.LabelPrune), nil
}

// NewTrainer returns a trainer on sentences with gold heads and relations.
// Non-projective trees are projectivized (lifted) first.
func NewTrainer(sents [][]Word, opt Options) (*Trainer, error) {
	if len(sents) == 0 {
		return nil, errors.New("depparse: no training sentences")
	}
	t := &Trainer{opt: opt, sents: sents, rng: rand.New(rand.NewPCG(opt.Seed, 0x5eed))}
	if err := t.inventory(sents); err != nil {
		return nil, err
	}
	t.moveTr = linear.NewTrainer(int(numMoves))
	t.labelTr = linear.NewTrainer(len(t.model.names))
	t.scores = make([]float32, max(int(numMoves), len(t.model.names)))
	t.gold = make([][]int32, len(sents))
	t.order = make([]int, len(sents))
	for i, s := range sents {
		t.gold[i] = goldHeads(s)
		t.order[i] = i
	}
	return t, nil
}

// Epoch makes one pass over the sentences in a new random order, following
// the model's mistakes from epoch opt.ExploreFrom on.
func (t *Trainer) Epoch() {
	t.rng.Shuffle(len(t.order), func(i, j int) { t.order[i], t.order[j] = t.order[j], t.order[i] })
	explore := t.epoch >= t.opt.ExploreFrom
	for _, i := range t.order {
		t.learn(t.sents[i], t.gold[i], explore, t.opt.ExploreProb)
	}
	t.epoch++
}

// inventory collects the labels (sorted by name) and the sides each occurs on.
func (t *Trainer) inventory(sents [][]Word) error {
	seen := map[string]bool{RootRel: true}
	for _, s := range sents {
		for i, w := range s {
			if w.Rel == "" || w.Head < -1 || w.Head >= len(s) || w.Head == i {
				return fmt.Errorf("depparse: bad gold arc %d -> %d %q", w.Head, i, w.Rel)
			}
			seen[w.Rel] = true
		}
	}
	for name := range seen {
		t.model.names = append(t.model.names, name)
	}
	slices.Sort(t.model.names)
	if len(t.model.names) > maxLabels {
		return errors.New("depparse: too many labels")
	}
	t.model.root = int16(slices.Index(t.model.names, RootRel))
	t.model.dirOK = [2][]bool{make([]bool, len(t.model.names)), make([]bool, len(t.model.names))}
	for _, s := range sents {
		for i, w := range s {
			if w.Head >= 0 && w.Rel != RootRel {
				dir := 0
				if i > w.Head {
					dir = 1
				}
				id, _ := slices.BinarySearch(t.model.names, w.Rel)
				t.model.dirOK[dir][id] = true
			}
		}
	}
	t.model.setSides()
	return nil
}

// goldHeads returns the projectivized gold heads, the root as n.
func goldHeads(s []Word) []int32 {
	heads := make([]int, len(s))
	for i, w := range s {
		heads[i] = w.Head
	}
	g := make([]int32, len(s)+2)
	for i, h := range projectivize(heads) {
		if h < 0 {
			h = len(s)
		}
		g[i] = int32(h)
	}
	g[len(s)], g[len(s)+1] = -1, -1
	return g
}

// learn parses one sentence, updating the models where they disagree with
// the dynamic oracle.
func (t *Trainer) learn(sent []Word, gold []int32, explore bool, p float64) {
	s := &t.st
	s.reset(len(sent))
	t.ws.reset(sent)
	var cost [numMoves]int
	for !s.terminal() {
		s.moveFeatures(&t.ws, &t.f)
		t.moveTr.Score(t.f.f, t.scores)
		pred := bestMove(s, t.scores)
		minCost := -1
		for mv := range numMoves {
			if s.legal(mv) {
				cost[mv] = s.cost(mv, gold)
				if minCost < 0 || cost[mv] < minCost {
					minCost = cost[mv]
				}
			}
		}
		best := numMoves
		for mv := range numMoves {
			if s.legal(mv) && cost[mv] == minCost && (best == numMoves || t.scores[mv] > t.scores[best]) {
				best = mv
			}
		}
		t.moveTr.Update(t.f.f, int(best), int(pred))
		next := best
		if explore && cost[pred] > minCost && t.rng.Float64() < p {
			next = pred
		}
		lab := int16(-1)
		if next != shift {
			lab = t.model.label(s, next, &t.ws, &t.f, t.scores, nil, t.labelTr)
			if h, d := s.arc(next); h != s.n && gold[d] == h {
				id, _ := slices.BinarySearch(t.model.names, sent[d].Rel)
				t.labelTr.Update(t.f.f, id, int(lab))
			}
		}
		s.apply(next, lab)
	}
}

// Averaged returns the model learnt so far, averaged, without the move and
// label weights smaller in magnitude than prune and labelPrune.
func (t *Trainer) Averaged(prune, labelPrune float64) *Model {
	m := t.model
	m.names = slices.Clone(t.model.names)
	moves, err := t.moveTr.Model(prune).AppendBinary(nil)
	if err == nil {
		_, err = m.setMoves(moves)
	}
	var labels []byte
	if err == nil {
		labels, err = t.labelTr.Model(labelPrune).AppendBinary(nil)
	}
	if err == nil {
		_, err = m.setLabels(labels)
	}
	if err != nil {
		panic(err) // a model just encoded decodes
	}
	return &m
}
