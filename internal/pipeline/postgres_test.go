package pipeline

// End-to-end tests of the PostgreSQL store through the real binary: the same
// results as bolt, several `eventgraph ingest` processes at once producing
// what one sequential run produces, and a benchmark. They start a private
// PostgreSQL server (internal/pgtest, scripts/postgres.sh).

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/pgtest"
	"github.com/eventgraph/eventgraph/timeline"
)

var bin struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := pgtest.Main(m)
	if bin.dir != "" {
		os.RemoveAll(bin.dir)
	}
	os.Exit(code)
}

// eventgraphBin builds the CLI once per test binary.
func eventgraphBin(tb testing.TB) string {
	tb.Helper()
	bin.once.Do(func() {
		if bin.dir, bin.err = os.MkdirTemp("", "eventgraph-bin-"); bin.err != nil {
			return
		}
		bin.path = filepath.Join(bin.dir, "eventgraph")
		out, err := exec.Command("go", "build", "-o", bin.path, "github.com/eventgraph/eventgraph/cmd/eventgraph").CombinedOutput()
		if err != nil {
			bin.err = fmt.Errorf("go build ./cmd/eventgraph: %v\n%s", err, out)
		}
	})
	if bin.err != nil {
		tb.Fatal(bin.err)
	}
	return bin.path
}

// store names a store on the command line.
type store struct{ backend, addr string }

func (s store) flags() []string { return []string{"--db", s.backend, "--dbpath", s.addr} }

func (s store) env() []string {
	return []string{"EVENTGRAPH_STORE_BACKEND=" + s.backend, "EVENTGRAPH_STORE_ADDRESS=" + s.addr}
}

// eg runs the binary and returns its standard output.
func eg(tb testing.TB, env []string, args ...string) string {
	tb.Helper()
	cmd := exec.Command(eventgraphBin(tb), args...)
	cmd.Dir = os.TempDir()
	cmd.Env = append(append(os.Environ(), "EVENTGRAPH_LOG_LEVEL=warn"), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		tb.Fatalf("eventgraph %s: %v\n%s", strings.Join(args, " "), err, errb.String())
	}
	return out.String()
}

func repoRoot(tb testing.TB) string {
	tb.Helper()
	s, err := pgtest.Script()
	if err != nil {
		tb.Fatal(err)
	}
	return filepath.Dir(filepath.Dir(s))
}

// normJSON re-encodes JSON with the generation timestamp removed and, with
// sortArrays, arrays sorted (query results come in backend order).
func normJSON(tb testing.TB, s string, sortArrays bool) string {
	tb.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		tb.Fatalf("not JSON: %v\n%.500s", err, s)
	}
	var walk func(v any) any
	walk = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			delete(v, "generated")
			for k, x := range v {
				v[k] = walk(x)
			}
		case []any:
			for i, x := range v {
				v[i] = walk(x)
			}
			if sortArrays {
				sort.Slice(v, func(i, j int) bool { return mustJSON(v[i]) < mustJSON(v[j]) })
			}
		}
		return v
	}
	out, _ := json.MarshalIndent(walk(v), "", " ")
	return string(out)
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func sortedLines(s string) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	sort.Strings(l)
	return strings.Join(l, "\n")
}

// firstDiff shows where two outputs part.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

// serveOnce starts `eventgraph serve` on a free port and returns its base URL.
func serveOnce(t *testing.T, s store) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, eventgraphBin(t), append([]string{"serve", "--host", "127.0.0.1:0"}, s.flags()...)...)
	cmd.Env = append(os.Environ(), "EVENTGRAPH_LOG_LEVEL=warn")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); _ = cmd.Wait() })
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		re := regexp.MustCompile(`http://[^ /]+`)
		for sc.Scan() {
			if u := re.FindString(sc.Text()); u != "" {
				found <- u
				break
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	select {
	case u := <-found:
		return u
	case <-time.After(60 * time.Second):
		t.Fatal("eventgraph serve did not start")
	}
	return ""
}

func httpDo(t *testing.T, method, url, body string) string {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("%s %s: %s\n%s", method, url, resp.Status, b)
	}
	return string(b)
}

