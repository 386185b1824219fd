package depparse

import "github.com/eventgraph/eventgraph/extract/syntax/internal/linear"

// Features follow Zhang and Nivre (2011), "Transition-based dependency
// parsing with rich non-local features", moved to the arc-hybrid system:
// where arc-eager looks at the head of s0, arc-hybrid looks at s1, its
// candidate head. Every atomic value is a 64-bit hash, so a feature is a
// template number mixed with its values.

// words holds the atomic values of a sentence's words, n+2 entries each
// (the root at n, "none" at n+1).
type words struct {
	w []uint64 // lower-cased form
	p []uint64 // Penn tag (XPOS)
	u []uint64 // universal tag
	l []uint64 // lemma
	c []int32  // c[i]: commas before word i (n+2 entries)
}

// Values of the two pseudo-words.
var (
	rootValue = linear.HashString(linear.Hash(1<<20), "<root>")
	noneValue = linear.HashString(linear.Hash(1<<20), "<none>")
)

func (ws *words) reset(sent []Word) {
	n := len(sent)
	ws.w = resize(ws.w, n+2, 0)
	ws.p = resize(ws.p, n+2, 0)
	ws.u = resize(ws.u, n+2, 0)
	ws.l = resize(ws.l, n+2, 0)
	ws.c = resize(ws.c, n+2, 0)
	commas := int32(0)
	for i, t := range sent {
		ws.c[i] = commas
		if t.XPOS == "," {
			commas++
		}
		ws.w[i] = hashLower(t.Form)
		ws.p[i] = linear.HashString(0, t.XPOS)
		ws.u[i] = linear.HashString(1, t.UPOS)
		ws.l[i] = linear.HashString(2, t.Lemma)
	}
	for i, v := range []uint64{rootValue, noneValue} {
		ws.w[n+i], ws.p[n+i], ws.u[n+i], ws.l[n+i] = v, v, v, v
		ws.c[n+i] = commas
	}
}

// hashLower hashes s lower-cased (ASCII letters only).
func hashLower(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return linear.Mix(h, uint64(len(s)))
}

// seeds[t] starts the hash of template t.
var seeds = func() (s [256]uint64) {
	for t := range s {
		s[t] = linear.Hash(uint64(t))
	}
	return s
}()

// fset accumulates the features of one item, numbering templates in order.
type fset struct {
	f []uint64
	t int
}

func (b *fset) start()       { b.f, b.t = b.f[:0], 0 }
func (b *fset) next() uint64 { b.t++; return seeds[b.t] }

// Values are folded in by a xor and a multiplication each (cheaper than
// linear.Mix; the atomic values are hashes already): the top bits of the
// last product, which are the feature's key, depend on every bit of every
// value.
const (
	m1 = 0x9e3779b97f4a7c15
	m2 = 0xbf58476d1ce4e5b9
	m3 = 0x94d049bb133111eb
	m4 = 0xd6e8feb86659fd93
)

func (b *fset) add1(x uint64)    { b.f = append(b.f, (b.next()^x)*m1) }
func (b *fset) add2(x, y uint64) { b.f = append(b.f, ((b.next()^x)*m1^y)*m2) }
func (b *fset) add3(x, y, z uint64) {
	b.f = append(b.f, (((b.next()^x)*m1^y)*m2^z)*m3)
}
func (b *fset) add4(x, y, z, v uint64) {
	b.f = append(b.f, ((((b.next()^x)*m1^y)*m2^z)*m3^v)*m4)
}

// distance buckets the distance between two words.
func distance(a, b int32) uint64 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 11:
		return 6
	}
	return 7
}

// commas buckets the number of commas between words a < b (0, 1, 2 or
// more; 3 when a is absent).
func (ws *words) commas(a, b, none int32) uint64 {
	if a == none || b == none {
		return 3
	}
	return uint64(min(ws.c[b]-ws.c[a], 2))
}

// lab is the label value of word x (0 before it is attached).
func (s *state) lab(x int32) uint64 { return uint64(s.label[x] + 1) }

