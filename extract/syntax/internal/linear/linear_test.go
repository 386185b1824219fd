package linear

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

// toy is a three-class problem: the class is the index of the largest of
// three word counts, described by hashed features.
func toy(r *rand.Rand) (Features, int) {
	var f Features
	counts := [3]int{r.IntN(5), r.IntN(5), r.IntN(5)}
	gold := 0
	for c, n := range counts {
		if n > counts[gold] {
			gold = c
		}
		f.Add(Mix(Mix(Hash(1), uint64(c)), uint64(n)))
	}
	f.Add(Hash(0))                                            // bias
	f.Add(HashString(Hash(2), []string{"a", "b", "c"}[gold])) // a tell-tale word
	return f, gold
}

func train(seed uint64) *Trainer {
	r := rand.New(rand.NewPCG(seed, 1))
	t := NewTrainer(3)
	scores := make([]float32, 3)
	for range 5000 {
		f, gold := toy(r)
		t.Score(f, scores)
		t.Update(f, gold, argmax(scores))
	}
	return t
}

func argmax(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

func TestLearns(t *testing.T) {
	m := train(1).Model(0)
	r := rand.New(rand.NewPCG(99, 1))
	scores := make([]float32, 3)
	right := 0
	for range 1000 {
		f, gold := toy(r)
		m.Score(f, scores)
		if argmax(scores) == gold {
			right++
		}
	}
	if right < 990 {
		t.Errorf("%d/1000 right", right)
	}
	if m.Features() == 0 || m.Weights() < m.Features() {
		t.Errorf("%d features, %d weights", m.Features(), m.Weights())
	}
}

func TestRoundTrip(t *testing.T) {
	m := train(1).Model(0.001)
	b, err := m.AppendBinary([]byte("head"))
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, "tail"...)
	m2, rest, err := DecodeModel(b[4:])
	if err != nil {
		t.Fatal(err)
	}
	if string(rest) != "tail" {
		t.Errorf("rest %q", rest)
	}
	r := rand.New(rand.NewPCG(7, 1))
	s1, s2 := make([]float32, 3), make([]float32, 3)
	for range 200 {
		f, _ := toy(r)
		m.Score(f, s1)
		m2.Score(f, s2)
		if !slices.Equal(s1, s2) {
			t.Fatalf("scores %v after round trip, want %v", s2, s1)
		}
	}
	for n := range len(b) - 4 {
		if _, _, err := DecodeModel(b[4 : 4+n]); err == nil && n < len(b)-8 {
			t.Fatalf("truncated to %d bytes: no error", n)
		}
	}
}

func TestScoreSome(t *testing.T) {
	m := train(2).Model(0)
	r := rand.New(rand.NewPCG(3, 1))
	all, some := make([]float32, 3), make([]float32, 3)
	for range 100 {
		f, _ := toy(r)
		m.Score(f, all)
		m.ScoreSome(f, []uint16{0, 2}, some)
		if all[0] != some[0] || all[2] != some[2] {
			t.Fatalf("ScoreSome %v, Score %v", some, all)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, _ := train(5).Model(0.01).AppendBinary(nil)
	b, _ := train(5).Model(0.01).AppendBinary(nil)
	if !bytes.Equal(a, b) {
		t.Error("same updates gave different model bytes")
	}
}

func TestPrune(t *testing.T) {
	tr := train(3)
	full, pruned := tr.Model(0), tr.Model(0.5)
	if pruned.Weights() >= full.Weights() {
		t.Errorf("pruning kept %d of %d weights", pruned.Weights(), full.Weights())
	}
}

func BenchmarkScore(b *testing.B) {
	m := train(1).Model(0)
	f, _ := toy(rand.New(rand.NewPCG(1, 1)))
	scores := make([]float32, 3)
	b.ReportAllocs()
	for b.Loop() {
		m.Score(f, scores)
	}
}
