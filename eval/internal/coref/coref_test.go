package coref

import (
	"math"
	"math/rand/v2"
	"testing"
)

// partition builds a Partition from clusters of one-letter mentions.
func partition(clusters ...string) Partition {
	p := Partition{}
	for i, c := range clusters {
		for _, m := range c {
			p[string(m)] = string(rune('A' + i))
		}
	}
	return p
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// The figures were computed by hand from the definitions; the first case
// is the worked example of Pradhan et al. (2014), whose paper gives MUC
// 0.40/0.40, B-cubed R 0.42 P 0.50, CEAF-e R 0.65 P 0.43.
func TestMeasures(t *testing.T) {
	tests := []struct {
		name       string
		key, resp  Partition
		muc, b3, e Score
	}{
		{
			// key {a b c} {d e f g}; response {a b} {c d} {f g h i}.
			// MUC R: {abc} in 2 parts, {defg} in {d}{e}{fg}: (1+1)/(2+3);
			// P: {ab} 1 part, {cd} 2, {fghi} in {fg}{h}{i}: (1+0+1)/(1+1+3).
			// B3 R: (4/3+1/3 + 1/4+4/4)/7 = 35/84; P: (4/2 + 1/2+1/2 + 4/4)/8.
			// CEAF-e: φ4 {abc}-{ab} 0.8, {defg}-{fghi} 0.5: 1.3/2, 1.3/3.
			name: "Pradhan et al. 2014",
			key:  partition("abc", "defg"),
			resp: partition("ab", "cd", "fghi"),
			muc:  Score{P: 0.4, R: 0.4},
			b3:   Score{P: 0.5, R: 35.0 / 84},
			e:    Score{P: 1.3 / 3, R: 0.65},
		},
		{
			name: "identical",
			key:  partition("abc", "d", "ef"),
			resp: partition("abc", "d", "ef"),
			muc:  Score{P: 1, R: 1},
			b3:   Score{P: 1, R: 1},
			e:    Score{P: 1, R: 1},
		},
		{
			// Every response cluster a singleton: no links, MUC 0. B3 R:
			// (1/3·3 + 1)/4 = 0.5, P 1. CEAF-e: {abc} aligns with one
			// singleton (2/4), {d} with {d} (1): 1.5/2, 1.5/4.
			name: "all singletons",
			key:  partition("abc", "d"),
			resp: partition("a", "b", "c", "d"),
			muc:  Score{P: 0, R: 0},
			b3:   Score{P: 1, R: 0.5},
			e:    Score{P: 1.5 / 4, R: 0.75},
		},
		{
			// One response cluster: MUC R (3-1 + 0)/(2+0) = 1, P (4-2)/3.
			// B3 R 1; P (9/4 + 1/4)/4 = 0.625. CEAF-e: {abcd}-{abc} 6/7.
			name: "all in one",
			key:  partition("abc", "d"),
			resp: partition("abcd"),
			muc:  Score{P: 2.0 / 3, R: 1},
			b3:   Score{P: 0.625, R: 1},
			e:    Score{P: 6.0 / 7, R: 3.0 / 7},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(tt.key, tt.resp)
			for _, c := range []struct {
				name      string
				got, want Score
			}{{"MUC", r.MUC, tt.muc}, {"B3", r.B3, tt.b3}, {"CEAF-e", r.CEAFe, tt.e}} {
				if !near(c.got.P, c.want.P) || !near(c.got.R, c.want.R) {
					t.Errorf("%s = %+v, want %+v", c.name, c.got, c.want)
				}
			}
			want := (tt.muc.F1() + tt.b3.F1() + tt.e.F1()) / 3
			if !near(r.CoNLL(), want) {
				t.Errorf("CoNLL = %v, want %v", r.CoNLL(), want)
			}
		})
	}
}

// maxAssignment agrees with trying every assignment on small matrices.
func TestMaxAssignment(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		n, m := 1+rng.IntN(5), 1+rng.IntN(5)
		w := make([][]float64, n)
		for i := range w {
			w[i] = make([]float64, m)
			for j := range w[i] {
				if rng.IntN(3) > 0 {
					w[i][j] = rng.Float64()
				}
			}
		}
		if got, want := maxAssignment(w), bruteForce(w, 0, make([]bool, m)); !near(got, want) {
			t.Fatalf("%v: maxAssignment = %v, brute force %v", w, got, want)
		}
	}
}

func bruteForce(w [][]float64, i int, used []bool) float64 {
	if i == len(w) {
		return 0
	}
	best := bruteForce(w, i+1, used) // row i unassigned
	for j := range used {
		if !used[j] {
			used[j] = true
			best = max(best, w[i][j]+bruteForce(w, i+1, used))
			used[j] = false
		}
	}
	return best
}
