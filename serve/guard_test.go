package serve

import (
	"math"
	"net/http"
	"runtime"
	"runtime/debug"
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

// While queries run, the soft memory limit is the memory in use when the
// earliest still running started plus the guard's limit, never above the
// limit set before; once none runs, the limit set before is back.
func TestSoftLimitFollowsQueries(t *testing.T) {
	const mib = 1 << 20
	for _, tc := range []struct {
		name   string
		before int64 // the limit before any query (GOMEMLIMIT)
		limit  uint64
	}{
		{"no limit before", math.MaxInt64, 64 * mib},
		{"a lower limit before wins", 8 * mib, 64 * mib},
		{"a limit too large to add", math.MaxInt64, math.MaxUint64},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(tc.before))
			s := softLimit{bases: map[int64]int{}}
			// check compares the limit with the one due to a query that
			// started with base in use (read just after it started).
			check := func(what string, base int64) {
				t.Helper()
				want := tc.before
				if tc.limit < math.MaxInt64 {
					want = min(tc.before, base+int64(tc.limit))
				}
				if got := debug.SetMemoryLimit(-1); got > want || got < want-8*mib {
					t.Errorf("%s: limit %d MiB, want %d MiB", what, got/mib, want/mib)
				}
			}
			debug.FreeOSMemory() // so that the allocation below adds to the memory in use
			leave1 := s.enter(tc.limit)
			base1 := memoryInUse()
			check("one query", base1)
			keep := make([]byte, 32*mib) // the second query starts with more in use
			leave2 := s.enter(tc.limit)
			base2 := memoryInUse()
			if base2 < base1+16*mib {
				t.Fatalf("memory in use %d MiB, then %d MiB after allocating 32", base1/mib, base2/mib)
			}
			check("two queries", base1)
			leave1()
			check("the second query alone", base2)
			leave2()
			if got := debug.SetMemoryLimit(-1); got != tc.before {
				t.Errorf("no query: limit %d, want %d as before", got, tc.before)
			}
			runtime.KeepAlive(keep)
		})
	}
}

// The guard stops a query at its limit, or before it when the last jump
// of the heap, doubled, would pass the limit; small steps go on to the
// limit.
func TestOverrun(t *testing.T) {
	const mib = 1 << 20
	for _, tc := range []struct {
		name             string
		heap, base, last uint64
		limit            uint64
		want             bool
	}{
		{"no growth", 100 * mib, 100 * mib, 100 * mib, 256 * mib, false},
		{"heap below the start (collected)", 50 * mib, 100 * mib, 60 * mib, 256 * mib, false},
		{"small steps near the limit", 350 * mib, 100 * mib, 349 * mib, 256 * mib, false},
		{"past the limit", 357 * mib, 100 * mib, 356 * mib, 256 * mib, true},
		// A string doubling: 32 MiB held, a 64 MiB buffer and a 64 MiB
		// string: the next doubling would add 256 MiB.
		{"a doubling's jump", 100*mib + 160*mib, 100 * mib, 100*mib + 96*mib, 256 * mib, true},
		{"the same jump far from the limit", 100*mib + 160*mib, 100 * mib, 100*mib + 96*mib, 1024 * mib, false},
		{"a jump of more than half what is left", 100*mib + 100*mib, 100 * mib, 100*mib + 21*mib, 256 * mib, true},
		{"a jump of half what is left", 100*mib + 100*mib, 100 * mib, 100*mib + 22*mib, 256 * mib, false},
	} {
		if got := overrun(tc.heap, tc.base, tc.last, tc.limit); got != tc.want {
			t.Errorf("%s: overrun = %v, want %v", tc.name, got, tc.want)
		}
	}
}
