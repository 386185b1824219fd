package linear

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
