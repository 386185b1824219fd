package detect

import (
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

// model holds averaged, quantized weights: feature keys[k] has the
// weights w[k*classes : (k+1)*classes], times scale. Keys sit in an
// open-addressing table (slot, linear probing; 0 marks an empty slot).
// Read-only once built.
type model struct {
	classes int
	scale   float32
	keys    []uint64 // feature hashes, in order
	w       []int16
	slot    []int32 // table of key indexes + 1; 0 is empty
	mask    uint64
}

// newModel indexes keys (no zero, no duplicates) with their weights.
func newModel(classes int, scale float32, keys []uint64, w []int16) *model {
	m := &model{classes: classes, scale: scale, keys: keys, w: w}
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	m.slot = make([]int32, size)
	m.mask = uint64(size - 1)
	for k, h := range keys {
		i := m.home(h)
		for m.slot[i] != 0 {
			i = (i + 1) & m.mask
		}
		m.slot[i] = int32(k + 1)
	}
	return m
}

func (m *model) home(h uint64) uint64 { return (h * 0x9e3779b97f4a7c15) >> 20 & m.mask }

// find returns the index of feature h, or -1.
func (m *model) find(h uint64) int {
	for i := m.home(h); ; i = (i + 1) & m.mask {
		k := m.slot[i]
		if k == 0 {
			return -1
		}
		if m.keys[k-1] == h {
			return int(k - 1)
		}
	}
}

// score sets scores[c] to the score of class c for features feats.
func (m *model) score(feats []uint64, scores []float32) {
	scores = scores[:m.classes]
	clear(scores)
	for _, h := range feats {
		k := m.find(h)
		if k < 0 {
			continue
		}
		for c, w := range m.w[k*m.classes : (k+1)*m.classes] {
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

// addAverages adds the averaged weights of each feature, times f, to
// sum (classes per feature).
func (t *trainer) addAverages(sum map[uint64][]float64, f float64) {
	for h, r := range t.rows {
		s := sum[h]
		if s == nil {
			s = make([]float64, t.classes)
			sum[h] = s
		}
		for c := range s {
			i := int(r)*t.classes + c
			total := t.total[i] + float64(t.clock-t.stamp[i])*float64(t.w[i])
			s[c] += f * total / float64(max(t.clock, 1))
		}
	}
}

// model averages the weights, drops features whose averaged weights are
// all below prune in magnitude, and quantizes the rest to 16 bits.
func (t *trainer) model(prune float64) *model {
	sum := make(map[uint64][]float64, len(t.rows))
	t.addAverages(sum, 1)
	return quantize(t.classes, sum, prune)
}

// quantize drops the features whose weights are all below prune in
// magnitude and quantizes the rest to 16 bits. The result does not depend
// on map order.
func quantize(classes int, weights map[uint64][]float64, prune float64) *model {
	keys := make([]uint64, 0, len(weights))
	for h := range weights {
		keys = append(keys, h)
	}
	slices.Sort(keys)
	var (
		kept   []uint64
		vals   []float64
		maxAbs float64
	)
	for _, h := range keys {
		avg := weights[h]
		big := false
		for _, v := range avg {
			big = big || math.Abs(v) >= prune
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
	scale := float32(1)
	if maxAbs > 0 {
		scale = float32(maxAbs / math.MaxInt16)
	}
	w := make([]int16, len(vals))
	for i, v := range vals {
		w[i] = int16(math.Round(v / float64(scale)))
	}
	return newModel(classes, scale, kept, w)
}

const modelMagic = "EGDET1"

// appendBinary appends the model's encoding: magic, classes, scale, the
// number of features, then each feature's hash (delta-coded, in order) and
// its weights as varints.
func (m *model) appendBinary(b []byte) []byte {
	b = append(b, modelMagic...)
	b = binary.AppendUvarint(b, uint64(m.classes))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.scale))
	b = binary.AppendUvarint(b, uint64(len(m.keys)))
	prev := uint64(0)
	for k, h := range m.keys {
		b = binary.AppendUvarint(b, h-prev)
		prev = h
		for _, w := range m.w[k*m.classes : (k+1)*m.classes] {
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
	scale := math.Float32frombits(binary.LittleEndian.Uint32(d.b))
	d.b = d.b[4:]
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		return nil, nil, errors.New("bad model header")
	}
	keys := make([]uint64, 0, n)
	w := make([]int16, 0, int(n)*classes)
	h := uint64(0)
	for r := range int(n) {
		delta := d.uvarint()
		if r > 0 && delta == 0 {
			d.fail()
		}
		h += delta
		keys = append(keys, h)
		for range classes {
			v := d.varint()
			if v < math.MinInt16 || v > math.MaxInt16 {
				d.fail()
			}
			w = append(w, int16(v))
		}
		if d.err != nil {
			return nil, nil, fmt.Errorf("feature %d: %w", r, d.err)
		}
	}
	return newModel(classes, scale, keys, w), d.b, nil
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
