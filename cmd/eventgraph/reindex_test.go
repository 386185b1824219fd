package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reindex rebuilds a lost timeline index: the timeline is the same with
// the index, without it (built from the store) and after the rebuild.
func TestReindex(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	mustRun(t, "ingest", "--dbpath", db, seedsDir(t))
	index := filepath.Join(db, "timeline.index")
	if _, err := os.Stat(index); err != nil {
		t.Fatalf("ingest kept no timeline index: %v", err)
	}
	want := mustRun(t, "timeline", "--dbpath", db, "--format", "csv")
	if err := os.Remove(index); err != nil {
		t.Fatal(err)
	}
	if got := mustRun(t, "timeline", "--dbpath", db, "--format", "csv"); got != want {
		t.Error("the timeline built without the index differs")
	}
	if out := mustRun(t, "reindex", "--dbpath", db); !strings.Contains(out, "indexed 71 event(s)") {
		t.Errorf("reindex said %q", out)
	}
	if got := mustRun(t, "timeline", "--dbpath", db, "--actor", "Joe Biden", "--format", "csv"); got == "" || !strings.Contains(want, strings.SplitN(got, "\n", 3)[1]) {
		t.Errorf("the actor timeline through the rebuilt index:\n%s", got)
	}
	if _, _, err := run(t, "reindex", "--dbpath", filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("reindex of a missing store succeeded")
	}
}
