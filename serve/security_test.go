package serve

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// An endless Gizmo query ends with a clear timeout error, its JavaScript VM
// stops (no goroutine keeps spinning), and the server keeps serving other
// clients meanwhile and afterwards.
func TestEndlessGizmoStops(t *testing.T) {
	srv := newServer(t, Options{QueryTimeout: 300 * time.Millisecond})
	loops := []string{
		`while(true){}`,
		`for(;;){ g.V("<nowhere>").All() }`,
		`var a = []; while(true){ a.push("x") }`,
	}
	before := runtime.NumGoroutine()
	var wg sync.WaitGroup
	for _, q := range loops {
		for _, path := range []string{"/api/v1/query/gizmo", "/api/v2/query?lang=gizmo"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				start := time.Now()
				resp, body := do(t, srv, call{method: "POST", path: path, body: q})
				if d := time.Since(start); d > 10*time.Second {
					t.Errorf("%s %q ran %v despite the 300ms timeout", path, q, d)
				}
				if resp.StatusCode == http.StatusOK && !strings.Contains(body, "error") {
					t.Errorf("%s %q: status 200 without an error: %.200s", path, q, body)
				}
				t.Logf("%s %q: %d %.120s", path, q, resp.StatusCode, body)
				low := strings.ToLower(body)
				if !strings.Contains(low, "deadline") && !strings.Contains(low, "timeout") && !strings.Contains(low, "timed out") && !strings.Contains(low, "cancel") {
					t.Errorf("%s %q: the error does not say the query timed out: %.200s", path, q, body)
				}
			}()
		}
	}
	// An endless loop that emits results ends at the result limit.
	resp, body := do(t, srv, call{method: "POST", path: "/api/v1/query/gizmo?limit=7", body: `for(;;){ g.V().All() }`})
	var res struct{ Result []any }
	if err := json.Unmarshal([]byte(body), &res); resp.StatusCode != 200 || err != nil || len(res.Result) != 7 {
		t.Errorf("endless emitting loop with limit 7: %d %.200s", resp.StatusCode, body)
	}
	// Other clients are served while the loops run.
	for i := 0; i < 5; i++ {
		resp, body := do(t, srv, call{method: "POST", path: "/api/v1/query/gizmo", body: `g.V("<eg:actor/org/acme>").Out("<rdfs:label>").All()`})
		if resp.StatusCode != 200 || !strings.Contains(body, "Acme") {
			t.Fatalf("query during endless loops: %d %.200s", resp.StatusCode, body)
		}
	}
	wg.Wait()
	resp, body = do(t, srv, call{path: "/api/timeline"})
	if resp.StatusCode != 200 {
		t.Fatalf("timeline after endless loops: %d %s", resp.StatusCode, body)
	}
	// The VMs were interrupted: goroutines come back to where they were.
	srv.Client().CloseIdleConnections()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+2 {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines left running after the endless queries (before: %d)\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}

// A client that gives up does not leave its query running.
func TestClientDisconnectStopsQuery(t *testing.T) {
	srv := newServer(t, Options{QueryTimeout: time.Minute})
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/api/v1/query/gizmo", strings.NewReader(`while(true){}`))
	if resp, err := srv.Client().Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("endless query answered %d", resp.StatusCode)
	}
	srv.Client().CloseIdleConnections()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+2 {
		t.Errorf("%d goroutines left after the client went away (before: %d)", n, before)
	}
}

// A page on a foreign origin cannot write, even to a read-write server,
// and the store is unchanged.
func TestCrossOriginWriteRefused(t *testing.T) {
	h := memHandle(t, testQuads...)
	srv := newServer(t, Options{Handle: h, ReadOnly: false})
	size := func() int64 {
		st, err := h.QuadStore.Stats(context.Background(), true)
		if err != nil {
			t.Fatal(err)
		}
		return st.Quads.Size
	}
	n := size()
	evil := map[string]string{"Origin": "http://evil.example"}
	for _, c := range []call{
		{method: "POST", path: "/api/v1/write", body: `[{"subject":"<x>","predicate":"<y>","object":"<z>"}]`, header: evil},
		{method: "POST", path: "/api/v1/delete", body: `[{"subject":"<eg:event/1>","predicate":"<eg:agent>","object":"<eg:actor/org/acme>"}]`, header: evil},
		{method: "POST", path: "/api/v2/write", body: "<x> <y> <z> .\n", header: map[string]string{"Origin": "http://evil.example", "Content-Type": "application/n-quads"}},
		// A "simple" cross-site form post carries no preflight.
		{method: "POST", path: "/api/v2/write", body: "<x> <y> <z> .\n", header: map[string]string{"Origin": "null", "Content-Type": "text/plain"}},
		{method: "OPTIONS", path: "/api/v2/write", header: map[string]string{"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"}},
	} {
		resp, body := do(t, srv, c)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s %s from %s: status %d, want 403: %s", c.method, c.path, c.header["Origin"], resp.StatusCode, body)
		}
		if resp.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("%s %s: CORS header granted to a foreign origin", c.method, c.path)
		}
	}
	if m := size(); m != n {
		t.Errorf("cross-origin requests changed the store: %d -> %d quads", n, m)
	}
	// The same write without an Origin (a CLI client) is allowed.
	resp, body := do(t, srv, call{method: "POST", path: "/api/v1/write", body: `[{"subject":"<x>","predicate":"<y>","object":"<z>"}]`})
	if resp.StatusCode != 200 {
		t.Fatalf("local write: %d %s", resp.StatusCode, body)
	}
	if m := size(); m != n+1 {
		t.Errorf("local write: %d -> %d quads", n, m)
	}
}

// Bodies over the limit are refused whether or not they announce their
// length, and the store is unchanged.
func TestBodyLimitStreamed(t *testing.T) {
	h := memHandle(t, testQuads...)
	srv := newServer(t, Options{Handle: h, ReadOnly: false, MaxBodyBytes: 1024})
	var nq strings.Builder
	for i := 0; nq.Len() < 64<<10; i++ {
		nq.WriteString("<s> <p> \"" + strings.Repeat("v", 50) + string(rune('a'+i%26)) + "\" .\n")
	}
	for _, tc := range []struct {
		name, path, ct string
		body           string
	}{
		{"gizmo", "/api/v1/query/gizmo", "", `g.V().All()//` + strings.Repeat("x", 64<<10)},
		{"v2 write", "/api/v2/write", "application/n-quads", nq.String()},
		{"v1 write", "/api/v1/write", "", `[` + strings.Repeat(`{"subject":"<a>","predicate":"<b>","object":"<c>"},`, 2000) + `{"subject":"<a>","predicate":"<b>","object":"<c>"}]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// io.MultiReader hides the length: the request is chunked.
			req, _ := http.NewRequest("POST", srv.URL+tc.path, io.MultiReader(strings.NewReader(tc.body)))
			if tc.ct != "" {
				req.Header.Set("Content-Type", tc.ct)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if req.ContentLength > 0 {
				t.Fatalf("request announced its length %d", req.ContentLength)
			}
			if resp.StatusCode < 400 {
				t.Errorf("%d-byte chunked body over a 1 KiB limit: status %d: %.200s", len(tc.body), resp.StatusCode, b)
			}
		})
	}
	st, _ := h.QuadStore.Stats(context.Background(), true)
	if st.Quads.Size != int64(len(testQuads)) {
		t.Errorf("oversized writes changed the store: %d quads", st.Quads.Size)
	}
}
