package tagger

import (
	"fmt"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/linear"
)

// positions renumbers the classes for scoring, the open classes first, so
// that a feature with weights for most classes adds one contiguous run for
// a word outside the dictionary.
type positions struct {
	open    int                // positions below open are the open classes
	classOf []int              // position -> class
	posOf   [maxClasses]uint16 // class -> position
}

func newPositions(classes int, open []uint16) *positions {
	p := &positions{open: len(open)}
	seen := make([]bool, classes)
	for _, c := range open {
		p.classOf = append(p.classOf, int(c))
		seen[c] = true
	}
	for c := range classes {
		if !seen[c] {
			p.classOf = append(p.classOf, c)
		}
	}
	for i, c := range p.classOf {
		p.posOf[c] = uint16(i)
	}
	return p
}

// table holds the weights of one pass laid out for tagging: an
// open-addressing table on the feature key whose 16-byte slots hold up to
// four weights (nine features in ten have no more), so that most features
// cost one cache line; longer rows are referred to.
type table struct {
	shift uint32 // a key's home slot is key >> shift
	mask  uint32
	slots []tableSlot
	// A long sparse row: entries pos<<16 | uint16(weight). A dense row:
	// dense[r:r+lanes], its weights as lanes (see sums).
	sparse []uint32
	dense  []uint64
	lanes  int // lanes of a dense row: classes/3, rounded up to a block
	// lanes of a dense row that hold the open classes, rounded up to a block
	openLanes int

	classes int
	open    int     // positions below open are the open classes
	scale   float32 // summed weights times scale is the score

	features, weights int // features with weights, weights
}

// tableSlot is a feature's key (0: empty slot) and its weights w for
// positions pos; pos[j] is noPos for none (w[j] is then 0). A row too long
// to fit has pos[0] sparseRef (its entries are sparse[ref:ref+w[2]]) or
// denseRef (its lanes dense[ref:]), where ref is w[0] and w[1] as the
// low and high halves.
type tableSlot struct {
	key uint32
	pos [inline]uint8
	w   [inline]int16
}

const (
	inline    = 4
	noPos     = 0xff // adds 0 to an accumulator no class uses
	sparseRef = 0xfe
	denseRef  = 0xfd
	// maxClasses is the most classes a tagger may have: a slot keeps a
	// position in a byte, below the marks above.
	maxClasses = denseRef
)

// sums holds the sums of the weights of one word's features for its
// candidate positions while they are added (entries maxClasses and up
// take sums no class uses). The dense rows of a word outside the
// dictionary go to lanes, three positions in each: 3k, 3k+1 and 3k+2 in
// bits 0, 21 and 42 of lanes[k], each weight plus laneBias (0 to 65535),
// so that up to maxLaneRows rows add up without a carry into the next
// position; one 64-bit addition adds three weights.
type sums struct {
	acc   [256]int32
	lanes [128]uint64
	dense int32 // dense rows added to lanes since they were last folded
}

const (
	laneBits    = 21
	laneMask    = 1<<laneBits - 1
	laneBias    = 1 << 15
	maxLaneRows = laneMask / (2*laneBias - 1) // 32
)

// laneOf and laneShift place position p in lanes: word laneOf[p], bits
// from laneShift[p].
var laneOf, laneShift = func() (of, shift [256]uint8) {
	for p := range of {
		of[p], shift[p] = uint8(p/3), uint8(laneBits*(p%3))
	}
	return
}()

// lane returns the weight of position p in the lanes of a dense row.
func lane(row []uint64, p uint8) int32 {
	return int32(row[laneOf[p]]>>laneShift[p]&laneMask) - laneBias
}

// reset sets the sums of the positions of c to 0.
func (s *sums) reset(c *candidates) {
	for _, p := range c.pos {
		s.acc[p] = 0
	}
	if c.open {
		clear(s.lanes[:laneBlocks(len(c.pos))])
		s.dense = 0
	}
}

// fold adds the lanes of an open word of n candidates (positions 0 to
// n-1) to its sums and clears them.
func (s *sums) fold(n int) {
	acc, bias := &s.acc, s.dense*laneBias
	lanes := s.lanes[:(n+2)/3]
	for k, l := range lanes {
		p := uint8(3 * k) // positions n to n+1 are no candidates
		acc[p] += int32(l&laneMask) - bias
		acc[p+1] += int32(l>>laneBits&laneMask) - bias
		acc[p+2] += int32(l>>(2*laneBits)&laneMask) - bias
	}
	clear(lanes)
	s.dense = 0
}

// set sets the sums of the positions of c, which is not open, to v.
func (s *sums) set(c *candidates, v []int32) {
	for j, p := range c.pos {
		s.acc[p] = v[j]
	}
}

// best2 returns the positions of c (at least two) with the highest sum and
// the next highest (the first of equals), with their sums. For an open
// word it first adds its lanes to its sums.
func (s *sums) best2(c *candidates) (b, second uint16, vb, vs int32) {
	if c.open {
		s.fold(len(c.pos))
	}
	acc := &s.acc
	b, second = c.pos[0], c.pos[1]
	if acc[uint8(second)] > acc[uint8(b)] {
		b, second = second, b
	}
	for _, p := range c.pos[2:] {
		if v := acc[uint8(p)]; v > acc[uint8(second)] {
			if v > acc[uint8(b)] {
				b, second = p, b
			} else {
				second = p
			}
		}
	}
	return b, second, acc[uint8(b)], acc[uint8(second)]
}

