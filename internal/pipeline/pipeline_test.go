package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/graph"
)

func openStore(t *testing.T) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), graph.Config{Backend: "bolt", Address: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func quads(t *testing.T, st *graph.Store) int64 {
	t.Helper()
	s, err := st.QuadStore.Stats(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	return s.Quads.Size
}

const report = "date 2024-03-26 The minister resigned on Monday after the vote, officials said.\n\nThe opposition criticized the government."

// --replace retracts the old version of an article whose file changed;
// without it the old version stays and nothing is re-extracted.
func TestReplace(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(ctx, st, []string{file}, Options{}); err != nil {
		t.Fatal(err)
	}
	first := quads(t, st)
	sum, err := Run(ctx, st, []string{file}, Options{})
	if err != nil || sum.Unchanged != 1 || sum.Ingested != 0 || quads(t, st) != first {
		t.Fatalf("re-ingest: %+v, %v, %d quads (was %d)", sum, err, quads(t, st), first)
	}
	changed := strings.Replace(report, "Monday", "Tuesday", 1)
	if err := os.WriteFile(file, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err = Run(ctx, st, []string{file}, Options{Replace: true})
	if err != nil || sum.Replaced != 1 || sum.Ingested != 1 {
		t.Fatalf("replace: %+v, %v", sum, err)
	}
	arts, err := st.OfType(ctx, graph.ClassArticle)
	if err != nil || len(arts) != 1 {
		t.Fatalf("%d articles after replace, want 1 (%v)", len(arts), err)
	}
	// Replacing the current version again changes nothing in the end.
	after := quads(t, st)
	if _, err := Run(ctx, st, []string{file}, Options{Replace: true}); err != nil {
		t.Fatal(err)
	}
	if q := quads(t, st); q != after {
		t.Errorf("second replace changed the store: %d -> %d quads", after, q)
	}
}

func TestStdinAndMissing(t *testing.T) {
	st := openStore(t)
	sum, err := Run(context.Background(), st, []string{"-", "/nonexistent/file.txt"}, Options{Stdin: strings.NewReader(report)})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 1 || len(sum.Failed) != 1 || !strings.Contains(sum.Failed[0].Source, "nonexistent") {
		t.Errorf("summary %+v", sum)
	}
	if sum.Events == 0 {
		t.Error("no events extracted from stdin")
	}
}
