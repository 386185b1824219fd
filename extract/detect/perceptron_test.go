package detect

import (
	"bytes"
	"testing"
)

// TestPerceptron learns a small problem (the class is which of three words
// an item holds, with a shared noise feature), and the model survives
// encoding.
func TestPerceptron(t *testing.T) {
	words := []string{"alpha", "beta", "gamma"}
	item := func(c, n int) []uint64 {
		return []uint64{mixString(hash(1), words[c]), mix(hash(2), uint64(n%5))}
	}
	tr := newTrainer(len(words))
	scores := make([]float32, len(words))
	for epoch := range 5 {
		for n := range 60 {
			c := (n + epoch) % 3
			f := item(c, n)
			tr.score(f, scores)
			tr.update(f, c, argmax(scores))
		}
	}
	m := tr.model(0)
	for c := range words {
		m.score(item(c, 7), scores)
		if argmax(scores) != c {
			t.Errorf("class %d: scores %v", c, scores)
		}
	}
	b := m.appendBinary(nil)
	m2, rest, err := decodeModel(append(b, 'x'))
	if err != nil || string(rest) != "x" {
		t.Fatalf("decode: %v, rest %q", err, rest)
	}
	if !bytes.Equal(m2.appendBinary(nil), b) {
		t.Error("decoded model encodes differently")
	}
	for c := range words {
		m2.score(item(c, 3), scores)
		if argmax(scores) != c {
			t.Errorf("decoded, class %d: scores %v", c, scores)
		}
	}
	if !bytes.Equal(tr.model(0).appendBinary(nil), b) {
		t.Error("same training, different bytes")
	}
	if _, _, err := decodeModel(b[:len(b)-3]); err == nil {
		t.Error("truncated model decoded")
	}
	// Pruning everything leaves an empty but working model.
	if mp := tr.model(1e9); len(mp.keys) != 0 {
		t.Errorf("pruned model has %d features", len(mp.keys))
	}
}