// decodeTable decodes a model encoded by linear.Model.AppendBinary from
// the start of b and lays out its weights, with classes renumbered by pos.
// It returns the table and the bytes that follow the model.
func decodeTable(b []byte, pos *positions) (*table, []byte, error) {
	t := new(table)
	rest, err := linear.Scan(b, func(info linear.Info) {
		t.classes, t.open, t.scale = info.Classes, pos.open, info.Scale
		t.lanes, t.openLanes = laneBlocks(info.Classes), laneBlocks(pos.open)
		bits := uint32(4)
		for 1<<bits < 2*info.Features {
			bits++
		}
		t.shift, t.mask = 32-bits, 1<<bits-1
		if info.Classes == len(pos.classOf) {
			t.slots = linear.Pages[tableSlot](t, 1<<bits)
		}
	}, func(k uint32, classes []uint16, weights []int16) {
		if t.slots == nil {
			return
		}
		i := k >> t.shift
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = t.slot(k, classes, weights, pos)
		t.features++
		t.weights += len(classes)
	})
	if err == nil && t.slots == nil {
		err = fmt.Errorf("%d classes, not %d", t.classes, len(pos.classOf))
	}
	if err != nil {
		return nil, nil, fmt.Errorf("tagger: %w", err)
	}
	a := linear.NewArena(t, linear.Bytes(t.sparse)+linear.Bytes(t.dense))
	t.sparse, t.dense = linear.Move(a, t.sparse), linear.Move(a, t.dense)
	return t, rest, nil
}

// slot lays out a feature's weights.
func (t *table) slot(k uint32, classes []uint16, weights []int16, pos *positions) tableSlot {
	s := tableSlot{key: k, pos: [inline]uint8{noPos, noPos, noPos, noPos}}
	n := 0
	for _, w := range weights {
		if w != 0 {
			n++
		}
	}
	ref := func(mark uint8, r, count int) tableSlot {
		s.pos[0], s.w[0], s.w[1], s.w[2] = mark, int16(uint16(r)), int16(uint16(r>>16)), int16(count)
		return s
	}
	switch {
	case n*denseShare >= t.classes:
		r := len(t.dense)
		t.dense = append(t.dense, make([]uint64, t.lanes)...)
		row := t.dense[r:]
		for p := range t.classes {
			row[laneOf[p]] |= laneBias << laneShift[p]
		}
		for j, c := range classes {
			p := pos.posOf[c]
			// As 64 bits, a negative weight leaves the other lanes as they were.
			row[laneOf[p]] += uint64(int64(weights[j])) << laneShift[p]
		}
		return ref(denseRef, r, t.lanes)
	case n > inline:
		r := len(t.sparse)
		for j, c := range classes {
			if weights[j] != 0 {
				t.sparse = append(t.sparse, uint32(pos.posOf[c])<<16|uint32(uint16(weights[j])))
			}
		}
		return ref(sparseRef, r, n)
	}
	j := 0
	for i, c := range classes {
		if weights[i] != 0 {
			s.pos[j], s.w[j] = uint8(pos.posOf[c]), weights[i]
			j++
		}
	}
	return s
}

// A feature with weights for at least 1/denseShare of the classes keeps one
// for every class.
const denseShare = 4

// sum adds to s the weights of features feats for the positions of c.
//
// It reads each feature's home slot in a first loop without branches, so
// that the cache misses overlap, then compares, probes and adds.
func (t *table) sum(feats []uint64, c *candidates, s *sums) {
	var (
		home  [64]uint32
		first [64]uint32
	)
	slots := t.slots
	for len(feats) > 0 {
		n := min(len(feats), len(home))
		for j, h := range feats[:n] {
			i := linear.Key(h) >> t.shift
			home[j], first[j] = i, slots[i].key
		}
		for j, h := range feats[:n] {
			k, i := linear.Key(h), home[j]
			if first[j] != k {
				if first[j] == 0 {
					continue
				}
				for i = (i + 1) & t.mask; slots[i].key != k; i = (i + 1) & t.mask {
					if slots[i].key == 0 {
						break
					}
				}
				if slots[i].key != k {
					continue
				}
			}
			sl := &slots[i]
			r := int(uint16(sl.w[0])) | int(uint16(sl.w[1]))<<16
			switch {
			case sl.pos[0] < denseRef:
				s.acc[sl.pos[0]] += int32(sl.w[0])
				s.acc[sl.pos[1]] += int32(sl.w[1])
				s.acc[sl.pos[2]] += int32(sl.w[2])
				s.acc[sl.pos[3]] += int32(sl.w[3])
			case sl.pos[0] == sparseRef:
				for _, e := range t.sparse[r : r+int(sl.w[2])] {
					s.acc[uint8(e>>16)] += int32(int16(e))
				}
			case c.open:
				if s.dense == maxLaneRows {
					s.fold(len(c.pos))
				}
				lanes, row := s.lanes[:t.openLanes], t.dense[r:r+t.openLanes]
				for p := 0; p+laneBlock <= len(row); p += laneBlock {
					a, w := (*[laneBlock]uint64)(lanes[p:p+laneBlock]), (*[laneBlock]uint64)(row[p:p+laneBlock])
					a[0] += w[0]
					a[1] += w[1]
					a[2] += w[2]
					a[3] += w[3]
					a[4] += w[4]
					a[5] += w[5]
					a[6] += w[6]
					a[7] += w[7]
				}
				s.dense++
			default:
				row := t.dense[r : r+t.lanes]
				for _, p := range c.pos {
					s.acc[uint8(p)] += lane(row, uint8(p))
				}
			}
		}
		feats = feats[n:]
	}
}

// laneBlock is how many lanes sum adds at a time.
const laneBlock = 8

// laneBlocks is the lanes of n positions, rounded up to a block.
func laneBlocks(n int) int { return (n + 3*laneBlock - 1) / (3 * laneBlock) * laneBlock }
