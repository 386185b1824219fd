package actor

import "math/bits"

// shortWords is an open-addressing table over the words of g.words of at
// most 8 bytes, keyed by their bytes packed into a uint64: most tokens are
// short, and packing them while scanning their letters makes the lookup a
// multiply and a probe or two in a small array instead of a string hash
// and compare in a map.
//
// A word's hash also picks a bit of filter, set for every word of g.words
// (of any length): a clear bit proves a token absent from an 8 KB array
// that stays cached, where the table and the map would miss the cache
// (about half the tokens of news are in neither).
type shortWords struct {
	slots  []shortSlot
	shift  uint
	roots  []*node // root children, by shortSlot index
	filter [1 << 10]uint64
}

// shortSlot is one word: its bytes and, in meta, its length (bits 0-3, 0
// for an empty slot), its class bits (4-31) and the index+1 of its root
// child in roots (32-63, 0 for none).
type shortSlot struct {
	key  uint64 // the word's bytes, little-endian, zero-padded
	meta uint64
}

// classBits is how many class bits a slot holds.
const classBits = 28

// pack returns the bytes of s (len(s) <= 8) as a little-endian uint64.
func pack(s string) uint64 {
	var k uint64
	for i := len(s) - 1; i >= 0; i-- {
		k = k<<8 | uint64(s[i])
	}
	return k
}

// hash mixes a packed key and its length; its top bits pick the slot and
// the filter bit.
func hash(key uint64, n int) uint64 { return (key ^ uint64(n)) * 0x9E3779B97F4A7C15 }

func (t *shortWords) slot(key uint64, n int) uint64 { return hash(key, n) >> t.shift }

func (t *shortWords) setFilter(h uint64) { t.filter[h>>54] |= 1 << (h >> 48 & 63) }

// maybe reports whether the filter admits the word of hash h.
func (t *shortWords) maybe(h uint64) bool { return t.filter[h>>54]&(1<<(h>>48&63)) != 0 }

// longKey packs a word of more than 8 bytes: its first and last 8 bytes.
func longKey(first, last uint64) uint64 { return first ^ bits.RotateLeft64(last, 29) }

// build fills t from words, keeping those of 1 to 8 bytes.
func (t *shortWords) build(words map[string]wordInfo) {
	count := 0
	for w := range words {
		if len(w) >= 1 && len(w) <= 8 {
			count++
		}
	}
	// A load of at most 2/3 (about 1/2 for the gazetteer): a 128 KB table.
	size, bits := 64, uint(6)
	for 2*size < 3*count {
		size, bits = size*2, bits+1
	}
	t.slots = make([]shortSlot, size)
	t.shift = 64 - bits
	t.roots = []*node{nil}
	for w, wi := range words {
		if len(w) > 8 {
			t.setFilter(hash(longKey(pack(w[:8]), pack(w[len(w)-8:])), len(w)))
		}
		if len(w) < 1 || len(w) > 8 {
			continue
		}
		t.setFilter(hash(pack(w), len(w)))
		if wi.cls >= 1<<classBits {
			panic("actor: word class does not fit the short word table")
		}
		meta := uint64(len(w)) | uint64(wi.cls)<<4
		if wi.root != nil {
			meta |= uint64(len(t.roots)) << 32
			t.roots = append(t.roots, wi.root)
		}
		key := pack(w)
		mask := uint64(size - 1)
		for h := t.slot(key, len(w)); ; h = (h + 1) & mask {
			if t.slots[h].meta == 0 {
				t.slots[h] = shortSlot{key: key, meta: meta}
				break
			}
		}
	}
}

// get returns the wordInfo of the word of n bytes (1 to 8) packed as key.
func (t *shortWords) get(key uint64, n int) wordInfo {
	h := hash(key, n)
	if !t.maybe(h) {
		return wordInfo{}
	}
	mask := uint64(len(t.slots) - 1)
	for h >>= t.shift; ; h = (h + 1) & mask {
		sl := &t.slots[h]
		if sl.meta == 0 {
			return wordInfo{}
		}
		if sl.key == key && int(sl.meta&0xf) == n {
			return wordInfo{cls: uint32(sl.meta>>4) & (1<<classBits - 1), root: t.roots[sl.meta>>32]}
		}
	}
}

// wordBytes is word for a lowercase token given by its bytes.
func (g *gazetteer) wordBytes(b []byte) wordInfo {
	if n := len(b); n >= 1 && n <= 8 {
		var k uint64
		for i := n - 1; i >= 0; i-- {
			k = k<<8 | uint64(b[i])
		}
		return g.short.get(k, n)
	}
	if n := len(b); n > 8 && !g.short.maybe(hash(longKey(packBytes(b[:8]), packBytes(b[n-8:])), n)) {
		return wordInfo{}
	}
	return g.words[string(b)]
}

// packBytes is pack for bytes.
func packBytes(b []byte) uint64 {
	var k uint64
	for i := len(b) - 1; i >= 0; i-- {
		k = k<<8 | uint64(b[i])
	}
	return k
}

// word returns the wordInfo of a lowercase token.
func (g *gazetteer) word(low string) wordInfo {
	if n := len(low); n >= 1 && n <= 8 {
		return g.short.get(pack(low), n)
	}
	if n := len(low); n > 8 && !g.short.maybe(hash(longKey(pack(low[:8]), pack(low[n-8:])), n)) {
		return wordInfo{}
	}
	return g.words[low]
}

// SWAR (SIMD within a register) helpers over 8 bytes of ASCII text.
const (
	swarOnes = 0x0101010101010101
	swarHigh = 0x8080808080808080
)

// swarCase returns, for 8 bytes below 0x80, the bytes that are ASCII
// uppercase letters (up) and lowercase letters (lo), each as its 0x80 bit.
// x|up>>2 is x lowercased.
func swarCase(x uint64) (up, lo uint64) {
	// a byte b < 0x80 plus 0x80-c reaches 0x80 iff b >= c, with no carry
	// into the next byte.
	up = (x + (0x80-'A')*swarOnes) &^ (x + (0x80-'Z'-1)*swarOnes) & swarHigh
	lo = (x + (0x80-'a')*swarOnes) &^ (x + (0x80-'z'-1)*swarOnes) & swarHigh
	return up, lo
}
