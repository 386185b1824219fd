package depparse

import (
	"errors"
	"fmt"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/linear"
)

// labelTable holds the label model for parsing: an open-addressing table on
// the feature key whose 16-byte slots hold up to four weights with their
// label ids (four features in five have no more), so that most features
// cost one cache line; a longer row is referred to. The features an arc
// has are mostly frequent ones, with weights for half of the labels or more
// (23 on average on EWT dev): a row with weights for at least a quarter of
// them keeps one for every label, three to a 64-bit word (see labelSums),
// so that one addition adds three.
//
// Scoring sums the quantized weights as integers: linear.Model.ScoreSome
// sums the same integers, exactly, as floats and multiplies them by the
// model's scale, which keeps their order (see best).
type labelTable struct {
	shift uint32 // a key's home slot is key >> shift
	mask  uint32
	slots []labelSlot
	rows  []uint32 // sparse long rows: entries id<<16 | uint16(weight)
	dense []uint64 // dense rows: lanes words each, weights as labelSums lanes hold them
	lanes int

	features, weights int
}

// labelSlot is a feature's key (0: empty slot) and its weights w for the
// labels id (noLabel for none, whose weight is 0). A longer row has id[0]
// sparseRow, its entries at rows[ref:ref+w[2]], or denseRow, its lanes at
// dense[ref:], where ref is w[0] and w[1] as its low and high halves.
type labelSlot struct {
	key uint32
	id  [labelInline]uint8
	w   [labelInline]int16
}

const (
	labelInline = 4
	noLabel     = 0xff // adds to a sum no label uses
	sparseRow   = 0xfe
	denseRow    = 0xfd
	// maxLabels is the most labels a parser may have: a slot keeps a label
	// id in a byte, below the marks above.
	maxLabels = denseRow
)

// newLabelTable lays out the label model encoded at the start of b (as
// linear.Model.AppendBinary writes it) for a parser of the given number of
// labels and returns it with the bytes that follow the model.
func newLabelTable(b []byte, labels int) (*labelTable, []byte, error) {
	t := new(labelTable)
	var classes int
	rest, err := linear.Scan(b, func(info linear.Info) {
		classes = info.Classes
		size := uint32(4) // log2 of the table's slots: at most two thirds full
		for 1<<size < info.Features+info.Features/2 {
			size++
		}
		t.shift, t.mask = 32-size, 1<<size-1
		if classes == labels && labels <= maxLabels {
			t.slots = linear.Pages[labelSlot](t, 1<<size)
			t.lanes = (labels + lanesPerWord - 1) / lanesPerWord
		}
	}, t.put)
	switch {
	case err != nil:
		return nil, nil, err
	case classes != labels:
		return nil, nil, fmt.Errorf("labels model of %d classes for %d labels", classes, labels)
	case t.slots == nil:
		return nil, nil, errors.New("too many labels")
	}
	a := linear.NewArena(t, linear.Bytes(t.rows)+linear.Bytes(t.dense))
	t.rows, t.dense = linear.Move(a, t.rows), linear.Move(a, t.dense)
	return t, rest, nil
}

// put adds a feature's weights (ids ascending) to the table.
func (t *labelTable) put(k uint32, ids []uint16, weights []int16) {
	if t.slots == nil {
		return
	}
	s := labelSlot{key: k, id: [labelInline]uint8{noLabel, noLabel, noLabel, noLabel}}
	ref := func(mark uint8, r, n int) {
		s.id[0], s.w[0], s.w[1], s.w[2] = mark, int16(uint16(r)), int16(uint16(r>>16)), int16(n)
	}
	switch {
	case len(ids)*4 >= t.lanes*lanesPerWord:
		r := len(t.dense)
		t.dense = append(t.dense, make([]uint64, t.lanes)...)
		row := t.dense[r:]
		for id := range t.lanes * lanesPerWord {
			row[id/lanesPerWord] |= laneBias << (laneBits * (id % lanesPerWord))
		}
		for j, id := range ids {
			// As 64 bits, a negative weight leaves the other lanes as they were.
			row[id/lanesPerWord] += uint64(int64(weights[j])) << (laneBits * (id % lanesPerWord))
		}
		ref(denseRow, r, 0)
	case len(ids) > labelInline:
		r := len(t.rows)
		for j, id := range ids {
			t.rows = append(t.rows, uint32(id)<<16|uint32(uint16(weights[j])))
		}
		ref(sparseRow, r, len(ids))
	default:
		for j, id := range ids {
			s.id[j], s.w[j] = uint8(id), weights[j]
		}
	}
	i := k >> t.shift
	for t.slots[i].key != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = s
	t.features++
	t.weights += len(ids)
}

