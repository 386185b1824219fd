package extract_test

import (
	"context"
	"errors"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/event"
	"github.com/eventgraph/eventgraph/internal/benchdata"
)

// hostileSize is the size of each hostile article (issue 23: 512 KiB).
const hostileSize = 512 << 10

// hostileBound is the time past which a hostile article fails the test:
// far above the 2 s the issue asks (the machine is shared and -race is
// slower), far below what superlinear extraction takes (a 100 KB run-on
// sentence took 64 s, 400 KB more than 10 minutes).
const hostileBound = 30 * time.Second

// hostileHeap is the bound on the heap extraction may add (issue 23: 300 MB).
const hostileHeap = 300 << 20

// repeatTo repeats unit until the text holds size bytes.
func repeatTo(size int, unit func(i int) string) string {
	var b strings.Builder
	b.Grow(size + 256)
	for i := 0; b.Len() < size; i++ {
		b.WriteString(unit(i))
	}
	return b.String()
}

// hostileArticles are issue 23's shapes of an article that a superlinear
// extractor chokes on, each as a function of its size in bytes.
func hostileArticles() []struct {
	name string
	text func(size int) string
} {
	clauses := []string{
		"Israel said on Monday that the United States abstained and Hamas attacked on March 3",
		"the foreign minister of Freedonia met President Rufus T. Firefly in Geneva on 12 May 2024",
		"protesters clashed with police in Cairo two days later while talks resumed",
		"the company announced it would cut 300 jobs by next year after shares fell 4%",
	}
	words := []string{"talks", "Geneva", "Monday", "attack", "minister", "2024", "resumed", "police"}
	return []struct {
		name string
		text func(size int) string
	}{
		{"one sentence", func(n int) string {
			return repeatTo(n, func(i int) string { return clauses[i%len(clauses)] + ", and " }) + "officials said."
		}},
		{"repeated sentences", func(n int) string {
			return repeatTo(n, func(i int) string {
				c := clauses[i%len(clauses)]
				return strings.ToUpper(c[:1]) + c[1:] + ". "
			})
		}},
		{"numbers only", func(n int) string {
			return repeatTo(n, func(i int) string { return strconv.Itoa((i*7919)%100000) + " " })
		}},
		{"comma-joined words", func(n int) string {
			return repeatTo(n, func(i int) string { return words[i%len(words)] + "," })
		}},
		{"comma-separated words", func(n int) string {
			return repeatTo(n, func(i int) string { return words[i%len(words)] + ", " })
		}},
		{"one word", func(n int) string { return strings.Repeat("a", n) }},
	}
}

// peakHeap samples the live heap every millisecond while f runs and
// returns its peak above the heap before f.
func peakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	peak := base
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				peak = max(peak, read())
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	peak = max(peak, read())
	return peak - base
}

// peakRSS resets the process's peak RSS (Linux: clear_refs 5), runs f and
// returns the peak RSS during f, or 0 where that cannot be read.
func peakRSS(f func()) uint64 {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		f()
		return 0
	}
	f()
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// hostileGrowth bounds how much longer the 512 KiB article takes than one
// of 64 KiB: 8 when extraction is linear, 64 when quadratic (before the
// sentence cap, a run-on sentence or a comma list took 43 times as long).
const hostileGrowth = 24

