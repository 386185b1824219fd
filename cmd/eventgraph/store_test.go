package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Read commands on a mistyped or missing store fail with a message that
// says what to do, and create nothing: neither the store nor the
// default ./data/eventgraph where the user stands.
func TestReadCommandsNeedAStore(t *testing.T) {
	t.Chdir(t.TempDir())
	empty := t.TempDir()
	commands := [][]string{
		{"timeline"},
		{"timeline", "--format", "table"},
		{"stats"},
		{"actors"},
		{"explain", "event/0123"},
		{"query", `g.V().All()`},
		{"export"},
		{"check"},
		{"check", "--repair"},
		{"serve", "--host", "127.0.0.1:0"},
	}
	for _, backend := range []string{"bolt", "leveldb", "badger"} {
		for _, args := range commands {
			for _, where := range []struct {
				name string
				args []string
				path string
			}{
				{"missing", []string{"--dbpath", filepath.Join(empty, "typo")}, filepath.Join(empty, "typo")},
				{"empty directory", []string{"--dbpath", empty}, empty},
				{"default", nil, "./data/eventgraph"},
			} {
				t.Run(backend+"/"+strings.Join(args, " ")+"/"+where.name, func(t *testing.T) {
					all := append(append(append([]string{}, args...), "--db", backend), where.args...)
					_, _, err := run(t, all...)
					want := "no store at " + where.path + " (ingest first, or pass --dbpath)"
					if err == nil || !strings.Contains(err.Error(), want) || !errors.Is(err, errNoStore) {
						t.Fatalf("eventgraph %s: error %v, want %q", strings.Join(all, " "), err, want)
					}
					if entries, _ := os.ReadDir(empty); len(entries) > 0 {
						t.Errorf("%s now holds %v", empty, entries)
					}
					if entries, _ := os.ReadDir("."); len(entries) > 0 {
						t.Errorf("the working directory now holds %v", entries)
					}
				})
			}
		}
	}
}

// The binary exits non-zero with the message on stderr.
func TestMissingStoreExitStatus(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cmd := egCommand(t, nil, "stats", "--dbpath", filepath.Join(dir, "none"))
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("exit: %v\n%s", err, out)
	}
	if want := "eventgraph: no store at " + filepath.Join(dir, "none") + " (ingest first, or pass --dbpath)\n"; string(out) != want {
		t.Errorf("output %q, want %q", out, want)
	}
}

// ingest creates the store; the read commands then read it.
func TestIngestCreatesTheStore(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	art := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(art, []byte("Minister resigns\n\nDate: 2024-03-26\n\nThe minister of finance resigned on Monday, officials said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "store")
	mustRun(t, "ingest", "--dbpath", db, art)
	if _, err := os.Stat(filepath.Join(db, "indexes.bolt")); err != nil {
		t.Fatalf("ingest created no bolt store: %v", err)
	}
	if out := mustRun(t, "stats", "--dbpath", db); !strings.Contains(out, "articles") {
		t.Errorf("stats: %s", out)
	}
	// A directory holding only a resolver snapshot is no store.
	snap := t.TempDir()
	if err := os.WriteFile(filepath.Join(snap, snapshotFile), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, "stats", "--db", "leveldb", "--dbpath", snap); !errors.Is(err, errNoStore) {
		t.Errorf("leveldb directory with a snapshot alone: %v", err)
	}
}

// ingest checks its flags before it creates the store.
func TestIngestBadFlagsCreateNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "store")
	for _, args := range [][]string{
		{"ingest", "--dbpath", db, "--published", "26/03/2024", "x.txt"},
		{"ingest", "--dbpath", db, "--workers", "-1", "x.txt"},
		{"ingest", "--dbpath", db},
	} {
		if _, _, err := run(t, args...); err == nil {
			t.Errorf("%v accepted", args)
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("%v created %s", args, db)
		}
	}
}