// labelSums holds the sums of one arc's label weights by label id while
// they are added (entries from maxLabels on take the weights of no label).
// Dense rows go to lanes, three labels in each word: 3k, 3k+1 and 3k+2 in
// bits 0, 21 and 42 of lanes[k], each weight plus laneBias (0 to 65535),
// so that up to maxLaneRows rows add up without a carry into the next
// label.
type labelSums struct {
	acc   [256]int32
	lanes [(maxLabels + lanesPerWord - 1) / lanesPerWord]uint64
	dense int32 // dense rows added to lanes since they were last folded
}

const (
	lanesPerWord = 3
	laneBits     = 21
	laneMask     = 1<<laneBits - 1
	laneBias     = 1 << 15
	maxLaneRows  = laneMask / (2*laneBias - 1) // 32
)

// fold adds the lanes, lanes words of them, to the sums of their labels
// and clears them.
func (s *labelSums) fold(lanes int) {
	bias := s.dense * laneBias
	for k, l := range s.lanes[:lanes] {
		acc := (*[lanesPerWord]int32)(s.acc[lanesPerWord*k:])
		acc[0] += int32(l&laneMask) - bias
		acc[1] += int32(l>>laneBits&laneMask) - bias
		acc[2] += int32(l>>(2*laneBits)&laneMask) - bias
	}
	clear(s.lanes[:lanes])
	s.dense = 0
}

// best returns the label of some with the highest sum of the weights of
// feats (the first of equals), as linear.Model.ScoreSome's scores would
// rank them: their float sums are these integers exactly (17 features of
// 16-bit weights stay far below 2^24) times a positive scale, which keeps
// integers below 2^23 apart.
func (t *labelTable) best(feats []uint64, some []uint16, sums *labelSums) int16 {
	clear(sums.acc[:t.lanes*lanesPerWord])
	t.sum(feats, sums)
	sums.fold(t.lanes)
	acc := &sums.acc
	best := some[0]
	for _, id := range some[1:] {
		if acc[id] > acc[best] {
			best = id
		}
	}
	return int16(best)
}

// sum adds the weights of feats to sums, folding their lanes when they are
// full.
//
// It reads each feature's home slot in a first loop without branches, so
// that the cache misses overlap, then compares, probes and adds.
func (t *labelTable) sum(feats []uint64, sums *labelSums) {
	acc := &sums.acc
	var (
		home  [32]uint32
		first [32]uint32
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
			s := &slots[i]
			r := int(uint16(s.w[0])) | int(uint16(s.w[1]))<<16
			switch s.id[0] {
			default:
				acc[s.id[0]] += int32(s.w[0])
				acc[s.id[1]] += int32(s.w[1])
				acc[s.id[2]] += int32(s.w[2])
				acc[s.id[3]] += int32(s.w[3])
			case sparseRow:
				for _, e := range t.rows[r : r+int(s.w[2])] {
					acc[uint8(e>>16)] += int32(int16(e))
				}
			case denseRow:
				if sums.dense == maxLaneRows {
					sums.fold(t.lanes)
				}
				row := t.dense[r : r+t.lanes]
				lanes := sums.lanes[:len(row)]
				for l, w := range row {
					lanes[l] += w
				}
				sums.dense++
			}
		}
		feats = feats[n:]
	}
}