// Test 1: ingest the seeds into bolt and into PostgreSQL; every reading
// command (and the server) must answer the same.
func TestPostgresSameAsBolt(t *testing.T) {
	srv := pgtest.Start(t)
	seeds := filepath.Join(repoRoot(t), "seeds")
	bolt := store{"bolt", filepath.Join(t.TempDir(), "bolt")}
	pg := store{srv.Backend, srv.NewDatabase(t)}

	eg(t, nil, append([]string{"ingest", seeds}, bolt.flags()...)...)
	// PostgreSQL through the environment, then a config file.
	eg(t, pg.env(), "ingest", seeds)
	cfg := filepath.Join(t.TempDir(), "pg.yaml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf("store:\n  backend: %s\n  address: %q\n", pg.backend, pg.addr)), 0o644); err != nil {
		t.Fatal(err)
	}
	// Ingesting again changes nothing.
	eg(t, nil, "ingest", "--config", cfg, seeds)

	gizmo := `g.V("<sem:Event>").In("<rdfs:subClassOf>").In("<rdf:type>").Tag("event").Out("<rdf:type>").Out("<eg:action>").Tag("action").Back("event").Out("<eg:agent>").Out("<rdfs:label>").Tag("agent").All()`
	type view struct {
		name string
		args []string
		norm func(string) string
	}
	jsonNorm := func(s string) string { return normJSON(t, s, false) }
	for _, v := range []view{
		{"timeline json", []string{"timeline", "--format", "json"}, jsonNorm},
		{"timeline table", []string{"timeline", "--format", "table"}, nil},
		{"timeline csv", []string{"timeline", "--format", "csv"}, nil},
		{"timeline filtered", []string{"timeline", "--format", "json", "--actor", "Netanyahu", "--from", "2024-03"}, jsonNorm},
		{"timelinejs", []string{"timeline", "--format", "timelinejs"}, jsonNorm},
		{"actors", []string{"actors", "--format", "json"}, jsonNorm},
		// Without "nodes": bolt's is cayley's running counter, which
		// drifts from the number of distinct values (PostgreSQL's is a
		// count of them).
		{"stats", []string{"stats", "--format", "json"}, func(s string) string {
			var m map[string]any
			if err := json.Unmarshal([]byte(s), &m); err != nil {
				t.Fatal(err)
			}
			delete(m, "nodes")
			return mustJSON(m)
		}},
		{"check", []string{"check", "--format", "json"}, jsonNorm},
		{"query gizmo", []string{"query", gizmo}, func(s string) string { return normJSON(t, s, true) }},
		{"export nquads", []string{"export", "--format", "nquads"}, sortedLines},
		{"export jsonld", []string{"export", "--format", "jsonld"}, func(s string) string { return normJSON(t, s, true) }},
	} {
		t.Run(v.name, func(t *testing.T) {
			a := eg(t, nil, append(v.args, bolt.flags()...)...)
			b := eg(t, nil, append(v.args, "--config", cfg)...)
			if v.norm != nil {
				a, b = v.norm(a), v.norm(b)
			}
			if strings.TrimSpace(a) == "" || a == "null" {
				t.Fatalf("empty output on bolt")
			}
			if a != b {
				t.Errorf("bolt and PostgreSQL differ: %s", firstDiff(a, b))
			}
		})
	}

	// explain, on the first event.
	var tl struct {
		Events []struct{ ID string } `json:"events"`
	}
	if err := json.Unmarshal([]byte(eg(t, nil, append([]string{"timeline", "--format", "json"}, bolt.flags()...)...)), &tl); err != nil || len(tl.Events) == 0 {
		t.Fatalf("timeline: %v, %d events", err, len(tl.Events))
	}
	if a, b := eg(t, nil, append([]string{"explain", tl.Events[0].ID}, bolt.flags()...)...), eg(t, pg.env(), "explain", tl.Events[0].ID); a != b {
		t.Errorf("explain differs: %s", firstDiff(a, b))
	}

	// The server: timeline API and gizmo.
	ub, up := serveOnce(t, bolt), serveOnce(t, pg)
	if a, b := normJSON(t, httpDo(t, "GET", ub+"/api/timeline", ""), false), normJSON(t, httpDo(t, "GET", up+"/api/timeline", ""), false); a != b {
		t.Errorf("serve /api/timeline differs: %s", firstDiff(a, b))
	}
	if a, b := normJSON(t, httpDo(t, "POST", ub+"/api/v1/query/gizmo", gizmo), true), normJSON(t, httpDo(t, "POST", up+"/api/v1/query/gizmo", gizmo), true); a != b {
		t.Errorf("serve gizmo differs: %s", firstDiff(a, b))
	}
}

