package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract/article"
)

// The hostile-input suite of issue 23 runs eventgraph as its own process,
// as a hostile user and a careless operator would: a fatal error (a stack
// overflow) ends only that process, and its memory is its own. The test
// binary serves as the eventgraph binary (TestMain).

// runMainEnv makes the test binary run eventgraph's main instead of the
// tests.
const runMainEnv = "EVENTGRAPH_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// egCommand returns the command running eventgraph with args.
func egCommand(t *testing.T, env []string, args ...string) *exec.Cmd {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("the hostile suite reads /proc")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(append(os.Environ(), runMainEnv+"=1"), env...)
	return cmd
}

// memory reads a process's resident set size and its peak, in MiB.
func memory(t *testing.T, pid int) (rss, peak int) {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatalf("process %d: %v", pid, err)
	}
	kib := func(field string) int {
		m := regexp.MustCompile(`(?m)^` + field + `:\s+(\d+) kB`).FindSubmatch(b)
		if m == nil {
			t.Fatalf("no %s in /proc/%d/status", field, pid)
		}
		n, _ := strconv.Atoi(string(m[1]))
		return n >> 10
	}
	return kib("VmRSS"), kib("VmHWM")
}

// server is eventgraph serve running in its own process.
type server struct {
	url  string
	cmd  *exec.Cmd
	exit chan error
}

