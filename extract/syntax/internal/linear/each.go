package linear

import (
	"errors"
	"math"
)

// Each calls fn for every feature of the model, in table order, with its
// key (the top 32 bits of the feature hash, never 0), classes (ascending)
// and quantized weights (a weight times Scale is the weight); a dense
// feature lists every class, zeros included. fn must not keep the slices.
func (m *Model) Each(fn func(key uint32, classes []uint16, weights []int16)) {
	all := make([]uint16, m.classes)
	for c := range all {
		all[c] = uint16(c)
	}
	for _, s := range m.slots {
		switch {
		case s.key == 0:
		case s.dense:
			fn(s.key, all, m.dense[s.start:int(s.start)+m.classes])
		default:
			end := s.start + uint32(s.n)
			fn(s.key, m.labels[s.start:end], m.weights[s.start:end])
		}
	}
}

// Scale is the factor from quantized weights to weights.
func (m *Model) Scale() float32 { return m.scale }

// Key is the part of the feature hash h that the model keeps (see Each).
func Key(h uint64) uint32 { return key(h) }

// DecodeEach reads a model written by AppendBinary from the start of b
// without building it: it calls fn for every feature, in key order, as
// Each does (fn must not keep the slices), and returns the number of
// classes and features and the bytes that follow the model.
func DecodeEach(b []byte, fn func(key uint32, classes []uint16, weights []int16)) (classes, features int, rest []byte, err error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return 0, 0, nil, errors.New("linear: not a model")
	}
	d := decoder{b: b[len(magic):]}
	classes = int(d.uvarint())
	if len(d.b) < 4 {
		return 0, 0, nil, errors.New("linear: truncated model")
	}
	d.b = d.b[4:] // the scale
	n := int(d.uvarint())
	if d.err != nil || n > len(d.b) || classes > math.MaxUint16+1 {
		return 0, 0, nil, errors.New("linear: bad header")
	}
	var (
		k  uint32
		cl = make([]uint16, 0, classes)
		w  = make([]int16, 0, classes)
	)
	for range n {
		k += uint32(d.uvarint())
		cnt := d.uvarint()
		if k == 0 || cnt == 0 || cnt > uint64(classes) {
			d.fail()
		}
		cl, w = cl[:0], w[:0]
		c := uint16(0)
		for j := range cnt {
			delta := d.uvarint()
			if j > 0 && delta == 0 || uint64(c)+delta >= uint64(classes) {
				d.fail()
			}
			c += uint16(delta)
			cl = append(cl, c)
			w = append(w, int16(d.varint()))
		}
		if d.err != nil {
			return 0, 0, nil, d.err
		}
		fn(k, cl, w)
	}
	return classes, n, d.b, nil
}
