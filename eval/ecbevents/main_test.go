package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
)

// TestECBEvents runs the evaluation on two topics (mention detection and
// coreference) and checks floors a few points under the scores reached
// when they were set.
func TestECBEvents(t *testing.T) {
	dir, err := evalkit.DataDir("", "ecbplus")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "ECBplus_coreference_sentences.csv")); err != nil {
		t.Skipf("SKIPPING ECB+ event evaluation: no ECB+ data at %s (%v)", dir, err)
	}
	res, err := Run(dir, []string{"36", "37"}, []string{"36", "37"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	res.Print(testWriter{t})
	if res.Docs == 0 {
		t.Fatal("no documents read")
	}
	if f := res.All.F1(); f < floorMentionF1 {
		t.Errorf("mention F1 %.3f below floor %.3f", f, floorMentionF1)
	}
	for _, row := range res.Coref {
		if row.System != "resolve, one stream, no topics" && row.System != "resolve + StoryLead, one stream" {
			continue
		}
		if f := row.Matched.CoNLL(); f < floorCoNLL {
			t.Errorf("%s: CoNLL F1 %.3f below floor %.3f", row.System, f, floorCoNLL)
		}
	}
}

var (
	floorMentionF1 = 0.84
	floorCoNLL     = 0.50
)

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