// startServe runs eventgraph serve on db on a free loopback port.
func startServe(t *testing.T, db string, env ...string) *server {
	t.Helper()
	cmd := egCommand(t, env, "serve", "--dbpath", db, "--host", "127.0.0.1:0", "--log-level", "error")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, exit: make(chan error, 1)}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := regexp.MustCompile(`cayley UI at (http://\S+)/ `).FindStringSubmatch(sc.Text()); m != nil {
				urls <- m[1]
			}
		}
		io.Copy(io.Discard, out)
	}()
	go func() { s.exit <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.exit:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
		}
	})
	select {
	case s.url = <-urls:
	case err := <-s.exit:
		t.Fatalf("serve exited: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	return s
}

// post sends a query; a transport error (the server died) is fatal.
func (s *server) post(t *testing.T, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("POST", s.url+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Timeout: time.Minute}
	resp, err := client.Do(req)
	if err != nil {
		select {
		case exit := <-s.exit:
			t.Fatalf("the server died: %v", exit)
		default:
		}
		t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, string(b)
}

// Every hostile query of issue 23 against a real eventgraph serve: each is
// refused or stopped with its status, the server answers a normal query
// after each, and its memory stays bounded; after a memory bomb it gives
// the memory back.
func TestHostileServe(t *testing.T) {
	if testing.Short() {
		t.Skip("starts eventgraph serve")
	}
	db := filepath.Join(t.TempDir(), "store")
	mustRun(t, "ingest", "--dbpath", db, seedsDir(t))
	const heapMiB = 256
	s := startServe(t, db, "EVENTGRAPH_QUERY_TIMEOUT=3s", fmt.Sprintf("EVENTGRAPH_QUERY_MAX_HEAP_BYTES=%d", heapMiB<<20))
	pid := s.cmd.Process.Pid
	rss0, _ := memory(t, pid)
	// Bounds: three times the heap a query may add (query.max_heap_bytes) over
	// what the server held, and after a stop, what it held plus slack.
	// The guard stops a string doubling in a loop one doubling before the
	// limit, at about rss0 + 0.7 × the limit, or at rss0 + 1.3 × when it
	// is not scheduled in time for that doubling; a guard stopping at the
	// limit without the soft memory limit peaked at rss0 + 1.7 × to 3.3 ×
	// (CI once 5.3 ×: two doublings let through). With both, a loaded
	// CI run of the shape endpoint once reached rss0 + 2.5 × (one
	// doubling let through): the bound is three times the limit.
	peakBound, afterBound := rss0+3*heapMiB+64, rss0+128
	rep := strings.Repeat
	type tc struct {
		name, path, body string
		want             int
	}
	var cases []tc
	for _, p := range []string{"/api/v1/query/gizmo", "/api/v2/query?lang=gizmo", "/api/v1/shape/gizmo"} {
		cases = append(cases,
			tc{"( x500k", p, rep("(", 500_000), 413},
			tc{"[ x1M", p, rep("[", 1_000_000), 413},
			tc{"{a: x1M", p, rep("{a:", 1_000_000), 413},
			tc{"g.V() + .Out() x100k", p, "g.V()" + rep(".Out()", 100_000), 413},
			tc{"g.V() + .Out() x1.3M", p, "g.V()" + rep(".Out()", 1_300_000), 413},
			tc{"( x100 (too deep)", p, rep("(", 100) + "1" + rep(")", 100), 400},
			tc{"800 duplicate labels (cubic parse)", p, rep("a:", 800) + "1", 400},
			tc{"while(true){}", p, `while(true){}`, 504},
			tc{"memory bomb", p, `var s="x";while(true){s=s+s}`, 503},
		)
	}
	for _, p := range []string{"/api/v1/query/graphql", "/api/v2/query?lang=graphql"} {
		cases = append(cases,
			tc{"nested 1,000,000 deep", p, rep("{a", 1_000_000) + rep("}", 1_000_000), 413},
			tc{"nested 100 deep", p, rep("{a", 100) + rep("}", 100), 400},
		)
	}
	for _, p := range []string{"/api/v1/query/mql", "/api/v2/query?lang=mql"} {
		cases = append(cases, tc{"nested 100 deep", p, rep("[", 100) + rep("]", 100), 400})
	}
	survived := 0
	for _, c := range cases {
		start := time.Now()
		code, body := s.post(t, c.path, c.body)
		took := time.Since(start)
		// A query stopped by the memory guard (503) may be stopped by the
		// timeout (504) first on a loaded machine: both are "stopped".
		if code != c.want && !(c.want == 503 && code == 504) {
			t.Errorf("%s %s: status %d, want %d: %.200s", c.path, c.name, code, c.want, body)
		}
		// The memory a stopped query took is given back in the background.
		var rss, peak int
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			if rss, peak = memory(t, pid); rss <= afterBound || time.Now().After(deadline) {
				break
			}
		}
		if code, body := s.post(t, "/api/v1/query/gizmo", `g.V("<eg:actor/person/benjamin-netanyahu>").Out("<rdfs:label>").All()`); code != 200 || !strings.Contains(body, "Netanyahu") {
			t.Fatalf("after %s %s: normal query answered %d %.200s", c.path, c.name, code, body)
		}
		t.Logf("%-26s %-32s %d in %6v, RSS %4d MiB (peak %4d)", c.path, c.name, code, took.Round(time.Millisecond), rss, peak)
		if rss > afterBound {
			t.Errorf("%s %s: RSS %d MiB after the query, bound %d", c.path, c.name, rss, afterBound)
		}
		survived++
	}
	_, peak := memory(t, pid)
	if peak > peakBound {
		t.Errorf("peak RSS %d MiB, bound %d (%d at start, query.max_heap_bytes %d MiB)", peak, peakBound, rss0, heapMiB)
	}
	t.Logf("%d of %d hostile queries survived; RSS at start %d MiB, peak %d MiB", survived, len(cases), rss0, peak)
	// Every language on every endpoint keeps to query.limit (100; the
	// seeds have more nodes): GraphQL returned them all.
	for _, q := range []struct{ path, body string }{
		{"/api/v1/query/graphql", `{nodes{id}}`}, {"/api/v2/query?lang=graphql", `{nodes{id}}`},
		{"/api/v1/query/mql", `[{"id":null}]`}, {"/api/v2/query?lang=mql", `[{"id":null}]`},
		{"/api/v1/query/gizmo", `g.V().All()`}, {"/api/v2/query?lang=gizmo", `g.V().All()`},
	} {
		code, body := s.post(t, q.path, q.body)
		if n := strings.Count(body, `"id"`); code != 200 || n == 0 || n > 100 {
			t.Errorf("%s %s: %d with %d results, want 1 to 100 (query.limit)", q.path, q.body, code, n)
		}
	}
	// A loopback address other than the one bound to is a loopback Host too.
	req, _ := http.NewRequest("GET", s.url+"/api/health", nil)
	req.Host = "127.0.0.2:" + s.url[strings.LastIndex(s.url, ":")+1:]
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Errorf("Host 127.0.0.2: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
}

// serve.read_only fails closed: anything but true or false stops serve
// before it listens, naming the setting.
func TestServeReadOnlyFailsClosed(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"yes", `"on"`, "enabled", "ture"} {
		file := filepath.Join(t.TempDir(), "c.yaml")
		os.WriteFile(file, []byte("serve:\n  read_only: "+v+"\n"), 0o644)
		cmd := egCommand(t, nil, "serve", "--config", file, "--dbpath", t.TempDir(), "--host", "127.0.0.1:0")
		timer := time.AfterFunc(30*time.Second, func() { cmd.Process.Kill() })
		out, err := cmd.CombinedOutput()
		timer.Stop()
		if err == nil || !strings.Contains(string(out), "serve.read_only") || strings.Contains(string(out), "listening") {
			t.Errorf("read_only: %s: %v\n%s", v, err, out)
		}
	}
}

// Fetching is safe by default: a loopback URL is refused unless allowed,
// and the credentials of a URL are never stored.
func TestIngestURLHostile(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "date 2024-03-26 The minister resigned on Monday after the vote, officials said.")
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "store")
	url := strings.Replace(srv.URL, "http://", "http://bob:Hunter2@", 1) + "/page"
	_, stderr, err := run(t, "ingest", "--dbpath", db, url)
	if err == nil || !strings.Contains(stderr, "--allow-private") || strings.Contains(stderr, "Hunter2") {
		t.Errorf("loopback URL without --allow-private: %v\n%s", err, stderr)
	}
	list := filepath.Join(t.TempDir(), "urls.txt")
	os.WriteFile(list, []byte("http://169.254.169.254/latest/meta-data/\nhttp://10.0.0.1/\n"), 0o644)
	_, stderr, err = run(t, "ingest", "--dbpath", db, "--urls", list)
	if err == nil || !strings.Contains(stderr, "refusing to connect to 169.254.169.254 (link-local address)") || !strings.Contains(stderr, "refusing to connect to 10.0.0.1 (private address)") {
		t.Errorf("--urls to link-local and private addresses: %v\n%s", err, stderr)
	}
	mustRun(t, "ingest", "--dbpath", db, "--allow-private", url)
	for _, args := range [][]string{{"export", "--format", "nquads"}, {"timeline", "--format", "json"}} {
		if out := mustRun(t, append(args, "--dbpath", db)...); strings.Contains(out, "Hunter2") || !strings.Contains(out, srv.URL) {
			t.Errorf("%s shows the password or lost the source:\n%.500s", args[0], out)
		}
	}
}

