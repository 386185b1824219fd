package main

import (
	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"math"
	"os"
	"path/filepath"
	"testing"
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
	res, err := Run(dir, []string{"36", "37"}, []string{"36", "37"})
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
	if f := evalkit.F1(res.B3P, res.B3R); f < floorB3F1 {
		t.Errorf("B-cubed F1 %.3f below floor %.3f", f, floorB3F1)
	}
}

var (
	floorMentionF1 = 0.84
	floorB3F1      = 0.52
)

func TestMetrics(t *testing.T) {
	// Gold {a b c} {d}; system {a b} {c d}.
	gold := []string{"1", "1", "1", "2"}
	sys := []string{"x", "x", "y", "y"}
	p, r := BCubed(sys, gold)
	// precision: a 2/2, b 2/2, c 1/2, d 1/2 -> 0.75; recall: a 2/3, b 2/3, c 1/3, d 1/1 -> 2/3
	if math.Abs(p-0.75) > 1e-9 || math.Abs(r-2.0/3) > 1e-9 {
		t.Errorf("BCubed = %v, %v", p, r)
	}
	mp, mr := MUC(sys, gold)
	// recall: gold {abc} split in 2 -> (3-2)/(3-1) = 0.5; precision: sys
	// {ab} in 1 gold -> 1/1, {cd} in 2 -> 0/1 -> 1/2
	if math.Abs(mr-0.5) > 1e-9 || math.Abs(mp-0.5) > 1e-9 {
		t.Errorf("MUC = %v, %v", mp, mr)
	}
	if p, r := BCubed(gold, gold); p != 1 || r != 1 {
		t.Errorf("identical clusterings: %v %v", p, r)
	}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
