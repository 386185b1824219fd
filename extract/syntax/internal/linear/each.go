package linear

// Each calls fn for every feature of the model, in table order, with its
// key (the top 32 bits of the feature hash, never 0), classes (ascending)
// and quantized weights (a weight times Scale is the weight). fn must not
// keep the slices.
func (m *Model) Each(fn func(key uint32, classes []uint16, weights []int16)) {
	for _, s := range m.slots {
		if s.key != 0 {
			c, w := m.row(s)
			fn(s.key, c, w)
		}
	}
}

// Scale is the factor from quantized weights to weights.
func (m *Model) Scale() float32 { return m.scale }

// Key is the part of the feature hash h that the model keeps (see Each).
func Key(h uint64) uint32 { return key(h) }
