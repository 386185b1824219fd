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

// TestTaskB trains the event detector on TimeBank files and scores it on
// AQUAINT files it has not seen, beside the every-verb baseline: the
// detector must beat the baseline by a margin and stay above floors a few
// points under what it achieves.
func TestTaskB(t *testing.T) {
	dir, err := evalkit.DataDir("", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "tempeval3-train", "AQUAINT")); err != nil {
		t.Skipf("SKIPPING TempEval-3 Task B: %v (the data lives in ../shared/data next to the repository)", err)
	}
	limit := 80
	if testing.Short() {
		limit = 25
	}
	res, err := evalEvents(dir, heldOut, limit)
	if err != nil {
		t.Fatal(err)
	}
	b, s := res.base.counts.Scores(), res.sys.counts.Scores()
	t.Logf("Task B, %d AQUAINT files: baseline F1 %.1f class F1 %.1f; detect strict F1 %.1f relaxed F1 %.1f class F1 %.1f tense %.1f aspect %.1f",
		res.sys.files, 100*b.RelaxedF1, 100*b.ClassF1, 100*s.StrictF1, 100*s.RelaxedF1, 100*s.ClassF1, 100*s.TenseAcc, 100*s.AspectAcc)
	if s.RelaxedF1 < b.RelaxedF1+0.03 || s.ClassF1 < b.ClassF1+0.15 {
		t.Errorf("detector (F1 %.1f, class F1 %.1f) hardly beats the every-verb baseline (%.1f, %.1f)",
			100*s.RelaxedF1, 100*s.ClassF1, 100*b.RelaxedF1, 100*b.ClassF1)
	}
	if testing.Short() {
		return
	}
	for _, f := range []struct {
		name       string
		got, floor float64
	}{
		{"strict F1", s.StrictF1, 0.83},
		{"relaxed F1", s.RelaxedF1, 0.83},
		{"class F1", s.ClassF1, 0.68},
		{"tense accuracy", s.TenseAcc, 0.81},
		{"aspect accuracy", s.AspectAcc, 0.95},
	} {
		if f.got < f.floor {
			t.Errorf("%s %.1f below floor %.1f", f.name, 100*f.got, 100*f.floor)
		}
	}
}