// dataDir returns ../shared/data, skipping loudly when it is missing.
func dataDir(tb testing.TB) string {
	tb.Helper()
	d := filepath.Join(repoRoot(tb), "..", "shared", "data", "tempeval3-train")
	if _, err := os.Stat(d); err != nil {
		msg := "\n" + strings.Repeat("#", 78) + "\n# SKIPPED: " + d + " is missing: the multi-process tests ingest\n# TempEval-3 documents from ../shared/data\n" + strings.Repeat("#", 78)
		fmt.Fprintln(os.Stderr, msg)
		tb.Skip(msg)
	}
	return d
}

var (
	dctRE  = regexp.MustCompile(`(?s)<DCT>.*?value="(\d{4}-\d{2}-\d{2})`)
	textRE = regexp.MustCompile(`(?s)<TEXT>(.*?)</TEXT>`)
	tagRE  = regexp.MustCompile(`<[^>]*>`)
)

// corpus writes the first n TempEval-3 documents (AQUAINT, then TimeBank,
// in name order) as plain-text articles, "date YYYY-MM-DD" from the
// document creation time first, into dir; it returns their paths.
func corpus(tb testing.TB, n int, dir string) []string {
	tb.Helper()
	data := dataDir(tb)
	var files []string
	for _, sub := range []string{"AQUAINT", "TimeBank"} {
		fs, _ := filepath.Glob(filepath.Join(data, sub, "*.tml"))
		sort.Strings(fs)
		files = append(files, fs...)
	}
	var out []string
	for _, f := range files {
		if len(out) == n {
			break
		}
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		dct, text := dctRE.FindSubmatch(b), textRE.FindSubmatch(b)
		if dct == nil || text == nil {
			continue
		}
		body := strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(string(text[1]), "")))
		p := filepath.Join(dir, fmt.Sprintf("%03d_%s.txt", len(out), strings.TrimSuffix(filepath.Base(f), ".tml")))
		if err := os.WriteFile(p, []byte("date "+string(dct[1])+"\n\n"+body+"\n"), 0o644); err != nil {
			tb.Fatal(err)
		}
		out = append(out, p)
	}
	if len(out) < n {
		tb.Fatalf("only %d usable documents in %s, want %d", len(out), data, n)
	}
	return out
}

// shards links the articles into k folders, article i into folder i mod k.
func shards(tb testing.TB, files []string, k int) []string {
	tb.Helper()
	root := tb.TempDir()
	dirs := make([]string, k)
	for i := range dirs {
		dirs[i] = filepath.Join(root, fmt.Sprint(i))
		if err := os.Mkdir(dirs[i], 0o755); err != nil {
			tb.Fatal(err)
		}
	}
	for i, f := range files {
		if err := os.Link(f, filepath.Join(dirs[i%k], filepath.Base(f))); err != nil {
			tb.Fatal(err)
		}
	}
	return dirs
}

