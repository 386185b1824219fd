package main

import (
	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"os"
	"path/filepath"
	"testing"
)

// TestStoryline scores two topics and checks link precision against a floor
// a few points under the score reached when it was set.
func TestStoryline(t *testing.T) {
	dir, err := evalkit.DataDir("", "eventstoryline")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "1")); err != nil {
		t.Skipf("SKIPPING EventStoryLine evaluation: no data at %s (%v)", dir, err)
	}
	res, err := Run(dir, "1", "3", "8", "20")
	if err != nil {
		t.Fatal(err)
	}
	res.Print(testWriter{t})
	if res.Docs == 0 || res.Decidable == 0 {
		t.Fatalf("nothing scored: %+v", res)
	}
	if p := res.Precision(); p < floorPrecision {
		t.Errorf("link precision %.3f below floor %.3f", p, floorPrecision)
	}
}

const floorPrecision = 0.60

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
