package depparse

// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta
// 2011) with the root at the end of the buffer. Words are 0..n-1, the root
// is n and n+1 stands for "no word" in feature positions.
//
//	shift:  move the front of the buffer b0 onto the stack
//	left:   pop s0 and make it a dependent of b0
//	right:  pop s0 and make it a dependent of s1
//
// Left onto the root is allowed only when s0 is the last word on the stack,
// so every parse ends with exactly one word attached to the root.

// move is a transition.
type move uint8

const (
	shift move = iota
	left
	right
	numMoves
)

// state is a parser configuration and the partial tree built so far.
// Slices indexed by word have n+2 entries: the root and "none" included.
type state struct {
	n     int32
	stack []int32
	b     int32   // front of the buffer: the buffer is b..n
	head  []int32 // -1 until attached; n for the word under the root
	label []int16 // label id of the arc to head; -1 until attached

	lc1, lc2 []int32 // leftmost and second-leftmost child, none when absent
	rc1, rc2 []int32 // rightmost and second-rightmost child
	nl, nr   []uint8 // number of left and right children (capped at 255)
	ls, rs   []uint64
}

// reset prepares s for a sentence of n words, reusing its memory.
func (s *state) reset(n int) {
	s.n = int32(n)
	s.stack = s.stack[:0]
	s.b = 0
	size := n + 2
	s.head = resize(s.head, size, -1)
	s.label = resize(s.label, size, -1)
	none := int32(n + 1)
	s.lc1 = resize(s.lc1, size, none)
	s.lc2 = resize(s.lc2, size, none)
	s.rc1 = resize(s.rc1, size, none)
	s.rc2 = resize(s.rc2, size, none)
	s.nl = resize(s.nl, size, 0)
	s.nr = resize(s.nr, size, 0)
	s.ls = resize(s.ls, size, 0)
	s.rs = resize(s.rs, size, 0)
}

func resize[T any](x []T, n int, v T) []T {
	if cap(x) < n {
		x = make([]T, n)
	}
	x = x[:n]
	for i := range x {
		x[i] = v
	}
	return x
}

// none is the index standing for an absent word.
func (s *state) none() int32 { return s.n + 1 }

// s returns the i-th word from the top of the stack, or none.
func (s *state) s(i int) int32 {
	if i < len(s.stack) {
		return s.stack[len(s.stack)-1-i]
	}
	return s.none()
}

// buf returns the i-th word of the buffer (the root last), or none.
func (s *state) buf(i int) int32 {
	if j := s.b + int32(i); j <= s.n {
		return j
	}
	return s.none()
}

// terminal reports whether the parse is complete.
func (s *state) terminal() bool { return s.b == s.n && len(s.stack) == 0 }

// legal reports whether m can be applied.
func (s *state) legal(m move) bool {
	switch m {
	case shift:
		return s.b < s.n
	case left:
		return len(s.stack) > 0 && (s.b < s.n || len(s.stack) == 1)
	case right:
		return len(s.stack) > 1
	}
	return false
}

// forced returns the one legal move, if only one is legal: shift onto an
// empty stack, right once the buffer holds only the root and the stack
// more than one word, left when it holds one.
func (s *state) forced() (move, bool) {
	switch {
	case len(s.stack) == 0:
		return shift, true
	case s.b == s.n && len(s.stack) == 1:
		return left, true
	case s.b == s.n:
		return right, true
	}
	return numMoves, false
}

// arc returns the head and dependent of the arc m adds (m is left or right).
func (s *state) arc(m move) (h, d int32) {
	if m == left {
		return s.b, s.s(0)
	}
	return s.s(1), s.s(0)
}

// apply performs m (which must be legal), labelling its arc lab.
func (s *state) apply(m move, lab int16) {
	switch m {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case left, right:
		h, d := s.arc(m)
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(h, d, lab)
	}
}

func (s *state) attach(h, d int32, lab int16) {
	s.head[d] = h
	s.label[d] = lab
	bit := uint64(1) << (uint(lab) & 63)
	if d < h {
		switch none := s.none(); {
		case s.lc1[h] == none || d < s.lc1[h]:
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		case s.lc2[h] == none || d < s.lc2[h]:
			s.lc2[h] = d
		}
		if s.nl[h] < 255 {
			s.nl[h]++
		}
		s.ls[h] |= bit
		return
	}
	switch none := s.none(); {
	case s.rc1[h] == none || d > s.rc1[h]:
		s.rc2[h], s.rc1[h] = s.rc1[h], d
	case s.rc2[h] == none || d > s.rc2[h]:
		s.rc2[h] = d
	}
	if s.nr[h] < 255 {
		s.nr[h]++
	}
	s.rs[h] |= bit
}
