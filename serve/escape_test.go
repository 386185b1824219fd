package serve

import (
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time the process has used so far.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Skipf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Gizmo scripts that a single interrupt does not stop are stopped like
// any other: scripts that catch the exception an interrupt becomes inside a
// callback (goja turns an interrupt that lands in a JavaScript function
// called from Go into an error, which cayley throws back into the script)
// are stopped like any other: each request ends at the timeout, and no
// script goes on running once its request has ended. Before, each took
// 2 s more (the wait for the VM) and left a goroutine spinning on a core
// for the life of the process: a few such requests took the server's
// CPU, and a fuzzing worker that met some hung. Likewise a regular
// expression that backtracks for minutes in one match.
func TestHostileGizmoEscapes(t *testing.T) {
	const timeout = 200 * time.Millisecond
	h, err := New(Options{Handle: memHandle(t, testQuads...), QueryTimeout: timeout, QueryMaxHeap: 64 << 20, Timeline: fakeTimeline})
	if err != nil {
		t.Fatal(err)
	}
	ask := func(path, q string) (int, time.Duration) {
		start := time.Now()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("POST", path, strings.NewReader(q)))
		return rec.Code, time.Since(start)
	}
	ask("/api/v1/query/gizmo", "g.V().All()") // warm-up
	before := runtime.NumGoroutine()
	for _, tt := range []struct {
		q    string
		want int
	}{
		{`while(true){}`, http.StatusGatewayTimeout},
		{`while(true){try{g.V().ForEach(function(d){})}catch(e){}}`, http.StatusGatewayTimeout},
		{`while(true){try{g.V().ForEach(function(d){while(true){}})}catch(e){}}`, http.StatusGatewayTimeout},
		{`while(true){try{g.V().Map(function(d){while(true){}})}catch(e){}}`, http.StatusGatewayTimeout},
		{`for(;;){try{g.V().Out().ForEach(function(d){for(;;){}})}catch(e){};try{g.V().ToArray()}catch(e){}}`, http.StatusGatewayTimeout},
		// Backtracking matches (regexp2, which the VM cannot interrupt):
		// one gives up after regexMatchTimeout as no match.
		{`/^(a+)+\1b$/.test("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")`, http.StatusOK},
		{`while(true){/(?=(a+)+b)/.test("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")}`, http.StatusGatewayTimeout},
	} {
		q := tt.q
		for _, path := range []string{"/api/v1/query/gizmo", "/api/v2/query?lang=gizmo", "/api/v1/shape/gizmo"} {
			code, took := ask(path, q)
			t.Logf("%s %q: %d in %v", path, q, code, took.Round(time.Millisecond))
			if code != tt.want {
				t.Errorf("%s %q: status %d, want %d", path, q, code, tt.want)
			}
			if took > timeout+time.Second {
				t.Errorf("%s %q: answered after %v, timeout %v", path, q, took, timeout)
			}
		}
	}
	// No script runs on: the goroutines are back to where they were and
	// the process is idle.
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after the scripts were stopped, %d before: some still run", n, before)
	}
	start, cpu := time.Now(), cpuTime(t)
	time.Sleep(300 * time.Millisecond)
	if busy := cpuTime(t) - cpu; busy > 150*time.Millisecond {
		t.Errorf("%v of CPU in %v of idleness: a stopped script still runs", busy, time.Since(start).Round(time.Millisecond))
	}
}
