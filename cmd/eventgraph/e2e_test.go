package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/timeline"
)

// run executes the CLI in-process, with no EVENTGRAPH_* variables, and
// returns stdout and stderr.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	return runEnv(t, nil, args...)
}

// runEnv is run with the variables env.
func runEnv(t *testing.T, env map[string]string, args ...string) (string, string, error) {
	t.Helper()
	cmd := newRootCmd(newApp(mapEnv(env)))
	var out, errb bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	cmd.SetIn(strings.NewReader(""))
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), errb.String(), err
}

// mapEnv looks variables up in env.
func mapEnv(env map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) {
		v, ok := env[k]
		return v, ok
	}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, err := run(t, args...)
	if err != nil {
		t.Fatalf("eventgraph %s: %v\n%s", strings.Join(args, " "), err, errs)
	}
	return out
}

func seedsDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func readTimeline(t *testing.T, db string, extra ...string) timeline.Timeline {
	t.Helper()
	out := mustRun(t, append([]string{"timeline", "--dbpath", db, "--format", "json"}, extra...)...)
	var tl timeline.Timeline
	if err := json.Unmarshal([]byte(out), &tl); err != nil {
		t.Fatalf("timeline JSON: %v\n%s", err, out)
	}
	return tl
}

func quadCount(t *testing.T, db string) int64 {
	t.Helper()
	var s storeStats
	if err := json.Unmarshal([]byte(mustRun(t, "stats", "--dbpath", db, "--format", "json")), &s); err != nil {
		t.Fatal(err)
	}
	return s.Quads
}

// findEvent returns the events whose action is one of actions.
func findEvents(tl timeline.Timeline, actions ...string) []int {
	var out []int
	for i, e := range tl.Events {
		for _, a := range actions {
			if e.Action == a {
				out = append(out, i)
			}
		}
	}
	return out
}

func articlesOf(e timeline.Event) map[string]bool {
	arts := map[string]bool{}
	for _, m := range e.Mentions {
		arts[m.Source] = true
	}
	return arts
}

// The seeds end to end through a real bolt store.
func TestSeedsEndToEnd(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "store")
	mustRun(t, "ingest", "--dbpath", db, seedsDir(t))
	tl := readTimeline(t, db)
	if tl.Schema != timeline.Schema {
		t.Fatalf("schema %q", tl.Schema)
	}

	abst := findEvents(tl, "abstain")
	canc := findEvents(tl, "cancel")
	if len(abst) != 1 || len(canc) != 1 {
		for _, e := range tl.Events {
			t.Logf("%s %s %q %d mentions", e.ID, e.Action, e.Summary, len(e.Mentions))
		}
		t.Fatalf("%d abstentions and %d cancellations, want one each", len(abst), len(canc))
	}
	for _, i := range []int{abst[0], canc[0]} {
		if n := len(articlesOf(tl.Events[i])); n != 2 {
			t.Errorf("%s: mentions from %d articles, want 2", tl.Events[i].Action, n)
		}
	}
	if abst[0] > canc[0] {
		t.Errorf("abstention at %d ordered after cancellation at %d", abst[0], canc[0])
	}

	for _, e := range tl.Events {
		for _, m := range e.Mentions {
			// Offsets point at the sentence in the source file.
			src, err := os.ReadFile(m.Source)
			if err != nil {
				t.Fatal(err)
			}
			if m.End > len(src) || string(src[m.Start:m.End]) != m.Sentence {
				t.Errorf("%s: offsets %d-%d do not give the sentence %q", e.ID, m.Start, m.End, m.Sentence)
			}
			if !strings.Contains(m.Sentence, m.Trigger) {
				t.Errorf("%s: trigger %q not in its sentence", e.ID, m.Trigger)
			}
		}
		// No 2024 event dated 2020: only what the caption describes may be.
		if e.When.Value != nil && strings.HasPrefix(*e.When.Value, "2020") {
			for _, m := range e.Mentions {
				if !strings.Contains(m.Sentence, "2020") {
					t.Errorf("event %q dated 2020 from a sentence without that date: %q", e.Summary, m.Sentence)
				}
			}
		}
		// The undated article alone dates nothing by invention: its events
		// are dated only through a stated relation to a dated event.
		arts := articlesOf(e)
		if len(arts) == 1 && arts[filepath.Join(seedsDir(t), "000_dce70a86ea5a5b5c.txt")] {
			if e.When.Basis == "publication" || e.When.Basis == "relative" || (e.When.Basis == "inferred" && len(e.Simultaneous) == 0) {
				t.Errorf("event %q of the undated article got date basis %s", e.Summary, e.When.Basis)
			}
		}
	}

	// Re-ingesting the same articles changes nothing.
	before := quadCount(t, db)
	mustRun(t, "ingest", "--dbpath", db, seedsDir(t))
	if after := quadCount(t, db); after != before {
		t.Errorf("re-ingest changed the quad count %d -> %d", before, after)
	}

	// Every query in the README works as written and finds something.
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(readme), "\n") {
		q, ok := strings.CutPrefix(line, "eventgraph query '")
		if !ok {
			continue
		}
		q = strings.TrimSuffix(q, "'")
		n++
		out := mustRun(t, "query", "--dbpath", db, q)
		var res []map[string]any
		if err := json.Unmarshal([]byte(out), &res); err != nil || len(res) == 0 {
			t.Errorf("README query %s: %v, %d results\n%s", q, err, len(res), out)
		}
	}
	if n < 4 {
		t.Errorf("found %d queries in the README", n)
	}
}