// ingestParallel runs one `eventgraph ingest` process per input list, all
// at once, with env added to their environment, and returns the wall time.
func ingestParallel(tb testing.TB, s store, inputs [][]string, env ...string) time.Duration {
	took, _ := ingestParallelCPU(tb, s, inputs, env...)
	return took
}

// ingestParallelCPU is ingestParallel that also returns the processes'
// CPU time (user+sys).
func ingestParallelCPU(tb testing.TB, s store, inputs [][]string, env ...string) (wall, cpu time.Duration) {
	tb.Helper()
	start := time.Now()
	var wg sync.WaitGroup
	errs := make([]error, len(inputs))
	cpus := make([]time.Duration, len(inputs))
	for i, in := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			args := append(append([]string{"ingest"}, s.flags()...), in...)
			cmd := exec.Command(eventgraphBin(tb), args...)
			cmd.Env = append(append(os.Environ(), "EVENTGRAPH_LOG_LEVEL=warn"), env...)
			if out, err := cmd.CombinedOutput(); err != nil {
				errs[i] = fmt.Errorf("process %d: %v\n%s", i, err, out)
			}
			if ps := cmd.ProcessState; ps != nil {
				cpus[i] = ps.UserTime() + ps.SystemTime()
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			tb.Fatal(err)
		}
	}
	for _, c := range cpus {
		cpu += c
	}
	return time.Since(start), cpu
}

// serverCPU returns the CPU time (user+sys) of a private test server's
// postmaster and of its ended children (the backends of closed
// connections), from /proc; 0 for an external server or without /proc.
func serverCPU(srv *pgtest.Server) time.Duration {
	if srv.Dir == "" {
		return 0
	}
	pidFile, err := os.ReadFile(filepath.Join(srv.Dir, "data", "postmaster.pid"))
	if err != nil {
		return 0
	}
	pid, _, _ := strings.Cut(string(pidFile), "\n")
	stat, err := os.ReadFile(filepath.Join("/proc", strings.TrimSpace(pid), "stat"))
	if err != nil {
		return 0
	}
	// Fields 14-17 (utime, stime, cutime, cstime), after the command's ")".
	f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
	var ticks int64
	for _, v := range f[11:15] {
		var n int64
		fmt.Sscan(v, &n)
		ticks += n
	}
	return time.Duration(ticks) * time.Second / 100 // USER_HZ
}

type counts struct {
	Articles            int   `json:"articles"`
	Events              int   `json:"events"`
	EventMentions       int   `json:"event_mentions"`
	DuplicatesPrevented int   `json:"duplicates_prevented"`
	MultiSourceEvents   int   `json:"multi_article_events"`
	Actors              int   `json:"actors"`
	ActorMentions       int   `json:"actor_mentions"`
	Quads               int64 `json:"quads"`
	Nodes               int64 `json:"nodes"`
}

func statsOf(tb testing.TB, s store) counts {
	tb.Helper()
	var c counts
	if err := json.Unmarshal([]byte(eg(tb, nil, append([]string{"stats", "--format", "json"}, s.flags()...)...)), &c); err != nil {
		tb.Fatal(err)
	}
	return c
}

func checkOK(t *testing.T, s store) {
	t.Helper()
	cmd := exec.Command(eventgraphBin(t), append([]string{"check", "--format", "json"}, s.flags()...)...)
	out, err := cmd.Output()
	if err != nil {
		t.Errorf("eventgraph check: %v\n%s", err, out)
	}
}

