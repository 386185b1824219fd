package main

import (
	"context"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/serve"
	"github.com/eventgraph/eventgraph/timeline"
)

// parse runs eventgraph with the one subcommand that build makes, whose
// run function is replaced by one that keeps its options (gh's runF): the
// options that the flags, the configuration and env produce, without
// running the command. Nothing global is read or written, so the tables
// below run in parallel.
func parse[O any](t *testing.T, env map[string]string, build func(*app, runner[O]) *cobra.Command, args ...string) (O, error) {
	t.Helper()
	a := newApp(mapEnv(env))
	var got O
	root := newRoot(a)
	root.AddCommand(build(a, func(_ context.Context, o O, _ streams) error {
		got = o
		return nil
	}))
	root.SetArgs(args)
	root.SetIn(strings.NewReader(""))
	root.SetOut(io.Discard)
	root.SetErr(io.Discard)
	return got, root.Execute()
}

// readStore and writeStore are the default store (config.yaml), as a
// command that reads it and one that writes it open it.
var (
	readStore  = graph.Config{Backend: "bolt", Address: "./data/eventgraph", Options: map[string]any{}, ReadOnly: true}
	writeStore = graph.Config{Backend: "bolt", Address: "./data/eventgraph", Options: map[string]any{}}
)

// optionCase is one command line and the options it must give, or the
// error it must give (a part of its message).
type optionCase[O any] struct {
	name    string
	env     map[string]string
	args    []string
	want    O
	wantErr string
}

// checkOptions runs each case of a table in parallel.
func checkOptionCases[O any](t *testing.T, build func(*app, runner[O]) *cobra.Command, cases []optionCase[O]) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := parse(t, tc.env, build, tc.args...)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("options\n %+v\nwant\n %+v", got, tc.want)
			}
		})
	}
}

func TestTimelineOptions(t *testing.T) {
	t.Parallel()
	def := timelineOptions{Store: readStore, Filter: timeline.Filter{MinSalience: 0.5}, Group: timeline.GroupClass}
	with := func(f func(*timelineOptions)) timelineOptions {
		o := def
		f(&o)
		return o
	}
	checkOptionCases(t, newTimelineCmd, []optionCase[timelineOptions]{
		{name: "defaults", args: []string{"timeline"}, want: def},
		{name: "filter", args: []string{"timeline", "--actor", "Jane Smith", "--from", "2024", "--to", "2024-03", "--type", "04"},
			want: with(func(o *timelineOptions) {
				o.Filter = timeline.Filter{Actor: "Jane Smith", From: "2024", To: "2024-03", Type: "04", MinSalience: 0.5}
			})},
		{name: "all", args: []string{"timeline", "--all"}, want: with(func(o *timelineOptions) { o.Filter.MinSalience = 0 })},
		{name: "min-salience", args: []string{"timeline", "--min-salience", "0.3"}, want: with(func(o *timelineOptions) { o.Filter.MinSalience = 0.3 })},
		{name: "min-salience from env", env: map[string]string{"EVENTGRAPH_TIMELINE_MIN_SALIENCE": "0.2"}, args: []string{"timeline"},
			want: with(func(o *timelineOptions) { o.Filter.MinSalience = 0.2 })},
		{name: "flag over env", env: map[string]string{"EVENTGRAPH_TIMELINE_MIN_SALIENCE": "0.2"}, args: []string{"timeline", "--min-salience", "0.7"},
			want: with(func(o *timelineOptions) { o.Filter.MinSalience = 0.7 })},
		{name: "all and min-salience", args: []string{"timeline", "--all", "--min-salience", "0.3"}, wantErr: "none of the others can be"},
		{name: "min-salience over 1", args: []string{"timeline", "--min-salience", "2"}, wantErr: "--min-salience: 2 is not between 0 and 1"},
		{name: "format and output", args: []string{"timeline", "--format", "CSV", "-o", "t.csv", "--group", "actor"},
			want: with(func(o *timelineOptions) { o.Format, o.Output, o.Group = "csv", "t.csv", timeline.GroupActor })},
		{name: "store", args: []string{"timeline", "--db", "leveldb", "--dbpath", "/s"},
			want: with(func(o *timelineOptions) { o.Store.Backend, o.Store.Address = "leveldb", "/s" })},
		{name: "from after to", args: []string{"timeline", "--from", "2025", "--to", "2024"}, wantErr: "--from 2025 is after --to 2024"},
		{name: "an argument", args: []string{"timeline", "x"}, wantErr: "unknown command"},
	})
}

