package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// Without a terminal, a run logs progress lines at the interval asked for,
// counting what is stored so far, and none when the interval is 0.
func TestReportEvery(t *testing.T) {
	dir := t.TempDir()
	for i, day := range []string{"Monday", "Tuesday", "Wednesday"} {
		text := strings.Replace(report, "Monday", day, 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		every time.Duration
		want  int // progress lines, at least
	}{{0, 0}, {time.Nanosecond, 3}} {
		var buf bytes.Buffer
		log := slog.New(slog.NewJSONHandler(&buf, nil))
		sum, err := Run(context.Background(), openStore(t), []string{dir}, Options{Log: log, ReportEvery: tc.every})
		if err != nil || sum.Ingested != 3 {
			t.Fatalf("every %v: %+v, %v", tc.every, sum, err)
		}
		var lines []map[string]any
		for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
			var rec map[string]any
			if err := json.Unmarshal([]byte(l), &rec); err == nil && rec["msg"] == "progress" {
				lines = append(lines, rec)
			}
		}
		if tc.want == 0 {
			if len(lines) != 0 {
				t.Errorf("every 0: %d progress lines, want none", len(lines))
			}
			continue
		}
		if len(lines) < tc.want {
			t.Fatalf("every %v: %d progress lines, want %d or more:\n%s", tc.every, len(lines), tc.want, buf.String())
		}
		// Writes may lag a batch behind; the count never goes back and
		// names the sources.
		prev := -1.0
		for _, l := range lines {
			n, _ := l["stored"].(float64)
			if n < prev || l["sources"] == nil || l["articles_per_s"] == nil {
				t.Errorf("progress line %v after %v articles", l, prev)
			}
			prev = n
		}
	}
}

// The time left is estimated from the sources that needed work: a resumed
// run that skipped 60,000 stored sources in seconds must not promise the
// remaining 40,000 in minutes.
func TestRemaining(t *testing.T) {
	for _, tc := range []struct {
		name                string
		elapsed             time.Duration
		done, worked, total int
		want                time.Duration
		ok                  bool
	}{
		{"fresh run", time.Minute, 100, 100, 1000, 9 * time.Minute, true},
		{"resumed run", time.Minute, 60500, 500, 100000, 79 * time.Minute, true},
		{"only stored so far", time.Second, 60000, 0, 100000, 0, false},
		{"all through", time.Hour, 1000, 1000, 1000, 0, false},
	} {
		got, ok := remaining(tc.elapsed, tc.done, tc.worked, tc.total)
		if ok != tc.ok || got != tc.want {
			t.Errorf("%s: remaining = %v, %v; want %v, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

// On a terminal, stored sources leave the progress bar: a re-run over three
// stored articles and a new one shows one article to do, not four.
func TestProgressBarCountsWork(t *testing.T) {
	dir := t.TempDir()
	write := func(name, day string) {
		t.Helper()
		text := strings.Replace(report, "Monday", day, 1)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, day := range []string{"Monday", "Tuesday", "Wednesday"} {
		write(fmt.Sprintf("a%d.txt", i), day)
	}
	st := openStore(t)
	if _, err := Run(context.Background(), st, []string{dir}, Options{}); err != nil {
		t.Fatal(err)
	}
	write("b.txt", "Thursday")
	var bar bytes.Buffer
	sum, err := Run(context.Background(), st, []string{dir}, Options{Progress: &bar})
	if err != nil || sum.Ingested != 1 || sum.Unchanged != 3 {
		t.Fatalf("second run: %+v, %v", sum, err)
	}
	if out := bar.String(); !strings.Contains(out, "(0/1,") || strings.Contains(out, "/4") {
		t.Errorf("progress bar counts stored sources: %q", out)
	}
}
