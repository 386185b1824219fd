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
	shift   uint32 // a key's home slot is its top bits: key >> shift
	slots   []slot // open addressing on key; key 0 marks an empty slot
	// A sparse feature's weights: weights[start:start+n] for the classes
	// labels[start:start+n]; a dense feature's: dense[start:start+classes],
	// one for every class in order.
	weights []int16
	labels  []uint16
	dense   []int16
}

type slot struct {
	key   uint32
	start uint32
	n     uint16
	dense bool
}

// key is the 32 bits of a feature hash the model keeps; never 0.
func key(h uint64) uint32 {
	if k := uint32(h >> 32); k != 0 {
		return k
	}
	return 1
}

// home is the slot where the search for key k starts: its top bits, so
// that keys inserted in increasing order fill the table front to back.
func (m *Model) home(k uint32) uint32 { return k >> m.shift }

// alloc makes an empty table for n features, at most half full.
func (m *Model) alloc(n int) {
	bits := uint32(4)
	for 1<<bits < 2*n {
		bits++
	}
	m.mask = 1<<bits - 1
	m.shift = 32 - bits
	m.slots = make([]slot, 1<<bits)
}

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
func (m *Model) Weights() int {
	n := 0
	for _, s := range m.slots {
		if s.key != 0 {
			n += int(s.n)
		}
	}
	return n
}

// find returns the slot of key k, or -1.
func (m *Model) find(k uint32) int {
	for i := m.home(k); ; i = (i + 1) & m.mask {
		switch m.slots[i].key {
		case k:
			return int(i)
		case 0:
			return -1
		}
	}
}

// Score sets scores[c] (len(scores) >= Classes) to the score of class c for
// the item with features feats.
func (m *Model) Score(feats []uint64, scores []float32) {
	scores = scores[:m.classes]
	clear(scores)
	// Find all slots first, so that their cache misses overlap.
	var found [64]int32
	for len(feats) > 0 {
		n := min(len(feats), len(found))
		for j, h := range feats[:n] {
			found[j] = int32(m.find(key(h)))
		}
		for _, i := range found[:n] {
			if i >= 0 {
				m.add(m.slots[i], scores)
			}
		}
		feats = feats[n:]
	}
	for c := range scores {
		scores[c] *= m.scale
	}
}

// ScoreSome is Score for the classes in some only: it sets scores[c] for
// each c in some (len(scores) >= Classes), leaving other entries
// meaningless. A feature that has weights for most classes costs a few
// additions instead of one per class.
func (m *Model) ScoreSome(feats []uint64, some []uint16, scores []float32) {
	scores = scores[:m.classes]
	clear(scores)
	var found [64]int32
	for len(feats) > 0 {
		n := min(len(feats), len(found))
		for j, h := range feats[:n] {
			found[j] = int32(m.find(key(h)))
		}
		for _, i := range found[:n] {
			if i < 0 {
				continue
			}
			s := m.slots[i]
			if !s.dense {
				m.add(s, scores)
				continue
			}
			w := m.dense[s.start : int(s.start)+m.classes]
			for _, c := range some {
				scores[c] += float32(w[c])
			}
		}
		feats = feats[n:]
	}
	for _, c := range some {
		scores[c] *= m.scale
	}
}

func (m *Model) add(s slot, scores []float32) {
	if s.dense {
		w := m.dense[s.start : int(s.start)+len(scores)]
		sc := scores[:len(w)]
		for len(w) >= 4 {
			sc[0] += float32(w[0])
			sc[1] += float32(w[1])
			sc[2] += float32(w[2])
			sc[3] += float32(w[3])
			w, sc = w[4:], sc[4:]
		}
		for c, v := range w {
			sc[c] += float32(v)
		}
		return
	}
	end := s.start + uint32(s.n)
	w, cl := m.weights[s.start:end], m.labels[s.start:end]
	cl = cl[:len(w)]
	for j, v := range w {
		scores[cl[j]] += float32(v)
	}
}

// put adds a feature's weights (classes ascending) to the table.
func (m *Model) put(k uint32, classes []uint16, weights []int16) {
	s := slot{key: k, start: uint32(len(m.weights)), n: uint16(len(classes))}
	if len(classes)*denseShare >= m.classes { // dense: every class in order
		s.dense = true
		s.start = uint32(len(m.dense))
		m.dense = append(m.dense, make([]int16, m.classes)...)
		for j, c := range classes {
			m.dense[int(s.start)+int(c)] = weights[j]
		}
	} else {
		m.weights = append(m.weights, weights...)
		m.labels = append(m.labels, classes...)
	}
	i := m.home(k)
	for m.slots[i].key != 0 {
		i = (i + 1) & m.mask
	}
	m.slots[i] = s
}

// row returns the classes and weights of slot s, sparse.
func (m *Model) row(s slot) ([]uint16, []int16) {
	if !s.dense {
		end := s.start + uint32(s.n)
		return m.labels[s.start:end], m.weights[s.start:end]
	}
	var cl []uint16
	var w []int16
	for c, v := range m.dense[s.start : int(s.start)+m.classes] {
		if v != 0 {
			cl = append(cl, uint16(c))
			w = append(w, v)
		}
	}
	return cl, w
}

