package main

import (
	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"os"
	"path/filepath"
	"testing"
)

// TestTimeBank runs the evaluation on the TimeBank corpus and checks the
// scores stay above floors a few points under what the tagger achieves, so
// that real regressions fail.
func TestTimeBank(t *testing.T) {
	dir, err := evalkit.DataDir("", "")
	if err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(dir, "tempeval3-train", "TimeBank")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("SKIPPING TempEval-3 evaluation: %s not found (the data lives in ../shared/data next to the repository)", corpus)
	}
	limit := 0
	if testing.Short() {
		limit = 40
	}
	rep, err := evalCorpus(corpus, limit)
	if err != nil {
		t.Fatal(err)
	}
	s := rep.counts.Scores()
	t.Logf("TimeBank (%d files): strict F1 %.1f, relaxed F1 %.1f, value F1 %.1f, type F1 %.1f",
		rep.files, 100*s.StrictF1, 100*s.RelaxedF1, 100*s.ValueF1, 100*s.TypeF1)
	if limit > 0 {
		return
	}
	for _, f := range []struct {
		name       string
		got, floor float64
	}{
		{"strict F1", s.StrictF1, 0.88},
		{"relaxed F1", s.RelaxedF1, 0.92},
		{"value F1", s.ValueF1, 0.80},
		{"type F1", s.TypeF1, 0.89},
	} {
		if f.got < f.floor {
			t.Errorf("%s %.1f below floor %.1f", f.name, 100*f.got, 100*f.floor)
		}
	}
}
