package tagger

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

const magic = "EGTAG1"

// AppendBinary appends the tagger's encoding to b: its tags, lemma tables
// and weights. The same tagger gives the same bytes.
func (t *Tagger) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, magic...)
	b = binary.AppendUvarint(b, uint64(len(t.Tags)))
	for _, tag := range t.Tags {
		b = appendString(b, tag.UPOS)
		b = appendString(b, tag.XPOS)
	}
	b = appendMap(b, t.Lemmas.exceptions, func(b []byte, v string) []byte { return appendString(b, v) })
	b = appendMap(b, t.Lemmas.rules, func(b []byte, r rewrite) []byte {
		return appendString(binary.AppendUvarint(b, uint64(r.cut)), r.add)
	})
	b = appendMap(b, t.Lemmas.lexClasses, func(b []byte, c uint16) []byte { return binary.AppendUvarint(b, uint64(c)) })
	b = appendMap(b, t.dict, appendClasses)
	b = appendClasses(b, t.open)
	hashes := make([]uint64, 0, len(t.lower))
	for h := range t.lower {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes)
	b = binary.AppendUvarint(b, uint64(len(hashes)))
	prev := uint64(0)
	for _, h := range hashes {
		b = binary.AppendUvarint(b, h-prev)
		prev = h
	}
	b = t.lex.appendBinary(b)
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(t.Margin))
	return append(b, t.models...), nil
}

func appendClasses(b []byte, cs []uint16) []byte {
	b = binary.AppendUvarint(b, uint64(len(cs)))
	for _, c := range cs {
		b = binary.AppendUvarint(b, uint64(c))
	}
	return b
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendMap[V any](b []byte, m map[string]V, value func([]byte, V) []byte) []byte {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		b = value(appendString(b, k), m[k])
	}
	return b
}

// Decode decodes a tagger encoded by AppendBinary. The tagger keeps part
// of b, which must not change.
func Decode(b []byte) (*Tagger, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, errors.New("tagger: not a tagger model")
	}
	d := reader{b: b[len(magic):]}
	tags := make([]Tag, d.count())
	for i := range tags {
		tags[i] = Tag{UPOS: d.string(), XPOS: d.string()}
	}
	l := &Lemmatizer{exceptions: make(map[string]string), rules: make(map[string]rewrite)}
	for n := d.count(); n > 0 && d.err == nil; n-- {
		k := d.string()
		l.exceptions[k] = d.string()
	}
	for n := d.count(); n > 0 && d.err == nil; n-- {
		k := d.string()
		l.rules[k] = rewrite{cut: int(d.uvarint()), add: d.string()}
	}
	l.index()
	l.lexClasses = make(map[string]uint16)
	for n := d.count(); n > 0 && d.err == nil; n-- {
		k := d.string()
		l.lexClasses[k] = uint16(d.uvarint())
	}
	dict := make(map[string][]uint16)
	for n := d.count(); n > 0 && d.err == nil; n-- {
		k := d.string()
		dict[k] = d.classes(len(tags))
	}
	open := d.classes(len(tags))
	n := d.count()
	lower := make(lexicon, n)
	h := uint64(0)
	for ; n > 0 && d.err == nil; n-- {
		h += d.uvarint()
		lower[h] = struct{}{}
	}
	lex := d.lexTable()
	l.lex = lex
	margin := d.float32()
	if d.err != nil {
		return nil, fmt.Errorf("tagger: %w", d.err)
	}
	t := &Tagger{Tags: tags, Lemmas: l, dict: dict, open: open, lower: lower, lex: lex, Margin: margin, models: d.b}
	if err := t.prepare(); err != nil {
		return nil, err
	}
	return t, nil
}

var errBad = errors.New("corrupt")

type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errors.New("truncated")
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length that the rest of the input could hold.
func (r *reader) count() int {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.err = errors.New("bad count")
		r.b = nil
		return 0
	}
	return int(n)
}

// classes reads a non-empty list of classes below n.
func (r *reader) classes(n int) []uint16 {
	cs := make([]uint16, r.count())
	for i := range cs {
		if c := r.uvarint(); c < uint64(n) {
			cs[i] = uint16(c)
		} else {
			r.err = errBad
		}
	}
	if len(cs) == 0 && r.err == nil {
		r.err = errBad
	}
	return cs
}

func (r *reader) float32() float32 {
	if len(r.b) < 4 {
		r.err = errBad
		return 0
	}
	v := math.Float32frombits(binary.LittleEndian.Uint32(r.b))
	r.b = r.b[4:]
	return v
}

func (r *reader) string() string {
	n := r.count()
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}
