package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

// hostileQuads is the test store plus 300 nodes, more than the result limit.
func hostileQuads() []quad.Quad {
	qs := append([]quad.Quad(nil), testQuads...)
	for i := 0; i < 300; i++ {
		qs = append(qs, quad.MakeIRI(fmt.Sprintf("eg:event/n%d", i), "rdf:type", "sem:Event", ""))
	}
	return qs
}

// The hostile queries of issue 23 and their kin, on every query endpoint:
// each is refused or stopped with its status code, none takes the server
// down (a stack overflow would end this test binary), and a normal query
// is answered after each.
func TestHostileQueries(t *testing.T) {
	srv := newServer(t, Options{Handle: memHandle(t, hostileQuads()...), QueryTimeout: 2 * time.Second, QueryMaxHeap: 64 << 20})
	rep := strings.Repeat
	const (
		v1    = "/api/v1/query/"
		v2    = "/api/v2/query?lang="
		shape = "/api/v1/shape/"
	)
	type tc struct {
		name, path, body string
		want             int
		within           time.Duration
	}
	var cases []tc
	for _, p := range []string{v1 + "gizmo", v2 + "gizmo", shape + "gizmo"} {
		cases = append(cases,
			tc{"( x500k", p, rep("(", 500_000), http.StatusRequestEntityTooLarge, time.Second},
			tc{"[ x1M", p, rep("[", 1_000_000), http.StatusRequestEntityTooLarge, time.Second},
			tc{"{a: x1M", p, rep("{a:", 1_000_000), http.StatusRequestEntityTooLarge, time.Second},
			tc{".Out() x100k", p, "g.V()" + rep(".Out()", 100_000) + ".All()", http.StatusRequestEntityTooLarge, time.Second},
			tc{"( x65", p, rep("(", 65) + "1" + rep(")", 65), http.StatusBadRequest, time.Second},
			tc{"duplicate labels", p, rep("a:", 800) + "1", http.StatusBadRequest, time.Second},
			tc{"endless loop", p, `while(true){}`, http.StatusGatewayTimeout, 8 * time.Second},
			tc{"memory bomb", p, `var s = "xxxxxxxx"; while (true) { s = s + s }`, http.StatusServiceUnavailable, 8 * time.Second},
		)
	}
	for _, p := range []string{v1 + "graphql", v2 + "graphql"} {
		cases = append(cases,
			tc{"nested 1M", p, rep("{a", 1_000_000) + rep("}", 1_000_000), http.StatusRequestEntityTooLarge, time.Second},
			tc{"nested 65", p, rep("{a", 65) + rep("}", 65), http.StatusBadRequest, time.Second},
		)
	}
	for _, p := range []string{v1 + "mql", v2 + "mql"} {
		cases = append(cases, tc{"nested 65", p, rep("[", 65) + rep("]", 65), http.StatusBadRequest, time.Second})
	}
	for _, c := range cases {
		t.Run(c.path+" "+c.name, func(t *testing.T) {
			start := time.Now()
			resp, body := do(t, srv, call{method: "POST", path: c.path, body: c.body})
			if d := time.Since(start); d > c.within {
				t.Errorf("answered after %v, want within %v", d, c.within)
			}
			if resp.StatusCode != c.want || !strings.Contains(body, "error") {
				t.Errorf("status %d, want %d with an error: %.200s", resp.StatusCode, c.want, body)
			}
			resp, body = do(t, srv, call{method: "POST", path: v1 + "gizmo", body: `g.V("<eg:actor/org/acme>").Out("<rdfs:label>").All()`})
			if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Acme") {
				t.Fatalf("normal query afterwards: %d %.200s", resp.StatusCode, body)
			}
		})
	}
}

// A long chain of steps within the size limit compiles and runs within
// the time limit (100,000 steps took 103 s to answer 504).
func TestGizmoCompileBounded(t *testing.T) {
	srv := newServer(t, Options{QueryTimeout: 3 * time.Second})
	q := "g.V()" + strings.Repeat(".Out()", 2500) + ".All()"
	start := time.Now()
	resp, body := do(t, srv, call{method: "POST", path: "/api/v1/query/gizmo", body: q})
	if d := time.Since(start); d > 6*time.Second {
		t.Errorf("%d-byte chain answered after %v (timeout 3s)", len(q), d)
	}
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusGatewayTimeout {
		t.Errorf("status %d: %.200s", resp.StatusCode, body)
	}
}

// GraphQL returns at most query.limit nodes per field, like the other
// languages (it returned the whole store), and a stopped GraphQL query
// says so with its status instead of 200.
func TestGraphQLLimitAndStatus(t *testing.T) {
	srv := newServer(t, Options{Handle: memHandle(t, hostileQuads()...), QueryLimit: 25})
	for _, path := range []string{"/api/v1/query/graphql", "/api/v2/query?lang=graphql"} {
		for _, q := range []string{`{nodes{id}}`, `{nodes(first: 100000){id}}`, `{nodes(<first>: -1){id}}`} {
			resp, body := do(t, srv, call{method: "POST", path: path, body: q})
			var res struct {
				Data struct {
					Nodes []map[string]any `json:"nodes"`
				} `json:"data"`
			}
			if err := json.Unmarshal([]byte(body), &res); err != nil || resp.StatusCode != 200 {
				t.Fatalf("%s %s: %d %v %.200s", path, q, resp.StatusCode, err, body)
			}
			if n := len(res.Data.Nodes); n != 25 {
				t.Errorf("%s %s: %d nodes, want 25 (query.limit)", path, q, n)
			}
		}
	}
	stopped := newServer(t, Options{Handle: memHandle(t, hostileQuads()...), QueryTimeout: time.Nanosecond})
	for _, path := range []string{"/api/v1/query/graphql", "/api/v2/query?lang=graphql", "/api/v2/query?lang=mql"} {
		q := `{nodes{id}}`
		if strings.HasSuffix(path, "mql") {
			q = `[{"id": null}]`
		}
		resp, body := do(t, stopped, call{method: "POST", path: path, body: q})
		if resp.StatusCode != http.StatusGatewayTimeout || !strings.Contains(body, "timed out") {
			t.Errorf("%s stopped by its time limit: %d %.200s, want 504", path, resp.StatusCode, body)
		}
	}
}
