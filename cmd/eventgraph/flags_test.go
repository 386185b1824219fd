package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/timeline"
)

// Flag values are checked when the flags are parsed, before any store is
// opened: a refused value names the flag and what it takes; an accepted
// one gets as far as the (missing) store.
func TestFlagParsing(t *testing.T) {
	t.Parallel()
	none := filepath.Join(t.TempDir(), "none")
	for _, tc := range []struct {
		args []string
		want string // "" for accepted
	}{
		{[]string{"stats", "--log-level", "loud"}, `invalid argument "loud" for "--log-level" flag: want debug, info, warn or error`},
		{[]string{"stats", "--log-level", "WARN"}, ""},
		{[]string{"stats", "--log-level", "debug"}, ""},
		{[]string{"stats", "--db", "sqlite"}, `invalid argument "sqlite" for "--db" flag: want bolt, leveldb, badger, memstore, postgres or cockroach`},
		{[]string{"stats", "--db", "leveldb"}, ""},
		{[]string{"stats", "--format", "yaml"}, `invalid argument "yaml" for "--format" flag: want table or json`},
		{[]string{"actors", "--format", "csv"}, `invalid argument "csv" for "--format" flag: want table or json`},
		{[]string{"check", "--format", "text"}, `want table or json`},
		{[]string{"explain", "--format", "table", "event/1"}, `invalid argument "table" for "--format" flag: want text or json`},
		{[]string{"export", "--format", "rdfxml"}, `invalid argument "rdfxml" for "--format" flag: want nquads, jsonld, graphml or dot`},
		{[]string{"export", "--format", "DOT"}, ""},
		{[]string{"timeline", "--format", "xml"}, `invalid argument "xml" for "--format" flag: want table, json, timelinejs or csv`},
		{[]string{"timeline", "--format", "timelinejs"}, ""},
		{[]string{"timeline", "--format", "timelinejs", "--group", "actor"}, ""},
		{[]string{"timeline", "--group", "label"}, `invalid argument "label" for "--group" flag: want class, actor or none`},
		{[]string{"query", "--lang", "sparql", "x"}, `invalid argument "sparql" for "--lang" flag: want gizmo, graphql or mql`},
		{[]string{"query", "--lang", "graphql", "{nodes{id}}"}, ""},
		{[]string{"ingest", "--format", "pdf", "x"}, `invalid argument "pdf" for "--format" flag: want auto, text, html, feed or jsonl`},
		{[]string{"timeline", "--from", "2024-04", "--to", "2024-03"}, "--from 2024-04 is after --to 2024-03: no event can fall in between"},
		{[]string{"timeline", "--from", "2024-03-27", "--to", "2024-03-26"}, "--from 2024-03-27 is after --to 2024-03-26"},
		{[]string{"timeline", "--from", "2025", "--to", "2024-12-31"}, "--from 2025 is after --to 2024-12-31"},
		{[]string{"timeline", "--from", "2024-03", "--to", "2024-03"}, ""},
		{[]string{"timeline", "--from", "2024-03-31", "--to", "2024-03"}, ""},
		{[]string{"timeline", "--from", "2024", "--to", "2024-01-01"}, ""},
		{[]string{"timeline", "--from", "2024-13"}, `--from: "2024-13" is not a date (want YYYY, YYYY-MM or YYYY-MM-DD)`},
		{[]string{"timeline", "--to", "26/03/2024"}, `--to: "26/03/2024" is not a date`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			_, _, err := run(t, append(tc.args, "--dbpath", none)...)
			if tc.want == "" {
				if !errors.Is(err, errNoStore) {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// The shell completes the values of --format, --lang, --db and
// --log-level (cobra's __complete is what the completion scripts call).
func TestFlagValueCompletion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"timeline", "--format", ""}, []string{"table", "json", "timelinejs", "csv"}},
		{[]string{"export", "--format", ""}, []string{"nquads", "jsonld", "graphml", "dot"}},
		{[]string{"actors", "--format", ""}, []string{"table", "json"}},
		{[]string{"query", "--lang", ""}, []string{"gizmo", "graphql", "mql"}},
		{[]string{"stats", "--db", ""}, []string{"bolt", "leveldb", "badger", "memstore", "postgres", "cockroach"}},
		{[]string{"--db", ""}, []string{"bolt", "leveldb", "badger", "memstore", "postgres", "cockroach"}},
		{[]string{"timeline", "--log-level", ""}, []string{"debug", "info", "warn", "error"}},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			out, _, err := run(t, append([]string{"__complete"}, tc.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			// The last line is cobra's directive: no file completion.
			if last := lines[len(lines)-1]; last != ":4" {
				t.Errorf("directive %q, want :4 (no files)", last)
			}
			if got := strings.Join(lines[:len(lines)-1], " "); got != strings.Join(tc.want, " ") {
				t.Errorf("completions %q, want %q", got, tc.want)
			}
		})
	}
}

// version and --version print the same thing, need no configuration,
// and name the cayley module the binary embeds.
func TestVersion(t *testing.T) {
	t.Parallel()
	bad := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(bad, []byte("stor: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "version", "--config", bad)
	if long := mustRun(t, "--version"); long != out {
		t.Errorf("--version %q, version %q", long, out)
	}
	for _, want := range []string{"eventgraph ", "\ncommit     ", "\ngo         go1.", "\ncayley     "} {
		if !strings.Contains(out, want) {
			t.Errorf("version output lacks %q:\n%s", want, out)
		}
	}
	var v buildVersion
	if err := json.Unmarshal([]byte(mustRun(t, "version", "--format", "json")), &v); err != nil || v.Go == "" {
		t.Errorf("version --format json: %+v %v", v, err)
	}
}

// The build information's VCS settings and the cayley dependency are
// what version reports.
func TestVersionOf(t *testing.T) {
	t.Parallel()
	bi := &debug.BuildInfo{
		GoVersion: "go1.26.8",
		Main:      debug.Module{Path: "github.com/eventgraph/eventgraph", Version: "v0.0.0-20261206235138-5c67e1bf9bff+dirty"},
		Deps:      []*debug.Module{{Path: "github.com/spf13/cobra", Version: "v1.10.2"}, {Path: cayleyModule, Version: "v0.7.7"}},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "5c67e1bf9bffe2265c94b00468270b25666b2689"},
			{Key: "vcs.time", Value: "2026-12-06T23:51:38Z"}, {Key: "vcs.modified", Value: "true"},
		},
	}
	v := versionOf(bi, buildVersion{Platform: "linux/amd64"})
	var b strings.Builder
	if err := v.write(&b); err != nil {
		t.Fatal(err)
	}
	want := "eventgraph v0.0.0-20261206235138-5c67e1bf9bff+dirty\n" +
		"commit     5c67e1bf9bffe2265c94b00468270b25666b2689 (2026-12-06T23:51:38Z) with uncommitted changes\n" +
		"go         go1.26.8 linux/amd64\n" +
		"cayley     v0.7.7\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// explain reads an event in every form the other commands print it.
func TestEventID(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"event/816d2dc3c94077ab":                             "event/816d2dc3c94077ab",
		"eg:event/816d2dc3c94077ab":                          "eg:event/816d2dc3c94077ab",
		"<eg:event/816d2dc3c94077ab>":                        "eg:event/816d2dc3c94077ab",
		" <eg:event/816d2dc3c94077ab>\n":                     "eg:event/816d2dc3c94077ab",
		"<https://eventgraph.dev/ns#event/816d2dc3c94077ab>": "eg:event/816d2dc3c94077ab",
		"https://eventgraph.dev/ns#event/816d2dc3c94077ab":   "eg:event/816d2dc3c94077ab",
	} {
		if got := eventID(in); got != want {
			t.Errorf("eventID(%q) = %q, want %q", in, got, want)
		}
	}
}

// What query prints, explain reads: the <eg:event/…> node of a real store.
func TestExplainQueryForm(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	art := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(art, []byte("Minister resigns\n\nDate: 2024-03-26\n\nThe minister of finance Jane Smith resigned on Monday, officials said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "store")
	mustRun(t, "ingest", "--dbpath", db, art)
	out := mustRun(t, "query", "--dbpath", db, `g.V("<sem:Event>").In("<rdfs:subClassOf>").In("<rdf:type>").All()`)
	var rows []struct{ ID string }
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) == 0 {
		t.Fatalf("query: %v\n%s", err, out)
	}
	if !strings.Contains(out, `"<eg:event/`) {
		t.Errorf("query escapes its nodes:\n%s", out)
	}
	for _, r := range rows {
		text := mustRun(t, "explain", "--dbpath", db, r.ID)
		if !strings.HasPrefix(text, strings.Trim(r.ID, "<>")[len("eg:"):]) && !strings.HasPrefix(text, strings.Trim(r.ID, "<>")) {
			t.Errorf("explain %s:\n%s", r.ID, text)
		}
		if !strings.Contains(text, "mention(s):") {
			t.Errorf("explain %s shows no mentions:\n%s", r.ID, text)
		}
	}
}

// The commands' run functions take their options and streams: no flags,
// no global configuration; the terminal override picks the table.
func TestRunWithStreams(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	art := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(art, []byte("Minister resigns\n\nDate: 2024-03-26\n\nThe minister of finance Jane Smith resigned on Monday, officials said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "store")
	mustRun(t, "ingest", "--dbpath", db, art)
	store := graph.Config{Backend: "bolt", Address: db}
	ctx := context.Background()
	yes, no := true, false
	for _, tc := range []struct {
		terminal *bool
		want     string
	}{{&yes, "WHEN "}, {&no, `"schema": "eventgraph/timeline/v1"`}} {
		var out, errs bytes.Buffer
		err := runTimeline(ctx, timelineOptions{Store: store, Filter: timeline.Filter{MinSalience: 0}}, streams{Out: &out, Err: &errs, Terminal: tc.terminal})
		if err != nil || !strings.Contains(out.String(), tc.want) {
			t.Errorf("terminal %v: %v\n%s", *tc.terminal, err, out.String())
		}
	}
	var out, errs bytes.Buffer
	if err := runQuery(ctx, queryOptions{Store: store, Lang: "gizmo", Query: `g.V().All()`, Limit: 3, Timeout: time.Minute}, streams{Out: &out, Err: &errs}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errs.String(), "stopped at query.limit (3)") {
		t.Errorf("a query cut by the limit says nothing: %q", errs.String())
	}
	out.Reset()
	errs.Reset()
	if err := runQuery(ctx, queryOptions{Store: store, Lang: "gizmo", Query: `g.V("<eg:nothing>").All()`, Limit: 3, Timeout: time.Minute}, streams{Out: &out, Err: &errs}); err != nil || errs.Len() > 0 {
		t.Errorf("a query under the limit: %v %q", err, errs.String())
	}
	out.Reset()
	if err := runStats(ctx, statsOptions{Store: store, Format: "json"}, streams{Out: &out}); err != nil || !strings.Contains(out.String(), `"articles": 1`) {
		t.Errorf("stats: %v\n%s", err, out.String())
	}
}

// ingest draws its progress bar on Err when Err is a terminal, and only
// then (the override stands for the terminal).
func TestIngestProgressOnATerminal(t *testing.T) {
	t.Parallel()
	set, err := settingsOf(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a := writeArticle(t, dir, "a.txt", "Minister resigns\n\nDate: 2024-03-26\n\nThe minister of finance Jane Smith resigned on Monday, officials said.\n")
	b := writeArticle(t, dir, "b.txt", "Talks resume\n\ndate 2024-03-01\n\nNegotiators from Freedonia and Sylvania met in Geneva on Tuesday to resume talks.\n")
	yes, no := true, false
	for _, terminal := range []*bool{&yes, &no} {
		var errs bytes.Buffer
		opts := ingestOptions{Store: graph.Config{Backend: "bolt", Address: filepath.Join(t.TempDir(), "store")}, Sources: []string{a, b},
			Settings: set, Log: slog.New(slog.DiscardHandler)}
		if err := runIngest(context.Background(), opts, streams{In: strings.NewReader(""), Out: io.Discard, Err: &errs, ErrTerminal: terminal}); err != nil {
			t.Fatal(err)
		}
		if drawn := strings.Contains(errs.String(), "ingesting"); drawn != *terminal {
			t.Errorf("terminal %v: progress drawn %v:\n%q", *terminal, drawn, errs.String())
		}
		if !strings.Contains(errs.String(), "ingested 2 article(s)") {
			t.Errorf("terminal %v: no summary:\n%q", *terminal, errs.String())
		}
	}
}
