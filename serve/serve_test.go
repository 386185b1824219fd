package serve

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/internal/cayleyui"
	"github.com/eventgraph/eventgraph/timeline"
)

func requireAssets(t testing.TB) {
	t.Helper()
	if _, err := cayleyui.Assets(); err != nil {
		t.Fatalf("%v\n\tthe cayley UI must be generated before testing: run `%s` from the repository root",
			err, cayleyui.GenerateCommand)
	}
}

func memHandle(t testing.TB, quads ...quad.Quad) *graph.Handle {
	t.Helper()
	qs, err := graph.NewQuadStore("memstore", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	qw, err := graph.NewQuadWriter("single", qs, graph.Options{"ignore_missing": true, "ignore_duplicate": true})
	if err != nil {
		t.Fatal(err)
	}
	if err := qw.AddQuadSet(quads); err != nil {
		t.Fatal(err)
	}
	h := &graph.Handle{QuadStore: qs, QuadWriter: qw}
	t.Cleanup(func() { h.Close() })
	return h
}

var testQuads = []quad.Quad{
	quad.MakeIRI("eg:event/1", "eg:agent", "eg:actor/org/acme", ""),
	quad.MakeIRI("eg:event/1", "eg:target", "eg:actor/org/globex", ""),
	quad.Make(quad.IRI("eg:actor/org/acme"), quad.IRI("rdfs:label"), "Acme", nil),
	quad.Make(quad.IRI("eg:actor/org/globex"), quad.IRI("rdfs:label"), "Globex", nil),
}

// fakeTimeline stands in for timeline.Build: it echoes the filter.
func fakeTimeline(_ context.Context, f Filter) (*timeline.Timeline, error) {
	if f.Actor == "boom" {
		return nil, errors.New("boom")
	}
	return &timeline.Timeline{
		Schema: timeline.Schema,
		Filter: timeline.Filter{Actor: f.Actor, From: f.From, To: f.To, Type: f.Type},
		Events: []timeline.Event{{ID: "event/1", Action: "abstain"}},
	}, nil
}

func newServer(t *testing.T, o Options) *httptest.Server {
	t.Helper()
	requireAssets(t)
	if o.Handle == nil {
		o.Handle = memHandle(t, testQuads...)
	}
	if o.Timeline == nil {
		o.Timeline = fakeTimeline
	}
	o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	h, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

type call struct {
	method, path, body string
	header             map[string]string
}

func do(t *testing.T, srv *httptest.Server, c call) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if c.body != "" {
		body = strings.NewReader(c.body)
	}
	method := c.method
	if method == "" {
		method = http.MethodGet
	}
	req, err := http.NewRequest(method, srv.URL+c.path, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range c.header {
		req.Header.Set(k, v)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func TestRoutes(t *testing.T) {
	srv := newServer(t, Options{})
	tests := []struct {
		name string
		call
		code int
		want []string // substrings of the body
	}{
		{"query page", call{path: "/"}, 200, []string{"<html", "cayley_query.js", `href="/timeline"`, "/ui-extra/prefill.js"}},
		{"visualize page", call{path: "/ui/visualize"}, 200, []string{"sigma.min.js", "cayley_visualize.js"}},
		{"query shape page", call{path: "/ui/query_shape"}, 200, []string{"cayley_shape.js"}},
		{"write page", call{path: "/ui/write"}, 200, []string{"cayley_write.js"}},
		{"unknown page", call{path: "/ui/nope"}, 404, nil},
		{"main script", call{path: "/static/js/cayley_main.js"}, 200, []string{"CodeMirror.fromTextArea"}},
		{"bootstrap css", call{path: "/static/third_party/flatly/bootstrap.min.css"}, 200, []string{"Bootswatch"}},
		{"prefill script", call{path: "/ui-extra/prefill.js"}, 200, []string{"run_button"}},
		{"no static listing", call{path: "/static/"}, 404, nil},
		{"no static dir listing", call{path: "/static/js/"}, 404, nil},
		{"no static traversal", call{path: "/static/../templates/query.html"}, 404, nil},
		{"gizmo docs", call{path: "/docs/gizmoapi"}, 200, []string{"<html", "Gizmo", "/static/css/docs.css"}},
		{"gizmo docs as linked", call{path: "/docs/GizmoAPI"}, 200, []string{"Gizmo"}},
		{"missing docs", call{path: "/docs/nope"}, 404, nil},
		{"timeline page", call{path: "/timeline"}, 200, []string{"/timeline/timeline.js", `id="filters"`}},
		{"timeline script", call{path: "/timeline/timeline.js"}, 200, []string{"/api/timeline"}},
		{"timeline css", call{path: "/timeline/timeline.css"}, 200, []string{".m-negated"}},
		{"no timeline html by asset path", call{path: "/timeline/timeline.html"}, 404, nil},
		{"vis-timeline, vendored", call{path: "/timeline/vendor/vis-timeline-graph2d.min.js"}, 200, []string{"@version 8.5.4", "t.Timeline="}},
		{"vis-timeline's licence", call{path: "/timeline/vendor/LICENSE.md"}, 200, []string{"Apache-2.0", "MIT"}},
		{"no vendor listing", call{path: "/timeline/vendor/"}, 404, nil},
		{"no vendor traversal", call{path: "/timeline/vendor/..%2ftimeline.html"}, 404, nil},
		{"health", call{path: "/api/health"}, 200, []string{`"read_only":false`}},
		{"gizmo v1", call{method: "POST", path: "/api/v1/query/gizmo",
			body: `g.V("<eg:event/1>").Tag("source").Out().Tag("target").All()`}, 200,
			[]string{`"result"`, "eg:actor/org/acme", "eg:actor/org/globex", `"source"`}},
		{"gizmo v1 error", call{method: "POST", path: "/api/v1/query/gizmo", body: `g.V(`}, 400, []string{"error"}},
		{"unknown language", call{method: "POST", path: "/api/v1/query/klingon", body: `x`}, 400, []string{"Unknown query language"}},
		{"gizmo v1 shape", call{method: "POST", path: "/api/v1/shape/gizmo", body: `g.V("<eg:event/1>").Out().All()`}, 200, []string{`"nodes"`}},
		{"gizmo v2", call{method: "POST", path: "/api/v2/query?lang=gizmo",
			body: `g.V("<eg:actor/org/acme>").Out("<rdfs:label>").All()`}, 200, []string{"Acme"}},
		{"v2 read", call{path: "/api/v2/read?format=nquads"}, 200, []string{"<eg:event/1>"}},
		{"v2 formats", call{path: "/api/v2/formats"}, 200, []string{"nquads"}},
		{"timeline api", call{path: "/api/timeline?actor=Acme&from=2024-01&to=2024-12-31&type=16"}, 200,
			[]string{`"schema":"eventgraph/timeline/v1"`, `"actor":"Acme"`, `"from":"2024-01"`, `"type":"16"`}},
		{"timeline bad date", call{path: "/api/timeline?from=yesterday"}, 400, []string{"bad date"}},
		{"timeline error", call{path: "/api/timeline?actor=boom"}, 500, []string{"boom"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := do(t, srv, tc.call)
			if resp.StatusCode != tc.code {
				t.Fatalf("%s %s: status %d, want %d; body: %.300s", tc.method, tc.path, resp.StatusCode, tc.code, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("%s %s: body lacks %q; body: %.300s", tc.method, tc.path, w, body)
				}
			}
		})
	}
}

// The UI must render without the network: nothing it loads may point to a
// remote host.
func TestOffline(t *testing.T) {
	srv := newServer(t, Options{})
	for _, p := range []string{
		"/", "/ui/visualize", "/timeline", "/timeline/timeline.css", "/timeline/timeline.js",
		"/static/third_party/flatly/bootstrap.min.css",
		"/static/third_party/OpenSans.css", "/static/third_party/Inconsolata.css",
		"/static/css/query_editor.css", "/static/css/grid.css",
	} {
		resp, body := do(t, srv, call{path: p})
		if resp.StatusCode != 200 {
			t.Fatalf("%s: status %d", p, resp.StatusCode)
		}
		for _, bad := range []string{"fonts.googleapis", "fonts.gstatic", "@import url(\"//", "cdn."} {
			if strings.Contains(body, bad) {
				t.Errorf("%s refers to a remote resource (%q)", p, bad)
			}
		}
	}
}

func TestV1QueryIsTextForCayleyUI(t *testing.T) {
	// cayley's UI calls $.parseJSON on the reply: it must not be typed JSON,
	// or jQuery parses it first and the UI breaks.
	srv := newServer(t, Options{})
	resp, body := do(t, srv, call{method: "POST", path: "/api/v1/query/gizmo", body: `g.V().All()`})
	if ct := resp.Header.Get("Content-Type"); strings.Contains(ct, "json") {
		t.Fatalf("content type %q", ct)
	}
	var out struct{ Result []map[string]any }
	if err := json.Unmarshal([]byte(body), &out); err != nil || len(out.Result) == 0 {
		t.Fatalf("reply %q: %v", body, err)
	}
}

func TestQueryLimit(t *testing.T) {
	srv := newServer(t, Options{QueryLimit: 2})
	count := func(path string) int {
		resp, body := do(t, srv, call{method: "POST", path: path, body: `g.V().All()`})
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, body)
		}
		var out struct{ Result []any }
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatal(err)
		}
		return len(out.Result)
	}
	for _, tc := range []struct {
		path string
		want int
	}{
		{"/api/v1/query/gizmo", 2},
		{"/api/v1/query/gizmo?limit=1", 1},
		{"/api/v1/query/gizmo?limit=50", 2},
		{"/api/v2/query?lang=gizmo", 2},
	} {
		if got := count(tc.path); got != tc.want {
			t.Errorf("%s: %d results, want %d", tc.path, got, tc.want)
		}
	}
}

func TestQueryTimeout(t *testing.T) {
	srv := newServer(t, Options{QueryTimeout: 200 * time.Millisecond})
	start := time.Now()
	resp, body := do(t, srv, call{method: "POST", path: "/api/v1/query/gizmo", body: `while(true){}`})
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("query ran %v despite the timeout", d)
	}
	if resp.StatusCode == 200 {
		t.Fatalf("endless query answered 200: %s", body)
	}
}

