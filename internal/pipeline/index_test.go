package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/timeline"
)

// indexed is every event of the store's timeline index, as JSON; it
// fails when the store has no fresh index.
func indexed(t *testing.T, st *graph.Store) string {
	t.Helper()
	ctx := context.Background()
	ix, err := timeline.OpenIndex(ctx, st)
	if err != nil || ix == nil {
		t.Fatalf("no fresh timeline index: %v", err)
	}
	p, err := ix.Page(ctx, st, timeline.Filter{}, "", 100000)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(p.Timeline.Events)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// An ingest keeps the store's timeline index up to date batch by batch:
// after it the index holds what a rebuild writes and what a build of the
// timeline gives; an ingest of the same sources again leaves it fresh.
func TestIngestKeepsTimelineIndex(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	seeds, err := filepath.Abs("../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	// One article per batch: the second merges mentions into the
	// first's events.
	if _, err := Run(ctx, st, []string{seeds}, Options{Workers: 1, Batch: 1}); err != nil {
		t.Fatal(err)
	}
	got := indexed(t, st)
	built, err := timeline.BuildFrom(ctx, st, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := json.Marshal(built.Events); string(b) != got {
		t.Error("the index kept by the ingest differs from the built timeline")
	}
	if _, err := timeline.Rebuild(ctx, st); err != nil {
		t.Fatal(err)
	}
	if indexed(t, st) != got {
		t.Error("the index kept by the ingest differs from a rebuilt one")
	}
	if _, err := Run(ctx, st, []string{seeds}, Options{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	if indexed(t, st) != got {
		t.Error("ingesting the same sources again changed the index")
	}
}

// An ingest into a store whose index is stale leaves it stale (it is not
// patched over what it missed) and says what rebuilds it.
func TestIngestLeavesStaleIndex(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	dir := t.TempDir()
	for i, text := range []string{report, "date 2024-03-27 The president visited Paris on Tuesday, aides said."} {
		if err := os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Run(ctx, st, []string{filepath.Join(dir, "a.txt")}, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := st.RemoveSideDB("timeline.index"); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(ctx, st, []string{filepath.Join(dir, "b.txt")}, Options{}); err != nil {
		t.Fatal(err)
	}
	if ix, err := timeline.OpenIndex(ctx, st); err != nil || ix != nil {
		t.Fatalf("an index missing the first article is taken for fresh: %v", err)
	}
	if _, err := timeline.Rebuild(ctx, st); err != nil {
		t.Fatal(err)
	}
	indexed(t, st)
}