// build quantizes entries (sorted by key, each with at least one weight)
// into a model.
func build(classes int, entries []Entry, maxAbs float64) *Model {
	m := &Model{classes: classes, scale: 1}
	if maxAbs > 0 {
		m.scale = float32(maxAbs / math.MaxInt16)
	}
	m.alloc(len(entries))
	var (
		cl []uint16
		w  []int16
	)
	for _, e := range entries {
		cl, w = cl[:0], w[:0]
		for j, c := range e.Classes {
			if q := math.Round(float64(e.Weights[j]) / float64(m.scale)); q != 0 {
				cl = append(cl, c)
				w = append(w, int16(q))
			}
		}
		if len(cl) > 0 {
			m.put(e.Key, cl, w)
		}
	}
	return m
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
		cl, w := m.row(s)
		b = binary.AppendUvarint(b, uint64(len(cl)))
		last := uint16(0)
		for j, c := range cl {
			b = binary.AppendUvarint(b, uint64(c-last))
			last = c
			b = binary.AppendVarint(b, int64(w[j]))
		}
	}
	return b, nil
}

// DecodeModel decodes a model written by AppendBinary from the start of b and
// returns it with the bytes that follow it.
func DecodeModel(b []byte) (*Model, []byte, error) {
	// A first reading sizes the weights, so that decoding allocates once.
	var m *Model
	var sparse, dense int
	_, err := Scan(b, func(info Info) {
		m = &Model{classes: info.Classes, scale: info.Scale}
	}, func(_ uint32, classes []uint16, _ []int16) {
		if len(classes)*denseShare >= m.classes {
			dense += m.classes
		} else {
			sparse += len(classes)
		}
	})
	if err != nil {
		return nil, nil, err
	}
	m.weights = make([]int16, 0, sparse)
	m.labels = make([]uint16, 0, sparse)
	m.dense = make([]int16, 0, dense)
	rest, err := Scan(b, func(info Info) { m.alloc(info.Features) }, m.put)
	if err != nil {
		return nil, nil, err
	}
	return m, rest, nil
}

// Info is what the encoding of a model says before its features.
type Info struct {
	Classes  int
	Scale    float32 // a quantized weight times Scale is the weight
	Features int
}

// Scan reads a model written by AppendBinary from the start of b without
// building it, for callers that lay out the weights their own way: it
// calls start with the model's Info, then fn for every feature in
// ascending key order, with its key (never 0), classes (ascending) and
// quantized weights, and returns the bytes that follow the
// model. fn must not keep the slices. On an error, Scan may have called
// fn for the features before it.
func Scan(b []byte, start func(Info), fn func(key uint32, classes []uint16, weights []int16)) ([]byte, error) {
	d := decoder{b: b}
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, errors.New("linear: not a model")
	}
	d.b = d.b[len(magic):]
	classes := int(d.uvarint())
	if len(d.b) < 4 {
		return nil, errors.New("linear: truncated model")
	}
	scale := math.Float32frombits(binary.LittleEndian.Uint32(d.b))
	d.b = d.b[4:]
	n := int(d.uvarint())
	if d.err != nil || n > len(d.b) || classes > math.MaxUint16+1 {
		return nil, fmt.Errorf("linear: bad header")
	}
	start(Info{Classes: classes, Scale: scale, Features: n})
	rest, ok := scanFeatures(d.b, n, classes, fn)
	if !ok {
		return nil, errCorrupt
	}
	return rest, nil
}

var errCorrupt = errors.New("linear: truncated or corrupt model")

// scanFeatures reads n features from the start of b (see Scan) and
// returns the bytes after them; false when they are truncated or corrupt.
// Most of a model's numbers fit a byte, which uvarint reads inline.
func scanFeatures(b []byte, n, classes int, fn func(key uint32, classes []uint16, weights []int16)) ([]byte, bool) {
	var (
		k     uint32
		cl    = make([]uint16, 0, classes)
		w     = make([]int16, 0, classes)
		p     int
		delta uint64
		cnt   uint64
		u     uint64
	)
	for range n {
		if delta, p = uvarint(b, p); p < 0 {
			return nil, false
		}
		if cnt, p = uvarint(b, p); p < 0 {
			return nil, false
		}
		if delta == 0 || delta > uint64(math.MaxUint32-k) || cnt == 0 || cnt > uint64(classes) {
			return nil, false
		}
		k += uint32(delta)
		cl, w = cl[:0], w[:0]
		c := uint16(0)
		for j := range cnt {
			if delta, p = uvarint(b, p); p < 0 {
				return nil, false
			}
			if j > 0 && delta == 0 || uint64(c)+delta >= uint64(classes) {
				return nil, false
			}
			c += uint16(delta)
			if u, p = uvarint(b, p); p < 0 {
				return nil, false
			}
			cl = append(cl, c)
			w = append(w, int16(int64(u>>1)^-int64(u&1))) // zig-zag, as binary.AppendVarint writes
		}
		fn(k, cl, w)
	}
	return b[p:], true
}

// uvarint reads the varint at b[p:] and returns it with the position after
// it, or -1 when it is truncated or too long.
func uvarint(b []byte, p int) (uint64, int) {
	if p < len(b) && b[p] < 0x80 {
		return uint64(b[p]), p + 1
	}
	return uvarintSlow(b, p)
}

func uvarintSlow(b []byte, p int) (uint64, int) {
	if p+1 < len(b) && b[p+1] < 0x80 { // two bytes: most keys' distances
		return uint64(b[p]&0x7f) | uint64(b[p+1])<<7, p + 2
	}
	if p >= len(b) {
		return 0, -1
	}
	v, n := binary.Uvarint(b[p:])
	if n <= 0 {
		return 0, -1
	}
	return v, p + n
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() {
	d.err, d.b = errCorrupt, nil
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

// A feature with weights for at least 1/denseShare of the classes keeps
// one for every class: scoring a few classes (ScoreSome) then costs a few
// additions rather than one per weight.
const denseShare = 4