func TestQueryOptions(t *testing.T) {
	t.Parallel()
	file := writeArticle(t, t.TempDir(), "q.js", `g.V().All()`)
	q := func(lang, query string, limit int, timeout time.Duration) queryOptions {
		return queryOptions{Store: readStore, Lang: lang, Query: query, Limit: limit, Timeout: timeout}
	}
	checkOptionCases(t, newQueryCmd, []optionCase[queryOptions]{
		{name: "defaults", args: []string{"query", "g.V()"}, want: q("gizmo", "g.V()", 100, 30*time.Second)},
		{name: "flags", args: []string{"query", "--lang", "GraphQL", "--limit", "5", "--timeout", "2s", "{nodes{id}}"},
			want: q("graphql", "{nodes{id}}", 5, 2*time.Second)},
		{name: "env", env: map[string]string{"EVENTGRAPH_QUERY_LIMIT": "9", "EVENTGRAPH_QUERY_TIMEOUT": "1m"}, args: []string{"query", "g.V()"},
			want: q("gizmo", "g.V()", 9, time.Minute)},
		{name: "file", args: []string{"query", "-f", file}, want: q("gizmo", `g.V().All()`, 100, 30*time.Second)},
		{name: "file and argument", args: []string{"query", "-f", file, "g.V()"}, wantErr: "not both"},
		{name: "no query", args: []string{"query"}, wantErr: "no query"},
		{name: "limit 0", args: []string{"query", "--limit", "0", "g.V()"}, wantErr: "--limit: 0 is below 1"},
		{name: "timeout 0", args: []string{"query", "--timeout", "0s", "g.V()"}, wantErr: "--timeout: 0s must be positive"},
	})
}

// ingestView is what the ingest table compares: the options, with the
// settings cut to those that flags set.
type ingestView struct {
	Store                      graph.Config
	Sources                    []string
	URLFile, Server, Format    string
	Replace, AllowPrivate      bool
	Published                  string
	Workers                    int
	IngestFormat               article.Format
	ArticleTimeout             time.Duration
	SettingsGiven, LoggerGiven bool
}

func viewIngest(a *app, r runner[ingestView]) *cobra.Command {
	return newIngestCmd(a, func(ctx context.Context, o ingestOptions, s streams) error {
		v := ingestView{Store: o.Store, Sources: o.Sources, URLFile: o.URLFile, Server: o.Server, Format: o.Format,
			Replace: o.Replace, AllowPrivate: o.Settings.Ingest.AllowPrivate, Workers: o.Settings.Ingest.Workers,
			IngestFormat: o.Settings.Ingest.Format, ArticleTimeout: o.Settings.Ingest.ArticleTimeout,
			SettingsGiven: o.Settings.Ingest.Batch > 0 && o.Settings.Resolve.Horizon > 0, LoggerGiven: o.Log != nil}
		if o.Published != nil {
			v.Published = o.Published.Format(time.DateOnly)
		}
		return r(ctx, v, s)
	})
}

