package depparse

import (
	"math/rand/v2"
	"testing"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/linear"
)

// randomLabels trains a label model on random updates: features with
// weights for one label, a few, or most of them (the three kinds of rows of
// a labelTable; the last with the largest weights, for the last label), and
// returns it with its feature hashes.
func randomLabels(r *rand.Rand, labels int) (*linear.Model, []uint64) {
	tr := linear.NewTrainer(labels)
	feats := make([]uint64, 3000)
	for i := range feats {
		feats[i] = r.Uint64()
	}
	for i := 4; i < len(feats); i += 5 { // the largest weights, which fill the lanes fastest
		tr.Add(feats[i:i+1], labels-1, 8)
	}
	for i, h := range feats {
		for range []int{1, 3, 6, labels / 3, labels}[i%5] {
			tr.Add([]uint64{h}, r.IntN(labels), float32(r.NormFloat64()))
		}
		tr.Tick()
	}
	return tr.Model(0), feats
}

// bestByScore is what the parser chose before labelTable: the first label
// of some with the highest linear.Model.ScoreSome score. It returns the
// scores too.
func bestByScore(m *linear.Model, feats []uint64, some []uint16) (int16, []float32) {
	scores := make([]float32, m.Classes())
	m.ScoreSome(feats, some, scores)
	best := some[0]
	for _, id := range some[1:] {
		if scores[id] > scores[best] {
			best = id
		}
	}
	return int16(best), scores
}

// A labelTable sums the weights linear.Model.ScoreSome sums and picks the
// label it ranks first, for arcs of known and unknown features, of fewer
// or more features than its lanes hold between folds (the largest weight
// 100 times).
func TestLabelTableBest(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, labels := range []int{2, 5, 51, 100, maxLabels} {
		m, known := randomLabels(r, labels)
		b, err := m.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		tab, rest, err := newLabelTable(b, labels)
		if err != nil || len(rest) != 0 {
			t.Fatalf("%d labels: %v, %d bytes left", labels, err, len(rest))
		}
		var sums labelSums
		top, topScore := known[0], float32(0) // the feature of the largest weight
		for _, h := range known {
			if _, s := bestByScore(m, []uint64{h}, []uint16{uint16(labels - 1)}); s[labels-1] > topScore {
				top, topScore = h, s[labels-1]
			}
		}
		for arc := range 2000 {
			feats := make([]uint64, []int{1, 17, 40, 100, 100}[arc%5])
			for i := range feats {
				if arc%5 == 4 {
					feats[i] = top
					continue
				}
				switch feats[i] = known[r.IntN(len(known))]; r.IntN(8) {
				case 0:
					feats[i] = r.Uint64() // unknown
				case 1, 2, 3, 4:
					feats[i] = known[4+5*r.IntN(len(known)/5)] // dense
				}
			}
			var some []uint16
			for id := range labels {
				if r.IntN(4) > 0 || id == labels-1 {
					some = append(some, uint16(id))
				}
			}
			got := tab.best(feats, some, &sums)
			want, scores := bestByScore(m, feats, some)
			if got != want {
				t.Fatalf("%d labels, arc %d of %d features: label %d, want %d", labels, arc, len(feats), got, want)
			}
			for _, id := range some {
				if s := float32(sums.acc[id]) * m.Scale(); s != scores[id] {
					t.Fatalf("%d labels, arc %d of %d features: label %d scores %v, want %v", labels, arc, len(feats), id, s, scores[id])
				}
			}
		}
	}
	if _, _, err := newLabelTable(mustEncode(t, linear.NewTrainer(maxLabels+1).Model(0)), maxLabels+1); err == nil {
		t.Errorf("a model of %d labels laid out", maxLabels+1)
	}
}

func mustEncode(t *testing.T, m *linear.Model) []byte {
	t.Helper()
	b, err := m.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
