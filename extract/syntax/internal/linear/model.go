package linear

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// Model is a trained, averaged, quantized linear model. It is read-only and
// safe for concurrent use.
type Model struct {
	classes int
	scale   float32 // a quantized weight times scale is the weight
	mask    uint32
	slots   []slot // open addressing on key; key 0 marks an empty slot
	pairs   []pair // each feature's weights, contiguous
}

type slot struct {
	key   uint32
	start uint32
	n     uint32
}

type pair struct {
	class uint16
	w     int16
}

// key is the 32 bits of a feature hash the model keeps; never 0.
func key(h uint64) uint32 {
	if k := uint32(h >> 32); k != 0 {
		return k
	}
	return 1
}

func (m *Model) home(k uint32) uint32 { return (k * 0x9e3779b1) & m.mask }

// Classes is the number of classes.
func (m *Model) Classes() int { return m.classes }

// Features is the number of features with weights.
func (m *Model) Features() int {
	n := 0
	for _, s := range m.slots {
		if s.key != 0 {
			n++
		}
	}
	return n
}

// Weights is the number of weights kept.
func (m *Model) Weights() int { return len(m.pairs) }

// Score sets scores[c] (len(scores) >= Classes) to the score of class c for
// the item with features feats.
func (m *Model) Score(feats []uint64, scores []float32) {
	scores = scores[:m.classes]
	clear(scores)
	slots, pairs := m.slots, m.pairs
	for _, h := range feats {
		k := key(h)
		for i := m.home(k); ; i = (i + 1) & m.mask {
			s := slots[i]
			if s.key == k {
				for _, p := range pairs[s.start : s.start+s.n] {
					scores[p.class] += float32(p.w)
				}
				break
			}
			if s.key == 0 {
				break
			}
		}
	}
	for c := range scores {
		scores[c] *= m.scale
	}
}

// build quantizes entries (sorted by key, each with at least one weight)
// into a model.
func build(classes int, entries []Entry, maxAbs float64) *Model {
	m := &Model{classes: classes, scale: 1}
	if maxAbs > 0 {
		m.scale = float32(maxAbs / math.MaxInt16)
	}
	size := 16
	for size < 2*len(entries) {
		size *= 2
	}
	m.mask = uint32(size - 1)
	m.slots = make([]slot, size)
	for _, e := range entries {
		start := uint32(len(m.pairs))
		for j, c := range e.Classes {
			q := math.Round(float64(e.Weights[j]) / float64(m.scale))
			if q == 0 {
				continue
			}
			m.pairs = append(m.pairs, pair{class: c, w: int16(q)})
		}
		if n := uint32(len(m.pairs)) - start; n > 0 {
			m.insert(slot{key: e.Key, start: start, n: n})
		}
	}
	return m
}

func (m *Model) insert(s slot) {
	i := m.home(s.key)
	for m.slots[i].key != 0 {
		i = (i + 1) & m.mask
	}
	m.slots[i] = s
}

const magic = "LIN1"

// AppendBinary appends the model's compact encoding to b: features sorted by
// key, keys and classes delta-coded as varints.
func (m *Model) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, magic...)
	b = binary.AppendUvarint(b, uint64(m.classes))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.scale))
	sorted := make([]slot, 0, len(m.slots))
	for _, s := range m.slots {
		if s.key != 0 {
			sorted = append(sorted, s)
		}
	}
	slices.SortFunc(sorted, func(a, b slot) int { return cmp.Compare(a.key, b.key) })
	b = binary.AppendUvarint(b, uint64(len(sorted)))
	prev := uint32(0)
	for _, s := range sorted {
		b = binary.AppendUvarint(b, uint64(s.key-prev))
		prev = s.key
		b = binary.AppendUvarint(b, uint64(s.n))
		last := uint16(0)
		for _, p := range m.pairs[s.start : s.start+s.n] {
			b = binary.AppendUvarint(b, uint64(p.class-last))
			last = p.class
			b = binary.AppendVarint(b, int64(p.w))
		}
	}
	return b, nil
}

// DecodeModel decodes a model written by AppendBinary from the start of b and
// returns it with the bytes that follow it.
func DecodeModel(b []byte) (*Model, []byte, error) {
	d := decoder{b: b}
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, nil, errors.New("linear: not a model")
	}
	d.b = d.b[len(magic):]
	classes := int(d.uvarint())
	if len(d.b) < 4 {
		return nil, nil, errors.New("linear: truncated model")
	}
	scale := math.Float32frombits(binary.LittleEndian.Uint32(d.b))
	d.b = d.b[4:]
	n := int(d.uvarint())
	if d.err != nil || n > len(d.b) || classes > math.MaxUint16+1 {
		return nil, nil, fmt.Errorf("linear: bad header")
	}
	m := &Model{classes: classes, scale: scale}
	size := 16
	for size < 2*n {
		size *= 2
	}
	m.mask = uint32(size - 1)
	m.slots = make([]slot, size)
	m.pairs = make([]pair, 0, 2*n)
	k := uint32(0)
	for range n {
		k += uint32(d.uvarint())
		cnt := uint32(d.uvarint())
		start := uint32(len(m.pairs))
		c := uint16(0)
		for range cnt {
			c += uint16(d.uvarint())
			w := d.varint()
			if int(c) >= classes {
				d.fail()
			}
			m.pairs = append(m.pairs, pair{class: c, w: int16(w)})
		}
		if d.err != nil {
			return nil, nil, d.err
		}
		if k == 0 || cnt == 0 {
			return nil, nil, errors.New("linear: bad feature")
		}
		m.insert(slot{key: k, start: start, n: cnt})
	}
	return m, d.b, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errors.New("linear: truncated or corrupt model")
	}
	d.b = nil
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}