// Bad input gets a message naming the file, a non-zero exit only when
// nothing could be ingested, and leaves the store unchanged.
func TestIngestBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "store")
	mustRun(t, "ingest", "--dbpath", db, seedsDir(t))
	before := quadCount(t, db)

	bad := filepath.Join(dir, "bad")
	os.MkdirAll(bad, 0o755)
	files := map[string][]byte{
		"empty.txt":  nil,
		"binary.png": []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
		"latin1.txt": []byte("Caf\xe9 owners protested on Monday."),
		"spaces.txt": []byte("  \n\n\t "),
	}
	for name, data := range files {
		os.WriteFile(filepath.Join(bad, name), data, 0o644)
	}
	_, errs, err := run(t, "ingest", "--dbpath", db, bad)
	if err == nil {
		t.Error("ingesting only bad files succeeded")
	}
	for name := range files {
		if !strings.Contains(errs, name) {
			t.Errorf("no message names %s:\n%s", name, errs)
		}
	}
	if after := quadCount(t, db); after != before {
		t.Errorf("bad input changed the store: %d -> %d quads", before, after)
	}

	emptyDir := filepath.Join(dir, "none")
	os.MkdirAll(emptyDir, 0o755)
	if _, errs, err := run(t, "ingest", "--dbpath", db, emptyDir); err == nil || !strings.Contains(errs, "none") {
		t.Errorf("empty directory: err %v, stderr %q", err, errs)
	}

	// A good file next to bad ones: exit zero, bad ones still reported.
	good := filepath.Join(bad, "good.txt")
	os.WriteFile(good, []byte("Protesters marched in Paris on Monday, police said."), 0o644)
	if _, errs, err := run(t, "ingest", "--dbpath", db, bad); err != nil || !strings.Contains(errs, "binary.png") {
		t.Errorf("mixed input: err %v\n%s", err, errs)
	}
}

// The export formats go through cayley's writers and expand prefixes.
func TestExport(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "store")
	mustRun(t, "ingest", "--dbpath", db, seedsDir(t))
	for _, tt := range []struct{ format, want string }{
		{"nquads", "<http://semanticweb.cs.vu.nl/2009/11/sem/Event>"},
		{"jsonld", "http://semanticweb.cs.vu.nl/2009/11/sem/Event"},
		{"graphml", "<graphml"},
		{"dot", "digraph"},
	} {
		out := mustRun(t, "export", "--dbpath", db, "--format", tt.format)
		if !strings.Contains(out, tt.want) {
			t.Errorf("%s export lacks %q", tt.format, tt.want)
		}
	}
	if _, _, err := run(t, "export", "--dbpath", db, "--format", "xml"); err == nil {
		t.Error("unknown export format accepted")
	}
}