// moveFeatures fills b with the features for choosing the next move.
func (s *state) moveFeatures(ws *words, b *fset) {
	b.start()
	w, p, u, l := ws.w, ws.p, ws.u, ws.l
	none := s.none()
	s0, s1, s2 := s.s(0), s.s(1), s.s(2)
	b0, b1, b2 := s.buf(0), s.buf(1), s.buf(2)
	s0l, s0l2, s0r := s.lc1[s0], s.lc2[s0], s.rc1[s0]
	s1l, s1r := s.lc1[s1], s.rc1[s1]
	b0l, b0l2 := s.lc1[b0], s.lc2[b0]
	var d, d1 uint64
	if s0 != none {
		d = distance(s0, b0)
	}
	if s1 != none {
		d1 = distance(s1, s0)
	}

	b.add1(0) // bias
	// single words
	b.add2(w[s0], p[s0])
	b.add1(p[s0])
	b.add2(w[b0], p[b0])
	b.add1(p[b0])
	b.add2(w[b1], p[b1])
	b.add1(p[b1])
	b.add1(p[b2])
	b.add2(w[s1], p[s1])
	b.add1(p[s1])
	b.add1(p[s2])
	// pairs
	b.add4(w[s0], p[s0], w[b0], p[b0])
	b.add3(w[s0], p[s0], p[b0])
	b.add3(p[s0], w[b0], p[b0])
	b.add2(w[s0], w[b0])
	b.add2(p[s0], p[b0])
	b.add2(p[b0], p[b1])
	b.add4(w[s1], p[s1], w[s0], p[s0])
	b.add2(p[s1], p[s0])
	// three words
	b.add3(p[b0], p[b1], p[b2])
	b.add3(p[s0], p[b0], p[b1])
	b.add3(p[s1], p[s0], p[b0])
	b.add3(p[s2], p[s1], p[s0])
	b.add3(p[s0], p[s0l], p[b0])
	b.add3(p[s0], p[s0r], p[b0])
	b.add3(p[s0], p[b0], p[b0l])
	b.add3(p[s1], p[s1l], p[s0])
	// distance
	b.add2(p[s0], d)
	b.add3(w[s0], w[b0], d)
	b.add3(p[s0], p[b0], d)
	b.add3(p[s1], p[s0], d1)
	// valency
	b.add2(w[s0], uint64(s.nr[s0]))
	b.add2(w[s0], uint64(s.nl[s0]))
	b.add2(p[s0], uint64(s.nl[s0]))
	b.add2(p[b0], uint64(s.nl[b0]))
	// children
	b.add1(w[s0l])
	b.add1(p[s0l])
	b.add1(s.lab(s0l))
	b.add1(w[s0r])
	b.add1(p[s0r])
	b.add1(s.lab(s0r))
	b.add1(w[b0l])
	b.add1(p[b0l])
	b.add1(s.lab(b0l))
	b.add1(p[s1r])
	// second children
	b.add1(w[s0l2])
	b.add1(p[s0l2])
	b.add1(s.lab(s0l2))
	b.add1(s.lab(b0l2))
	b.add3(p[s0], p[s0l], p[s0l2])
	b.add3(p[b0], p[b0l], p[b0l2])
	// label sets
	b.add2(w[s0], s.ls[s0])
	b.add2(p[s0], s.ls[s0])
	b.add2(p[b0], s.ls[b0])
	// lexical triples around the attachment of s0
	b.add3(p[s1], w[s0], w[b0])
	b.add2(w[b0], w[b1])
	b.add3(p[s0], w[b0], p[b1])
	// lemmas and universal tags
	b.add1(l[s0])
	b.add2(l[s0], l[b0])
	b.add2(l[s1], l[s0])
	b.add3(u[s1], u[s0], u[b0])
	b.add2(u[s0], u[b0])
	// commas in between, stack depth
	b.add3(p[s0], p[b0], ws.commas(s0, b0, none))
	b.add3(p[s1], p[s0], ws.commas(s1, s0, none))
	b.add2(p[b0], uint64(min(len(s.stack), 5)))
	// what s0, s1 and b0 already govern
	b.add3(p[s0], s.lab(s0r), p[b0])
	b.add3(p[b0], s.ls[b0], p[s0])
	// wider context
	b.add1(p[s.buf(3)])
	b.add2(w[s2], p[s2])
	b.add4(p[s1], p[s0], p[b0], p[b1])
	b.add3(p[s1], p[b0], distance(s1, b0))
	b.add3(u[s0], u[b0], u[b1])
	b.add3(l[s1], l[s0], p[b0])
	b.add1(w[s1l])
}

// labelFeatures fills b with the features for labelling the arc h -> d.
// d's subtree is complete; h has the children attached so far.
func (s *state) labelFeatures(ws *words, h, d int32, b *fset) {
	b.start()
	w, p, u, l := ws.w, ws.p, ws.u, ws.l
	dir := uint64(1)
	if d < h {
		dir = 0
	}
	dl, dl2, dr := s.lc1[d], s.lc2[d], s.rc1[d]
	hl := s.lc1[h]
	b.add1(dir)
	b.add2(dir, w[d])
	b.add2(dir, u[d])
	b.add2(dir, l[d])
	b.add2(dir, p[h])
	b.add2(dir, l[h])
	b.add3(dir, p[d], p[h])
	b.add3(dir, w[d], p[h])
	// the dependent's children
	b.add2(dir, s.lab(dl))
	b.add3(dir, s.lab(dl), w[dl])
	b.add3(dir, s.lab(dl), s.lab(dl2))
	b.add2(dir, s.lab(dr))
	b.add3(dir, p[d], s.ls[d])
	// the head's other children
	b.add3(dir, p[d], s.rs[h])
	b.add3(dir, p[d], s.ls[h])
	b.add4(dir, p[d], p[h], s.ls[h])
	b.add4(dir, p[d], p[h], s.lab(hl))
}