// TestHostileExtraction extracts issue 23's hostile 512 KiB articles and
// logs the time, peak heap and peak RSS of each. It fails when one takes
// more than hostileBound, grows more than hostileGrowth times slower than
// the same shape at 64 KiB (superlinear extraction) or adds more than
// 300 MB of heap.
func TestHostileExtraction(t *testing.T) {
	if testing.Short() {
		t.Skip("512 KiB articles")
	}
	dct := time.Date(2024, 3, 26, 0, 0, 0, 0, time.UTC)
	// The growth is measured in CPU time (the process's, so the garbage
	// collector's share counts): on a busy machine wall time varies more
	// than the 8 times the growth check tells from 64 times.
	run := func(text string) (d *doc.Document, wall, cpu time.Duration) {
		start, cpuStart := time.Now(), benchdata.CPUTime()
		d = extract.Extract(doc.Article{ID: "hostile", Text: text, Published: &dct})
		event.Prune(d)
		return d, time.Since(start), benchdata.CPUTime() - cpuStart
	}
	run("Warm-up: the models load once.")
	for _, tt := range hostileArticles() {
		t.Run(strings.ReplaceAll(tt.name, " ", "_"), func(t *testing.T) {
			// The small article's time is the best of three: the machine
			// may be busy.
			small := tt.text(hostileSize / 8)
			var base time.Duration
			for range 3 {
				if _, _, took := run(small); base == 0 || took < base {
					base = took
				}
			}
			text := tt.text(hostileSize)
			var (
				d         *doc.Document
				wall, cpu time.Duration
				heap      uint64
			)
			rss := peakRSS(func() {
				heap = peakHeap(func() { d, wall, cpu = run(text) })
			})
			growth := float64(cpu) / float64(max(base, time.Millisecond))
			t.Logf("%s: %d KiB, %d sentences, %d tokens, %d events: %v (CPU %v; %d KiB: CPU %v, x%.1f), peak heap +%d MB, peak RSS %d MB",
				tt.name, len(text)>>10, len(d.Sentences), tokens(d), len(d.Events), wall.Round(time.Millisecond), cpu.Round(time.Millisecond),
				len(small)>>10, base.Round(time.Millisecond), growth, heap>>20, rss>>20)
			if wall > hostileBound {
				t.Errorf("%s took %v: extraction is not linear (bound %v)", tt.name, wall, hostileBound)
			}
			if growth > hostileGrowth && cpu > 500*time.Millisecond {
				t.Errorf("%s: CPU %v for %d KiB, %v for %d KiB (x%.1f for 8 times the text): extraction is not linear",
					tt.name, cpu, len(text)>>10, base, len(small)>>10, growth)
			}
			if heap > hostileHeap {
				t.Errorf("%s: peak heap +%d MB, bound %d MB", tt.name, heap>>20, hostileHeap>>20)
			}
		})
	}
}

func tokens(d *doc.Document) int {
	n := 0
	for _, s := range d.Sentences {
		n += len(s.Tokens)
	}
	return n
}

// ExtractContext stops soon after its context's end on every hostile
// shape, and returns the cause: it checks at each sentence, each chunk of
// an over-long one, and between the extractors, the longest of which
// (events) takes about half a second of CPU over 512 KiB. The delay is
// measured in CPU time (on a busy machine the wall time stretches).
func TestHostileExtractionStops(t *testing.T) {
	if testing.Short() {
		t.Skip("512 KiB articles")
	}
	extract.Load()
	stop := errors.New("article budget spent")
	for _, tt := range hostileArticles() {
		t.Run(strings.ReplaceAll(tt.name, " ", "_"), func(t *testing.T) {
			text := tt.text(hostileSize)
			for _, after := range []time.Duration{0, 50 * time.Millisecond, 300 * time.Millisecond} {
				ctx, cancel := context.WithTimeoutCause(context.Background(), after, stop)
				var cpuAtStop atomic.Int64
				context.AfterFunc(ctx, func() { cpuAtStop.Store(int64(benchdata.CPUTime())) })
				start := time.Now()
				_, err := extract.ExtractContext(ctx, doc.Article{Text: text})
				took, cpu := time.Since(start), benchdata.CPUTime()
				cancel()
				late := time.Duration(0)
				if at := cpuAtStop.Load(); at > 0 && err != nil {
					late = max(cpu-time.Duration(at), 0)
				}
				t.Logf("budget %v: returned after %v (CPU %v after the stop): %v", after, took.Round(time.Millisecond), late.Round(time.Millisecond), err)
				switch {
				case err != nil && !errors.Is(err, stop):
					t.Errorf("budget %v: error %v, want the context's cause", after, err)
				case err == nil && took > after+time.Second:
					t.Errorf("budget %v: ran to the end (%v) without noticing", after, took)
				case late > time.Second:
					t.Errorf("budget %v: %v of CPU after the stop, want less than a second", after, late)
				}
			}
		})
	}
}
