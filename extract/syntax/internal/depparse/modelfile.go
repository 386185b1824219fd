package depparse

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

const magic = "DEP1"

// AppendBinary appends the model's encoding to b: the labels, the sides
// they occur on, then the move and label models.
func (m *Model) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, magic...)
	b = binary.AppendUvarint(b, uint64(len(m.names)))
	for i, name := range m.names {
		b = binary.AppendUvarint(b, uint64(len(name)))
		b = append(b, name...)
		var sides byte
		for dir := range m.dirOK {
			if m.dirOK[dir][i] {
				sides |= 1 << dir
			}
		}
		b = append(b, sides)
	}
	b = append(b, m.moves...)
	return append(b, m.labels...), nil
}

// Decode reads a model written by AppendBinary.
func Decode(b []byte) (*Model, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, errors.New("depparse: not a parser model")
	}
	b = b[len(magic):]
	n, k := binary.Uvarint(b)
	if k <= 0 || n == 0 || n > 1<<15 {
		return nil, errors.New("depparse: bad label count")
	}
	b = b[k:]
	m := &Model{dirOK: [2][]bool{make([]bool, n), make([]bool, n)}}
	for i := range int(n) {
		l, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < l+1 {
			return nil, errors.New("depparse: truncated labels")
		}
		m.names = append(m.names, string(b[k:k+int(l)]))
		sides := b[k+int(l)]
		m.dirOK[0][i], m.dirOK[1][i] = sides&1 != 0, sides&2 != 0
		b = b[k+int(l)+1:]
	}
	m.setSides()
	root := slices.Index(m.names, RootRel)
	if root < 0 {
		return nil, fmt.Errorf("depparse: no %q label", RootRel)
	}
	m.root = int16(root)
	rest, err := m.setMoves(b)
	if err != nil {
		return nil, err
	}
	if b, err = m.setLabels(rest); err != nil {
		return nil, err
	}
	if len(b) != 0 {
		return nil, errors.New("depparse: trailing bytes")
	}
	return m, nil
}

// setMoves sets the move model from its encoding at the start of b and
// returns the bytes that follow it.
func (m *Model) setMoves(b []byte) ([]byte, error) {
	t, rest, features, weights, err := newMoveTable(b)
	if err != nil {
		return nil, fmt.Errorf("depparse: moves: %w", err)
	}
	m.moves = b[:len(b)-len(rest)]
	m.table, m.moveFeatures, m.moveWeights = t, features, weights
	return rest, nil
}

// setLabels sets the label model from its encoding at the start of b and
// returns the bytes that follow it.
func (m *Model) setLabels(b []byte) ([]byte, error) {
	t, rest, err := newLabelTable(b, len(m.names))
	if err != nil {
		return nil, fmt.Errorf("depparse: labels: %w", err)
	}
	m.labels, m.ltable = b[:len(b)-len(rest)], t
	return rest, nil
}
