package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeArticle writes a small dated article and returns its path.
func writeArticle(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// stopServe ends a server started by startServe and waits for it.
func stopServe(t *testing.T, s *server) {
	t.Helper()
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exit:
	case <-time.After(60 * time.Second): // generous: CI machines are shared
		t.Fatal("serve did not stop")
	}
}

// While a read-only serve runs, the read commands read the store beside
// it (both hold a shared lock), a local ingest is refused with a message
// naming the commands that get in, and ingest --server is refused by the
// read-only server. A serve that takes writes lets ingest --server in;
// the files are stored under the names the client gave them.
func TestServeBesideCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("starts eventgraph serve")
	}
	dir := t.TempDir()
	first := writeArticle(t, dir, "first.txt", "Minister resigns\n\nDate: 2024-03-26\n\nThe minister of finance Jane Smith resigned on Monday, officials said.\n")
	second := writeArticle(t, dir, "second.txt", "Talks collapse\n\nDate: 2024-04-02\n\nThe prime minister of Ruritania John Doe met the president of Freedonia in Paris on Tuesday.\n")
	db := filepath.Join(dir, "store")
	mustRun(t, "ingest", "--dbpath", db, first)

	s := startServe(t, db)
	for _, args := range [][]string{
		{"stats"}, {"timeline", "--format", "json"}, {"actors"}, {"export"}, {"check"},
		{"query", `g.V("<sem:Event>").In("<rdfs:subClassOf>").In("<rdf:type>").All()`},
	} {
		if _, errs, err := run(t, append(args, "--dbpath", db)...); err != nil {
			t.Errorf("%s beside a read-only serve: %v\n%s", args[0], err, errs)
		}
	}
	_, _, err := run(t, "ingest", "--dbpath", db, second)
	for _, want := range []string{"in use by another eventgraph process", "eventgraph serve --read-only=false", "eventgraph ingest --server"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("local ingest beside serve: %v, want %q", err, want)
		}
	}
	_, _, err = run(t, "ingest", "--server", s.url, second)
	if err == nil || !strings.Contains(err.Error(), "403") || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("ingest --server to a read-only serve: %v", err)
	}
	stopServe(t, s)

	w := startServe(t, db, "EVENTGRAPH_SERVE_READ_ONLY=false")
	_, errs, err := run(t, "ingest", "--server", w.url, second)
	if err != nil || !strings.Contains(errs, "ingested 1 article(s)") {
		t.Fatalf("ingest --server: %v\n%s", err, errs)
	}
	_, errs, err = run(t, "ingest", "--server", w.url, second)
	if err != nil || !strings.Contains(errs, "ingested 0 article(s) (1 unchanged") {
		t.Errorf("ingest --server again: %v\n%s", err, errs)
	}
	_, _, err = run(t, "ingest", "--server", w.url, filepath.Join(dir, "missing.txt"))
	if err == nil {
		t.Errorf("ingest --server of a missing file succeeded")
	}
	// Reads wait for nothing: the writer holds the file alone, and the
	// message says how to read.
	_, _, err = run(t, "stats", "--dbpath", db)
	if err == nil || !strings.Contains(err.Error(), "held by a process that writes to it") || !strings.Contains(err.Error(), "/api/timeline") {
		t.Errorf("stats beside a serve that takes writes: %v", err)
	}
	stopServe(t, w)

	var st storeStats
	if err := json.Unmarshal([]byte(mustRun(t, "stats", "--dbpath", db, "--format", "json")), &st); err != nil || st.Articles != 2 {
		t.Errorf("after ingest --server: %+v %v", st, err)
	}
	tl := readTimeline(t, db, "--all")
	sources := map[string]bool{}
	for _, e := range tl.Events {
		for _, m := range e.Mentions {
			sources[m.Source] = true
		}
	}
	if !sources[first] || !sources[second] {
		t.Errorf("sources %v, want %s and %s", sources, first, second)
	}
}