// Test 2: four `eventgraph ingest` processes writing 200 articles into one
// PostgreSQL database at once produce what one sequential run produces.
func TestPostgresConcurrentIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the 200-article multi-process ingest")
	}
	srv := pgtest.Start(t)
	dir := t.TempDir()
	files := corpus(t, 200, dir)

	seq := store{srv.Backend, srv.NewDatabase(t)}
	took := ingestParallel(t, seq, [][]string{{dir}})
	want := statsOf(t, seq)
	t.Logf("sequential: %+v in %s", want, took.Round(time.Millisecond))
	if want.Articles != len(files) {
		t.Fatalf("sequential run stored %d articles, want %d", want.Articles, len(files))
	}
	wantTL := normJSON(t, eg(t, nil, append([]string{"timeline", "--format", "json"}, seq.flags()...)...), false)

	// All four workers on the whole folder: they race for the same
	// articles, and for the same events, at the same moment.
	t.Run("same inputs", func(t *testing.T) {
		con := store{srv.Backend, srv.NewDatabase(t)}
		took := ingestParallel(t, con, [][]string{{dir}, {dir}, {dir}, {dir}})
		got := statsOf(t, con)
		t.Logf("4 processes: %+v in %s", got, took.Round(time.Millisecond))
		if got != want {
			t.Errorf("4 processes stored %+v\n sequential run stored %+v", got, want)
		}
		if tl := normJSON(t, eg(t, nil, append([]string{"timeline", "--format", "json"}, con.flags()...)...), false); tl != wantTL {
			t.Errorf("timelines differ: %s", firstDiff(wantTL, tl))
		}
		checkOK(t, con)
	})

	// Four workers on disjoint shards, then each on the whole folder: every
	// article and mention exactly once, nothing written twice.
	t.Run("shards then all", func(t *testing.T) {
		con := store{srv.Backend, srv.NewDatabase(t)}
		parts := shards(t, files, 4)
		took := ingestParallel(t, con, [][]string{{parts[0]}, {parts[1]}, {parts[2]}, {parts[3]}}, "EVENTGRAPH_INGEST_BATCH=16")
		got := statsOf(t, con)
		t.Logf("4 processes on shards: %+v in %s", got, took.Round(time.Millisecond))
		ingestParallel(t, con, [][]string{{dir}, {dir}, {dir}, {dir}})
		if again := statsOf(t, con); again != got {
			t.Errorf("re-ingesting changed the store: %+v, then %+v", got, again)
		}
		if got.Articles != want.Articles || got.EventMentions != want.EventMentions || got.ActorMentions != want.ActorMentions {
			t.Errorf("4 processes on shards stored %+v\n sequential run stored %+v", got, want)
		}
		// Which reports merge depends on the order articles arrive in
		// (that is true of one process too); the counts stay close.
		t.Logf("events %d vs %d sequential, actors %d vs %d, quads %d vs %d", got.Events, want.Events, got.Actors, want.Actors, got.Quads, want.Quads)
		checkOK(t, con)
	})
}

// Benchmark: articles/s and quads/s into bolt (one process) and
// PostgreSQL (one process, and four on disjoint shards), on the same
// articles in the same run.
//
//	go test -run '^$' -bench PostgresIngest -benchtime 1x ./internal/pipeline
func BenchmarkPostgresIngest(b *testing.B) {
	srv := pgtest.Start(b)
	dir := b.TempDir()
	files := corpus(b, 200, dir)
	parts := shards(b, files, 4)
	for _, c := range []struct {
		name    string
		backend string
		inputs  [][]string
	}{
		{"bolt/1", "bolt", [][]string{{dir}}},
		{"postgres/1", "postgres", [][]string{{dir}}},
		{"postgres/4", "postgres", [][]string{{parts[0]}, {parts[1]}, {parts[2]}, {parts[3]}}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var total, client, server time.Duration
			var quads int64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s := store{"bolt", filepath.Join(b.TempDir(), "bolt")}
				if c.backend != "bolt" {
					s = store{srv.Backend, srv.NewDatabase(b)}
				}
				before := serverCPU(srv)
				b.StartTimer()
				wall, cpu := ingestParallelCPU(b, s, c.inputs)
				b.StopTimer()
				total, client = total+wall, client+cpu
				if c.backend != "bolt" {
					// The backends end a moment after their clients.
					time.Sleep(500 * time.Millisecond)
					server += serverCPU(srv) - before
				}
				quads = statsOf(b, s).Quads
				b.StartTimer()
			}
			sec := total.Seconds() / float64(b.N)
			b.ReportMetric(float64(len(files))/sec, "articles/s")
			b.ReportMetric(float64(quads)/sec, "quads/s")
			// CPU per article: the ingest processes, and the server.
			b.ReportMetric(client.Seconds()*1000/float64(b.N*len(files)), "client-ms/article")
			b.ReportMetric(server.Seconds()*1000/float64(b.N*len(files)), "server-ms/article")
		})
	}
}