func TestIngestOptions(t *testing.T) {
	t.Parallel()
	def := ingestView{Store: writeStore, Sources: []string{"a.txt", "dir"}, IngestFormat: article.Auto, ArticleTimeout: 30 * time.Second,
		SettingsGiven: true, LoggerGiven: true}
	with := func(f func(*ingestView)) ingestView {
		o := def
		f(&o)
		return o
	}
	checkOptionCases(t, viewIngest, []optionCase[ingestView]{
		{name: "defaults", args: []string{"ingest", "a.txt", "dir"}, want: def},
		{name: "flags", args: []string{"ingest", "--replace", "--format", "HTML", "--workers", "3", "--allow-private", "--published", "2024-03-26", "--urls", "list.txt", "a.txt", "dir"},
			want: with(func(o *ingestView) {
				o.Replace, o.Format, o.IngestFormat, o.Workers, o.AllowPrivate, o.Published, o.URLFile = true, "html", article.HTML, 3, true, "2024-03-26", "list.txt"
			})},
		{name: "server", args: []string{"ingest", "--server", "http://127.0.0.1:64210", "a.txt", "dir"},
			want: with(func(o *ingestView) { o.Server = "http://127.0.0.1:64210" })},
		{name: "env", env: map[string]string{"EVENTGRAPH_INGEST_ARTICLE_TIMEOUT": "2s", "EVENTGRAPH_INGEST_FORMAT": "jsonl", "EVENTGRAPH_INGEST_ALLOW_PRIVATE": "true"},
			args: []string{"ingest", "a.txt", "dir"},
			want: with(func(o *ingestView) {
				o.ArticleTimeout, o.IngestFormat, o.AllowPrivate = 2*time.Second, article.JSONL, true
			})},
		{name: "store", args: []string{"ingest", "--dbpath", "/s", "--db", "badger", "a.txt", "dir"},
			want: with(func(o *ingestView) { o.Store.Address, o.Store.Backend = "/s", "badger" })},
		{name: "published not a date", args: []string{"ingest", "--published", "26/03/2024", "a.txt"}, wantErr: `--published "26/03/2024": want a date as YYYY-MM-DD`},
		{name: "workers -1", args: []string{"ingest", "--workers", "-1", "a.txt"}, wantErr: "--workers: -1 is below 0"},
		{name: "format pdf", args: []string{"ingest", "--format", "pdf", "a.txt"}, wantErr: "want auto, text, html, feed or jsonl"},
		{name: "allow-private from env not a boolean", env: map[string]string{"EVENTGRAPH_INGEST_ALLOW_PRIVATE": "yes"}, args: []string{"ingest", "a.txt"},
			wantErr: "ingest.allow_private"},
	})
}

// serveView is what the serve table compares.
type serveView struct {
	Store       graph.Config
	Host        string
	ReadOnly    bool
	Timeout     time.Duration
	CORSOrigins []string
	LoggerGiven bool
}

func viewServe(a *app, r runner[serveView]) *cobra.Command {
	return newServeCmd(a, func(ctx context.Context, o serveOptions, s streams) error {
		return r(ctx, serveView{Store: o.Store, Host: o.Settings.Serve.Host, ReadOnly: o.Settings.Serve.ReadOnly,
			Timeout: o.Settings.Query.Timeout, CORSOrigins: o.Settings.Serve.CORSOrigins, LoggerGiven: o.Log != nil}, s)
	})
}

func TestServeOptions(t *testing.T) {
	t.Parallel()
	def := serveView{Store: readStore, Host: "127.0.0.1:64210", ReadOnly: true, Timeout: 30 * time.Second, CORSOrigins: []string{}, LoggerGiven: true}
	with := func(f func(*serveView)) serveView {
		o := def
		f(&o)
		return o
	}
	checkOptionCases(t, viewServe, []optionCase[serveView]{
		{name: "defaults", args: []string{"serve"}, want: def},
		{name: "writes", args: []string{"serve", "--read-only=false", "--host", "127.0.0.2:8080"},
			want: with(func(o *serveView) { o.ReadOnly, o.Store.ReadOnly, o.Host = false, false, "127.0.0.2:8080" })},
		{name: "env", env: map[string]string{"EVENTGRAPH_SERVE_READ_ONLY": "false", "EVENTGRAPH_SERVE_CORS_ORIGINS": "http://a.example,http://b.example"},
			args: []string{"serve"},
			want: with(func(o *serveView) {
				o.ReadOnly, o.Store.ReadOnly, o.CORSOrigins = false, false, []string{"http://a.example", "http://b.example"}
			})},
		{name: "flag over env", env: map[string]string{"EVENTGRAPH_SERVE_READ_ONLY": "false"}, args: []string{"serve", "--read-only"}, want: def},
		{name: "read-only yes", env: map[string]string{"EVENTGRAPH_SERVE_READ_ONLY": "yes"}, args: []string{"serve"}, wantErr: `serve.read_only: "yes" is not a boolean`},
		{name: "host without a host", args: []string{"serve", "--host", ":8080"}, wantErr: "--host"},
	})
}