func TestReadOnly(t *testing.T) {
	write := `[{"subject":"<a>","predicate":"<b>","object":"<c>"}]`
	nq := "<a> <b> <c> .\n"
	for _, ro := range []bool{true, false} {
		srv := newServer(t, Options{ReadOnly: ro})
		calls := []call{
			{method: "POST", path: "/api/v1/write", body: write},
			{method: "POST", path: "/api/v1/delete", body: write},
			{method: "POST", path: "/api/v2/write", body: nq, header: map[string]string{"Content-Type": "application/n-quads"}},
			{method: "POST", path: "/api/v2/delete", body: nq, header: map[string]string{"Content-Type": "application/n-quads"}},
		}
		for _, c := range calls {
			resp, body := do(t, srv, c)
			if ro && resp.StatusCode != http.StatusForbidden {
				t.Errorf("read-only %s: status %d, want 403; %s", c.path, resp.StatusCode, body)
			}
			if !ro && resp.StatusCode != http.StatusOK {
				t.Errorf("read-write %s: status %d, want 200; %s", c.path, resp.StatusCode, body)
			}
		}
	}
}

func TestCORS(t *testing.T) {
	srv := newServer(t, Options{CORSOrigins: []string{"http://allowed.example"}})
	gizmo := `g.V().All()`
	tests := []struct {
		name        string
		method      string
		origin      string
		code        int
		allowOrigin string
	}{
		{"no origin", "POST", "", 200, ""},
		{"same origin", "POST", srv.URL, 200, ""},
		{"listed origin", "POST", "http://allowed.example", 200, "http://allowed.example"},
		{"listed origin preflight", "OPTIONS", "http://allowed.example", 204, "http://allowed.example"},
		{"foreign origin", "POST", "http://evil.example", 403, ""},
		{"foreign origin preflight", "OPTIONS", "http://evil.example", 403, ""},
		{"null origin", "POST", "null", 403, ""},
		{"same host other port", "POST", "http://127.0.0.1:1", 403, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := map[string]string{}
			if tc.origin != "" {
				h["Origin"] = tc.origin
			}
			if tc.method == "OPTIONS" {
				h["Access-Control-Request-Method"] = "POST"
			}
			resp, body := do(t, srv, call{method: tc.method, path: "/api/v1/query/gizmo", body: gizmo, header: h})
			if resp.StatusCode != tc.code {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.code, body)
			}
			if got := resp.Header.Get("Access-Control-Allow-Origin"); got != tc.allowOrigin {
				t.Fatalf("Access-Control-Allow-Origin %q, want %q", got, tc.allowOrigin)
			}
		})
	}
}

