package serve

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
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
// While it runs, the runtime's soft memory limit holds the process to the
// memory in use when it started plus limit (querySoftLimit), so that the
// garbage a query leaves behind is collected before it adds to the peak.
func memoryGuard(next http.Handler, limit uint64, every time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isQuery(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		defer querySoftLimit.enter(limit)()
		ctx, cancel := context.WithCancelCause(r.Context())
		defer cancel(nil)
		done := make(chan struct{})
		defer close(done)
		go watchHeap(ctx, done, every, limit, func() { cancel(ErrQueryMemory{Limit: limit}) })
		next.ServeHTTP(w, r.WithContext(ctx))
		if errors.As(context.Cause(ctx), new(ErrQueryMemory)) {
			releaseMemory()
		}
	})
}

// querySoftLimit is the soft memory limit of the running queries.
var querySoftLimit = softLimit{bases: map[int64]int{}}

// softLimit lowers the runtime's soft memory limit (debug.SetMemoryLimit)
// while queries run, to the memory in use when the earliest of them
// started plus the guard's limit, and restores it when none runs. Without
// it the collector lets garbage pile up to twice the live heap: a string
// doubling in a loop, stopped by the guard at 256 MiB of growth, left a
// peak of 470 MiB of RSS, of which some 110 MiB were the copies of its
// earlier doublings; with it, 357. Only while queries run, so that a live
// heap grown for good (built timelines) never makes the collector run
// non-stop. The limit never rises above the one set before (GOMEMLIMIT).
type softLimit struct {
	mu     sync.Mutex
	bases  map[int64]int // memory in use at the start of each running query
	before int64         // the limit when no query runs
}

// enter lowers the limit for a query allowed to grow memory by limit
// bytes; the function it returns ends the query's hold.
func (s *softLimit) enter(limit uint64) (leave func()) {
	base := memoryInUse()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.bases) == 0 {
		s.before = debug.SetMemoryLimit(-1)
	}
	s.bases[base]++
	s.apply(limit)
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.bases[base]--; s.bases[base] == 0 {
			delete(s.bases, base)
		}
		s.apply(limit)
	}
}

// apply sets the limit from the running queries' bases (s.mu held).
func (s *softLimit) apply(limit uint64) {
	if len(s.bases) == 0 {
		debug.SetMemoryLimit(s.before)
		return
	}
	lowest := int64(math.MaxInt64)
	for b := range s.bases {
		lowest = min(lowest, b)
	}
	target := s.before
	if limit < math.MaxInt64 && lowest < math.MaxInt64-int64(limit) {
		target = min(target, lowest+int64(limit))
	}
	debug.SetMemoryLimit(target)
}

// memoryInUse is the memory the soft limit counts: all the runtime's
// memory but what it has returned to the operating system; the largest
// int64, which leaves the limit as it was, when the runtime does not say.
func memoryInUse() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || s[1].Value.Kind() != metrics.KindUint64 {
		return math.MaxInt64
	}
	return int64(s[0].Value.Uint64() - s[1].Value.Uint64())
}

// watchHeap reads the heap every so often until done is closed or ctx
// ends, and calls stop once the heap has grown by more than limit since
// it started, or is about to (overrun).
func watchHeap(ctx context.Context, done <-chan struct{}, every time.Duration, limit uint64, stop func()) {
	t := time.NewTicker(every)
	defer t.Stop()
	base := heapBytes()
	last := base
	for {
		select {
		case <-done:
			return
		case <-ctx.Done():
			return
		case <-t.C:
			h := heapBytes()
			if overrun(h, base, last, limit) {
				stop()
				return
			}
			last = h
		}
	}
}

// overrun tells whether a heap at h bytes, at last bytes when read
// before and base when the query started, has grown by more than limit,
// or is about to: grown by less, but in a jump since the last read so
// large that twice as much again would pass the limit. The guard cannot
// stop an operation under way (a JavaScript string concatenation is one
// step of the VM), only the next; and an operation that allocated a jump
// may allocate twice as much next: a string doubling in a loop holds the
// old string, a new buffer and the new string of twice its size. Stopped
// only at the limit, such a loop with a 256 MiB limit raised the server's
// RSS by 320 MiB, and by 700 when the guard was not scheduled in time for
// the last doubling (a loaded machine); stopped one doubling earlier, by
// 170 to 255 MiB. A query that allocates in small steps sees jumps of a
// few MiB between reads, and is stopped near the limit.
func overrun(h, base, last, limit uint64) bool {
	if h <= base {
		return false
	}
	grown := h - base
	var jump uint64
	if h > last {
		jump = h - last
	}
	return grown > limit || jump > (limit-grown)/2
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