func TestSmallCommandOptions(t *testing.T) {
	t.Parallel()
	checkOptionCases(t, newCheckCmd, []optionCase[checkOptions]{
		{name: "check", args: []string{"check"}, want: checkOptions{Store: readStore, Format: "table", Examples: 5}},
		{name: "check --repair writes", args: []string{"check", "--repair", "--examples", "2", "--format", "json"},
			want: checkOptions{Store: writeStore, Repair: true, Format: "json", Examples: 2}},
	})
	checkOptionCases(t, newExplainCmd, []optionCase[explainOptions]{
		{name: "explain query form", args: []string{"explain", "<eg:event/816d2dc3c94077ab>"},
			want: explainOptions{Store: readStore, Event: "eg:event/816d2dc3c94077ab", Format: "text"}},
		{name: "explain no event", args: []string{"explain"}, wantErr: "accepts 1 arg(s), received 0"},
	})
	checkOptionCases(t, newExportCmd, []optionCase[exportOptions]{
		{name: "export", args: []string{"export"}, want: exportOptions{Store: readStore, Format: "nquads"}},
		{name: "export flags", args: []string{"export", "--format", "GraphML", "-o", "g.graphml", "--short"},
			want: exportOptions{Store: readStore, Format: "graphml", Output: "g.graphml", Short: true}},
	})
	checkOptionCases(t, newActorsCmd, []optionCase[actorsOptions]{
		{name: "actors", args: []string{"actors", "--all", "--format", "json"}, want: actorsOptions{Store: readStore, Format: "json", All: true}},
	})
	checkOptionCases(t, newStatsCmd, []optionCase[statsOptions]{
		{name: "stats", args: []string{"stats"}, want: statsOptions{Store: readStore, Format: "table"}},
	})
	checkOptionCases(t, newStoriesCmd, []optionCase[storiesOptions]{
		{name: "stories", args: []string{"stories", "--format", "json"}, want: storiesOptions{Store: readStore, Format: "json"}},
	})
	timeml := func(_ *app, r runner[timemlOptions]) *cobra.Command { return newTimemlCmd(r) }
	checkOptionCases(t, timeml, []optionCase[timemlOptions]{
		{name: "timeml", args: []string{"timeml", "a.tml", "b.tml"}, want: timemlOptions{Files: []string{"a.tml", "b.tml"}, Events: true}},
		{name: "timeml flags", args: []string{"timeml", "-o", "out", "--events=false", "a.tml"}, want: timemlOptions{Files: []string{"a.tml"}, Dir: "out"}},
		{name: "timeml no file", args: []string{"timeml"}, wantErr: "requires at least 1 arg(s)"},
	})
}

// TestServeTimelineCacheTTL: a server on an embedded store, which no other
// process writes to while it runs, keeps its built timelines until it
// writes; on a shared store (PostgreSQL) it builds them again each minute.
func TestServeTimelineCacheTTL(t *testing.T) {
	for _, tc := range []struct {
		shared bool
		want   time.Duration
	}{
		{false, serve.TimelineCacheForever},
		{true, serve.DefaultTimelineCacheTTL},
	} {
		if got := timelineCacheTTL(tc.shared); got != tc.want {
			t.Errorf("shared %v: TTL %v, want %v", tc.shared, got, tc.want)
		}
	}
}