func TestBodyLimit(t *testing.T) {
	srv := newServer(t, Options{MaxBodyBytes: 64})
	big := `g.V().All()` + strings.Repeat(" ", 200)
	resp, body := do(t, srv, call{method: "POST", path: "/api/v1/query/gizmo", body: big})
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413: %s", resp.StatusCode, body)
	}
	resp, body = do(t, srv, call{method: "POST", path: "/api/v1/query/gizmo", body: `g.V().All()`})
	if resp.StatusCode != 200 {
		t.Fatalf("small body: status %d: %s", resp.StatusCode, body)
	}
}

func TestHostGuard(t *testing.T) {
	srv := newServer(t, Options{AllowedHosts: LoopbackHosts})
	// net/http takes Host from req.Host, not from the header map.
	for host, want := range map[string]int{
		"":                       http.StatusOK, // the test server's own 127.0.0.1:PORT
		"localhost:64210":        http.StatusOK,
		"127.0.0.2:64210":        http.StatusOK, // serve --host 127.0.0.2:PORT
		"[::1]:64210":            http.StatusOK,
		"[::ffff:127.0.0.1]:80":  http.StatusOK,
		"rebound.example:64210":  http.StatusMisdirectedRequest,
		"10.0.0.1:64210":         http.StatusMisdirectedRequest,
		"127.0.0.1.evil.example": http.StatusMisdirectedRequest,
	} {
		req, _ := http.NewRequest("GET", srv.URL+"/timeline", nil)
		if host != "" {
			req.Host = host
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %q: status %d, want %d", host, resp.StatusCode, want)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:64210": true, "localhost:1": true, "[::1]:80": true,
		"0.0.0.0:64210": false, ":64210": false, "10.1.2.3:80": false, "bad": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}

func TestNoTimeline(t *testing.T) {
	requireAssets(t)
	h, err := New(Options{Handle: memHandle(t), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/timeline", nil))
	if rec.Code != http.StatusNotImplemented {
		t.Fatalf("status %d, want 501", rec.Code)
	}
}

func TestMinSalienceParams(t *testing.T) {
	tests := []struct {
		v, all string
		want   string // "" nil, "err" an error, else the value
	}{
		{"", "", ""},
		{"0.3", "", "0.3"},
		{"", "1", "0"},
		{"0.7", "true", "0"},
		{"1.5", "", "err"},
		{"-0.1", "", "err"},
		{"half", "", "err"},
		{"", "yes", "err"},
	}
	for _, tt := range tests {
		got, err := minSalience(tt.v, tt.all)
		s := ""
		switch {
		case err != nil:
			s = "err"
		case got != nil:
			s = strconv.FormatFloat(*got, 'g', -1, 64)
		}
		if s != tt.want {
			t.Errorf("minSalience(%q, %q) = %q, want %q", tt.v, tt.all, s, tt.want)
		}
	}
}
