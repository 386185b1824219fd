package detect

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// The classifier is an averaged multiclass perceptron over hashed features,
// small enough to keep here: the tagger's linear model is internal to
// extract/syntax. Features are 64-bit hashes of a template number and its
// values (hash, mixString); the model keeps, for each feature, one
// quantized weight per class.

const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// hash starts a feature hash for template number tmpl.
func hash(tmpl uint64) uint64 { return mix(offset64, tmpl) }

// mix folds v into h.
func mix(h, v uint64) uint64 {
	h ^= v
	h *= prime64
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

// mixString folds the bytes of s (and its length) into h.
func mixString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime64
	}
	return mix(h, uint64(len(s)))
}

// model holds averaged, quantized weights: row r of feature f is
// w[r*classes : (r+1)*classes], times scale. Read-only once built.
type model struct {
	classes int
	scale   float32
	rows    map[uint64]int32
	w       []int16
}

// score sets scores[c] to the score of class c for features feats.
func (m *model) score(feats []uint64, scores []float32) {
	scores = scores[:m.classes]
	clear(scores)
	for _, h := range feats {
		r, ok := m.rows[h]
		if !ok {
			continue
		}
		for c, w := range m.w[int(r)*m.classes : int(r+1)*m.classes] {
			scores[c] += float32(w)
		}
	}
	for c := range scores {
		scores[c] *= m.scale
	}
}

// trainer learns an averaged perceptron with lazy averaging.
type trainer struct {
	classes int
	rows    map[uint64]int32
	w       []float32 // current weights, classes per row
	total   []float64 // sum of past weights up to stamp
	stamp   []int64
	clock   int64
}

func newTrainer(classes int) *trainer {
	return &trainer{classes: classes, rows: make(map[uint64]int32)}
}

// score is model.score with the current (not averaged) weights.
func (t *trainer) score(feats []uint64, scores []float32) {
	scores = scores[:t.classes]
	clear(scores)
	for _, h := range feats {
		if r, ok := t.rows[h]; ok {
			for c, w := range t.w[int(r)*t.classes : int(r+1)*t.classes] {
				scores[c] += w
			}
		}
	}
}

// update learns from one item; call it for every item, right or wrong,
// since averaging counts items.
func (t *trainer) update(feats []uint64, gold, guess int) {
	t.clock++
	if gold == guess {
		return
	}
	for _, h := range feats {
		t.add(h, gold, 1)
		t.add(h, guess, -1)
	}
}

func (t *trainer) add(h uint64, class int, delta float32) {
	r, ok := t.rows[h]
	if !ok {
		r = int32(len(t.rows))
		t.rows[h] = r
		t.w = append(t.w, make([]float32, t.classes)...)
		t.total = append(t.total, make([]float64, t.classes)...)
		t.stamp = append(t.stamp, make([]int64, t.classes)...)
	}
	i := int(r)*t.classes + class
	t.total[i] += float64(t.clock-t.stamp[i]) * float64(t.w[i])
	t.stamp[i] = t.clock
	t.w[i] += delta
}

// model averages the weights, drops features whose averaged weights are
// all below prune in magnitude, and quantizes the rest to 16 bits. The
// result depends only on the updates, not on map order.
func (t *trainer) model(prune float64) *model {
	keys := make([]uint64, 0, len(t.rows))
	for h := range t.rows {
		keys = append(keys, h)
	}
	slices.Sort(keys)
	avg := make([]float64, t.classes)
	var (
		kept   []uint64
		vals   []float64
		maxAbs float64
	)
	for _, h := range keys {
		r := int(t.rows[h])
		big := false
		for c := range avg {
			i := r*t.classes + c
			total := t.total[i] + float64(t.clock-t.stamp[i])*float64(t.w[i])
			avg[c] = total / float64(max(t.clock, 1))
			big = big || math.Abs(avg[c]) >= prune
		}
		if !big {
			continue
		}
		kept = append(kept, h)
		for _, v := range avg {
			vals = append(vals, v)
			maxAbs = max(maxAbs, math.Abs(v))
		}
	}
	m := &model{classes: t.classes, scale: 1, rows: make(map[uint64]int32, len(kept)), w: make([]int16, len(vals))}
	if maxAbs > 0 {
		m.scale = float32(maxAbs / math.MaxInt16)
	}
	for r, h := range kept {
		m.rows[h] = int32(r)
	}
	for i, v := range vals {
		m.w[i] = int16(math.Round(v / float64(m.scale)))
	}
	return m
}

const modelMagic = "EGDET1"

// appendBinary appends the model's encoding: magic, classes, scale, the
// number of features, then each feature's hash (delta-coded, sorted) and
// its weights as varints.
func (m *model) appendBinary(b []byte) []byte {
	b = append(b, modelMagic...)
	b = binary.AppendUvarint(b, uint64(m.classes))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.scale))
	keys := make([]uint64, 0, len(m.rows))
	for h := range m.rows {
		keys = append(keys, h)
	}
	slices.SortFunc(keys, cmp.Compare)
	b = binary.AppendUvarint(b, uint64(len(keys)))
	prev := uint64(0)
	for _, h := range keys {
		b = binary.AppendUvarint(b, h-prev)
		prev = h
		r := int(m.rows[h])
		for _, w := range m.w[r*m.classes : (r+1)*m.classes] {
			b = binary.AppendVarint(b, int64(w))
		}
	}
	return b
}

// decodeModel decodes a model written by appendBinary from the start of b
// and returns the bytes after it.
func decodeModel(b []byte) (*model, []byte, error) {
	if len(b) < len(modelMagic) || string(b[:len(modelMagic)]) != modelMagic {
		return nil, nil, errors.New("not a detect model")
	}
	d := decoder{b: b[len(modelMagic):]}
	classes := int(d.uvarint())
	if d.err != nil || len(d.b) < 4 || classes < 1 || classes > 64 {
		return nil, nil, errors.New("bad model header")
	}
	m := &model{classes: classes, scale: math.Float32frombits(binary.LittleEndian.Uint32(d.b))}
	d.b = d.b[4:]
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		return nil, nil, errors.New("bad model header")
	}
	m.rows = make(map[uint64]int32, n)
	m.w = make([]int16, 0, int(n)*classes)
	h := uint64(0)
	for r := range int(n) {
		h += d.uvarint()
		m.rows[h] = int32(r)
		for range classes {
			v := d.varint()
			if v < math.MinInt16 || v > math.MaxInt16 {
				d.fail()
			}
			m.w = append(m.w, int16(v))
		}
		if d.err != nil {
			return nil, nil, fmt.Errorf("feature %d: %w", r, d.err)
		}
	}
	return m, d.b, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errors.New("truncated or corrupt model")
	}
	d.b = nil
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}
