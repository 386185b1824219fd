package depparse

import (
	"fmt"
	"math"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/linear"
)

// moveTable holds the move model for parsing: each feature's three weights,
// as 8-bit codes, sit beside an 8-bit check of its key in one 4-byte slot
// of an open-addressing table, so that scoring a feature reads one slot.
// The move model is most of the parser's memory traffic. A code stands for
// a weight on a logarithmic scale from the smallest weight to the largest
// (steps of about 3%): evenly spaced 8-bit weights lost 0.1 UAS on EWT dev.
type moveTable struct {
	shift uint32 // a key's home slot is key >> shift
	mask  uint32
	slots []moveSlot
	value [256]int32 // the weight of each code
}

// moveSlot is a check (bits 0-7, 0 for an empty slot) and the weights of
// shift, left and right (bits 8-15, 16-23, 24-31, two's complement).
type moveSlot uint32

func check(k uint32) moveSlot { return moveSlot(max(uint8(k), 1)) }

func (s moveSlot) check() moveSlot { return s & 0xff }

// code returns the weight code of move mv.
func (s moveSlot) code(mv int) uint8 { return uint8(s >> (8 + 8*mv)) }

// newMoveTable lays out the move model encoded at the start of b (as
// linear.Model.AppendBinary writes it) and returns it with the bytes that
// follow the model and its numbers of features and weights.
func newMoveTable(b []byte) (t *moveTable, rest []byte, features, weights int, err error) {
	// One reading of the encoding gathers the features and the range of
	// their weights, which the codes need first.
	var (
		keys   []uint32
		rows   [][numMoves]int32
		minAbs int32  = math.MaxInt32
		maxAbs int32  = 1
		size   uint32 // log2 of the table's slots
	)
	rest, err = linear.Scan(b, func(info linear.Info) {
		if info.Classes != int(numMoves) {
			err = fmt.Errorf("move model of %d classes", info.Classes)
			return
		}
		keys = make([]uint32, 0, info.Features)
		rows = make([][numMoves]int32, 0, info.Features)
		size = 4
		for 1<<size < info.Features*3 {
			size++
		}
	}, func(k uint32, classes []uint16, ws []int16) {
		if err != nil {
			return
		}
		var w [numMoves]int32
		for j, cl := range classes {
			w[cl] = int32(ws[j])
			if a := max(w[cl], -w[cl]); a > 0 {
				minAbs, maxAbs = min(minAbs, a), max(maxAbs, a)
				weights++
			}
		}
		keys, rows = append(keys, k), append(rows, w)
	})
	if err != nil {
		return nil, nil, 0, 0, err
	}
	t = &moveTable{shift: 32 - size, mask: 1<<size - 1}
	t.slots = linear.Pages[moveSlot](t, 1<<size)
	q := newLogCodes(float64(min(minAbs, maxAbs)), float64(maxAbs))
	for c := range t.value {
		t.value[c] = int32(math.Round(q.value(int8(c))))
	}
	codes := make([]int8, maxAbs+1) // the code of each magnitude, to spare a logarithm per weight
	for a := range codes {
		codes[a] = q.code(float64(a))
	}
	for f, k := range keys {
		w := rows[f]
		c := check(k)
		i := k >> t.shift
		for t.slots[i] != 0 && t.slots[i].check() != c {
			i = (i + 1) & t.mask
		}
		s := &t.slots[i]
		if *s != 0 { // a feature sharing home run and check with another adds to it
			for mv := range w {
				w[mv] += t.value[s.code(mv)]
			}
		}
		*s = c
		for mv, x := range w {
			var code int8
			switch a := max(x, -x); {
			case a > maxAbs:
				code = q.code(float64(x))
			case x < 0:
				code = -codes[a]
			default:
				code = codes[a]
			}
			*s |= moveSlot(uint8(code)) << (8 + 8*mv)
		}
	}
	return t, rest, len(keys), weights, nil
}

// logCodes maps weights to 8-bit codes: 0 for 0, ±k (1 <= k <= 127) for
// magnitudes spaced evenly in log scale from lo to hi.
type logCodes struct{ lo, step float64 }

func newLogCodes(lo, hi float64) logCodes {
	return logCodes{lo: lo, step: math.Log(hi/lo) / 126}
}

func (q logCodes) code(w float64) int8 {
	a := math.Abs(w)
	if a < q.lo/2 {
		return 0
	}
	k := int8(1)
	if a > q.lo && q.step > 0 {
		k = int8(min(math.Round(math.Log(a/q.lo)/q.step), 126) + 1)
	}
	if w < 0 {
		return -k
	}
	return k
}

func (q logCodes) value(c int8) float64 {
	if c == 0 {
		return 0
	}
	v := q.lo * math.Exp(q.step*float64(max(c, -c)-1))
	if c < 0 {
		return -v
	}
	return v
}

// score sets scores to the sums of the weights of feats.
//
// It reads each feature's home slot in a first loop without branches, so
// that the cache misses overlap, and compares and adds in a second loop,
// whose mispredicted branches then cost little.
func (t *moveTable) score(feats []uint64, scores []float32) {
	var (
		sum   [numMoves]int32
		home  [64]uint32
		first [64]moveSlot
	)
	slots, value := t.slots, &t.value
	for len(feats) > 0 {
		n := min(len(feats), len(home))
		for j, h := range feats[:n] {
			i := linear.Key(h) >> t.shift
			home[j], first[j] = i, slots[i]
		}
		for j, h := range feats[:n] {
			c := check(linear.Key(h))
			s := first[j]
			if s.check() != c {
				if s == 0 {
					continue
				}
				i := home[j]
				for i = (i + 1) & t.mask; slots[i].check() != c; i = (i + 1) & t.mask {
					if slots[i] == 0 {
						break
					}
				}
				if s = slots[i]; s.check() != c {
					continue
				}
			}
			sum[0] += value[s.code(0)]
			sum[1] += value[s.code(1)]
			sum[2] += value[s.code(2)]
		}
		feats = feats[n:]
	}
	for i, v := range sum {
		scores[i] = float32(v)
	}
}
