package depparse

// The dynamic oracle of Goldberg and Nivre (2013) for the arc-hybrid
// system: the cost of a move is the number of gold arcs it makes
// unreachable. Arc-hybrid is arc-decomposable, so for a projective gold tree
// a move of cost 0 keeps the best reachable tree as good as before, from any
// configuration, including the ones reached by mistakes.

// cost returns the number of gold arcs that move m (legal in s) loses.
// gold[d] is the gold head of word d, n for the root.
func (s *state) cost(m move, gold []int32) int {
	switch m {
	case shift:
		return s.shiftCost(gold)
	case left:
		s0, c := s.s(0), s.depsInBuffer(s.s(0), gold)
		if g := gold[s0]; g != s.b && (g == s.s(1) || s.headInBuffer(g)) {
			c++
		}
		return c
	case right:
		s0, c := s.s(0), s.depsInBuffer(s.s(0), gold)
		if g := gold[s0]; g != s.s(1) && s.headInBuffer(g) {
			c++
		}
		return c
	}
	return 0
}

// headInBuffer reports whether s0 can still be attached to g in the
// buffer. The root is reachable only by the last word on the stack.
func (s *state) headInBuffer(g int32) bool {
	return g >= s.b && (g < s.n || len(s.stack) == 1)
}

// depsInBuffer counts the gold dependents of w in the buffer.
func (s *state) depsInBuffer(w int32, gold []int32) int {
	c := 0
	for d := s.b; d < s.n; d++ {
		if gold[d] == w {
			c++
		}
	}
	return c
}

// shiftCost: once on the stack, b0 can no longer take a head below s0 nor
// any dependent on the stack; and pushed onto other words it can no longer
// be the word under the root, which must end alone on the stack.
func (s *state) shiftCost(gold []int32) int {
	b0, c := s.b, 0
	if gold[b0] == s.n && len(s.stack) > 0 {
		c++
	}
	for i, w := range s.stack {
		if gold[w] == b0 {
			c++
		}
		if gold[b0] == w && i < len(s.stack)-1 {
			c++
		}
	}
	return c
}

// projectivize returns heads (head[d] the head of word d, -1 for the root)
// with non-projective arcs lifted: the shortest non-projective arc is moved
// to the head's head until none is left (Nivre and Nilsson 2005, without
// encoding the lifts in the labels).
func projectivize(heads []int) []int {
	h := append([]int(nil), heads...)
	for {
		bad, span := -1, 0
		for d := range h {
			if !projectiveArc(h, d) {
				if l := abs(h[d] - d); bad < 0 || l < span {
					bad, span = d, l
				}
			}
		}
		if bad < 0 {
			return h
		}
		h[bad] = h[h[bad]]
	}
}

// projectiveArc reports whether every word between d and its head
// descends from the head. The root's arc is always projective.
func projectiveArc(h []int, d int) bool {
	hd := h[d]
	if hd < 0 {
		return true
	}
	lo, hi := min(hd, d), max(hd, d)
	for k := lo + 1; k < hi; k++ {
		if !descends(h, k, hd) {
			return false
		}
	}
	return true
}

// descends reports whether a is a (reflexive) descendant of b.
func descends(h []int, a, b int) bool {
	for steps := 0; a >= 0 && steps <= len(h); steps++ {
		if a == b {
			return true
		}
		a = h[a]
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
