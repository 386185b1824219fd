package detect

import (
	"math/rand/v2"

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
	Epochs int     // passes over the data (default 6)
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
	tr := newTrainer(len(Classes) + 1)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	scores := make([]float32, tr.classes)
	for range opt.Epochs {
		rng.Shuffle(len(items), func(a, b int) { items[a], items[b] = items[b], items[a] })
		for _, it := range items {
			tr.score(it.feats, scores)
			tr.update(it.feats, it.gold, argmax(scores))
		}
	}
	return &Model{m: tr.model(opt.Prune), lex: opt.Triggers, bias: opt.Bias}
}
