package linear

import (
	"math"
	"slices"
)

// Trainer learns an averaged perceptron. The zero value is not usable: call
// NewTrainer. A Trainer is not safe for concurrent use.
type Trainer struct {
	classes int
	index   map[uint64]int32 // feature hash -> its weights in rows
	rows    [][]weight
	clock   int64 // items seen, the unit of averaging
}

// weight is one class's weight for one feature, with what averaging needs.
type weight struct {
	class int32
	w     float32
	total float64 // sum over past items of w
	stamp int64   // clock when total was last brought up to date
}

// NewTrainer returns a trainer for items of the given number of classes.
func NewTrainer(classes int) *Trainer {
	return &Trainer{classes: classes, index: make(map[uint64]int32)}
}

// Classes is the number of classes.
func (t *Trainer) Classes() int { return t.classes }

// Score sets scores[c] (len(scores) >= Classes) to the current, not averaged,
// score of class c for the item with features feats.
func (t *Trainer) Score(feats []uint64, scores []float32) {
	clear(scores[:t.classes])
	for _, h := range feats {
		i, ok := t.index[h]
		if !ok {
			continue
		}
		for _, w := range t.rows[i] {
			scores[w.class] += w.w
		}
	}
}

// Update learns from one item: when guess differs from gold, the weights of
// feats move toward gold and away from guess. Call it for every training
// item, right or wrong: averaging counts items.
func (t *Trainer) Update(feats []uint64, gold, guess int) {
	t.clock++
	if gold == guess {
		return
	}
	for _, h := range feats {
		t.add(h, gold, 1)
		t.add(h, guess, -1)
	}
}

// Tick counts an item that makes no update (same as Update with gold ==
// guess), for callers that learn through Add.
func (t *Trainer) Tick() { t.clock++ }

// Add adds delta to the weight of class for every feature in feats without
// counting an item.
func (t *Trainer) Add(feats []uint64, class int, delta float32) {
	for _, h := range feats {
		t.add(h, class, delta)
	}
}

func (t *Trainer) add(h uint64, class int, delta float32) {
	i, ok := t.index[h]
	if !ok {
		i = int32(len(t.rows))
		t.index[h] = i
		t.rows = append(t.rows, nil)
	}
	row := t.rows[i]
	for k := range row {
		if row[k].class == int32(class) {
			w := &row[k]
			w.total += float64(t.clock-w.stamp) * float64(w.w)
			w.stamp = t.clock
			w.w += delta
			return
		}
	}
	t.rows[i] = append(row, weight{class: int32(class), w: delta, stamp: t.clock})
}

// Model returns the averaged weights as a compact model, leaving out
// averaged weights smaller in magnitude than prune and features left with
// none. Weights are quantized to 16 bits. The result depends only on the
// updates made, not on map order.
func (t *Trainer) Model(prune float64) *Model {
	byKey := make(map[uint32][]int32, len(t.index))
	for h, i := range t.index {
		k := key(h)
		byKey[k] = append(byKey[k], i)
	}
	keys := make([]uint32, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)

	// Average, sum features that share a key, prune.
	var (
		entries []Entry
		maxAbs  float64
		sum     = make([]float64, t.classes)
		touched = make([]bool, t.classes)
	)
	for _, k := range keys {
		rows := byKey[k]
		slices.Sort(rows)
		clear(sum)
		clear(touched)
		for _, i := range rows {
			for _, w := range t.rows[i] {
				total := w.total + float64(t.clock-w.stamp)*float64(w.w)
				sum[w.class] += total / float64(max(t.clock, 1))
				touched[w.class] = true
			}
		}
		e := Entry{Key: k}
		for c, v := range sum {
			if !touched[c] || math.Abs(v) < prune || v == 0 {
				continue
			}
			e.Classes = append(e.Classes, uint16(c))
			e.Weights = append(e.Weights, float32(v))
			maxAbs = max(maxAbs, math.Abs(v))
		}
		if len(e.Classes) > 0 {
			entries = append(entries, e)
		}
	}
	return build(t.classes, entries, maxAbs)
}

// Entry is one feature's weights before quantization.
type Entry struct {
	Key     uint32
	Classes []uint16
	Weights []float32
}
