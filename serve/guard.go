package serve

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"time"
)

// DefaultQueryMaxHeap bounds how much a query may grow the heap.
const DefaultQueryMaxHeap = 512 << 20

// guardEvery is how often the memory guard reads the heap (a read costs
// about a microsecond): a string doubling in a loop goes from 128 to 512
// MiB in tens of milliseconds, so a slower guard lets one more doubling
// through (every 10 ms, peaks of 869 MiB of RSS were seen on a loaded
// machine with the limit at 256 MiB; every millisecond, 467).
const guardEvery = time.Millisecond

// ErrQueryMemory is the cause given to a query stopped for its memory use.
type ErrQueryMemory struct{ Limit uint64 }

func (e ErrQueryMemory) Error() string {
	return fmt.Sprintf("query stopped: it grew the server's memory by more than %d MiB (query.max_heap_bytes)", e.Limit>>20)
}

// memoryGuard watches the heap while a query runs and cancels the query's
// context when the heap has grown by more than limit bytes. The time limit
// alone does not contain a Gizmo script such as `s = s + s` in a loop: its
// JavaScript runtime is interrupted only between operations, and it can
// allocate gigabytes well within the timeout. Heap growth is process-wide,
// so queries running beside a runaway one may be stopped too: the server
// stays up, which is what matters. Once a stopped query has returned, the
// memory it took is given back to the operating system (releaseMemory):
// the Go runtime would otherwise keep it, 1.5 to 3 GB after a bomb.
func memoryGuard(next http.Handler, limit uint64, every time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isQuery(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		ctx, cancel := context.WithCancelCause(r.Context())
		defer cancel(nil)
		done := make(chan struct{})
		defer close(done)
		base := heapBytes()
		go func() {
			t := time.NewTicker(every)
			defer t.Stop()
			for {
				select {
				case <-done:
					return
				case <-ctx.Done():
					return
				case <-t.C:
					if h := heapBytes(); h > base && h-base > limit {
						cancel(ErrQueryMemory{Limit: limit})
						return
					}
				}
			}
		}()
		next.ServeHTTP(w, r.WithContext(ctx))
		if errors.As(context.Cause(ctx), new(ErrQueryMemory)) {
			releaseMemory()
		}
	})
}

// releasing is set while releaseMemory runs.
var releasing atomic.Bool

// releaseMemory returns freed memory to the operating system, in the
// background, one call at a time (debug.FreeOSMemory runs a full
// collection).
func releaseMemory() {
	if !releasing.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer releasing.Store(false)
		debug.FreeOSMemory()
	}()
}

// isQuery reports the routes that run user queries.
func isQuery(path string) bool {
	return strings.HasPrefix(path, "/api/v1/query/") || strings.HasPrefix(path, "/api/v2/query") ||
		strings.HasPrefix(path, "/api/v1/shape/")
}

// heapBytes reads the heap's object bytes, garbage not yet collected
// included, without stopping the world.
func heapBytes() uint64 { return readMetric("/memory/classes/heap/objects:bytes") }

// readMetric reads one runtime metric of kind uint64, 0 when unknown.
func readMetric(name string) uint64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
