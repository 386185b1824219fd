package depparse

import "github.com/eventgraph/eventgraph/extract/syntax/internal/linear"

// moveTable holds the move model for parsing: each feature's three weights
// sit beside a 16-bit check of its key in one 8-byte slot of an
// open-addressing table, so scoring a feature reads one slot (the move
// model is most of the parser's memory traffic).
type moveTable struct {
	shift uint32 // a key's home slot is key >> shift
	mask  uint32
	slots []moveSlot
}

type moveSlot struct {
	check uint16 // 0 marks an empty slot
	w     [numMoves]int16
}

func check(k uint32) uint16 { return max(uint16(k), 1) }

// newMoveTable lays out the weights of m, a model of the three moves.
func newMoveTable(m *linear.Model) *moveTable {
	bits := uint32(4)
	for 1<<bits < m.Features()*3 {
		bits++
	}
	t := &moveTable{shift: 32 - bits, mask: 1<<bits - 1, slots: make([]moveSlot, 1<<bits)}
	m.Each(func(k uint32, classes []uint16, weights []int16) {
		c := check(k)
		i := k >> t.shift
		for t.slots[i].check != 0 && t.slots[i].check != c {
			i = (i + 1) & t.mask
		}
		s := &t.slots[i]
		s.check = c // a feature sharing home run and check with another adds to it
		for j, cl := range classes {
			s.w[cl] += weights[j]
		}
	})
	return t
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
		first [64]uint16
	)
	slots := t.slots
	for len(feats) > 0 {
		n := min(len(feats), len(home))
		for j, h := range feats[:n] {
			i := linear.Key(h) >> t.shift
			home[j], first[j] = i, slots[i].check
		}
		for j, h := range feats[:n] {
			c := check(linear.Key(h))
			i := home[j]
			if first[j] != c {
				if first[j] == 0 {
					continue
				}
				for i = (i + 1) & t.mask; slots[i].check != c; i = (i + 1) & t.mask {
					if slots[i].check == 0 {
						break
					}
				}
				if slots[i].check != c {
					continue
				}
			}
			w := &slots[i].w
			sum[0] += int32(w[0])
			sum[1] += int32(w[1])
			sum[2] += int32(w[2])
		}
		feats = feats[n:]
	}
	for i, v := range sum {
		scores[i] = float32(v)
	}
}
