package tagger

import (
	"encoding/binary"
	"slices"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/linear"
)

// lexTable maps word hashes (the top 32 bits of word.lower) to the word's
// lexicon classes, an opaque bit set that the features use as one value.
// Open addressing, each key's search starting at its top bits; a key and
// its classes share a slot, so that a search reads one place.
type lexTable struct {
	slots []lexSlot
	shift uint32
}

type lexSlot struct {
	key     uint32 // 0: empty
	classes uint16
}

func lexKey(lower uint64) uint32 {
	if k := uint32(lower >> 32); k != 0 {
		return k
	}
	return 1
}

// newLexTable makes a table of the words of lex (lower case) and their
// classes.
func newLexTable(lex map[string]uint16) *lexTable {
	m := make(map[uint32]uint16, len(lex))
	var w word
	for form, c := range lex {
		describe(&w, form, false)
		m[lexKey(w.lower)] |= c
	}
	keys := make([]uint32, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	t := allocLex(len(keys))
	for _, k := range keys {
		t.put(k, m[k])
	}
	return t
}

func allocLex(n int) *lexTable {
	bits := uint32(4)
	for 1<<bits < 2*n {
		bits++
	}
	t := &lexTable{shift: 32 - bits}
	t.slots = linear.Pages[lexSlot](t, 1<<bits)
	return t
}

func (t *lexTable) put(k uint32, c uint16) {
	mask := uint32(len(t.slots) - 1)
	i := k >> t.shift
	for t.slots[i].key != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = lexSlot{k, c}
}

// get returns the classes of the word with hash lower, 0 if unknown.
func (t *lexTable) get(lower uint64) uint16 {
	if t == nil {
		return 0
	}
	k := lexKey(lower)
	mask := uint32(len(t.slots) - 1)
	for i := k >> t.shift; ; i = (i + 1) & mask {
		switch t.slots[i].key {
		case k:
			return t.slots[i].classes
		case 0:
			return 0
		}
	}
}

// appendBinary writes the entries in key order, keys delta-coded.
func (t *lexTable) appendBinary(b []byte) []byte {
	type entry struct {
		k uint32
		c uint16
	}
	var es []entry
	for _, sl := range t.slots {
		if sl.key != 0 {
			es = append(es, entry{sl.key, sl.classes})
		}
	}
	slices.SortFunc(es, func(a, b entry) int { return int(int64(a.k) - int64(b.k)) })
	b = binary.AppendUvarint(b, uint64(len(es)))
	prev := uint32(0)
	for _, e := range es {
		b = binary.AppendUvarint(b, uint64(e.k-prev))
		b = binary.AppendUvarint(b, uint64(e.c))
		prev = e.k
	}
	return b
}

func (r *reader) lexTable() *lexTable {
	n := r.count()
	t := allocLex(n)
	k := uint32(0)
	for ; n > 0 && r.err == nil; n-- {
		k += uint32(r.uvarint())
		c := r.uvarint()
		if k == 0 {
			r.err = errBad
			break
		}
		t.put(k, uint16(c))
	}
	return t
}