// ecbArticles writes the first n ECB+ documents (topic 1, name order) as
// plain-text articles into dir, their tokens joined by spaces, a sentence
// a line; it returns their paths.
func ecbArticles(tb testing.TB, n int, dir string) []string {
	tb.Helper()
	data := filepath.Join(repoRoot(tb), "..", "shared", "data", "ecbplus", "ECB+", "1")
	files, _ := filepath.Glob(filepath.Join(data, "*.xml"))
	if len(files) == 0 {
		msg := "\n" + strings.Repeat("#", 78) + "\n# SKIPPED: " + data + " is missing: the test ingests\n# ECB+ documents from ../shared/data\n" + strings.Repeat("#", 78)
		fmt.Fprintln(os.Stderr, msg)
		tb.Skip(msg)
	}
	sort.Strings(files)
	tokenRE := regexp.MustCompile(`<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>`)
	var out []string
	for _, f := range files[:min(n, len(files))] {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var text strings.Builder
		last := ""
		for _, m := range tokenRE.FindAllSubmatch(b, -1) {
			if s := string(m[1]); s != last {
				if last != "" {
					text.WriteString("\n\n")
				}
				last = s
			} else {
				text.WriteByte(' ')
			}
			text.WriteString(html.UnescapeString(string(m[2])))
		}
		p := filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), ".xml")+".txt")
		if err := os.WriteFile(p, []byte(text.String()+"\n"), 0o644); err != nil {
			tb.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// dumpSQL is a PostgreSQL store read back: every quad through cayley, as
// sorted N-Quads; the quads in the order they were written (horizon); and
// every node with its reference count.
func dumpSQL(t *testing.T, st *graph.Store, dsn string) (quads, order, nodes string) {
	t.Helper()
	ctx := context.Background()
	it := st.QuadStore.QuadsAllIterator()
	var all []string
	for it.Next(ctx) {
		all = append(all, st.QuadStore.Quad(it.Result()).String())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	it.Close()
	sort.Strings(all)
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lines := func(q string) string {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var b strings.Builder
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			b.WriteString(s + "\n")
		}
		return b.String()
	}
	order = lines(`SELECT concat_ws(' ', encode(subject_hash, 'hex'), encode(predicate_hash, 'hex'), encode(object_hash, 'hex'), encode(label_hash, 'hex')) FROM quads ORDER BY horizon`)
	nodes = lines(`SELECT concat_ws(' ', encode(hash, 'hex'), refs, encode(value, 'hex'), value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time) FROM nodes ORDER BY hash`)
	return strings.Join(all, "\n"), order, nodes
}

// The bulk write path (COPY into staging tables) stores the graph cayley's
// writer stores: the seeds and ECB+ articles ingested through each into
// two databases give the same quads read back through cayley, in the same
// order, and the same nodes and reference counts; ingesting them again
// changes nothing.
func TestPostgresBulkSameGraph(t *testing.T) {
	srv := pgtest.Start(t)
	if srv.Backend != "postgres" {
		t.Skip("the bulk write path is PostgreSQL's")
	}
	ctx := context.Background()
	dir := t.TempDir()
	ecbArticles(t, 12, dir)
	inputs := []string{filepath.Join(repoRoot(t), "seeds"), dir}
	type run struct {
		dsn                 string
		st                  *graph.Store
		quads, order, nodes string
	}
	var runs [2]run
	for i, bulk := range []bool{true, false} {
		r := &runs[i]
		r.dsn = srv.NewDatabase(t)
		st, err := graph.Open(ctx, graph.Config{Backend: srv.Backend, Address: r.dsn})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		st.SetBulkWrites(bulk)
		sum, err := Run(ctx, st, inputs, Options{Workers: 1, Batch: 4})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Ingested < 12 {
			t.Fatalf("ingested %d articles, want the seeds and 12 ECB+ documents", sum.Ingested)
		}
		r.st = st
		r.quads, r.order, r.nodes = dumpSQL(t, st, r.dsn)
	}
	bulk, plain := runs[0], runs[1]
	if strings.Count(bulk.quads, "\n") < 1000 {
		t.Fatalf("only %d quads stored", strings.Count(bulk.quads, "\n")+1)
	}
	for _, c := range []struct{ what, a, b string }{
		{"quads", bulk.quads, plain.quads},
		{"quads in write order", bulk.order, plain.order},
		{"nodes and references", bulk.nodes, plain.nodes},
	} {
		if c.a != c.b {
			t.Errorf("%s differ between the bulk path and cayley's writer: %s", c.what, firstDiff(c.a, c.b))
		}
	}
	// Again, with the resolver's cache of stored facts gone: nothing new.
	bulk.st.Close()
	st, err := graph.Open(ctx, graph.Config{Backend: srv.Backend, Address: bulk.dsn})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := Run(ctx, st, inputs, Options{Workers: 1, Batch: 4}); err != nil {
		t.Fatal(err)
	}
	q, o, n := dumpSQL(t, st, bulk.dsn)
	if q != bulk.quads || o != bulk.order || n != bulk.nodes {
		t.Errorf("ingesting again changed the store")
	}
}

// pages reads a store's whole timeline from its index, limit events a
// page, forwards, then backwards from the last page by each page's Prev:
// the pages' event IDs, one line a page.
func pages(t *testing.T, st *graph.Store, f timeline.Filter, limit int) string {
	t.Helper()
	ctx := context.Background()
	ix, err := timeline.OpenIndex(ctx, st)
	if err != nil || ix == nil {
		t.Fatalf("no fresh timeline index: %v", err)
	}
	var b strings.Builder
	after, last := "", ""
	for {
		p, err := ix.Page(ctx, st, f, after, limit)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "total %d prev %q:", p.Total, p.Prev)
		for _, e := range p.Timeline.Events {
			b.WriteString(" " + e.ID)
		}
		b.WriteString("\n")
		if p.Next == "" {
			break
		}
		last, after = after, p.Next
	}
	for after = last; after != ""; {
		p, err := ix.Page(ctx, st, f, after, limit)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "back %d\n", len(p.Timeline.Events))
		after = p.Prev
	}
	return b.String()
}