// A second interrupt ends ingest at once, even while an article takes
// long to extract (the first waits for the article in hand).
func TestSecondInterruptQuits(t *testing.T) {
	if testing.Short() {
		t.Skip("runs eventgraph ingest")
	}
	dir := t.TempDir()
	// One long sentence of comma-joined clauses: slow to extract.
	var b strings.Builder
	for i := 0; b.Len() < 60_000; i++ {
		fmt.Fprintf(&b, "officials in city %d said on Monday that the minister resigned, ", i)
	}
	os.WriteFile(filepath.Join(dir, "slow.txt"), []byte(b.String()+"end."), 0o644)
	cmd := egCommand(t, nil, "ingest", "--dbpath", filepath.Join(t.TempDir(), "store"), dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exit := make(chan error, 1)
	go func() { exit <- cmd.Wait() }()
	time.Sleep(1500 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	time.Sleep(200 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	start := time.Now()
	select {
	case err := <-exit:
		t.Logf("ingest ended %v after the second interrupt: %v", time.Since(start).Round(time.Millisecond), err)
	case <-time.After(2 * time.Second):
		cmd.Process.Kill()
		t.Fatal("ingest still running 2 s after the second interrupt")
	}
}

// eventgraph query checks queries like serve: a query nested a million
// deep is refused (it overflowed the stack), GraphQL keeps to the limit.
func TestQueryCLIHostile(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "store")
	mustRun(t, "ingest", "--dbpath", db, seedsDir(t))
	for _, tc := range []struct{ lang, q, want string }{
		{"gizmo", strings.Repeat("(", 500_000), "too large"},
		{"gizmo", strings.Repeat("[", 100) + strings.Repeat("]", 100), "too deeply nested"},
		{"graphql", strings.Repeat("{a", 1_000_000) + strings.Repeat("}", 1_000_000), "too large"},
	} {
		file := filepath.Join(t.TempDir(), "q")
		os.WriteFile(file, []byte(tc.q), 0o644)
		if _, _, err := run(t, "query", "--dbpath", db, "--lang", tc.lang, "-f", file); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %.20q...: %v, want %q", tc.lang, tc.q, err, tc.want)
		}
	}
	out := mustRun(t, "query", "--dbpath", db, "--lang", "graphql", "--limit", "3", "{nodes{id}}")
	if n := strings.Count(out, `"id"`); n != 3 {
		t.Errorf("GraphQL with --limit 3: %d results\n%.300s", n, out)
	}
}

// A command stopped by SIGINT stops its work and exits 130, as a shell
// reports an interrupted program: here a query that loops for ever,
// within its 30 s timeout.
func TestInterruptedQueryExits130(t *testing.T) {
	if testing.Short() {
		t.Skip("runs eventgraph query")
	}
	t.Parallel()
	db := filepath.Join(t.TempDir(), "store")
	mustRun(t, "ingest", "--dbpath", db, seedsDir(t))
	cmd := egCommand(t, nil, "query", "--dbpath", db, "--timeout", "30s", `while(true){}`)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exit := make(chan error, 1)
	go func() { exit <- cmd.Wait() }()
	time.Sleep(time.Second)
	cmd.Process.Signal(os.Interrupt)
	start := time.Now()
	select {
	case err := <-exit:
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != interruptedStatus {
			t.Errorf("exit %v, want status %d\n%s", err, interruptedStatus, stderr.String())
		}
		if !strings.Contains(stderr.String(), "eventgraph: query interrupted (received interrupt)") {
			t.Errorf("stderr does not say what stopped:\n%s", stderr.String())
		}
		t.Logf("stopped %v after SIGINT: %s", time.Since(start).Round(time.Millisecond), strings.TrimSpace(stderr.String()))
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("query still running 10 s after SIGINT\n%s", stderr.String())
	}
}

// hostileIngestRSS bounds the peak RSS of an ingest of one hostile article,
// the whole process: models, extraction, resolution and store writes.
// Issue 23 asks 300 MB of extraction (extract's TestHostileExtraction);
// a whole ingest of the one-sentence and repeated-sentence shapes peaked
// at 278 to 313 MB over 12 runs: the collector lets the heap grow to twice
// the 136 MB live while the article's 15,000 mentions are resolved.
const hostileIngestRSS int64 = 350_000_000

// Issue 23's hostile article shapes (the same as extract's
// TestHostileExtraction, which times extraction alone), each filling the
// largest article accepted.
var hostileIngestShapes = []struct {
	name string
	unit func(i int) string
}{
	{"one sentence", func(i int) string { return hostileClauses[i%len(hostileClauses)] + ", and " }},
	{"repeated sentences", func(i int) string {
		c := hostileClauses[i%len(hostileClauses)]
		return strings.ToUpper(c[:1]) + c[1:] + ". "
	}},
	{"numbers only", func(i int) string { return strconv.Itoa((i*7919)%100000) + " " }},
	{"comma-joined words", func(i int) string { return hostileWords[i%len(hostileWords)] + "," }},
}

var (
	hostileClauses = []string{
		"Israel said on Monday that the United States abstained and Hamas attacked on March 3",
		"the foreign minister of Freedonia met President Rufus T. Firefly in Geneva on 12 May 2024",
		"protesters clashed with police in Cairo two days later while talks resumed",
		"the company announced it would cut 300 jobs by next year after shares fell 4%",
	}
	hostileWords = []string{"talks", "Geneva", "Monday", "attack", "minister", "2024", "resumed", "police"}
)

// fillArticle repeats unit up to article.MaxArticleBytes, then ends the
// text with end.
func fillArticle(unit func(i int) string, end string) string {
	var b strings.Builder
	for i := 0; ; i++ {
		u := unit(i)
		if b.Len()+len(u)+len(end) > article.MaxArticleBytes {
			break
		}
		b.WriteString(u)
	}
	return b.String() + end
}

// A 512 KiB article of each hostile shape is ingested by eventgraph in its
// own process within hostileIngestRSS of peak RSS (rusage). The time is
// logged, not asserted: the machine is shared.
func TestHostileIngestMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("runs eventgraph ingest on 2 MB of text")
	}
	for _, shape := range hostileIngestShapes {
		t.Run(shape.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "article.txt")
			if err := os.WriteFile(file, []byte(fillArticle(shape.unit, "officials said.")), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := egCommand(t, nil, "ingest", "--dbpath", filepath.Join(t.TempDir(), "store"), "--published", "2024-03-26", "--log-level", "error", file)
			start := time.Now()
			out, err := cmd.CombinedOutput()
			wall := time.Since(start)
			if err != nil || !strings.Contains(string(out), "ingested 1 article(s)") {
				t.Fatalf("ingest: %v\n%s", err, out)
			}
			ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			if !ok {
				t.Skip("no rusage")
			}
			rss := ru.Maxrss << 10 // KiB on Linux
			t.Logf("%s: peak RSS %d MB, %v wall, CPU %v user + %v sys: %s", shape.name, rss/1e6, wall.Round(time.Millisecond),
				time.Duration(ru.Utime.Nano()).Round(time.Millisecond), time.Duration(ru.Stime.Nano()).Round(time.Millisecond), strings.TrimSpace(string(out)))
			if rss > hostileIngestRSS {
				t.Errorf("%s: peak RSS %d MB, bound %d MB", shape.name, rss/1e6, hostileIngestRSS/1e6)
			}
		})
	}
}
