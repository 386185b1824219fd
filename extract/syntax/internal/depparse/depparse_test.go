package depparse

import (
	"bytes"
	"os"
	"syscall"
	"testing"
	"time"
)

// tiny trains a small model on the first sentences of EWT train.
func tiny(t *testing.T, sents [][]Word) []byte {
	t.Helper()
	opt := DefaultOptions
	opt.Epochs = 2
	opt.Prune, opt.LabelPrune = 0.1, 0.1 // a tiny model's weights are small
	m, err := Train(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The same sentences and options give the same model bytes, and the
// decoded model parses as the trained one does.
func TestTrainDeterministic(t *testing.T) {
	sents := treebank(t, "en_ewt-ud-train.conllu.gz")[:250]
	a, b := tiny(t, sents), tiny(t, sents)
	if !bytes.Equal(a, b) {
		t.Fatal("two training runs gave different model bytes")
	}
	m, err := Decode(a)
	if err != nil {
		t.Fatal(err)
	}
	again, err := m.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, again) {
		t.Error("decode and encode changed the model bytes")
	}
	// Trained on 250 sentences, it already beats attaching every word to
	// its neighbour on held-out text.
	dev := treebank(t, "en_ewt-ud-dev.conllu.gz")[:300]
	sc := m.Evaluate(dev)
	if sc.UAS() < 60 || sc.LAS() < 50 {
		t.Errorf("tiny model on dev: %v", sc)
	}
	t.Logf("tiny model on dev: %v", sc)
	for n := 0; n < len(a); n += 1 + n/7 {
		n = min(n, len(a)-1)
		if _, err := Decode(a[:n]); err == nil {
			t.Fatalf("model truncated to %d of %d bytes decoded", n, len(a))
		}
	}
}

func TestTrainRejectsBadTrees(t *testing.T) {
	bad := [][]Word{{{Form: "a", Head: 0, Rel: "dep"}}} // its own head
	if _, err := Train(bad, DefaultOptions); err == nil {
		t.Error("a word headed by itself was accepted")
	}
}

// BenchmarkParse parses EWT dev with gold tags using the model file at
// $PARSER_MODEL (skipped when unset), in MB/s of words and spaces.
func BenchmarkParse(b *testing.B) {
	path := os.Getenv("PARSER_MODEL")
	if path == "" {
		b.Skip("SKIP: PARSER_MODEL not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	m, err := Decode(data)
	if err != nil {
		b.Fatal(err)
	}
	sents := treebank(b, "en_ewt-ud-dev.conllu.gz")
	size := 0
	for _, s := range sents {
		for _, w := range s {
			size += len(w.Form) + 1
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		for _, s := range sents {
			m.Parse(s)
		}
	}
	// The machine is shared: CPU time, not wall time, is the speed.
	cpu := cpuTime() - start
	b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "cpuMB/s")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*size), "cpu-ns/B")
}

// cpuTime is the CPU time used by the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