// A PostgreSQL store keeps a timeline index in its database, as a bolt
// store keeps one beside it: after ingesting the seeds and ECB+ articles
// one article per batch into both, the indexes hold the same timeline in
// the same order, pages (forwards and back, across the cursor's chunks)
// and an actor's timeline read from them are the same, `reindex` writes
// the same index again, and ingesting again leaves it fresh.
func TestPostgresTimelineIndex(t *testing.T) {
	srv := pgtest.Start(t)
	if srv.Backend != "postgres" {
		t.Skip("CockroachDB stores keep no timeline index")
	}
	ctx := context.Background()
	dir := t.TempDir()
	ecbArticles(t, 12, dir)
	inputs := []string{filepath.Join(repoRoot(t), "seeds"), dir}
	pg, err := graph.Open(ctx, graph.Config{Backend: srv.Backend, Address: srv.NewDatabase(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	bolt := openStore(t)
	for _, st := range []*graph.Store{bolt, pg} {
		if _, err := Run(ctx, st, inputs, Options{Workers: 1, Batch: 1}); err != nil {
			t.Fatal(err)
		}
	}
	want := indexed(t, bolt)
	if n := strings.Count(want, `"id":`); n < 300 {
		t.Fatalf("only %d events indexed: the cursor's chunks of %d rows are not crossed", n, 256)
	}
	if got := indexed(t, pg); got != want {
		t.Errorf("the PostgreSQL index differs from bolt's: %s", firstDiff(want, got))
	}
	all := timeline.Filter{}
	floor := timeline.Filter{MinSalience: 0.5}
	for _, f := range []timeline.Filter{all, floor, {From: "2024-03"}} {
		if a, b := pages(t, bolt, f, 25), pages(t, pg, f, 25); a != b {
			t.Errorf("pages of %+v differ: %s", f, firstDiff(a, b))
		}
	}
	actor := timeline.Filter{Actor: "Netanyahu", MinSalience: 0.3}
	a, err := timeline.BuildFrom(ctx, bolt, actor)
	if err != nil {
		t.Fatal(err)
	}
	b, err := timeline.BuildFrom(ctx, pg, actor)
	if err != nil {
		t.Fatal(err)
	}
	if x, y := mustJSON(a.Events), mustJSON(b.Events); x != y || len(a.Events) == 0 {
		t.Errorf("%d and %d events of %q from the indexes: %s", len(a.Events), len(b.Events), actor.Actor, firstDiff(x, y))
	}
	if _, err := timeline.Rebuild(ctx, pg); err != nil {
		t.Fatal(err)
	}
	if got := indexed(t, pg); got != want {
		t.Errorf("the rebuilt PostgreSQL index differs from bolt's: %s", firstDiff(want, got))
	}
	if _, err := Run(ctx, pg, inputs, Options{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	if got := indexed(t, pg); got != want {
		t.Error("ingesting again changed or staled the PostgreSQL index")
	}
}

// A user who may write the store's tables but not create tables ingests as
// before there was a timeline index: without one (readers build the
// timeline), and `reindex` says which right it lacks.
func TestPostgresIndexWithoutCreateRight(t *testing.T) {
	srv := pgtest.Start(t)
	if srv.Backend != "postgres" {
		t.Skip("CockroachDB stores keep no timeline index")
	}
	ctx := context.Background()
	dsn := srv.NewDatabase(t)
	owner, err := graph.Open(ctx, graph.Config{Backend: srv.Backend, Address: dsn})
	if err != nil {
		t.Fatal(err)
	}
	owner.Close()
	user := fmt.Sprintf("eg_writer_%d", os.Getpid())
	srv.Exec(t, srv.DSN, "DROP ROLE IF EXISTS "+user, "CREATE ROLE "+user+" LOGIN PASSWORD 'pw'")
	t.Cleanup(func() {
		srv.Exec(t, dsn, "DROP OWNED BY "+user)
		srv.Exec(t, srv.DSN, "DROP ROLE IF EXISTS "+user)
	})
	srv.Exec(t, dsn, "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
		"GRANT SELECT, INSERT, UPDATE, DELETE ON quads, nodes, eventgraph_sync TO "+user,
		"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "+user)
	st, err := graph.Open(ctx, graph.Config{Backend: srv.Backend, Address: pgtest.WithUser(dsn, user, "pw")})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sum, err := Run(ctx, st, []string{filepath.Join(repoRoot(t), "seeds")}, Options{Workers: 1})
	if err != nil || sum.Ingested == 0 {
		t.Fatalf("ingest without the CREATE right: %v (%d articles)", err, sum.Ingested)
	}
	if ix, err := timeline.OpenIndex(ctx, st); err != nil || ix != nil {
		t.Errorf("an index without the right to create its table: %v", err)
	}
	if _, err := timeline.Rebuild(ctx, st); err == nil || !strings.Contains(err.Error(), "GRANT CREATE ON SCHEMA") {
		t.Errorf("reindex without the right: %v", err)
	}
}
