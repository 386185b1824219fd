package timeml

import "sort"

// Counts accumulates TempEval-3 TIMEX3 scores over documents.
type Counts struct {
	Gold, Sys int
	Strict    int // system expressions with a gold expression of identical span
	Relaxed   int // one-to-one overlapping pairs
	ValueOK   int // relaxed pairs with the same value
	TypeOK    int // relaxed pairs with the same type
}

// Pair is a relaxed match between a gold and a system expression.
type Pair struct{ Gold, Sys int }

// Result is the comparison of one document.
type Result struct {
	Pairs    []Pair
	Missed   []int // gold indexes without a system match
	Spurious []int // system indexes without a gold match
}

// Compare matches system expressions to gold ones one-to-one: identical
// spans first, then the largest overlaps.
func Compare(gold, sys []Timex) Result {
	usedG := make([]bool, len(gold))
	usedS := make([]bool, len(sys))
	var r Result
	for si, s := range sys {
		for gi, g := range gold {
			if !usedG[gi] && g.Start == s.Start && g.End == s.End {
				usedG[gi], usedS[si] = true, true
				r.Pairs = append(r.Pairs, Pair{gi, si})
				break
			}
		}
	}
	type cand struct{ g, s, ov int }
	var cands []cand
	for si, s := range sys {
		if usedS[si] {
			continue
		}
		for gi, g := range gold {
			if usedG[gi] {
				continue
			}
			if ov := min(g.End, s.End) - max(g.Start, s.Start); ov > 0 {
				cands = append(cands, cand{gi, si, ov})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].ov > cands[b].ov })
	for _, c := range cands {
		if usedG[c.g] || usedS[c.s] {
			continue
		}
		usedG[c.g], usedS[c.s] = true, true
		r.Pairs = append(r.Pairs, Pair{c.g, c.s})
	}
	for gi := range gold {
		if !usedG[gi] {
			r.Missed = append(r.Missed, gi)
		}
	}
	for si := range sys {
		if !usedS[si] {
			r.Spurious = append(r.Spurious, si)
		}
	}
	sort.Slice(r.Pairs, func(a, b int) bool { return r.Pairs[a].Gold < r.Pairs[b].Gold })
	return r
}

// Add scores one document into c and returns the comparison.
func (c *Counts) Add(gold, sys []Timex) Result {
	r := Compare(gold, sys)
	c.Gold += len(gold)
	c.Sys += len(sys)
	c.Relaxed += len(r.Pairs)
	for _, p := range r.Pairs {
		g, s := gold[p.Gold], sys[p.Sys]
		if g.Start == s.Start && g.End == s.End {
			c.Strict++
		}
		if g.Value == s.Value {
			c.ValueOK++
		}
		if g.Type == s.Type {
			c.TypeOK++
		}
	}
	return r
}

// Scores are the TempEval-3 TIMEX3 figures, as fractions in [0, 1].
type Scores struct {
	StrictP, StrictR, StrictF1    float64
	RelaxedP, RelaxedR, RelaxedF1 float64
	ValueAcc, TypeAcc             float64
	ValueF1, TypeF1               float64
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Scores computes the pooled figures: strict and relaxed P/R/F1; value and
// type accuracy over relaxed matches; value F1 = value accuracy x relaxed
// F1, type F1 likewise.
func (c Counts) Scores() Scores {
	var s Scores
	s.StrictP, s.StrictR = ratio(c.Strict, c.Sys), ratio(c.Strict, c.Gold)
	s.StrictF1 = f1(s.StrictP, s.StrictR)
	s.RelaxedP, s.RelaxedR = ratio(c.Relaxed, c.Sys), ratio(c.Relaxed, c.Gold)
	s.RelaxedF1 = f1(s.RelaxedP, s.RelaxedR)
	s.ValueAcc, s.TypeAcc = ratio(c.ValueOK, c.Relaxed), ratio(c.TypeOK, c.Relaxed)
	s.ValueF1 = s.ValueAcc * s.RelaxedF1
	s.TypeF1 = s.TypeAcc * s.RelaxedF1
	return s
}
