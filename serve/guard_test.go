package serve

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// A query that allocates without bound is stopped by the memory guard long
// before its time limit, says why, and the server goes on serving.
func TestMemoryGuardStopsRunawayQuery(t *testing.T) {
	srv := newServer(t, Options{QueryTimeout: 30 * time.Second, QueryMaxHeap: 64 << 20})
	for _, path := range []string{"/api/v1/query/gizmo", "/api/v2/query?lang=gizmo"} {
		start := time.Now()
		resp, body := do(t, srv, call{method: "POST", path: path, body: `var s = "xxxxxxxx"; while (true) { s = s + s }`})
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%s: runaway query ran %v", path, d)
		}
		if resp.StatusCode == http.StatusOK && !strings.Contains(body, "error") {
			t.Errorf("%s: status 200 without an error: %.200s", path, body)
		}
		if path == "/api/v1/query/gizmo" && (resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "memory")) {
			t.Errorf("%s: %d %.200s, want 503 naming memory", path, resp.StatusCode, body)
		}
	}
	resp, body := do(t, srv, call{method: "POST", path: "/api/v1/query/gizmo", body: `g.V().All()`})
	if resp.StatusCode != http.StatusOK {
		t.Errorf("server not serving after the runaway query: %d %.200s", resp.StatusCode, body)
	}
}
