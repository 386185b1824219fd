package detect

import (
	"math/rand/v2"
	"slices"

	"github.com/eventgraph/eventgraph/extract/syntax"
)

// Labeled is a training sentence: analyzed tokens and each token's gold
// class, "" for a token that is no event.
type Labeled struct {
	Toks  []syntax.Token
	Class []string
}

// TrainOptions are the training settings; the zero value means the
// defaults.
type TrainOptions struct {
	Epochs int // passes over the data (default 6)
	// Models is the number of perceptrons, each trained on its own
	// shuffling of the data, whose averaged weights are averaged (default
	// 4). The annotations disagree with themselves ("had 21.8 million
	// shares outstanding" is a STATE in one file, an OCCURRENCE in the
	// next), and a single perceptron's classes for such words follow the
	// order it met the examples in.
	Models int
	Seed   uint64  // shuffling seed
	Prune  float64 // averaged weights below this magnitude are dropped (default 0.01)
	// Bias favours events over "no event" when decoding (default
	// DefaultBias; negative for none), in units of averaged weights.
	Bias float32
	// Triggers is the lexicon the features consult (ReadTriggers), kept
	// in the model; nil for none.
	Triggers Lexicon
}

// DefaultBias is the decoding bias that gave the best event F1 in
// cross-validation over TimeBank (eval/tempeval -events -dev).
const DefaultBias = 9

// Train learns a model from labeled sentences. The same data and options
// give the same model.
func Train(data []Labeled, opt TrainOptions) *Model {
	if opt.Epochs == 0 {
		opt.Epochs = 6
	}
	if opt.Models == 0 {
		opt.Models = 4
	}
	if opt.Prune == 0 {
		opt.Prune = 0.01
	}
	switch {
	case opt.Bias == 0:
		opt.Bias = DefaultBias
	case opt.Bias < 0:
		opt.Bias = 0
	}
	classIndex := make(map[string]int, len(Classes))
	for k, c := range Classes {
		classIndex[c] = k + 1
	}
	type item struct {
		feats []uint64
		gold  int
	}
	var items []item
	for _, l := range data {
		s := newSentence(l.Toks, opt.Triggers)
		for i, t := range l.Toks {
			if !candidate(t.UPOS) {
				continue
			}
			items = append(items, item{s.features(i, nil), classIndex[l.Class[i]]})
		}
		s.free()
	}
	sum := make(map[uint64][]float64)
	for k := range opt.Models {
		// Each perceptron sees the items in an order of its own.
		order := slices.Clone(items)
		rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed+uint64(k)))
		tr := newTrainer(len(Classes) + 1)
		scores := make([]float32, tr.classes)
		for range opt.Epochs {
			rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
			for _, it := range order {
				tr.score(it.feats, scores)
				tr.update(it.feats, it.gold, argmax(scores))
			}
		}
		tr.addAverages(sum, 1/float64(opt.Models))
	}
	return &Model{m: quantize(len(Classes)+1, sum, opt.Prune), lex: opt.Triggers, bias: opt.Bias}
}
