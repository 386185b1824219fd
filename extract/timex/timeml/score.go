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
	g := make([]span, len(gold))
	for k, x := range gold {
		g[k] = span{x.Start, x.End}
	}
	s := make([]span, len(sys))
	for k, x := range sys {
		s[k] = span{x.Start, x.End}
	}
	return compare(g, s)
}

// CompareEvents matches system events to gold ones as Compare does.
func CompareEvents(gold, sys []Event) Result {
	g := make([]span, len(gold))
	for k, x := range gold {
		g[k] = span{x.Start, x.End}
	}
	s := make([]span, len(sys))
	for k, x := range sys {
		s[k] = span{x.Start, x.End}
	}
	return compare(g, s)
}

type span struct{ start, end int }

func compare(gold, sys []span) Result {
	usedG := make([]bool, len(gold))
	usedS := make([]bool, len(sys))
	var r Result
	for si, s := range sys {
		for gi, g := range gold {
			if !usedG[gi] && g == s {
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
			if ov := min(g.end, s.end) - max(g.start, s.start); ov > 0 {
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

// EventCounts accumulates TempEval-3 Task B scores over documents.
type EventCounts struct {
	Gold, Sys  int
	Strict     int // system events with a gold event of identical span
	Relaxed    int // one-to-one overlapping pairs
	ClassOK    int // relaxed pairs with the same class
	TenseOK    int // relaxed pairs with the same tense
	AspectOK   int // relaxed pairs with the same aspect
	PolarityOK int // relaxed pairs with the same polarity
}

// Add scores one document into c and returns the comparison. Unset
// attributes compare as TimeML's defaults ("NONE", "POS").
func (c *EventCounts) Add(gold, sys []Event) Result {
	r := CompareEvents(gold, sys)
	c.Gold += len(gold)
	c.Sys += len(sys)
	c.Relaxed += len(r.Pairs)
	for _, p := range r.Pairs {
		g, s := gold[p.Gold], sys[p.Sys]
		if g.Start == s.Start && g.End == s.End {
			c.Strict++
		}
		if g.Class == s.Class {
			c.ClassOK++
		}
		if or(g.Tense, "NONE") == or(s.Tense, "NONE") {
			c.TenseOK++
		}
		if or(g.Aspect, "NONE") == or(s.Aspect, "NONE") {
			c.AspectOK++
		}
		if or(g.Polarity, "POS") == or(s.Polarity, "POS") {
			c.PolarityOK++
		}
	}
	return r
}

// EventScores are the TempEval-3 Task B figures, as fractions in [0, 1].
type EventScores struct {
	StrictP, StrictR, StrictF1    float64
	RelaxedP, RelaxedR, RelaxedF1 float64
	ClassAcc, ClassF1             float64
	TenseAcc, AspectAcc           float64
	PolarityAcc                   float64
}

// Scores computes the pooled figures: strict and relaxed P/R/F1; class,
// tense, aspect and polarity accuracy over relaxed matches; class F1 =
// class accuracy x relaxed F1.
func (c EventCounts) Scores() EventScores {
	var s EventScores
	s.StrictP, s.StrictR = ratio(c.Strict, c.Sys), ratio(c.Strict, c.Gold)
	s.StrictF1 = f1(s.StrictP, s.StrictR)
	s.RelaxedP, s.RelaxedR = ratio(c.Relaxed, c.Sys), ratio(c.Relaxed, c.Gold)
	s.RelaxedF1 = f1(s.RelaxedP, s.RelaxedR)
	s.ClassAcc = ratio(c.ClassOK, c.Relaxed)
	s.ClassF1 = s.ClassAcc * s.RelaxedF1
	s.TenseAcc = ratio(c.TenseOK, c.Relaxed)
	s.AspectAcc = ratio(c.AspectOK, c.Relaxed)
	s.PolarityAcc = ratio(c.PolarityOK, c.Relaxed)
	return s
}
