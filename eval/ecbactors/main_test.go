package main

import (
	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"os"
	"path/filepath"
	"testing"
)

// TestECBActors runs the evaluation on two topics and checks floors a few
// points under the scores reached when they were set.
func TestECBActors(t *testing.T) {
	dir, err := evalkit.DataDir("", "ecbplus")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "ECBplus_coreference_sentences.csv")); err != nil {
		t.Skipf("SKIPPING ECB+ actor evaluation: no ECB+ data at %s (%v)", dir, err)
	}
	res, err := Run(dir, "1", "3")
	if err != nil {
		t.Fatal(err)
	}
	res.Print(testWriter{t})
	if res.Docs == 0 {
		t.Fatal("no documents read")
	}
	if f := res.Mentions.F1(); f < floorMentionF1 {
		t.Errorf("mention F1 %.3f below floor %.3f", f, floorMentionF1)
	}
	if f := res.B3F1(); f < floorB3F1 {
		t.Errorf("B-cubed F1 %.3f below floor %.3f", f, floorB3F1)
	}
}

const (
	floorMentionF1 = 0.70
	floorB3F1      = 0.62
)

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