// Ingesting the seeds one run at a time merges with what the store holds
// exactly as one run over both does.
func TestIncrementalIngestMergesLikeOneRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	one, two := filepath.Join(dir, "one"), filepath.Join(dir, "two")
	mustRun(t, "ingest", "--dbpath", one, seedsDir(t))
	files, _ := filepath.Glob(filepath.Join(seedsDir(t), "*.txt"))
	for _, f := range files {
		mustRun(t, "ingest", "--dbpath", two, f)
	}
	a, b := readTimeline(t, one), readTimeline(t, two)
	if len(a.Events) != len(b.Events) {
		t.Errorf("one run: %d events; one run per article: %d", len(a.Events), len(b.Events))
	}
	if n := len(findEvents(b, "cancel")); n != 1 {
		t.Errorf("%d cancellations after incremental ingest, want 1", n)
	}
}

// timeline --format json keeps the eventgraph/timeline/v1 contract: the
// field names and the values the contract enumerates.
func TestTimelineJSONContract(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "store")
	mustRun(t, "ingest", "--dbpath", db, seedsDir(t))
	var raw struct {
		Schema string           `json:"schema"`
		Events []map[string]any `json:"events"`
	}
	out := mustRun(t, "timeline", "--dbpath", db, "--format", "json")
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	if raw.Schema != "eventgraph/timeline/v1" || len(raw.Events) == 0 {
		t.Fatalf("schema %q, %d events", raw.Schema, len(raw.Events))
	}
	oneOf := func(v any, allowed ...string) bool {
		s, ok := v.(string)
		if !ok {
			return false
		}
		for _, a := range allowed {
			if s == a {
				return true
			}
		}
		return false
	}
	day := func(v any) bool {
		s, ok := v.(string)
		return v == nil || ok && len(s) == 10 && s[4] == '-' && s[7] == '-'
	}
	for _, e := range raw.Events {
		for _, k := range []string{"id", "action", "summary", "when", "type", "actors", "modality", "mentions"} {
			if _, ok := e[k]; !ok {
				t.Fatalf("event lacks %q: %v", k, e)
			}
		}
		w := e["when"].(map[string]any)
		for _, k := range []string{"value", "earliest", "latest", "granularity", "basis", "text"} {
			if _, ok := w[k]; !ok {
				t.Errorf("when lacks %q", k)
			}
		}
		if !day(w["earliest"]) || !day(w["latest"]) {
			t.Errorf("bounds not YYYY-MM-DD: %v", w)
		}
		if !oneOf(w["granularity"], "day", "week", "month", "quarter", "season", "year", "decade", "century", "time", "unknown") {
			t.Errorf("granularity %v", w["granularity"])
		}
		if !oneOf(w["basis"], "explicit", "relative", "publication", "inferred", "unknown") {
			t.Errorf("basis %v", w["basis"])
		}
		if !oneOf(e["modality"], "asserted", "negated", "planned", "threatened", "demanded", "reported", "hypothetical") {
			t.Errorf("modality %v", e["modality"])
		}
		typ := e["type"].(map[string]any)
		for _, k := range []string{"code", "label", "quad_class"} {
			if _, ok := typ[k]; !ok {
				t.Errorf("type lacks %q", k)
			}
		}
		for _, a := range e["actors"].([]any) {
			if !oneOf(a.(map[string]any)["role"], "agent", "target", "participant") {
				t.Errorf("actor role %v", a)
			}
		}
		for _, m := range e["mentions"].([]any) {
			mm := m.(map[string]any)
			for _, k := range []string{"article", "source", "published", "sentence", "trigger", "start", "end"} {
				if _, ok := mm[k]; !ok {
					t.Errorf("mention lacks %q", k)
				}
			}
		}
	}
}

// A page's metadata reaches the timeline's mentions (issue 20): headline,
// site, authors, canonical URL and language.
func TestTimelineMentionMetadata(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "store")
	mustRun(t, "ingest", "--dbpath", db, "../../extract/article/testdata/news.html")
	tl := readTimeline(t, db, "--all")
	if len(tl.Events) == 0 {
		t.Fatal("no events")
	}
	m := tl.Events[0].Mentions[0]
	if m.Headline != "Minister resigns after budget vote" || m.Site != "The Daily Example" ||
		len(m.Authors) != 1 || m.Authors[0] != "Jane Doe" || !strings.HasPrefix(m.URL, "https://news.example.com/") || m.Language != "en" {
		t.Errorf("mention metadata: headline %q site %q authors %q url %q language %q", m.Headline, m.Site, m.Authors, m.URL, m.Language)
	}
}
