package graph_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/benchdata"
	"github.com/eventgraph/eventgraph/internal/pipeline"
	"github.com/eventgraph/eventgraph/resolve"
)

// writeBenchBytes is how much corpus text the write benchmarks store: about
// 450 articles of the benchmark corpus, some 650,000 quads
// ($EVENTGRAPH_BENCH_KB to change).
const writeBenchBytes = 1 << 20

// pipelineBatch is the pipeline's default batch (config.yaml ingest.batch).
const pipelineBatch = 8

var (
	wbOnce  sync.Once
	wbDocs  []*doc.Document
	wbAs    []resolve.Assignment
	wbBatch []graph.ArticleQuads
	wbRaw   []quad.Quad // what WriteBatch writes into an empty store, in order
	wbRawAt []int       // wbRawAt[i]: quads of wbRaw written by articles [0, i)
	wbErr   error
)

// writeData extracts and resolves the articles once, as the pipeline does,
// and maps them to quads.
func writeData(b *testing.B) ([]graph.ArticleQuads, []quad.Quad) {
	wbOnce.Do(func() {
		size := writeBenchBytes
		if kb, err := strconv.Atoi(os.Getenv("EVENTGRAPH_BENCH_KB")); err == nil && kb > 0 {
			size = kb << 10
		}
		arts, _, err := benchdata.Articles(size)
		if err != nil {
			wbErr = err
			return
		}
		seen := map[string]bool{}
		docs := make([]*doc.Document, len(arts))
		var wg sync.WaitGroup
		for w := 0; w < runtime.GOMAXPROCS(0); w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := w; i < len(arts); i += runtime.GOMAXPROCS(0) {
					docs[i] = extract.Extract(arts[i])
				}
			}(w)
		}
		wg.Wait()
		res := resolve.New(pipeline.Rules())
		written := map[[3]string]bool{}
		for _, d := range docs {
			if seen[d.Article.ID] {
				continue // the seeds fallback repeats articles
			}
			seen[d.Article.ID] = true
			as := res.Add(d)
			own, shared := graph.Quads(d, as)
			wbDocs, wbAs = append(wbDocs, d), append(wbAs, as)
			wbBatch = append(wbBatch, graph.ArticleQuads{Own: own, Shared: shared})
			for _, q := range shared {
				k := [3]string{q.Subject.String(), q.Predicate.String(), q.Object.String()}
				if !written[k] {
					written[k] = true
					wbRaw = append(wbRaw, q)
				}
			}
			wbRaw = append(wbRaw, own...)
			wbRawAt = append(wbRawAt, len(wbRaw))
		}
		wbRawAt = append([]int{0}, wbRawAt...)
	})
	if wbErr != nil {
		b.Fatal(wbErr)
	}
	if len(wbBatch) == 0 {
		b.Skip("no benchmark articles")
	}
	return wbBatch, wbRaw
}

// cpuSeconds is the process's user+system CPU time: under load from other
// processes, quads per CPU second is steadier than per wall second.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// writeBatches stores batch through WriteBatch, pipelineBatch articles at a time.
func writeBatches(b *testing.B, st *graph.Store, batch []graph.ArticleQuads) int {
	n := 0
	for j := 0; j < len(batch); j += pipelineBatch {
		k, err := st.WriteBatch(context.Background(), batch[j:min(j+pipelineBatch, len(batch))])
		if err != nil {
			b.Fatal(err)
		}
		n += k
	}
	return n
}

// rawChunk is the raw bulk load's batch: large.
const rawChunk = 1 << 16

func writeRaw(b *testing.B, st *graph.Store, raw []quad.Quad) {
	for j := 0; j < len(raw); j += rawChunk {
		if err := st.QuadWriter.AddQuadSet(raw[j:min(j+rawChunk, len(raw))]); err != nil {
			b.Fatal(err)
		}
	}
}

// warmArticles are written, one per transaction as the pipeline's first
// batches are, before a write benchmark starts its clock: the first
// transactions of a fresh bolt store create cayley's hash buckets, a cost
// that depends on the first transaction's size and says nothing about
// the rate of an ingest.
const warmArticles = 16

// openBench opens a fresh bolt store holding the first warmArticles
// articles and returns the articles and raw quads still to write.
func openBench(b *testing.B, batch []graph.ArticleQuads, raw []quad.Quad) (*graph.Store, []graph.ArticleQuads, []quad.Quad) {
	st, err := graph.Open(context.Background(), graph.Config{Backend: "bolt", Address: filepath.Join(b.TempDir(), "db")})
	if err != nil {
		b.Fatal(err)
	}
	warm := min(warmArticles, len(batch)-1)
	for j := 0; j < warm; j++ {
		if _, err := st.WriteBatch(context.Background(), batch[j:j+1]); err != nil {
			b.Fatal(err)
		}
	}
	return st, batch[warm:], raw[wbRawAt[warm]:]
}

// BenchmarkWrite stores the articles' quads into a fresh bolt store through
// Store.WriteBatch, pipelineBatch articles per transaction as the pipeline does.
// Compare quads/s with BenchmarkRawAddQuadSet's, measured in the same run.
func BenchmarkWrite(b *testing.B) {
	benchLoad(b, func(st *graph.Store, rest []graph.ArticleQuads, restRaw []quad.Quad) {
		if n := writeBatches(b, st, rest); n != len(restRaw) {
			b.Fatalf("wrote %d quads, want %d", n, len(restRaw))
		}
	})
}

// BenchmarkRawAddQuadSet is cayley's bulk-load rate for the same quads: a
// fresh bolt store, QuadWriter.AddQuadSet in batches of 65,536 quads.
func BenchmarkRawAddQuadSet(b *testing.B) {
	benchLoad(b, func(st *graph.Store, _ []graph.ArticleQuads, restRaw []quad.Quad) {
		writeRaw(b, st, restRaw)
	})
}

// benchLoad times load over the articles after the warm-up, in a fresh
// store each iteration, and reports quads per wall and per CPU second.
func benchLoad(b *testing.B, load func(*graph.Store, []graph.ArticleQuads, []quad.Quad)) {
	batch, raw := writeData(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu, quads := 0.0, 0
	var size int64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, rest, restRaw := openBench(b, batch, raw)
		c0 := cpuSeconds()
		b.StartTimer()
		load(st, rest, restRaw)
		b.StopTimer()
		cpu += cpuSeconds() - c0
		quads = len(restRaw)
		dir := st.Config().Address
		st.Close()
		if fi, err := os.Stat(filepath.Join(dir, "indexes.bolt")); err == nil {
			size = fi.Size()
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(quads*b.N)/b.Elapsed().Seconds(), "quads/s")
	b.ReportMetric(float64(quads*b.N)/cpu, "quads/cpu-s")
	b.ReportMetric(float64(quads), "quads")
	// Per article of the whole store (the warm-up articles included).
	b.ReportMetric(float64(wbRawAt[len(wbRawAt)-1])/float64(len(batch)), "quads/article")
	b.ReportMetric(float64(size)/1024/float64(len(batch)), "bolt-KB/article")
}

// BenchmarkWriteVsRaw alternates the two in each iteration, so that both
// see the same load from other processes: write/raw is WriteBatch's rate
// as a fraction of cayley's raw bulk load (target >= 0.8).
func BenchmarkWriteVsRaw(b *testing.B) {
	batch, raw := writeData(b)
	var wWall, rWall, wCPU, rCPU time.Duration
	quads := 0
	for i := 0; i < b.N; i++ {
		for _, w := range []bool{i%2 == 0, i%2 != 0} {
			st, rest, restRaw := openBench(b, batch, raw)
			quads = len(restRaw)
			t0, c0 := time.Now(), cpuSeconds()
			if w {
				writeBatches(b, st, rest)
			} else {
				writeRaw(b, st, restRaw)
			}
			wall, cpu := time.Since(t0), time.Duration((cpuSeconds()-c0)*1e9)
			if w {
				wWall, wCPU = wWall+wall, wCPU+cpu
			} else {
				rWall, rCPU = rWall+wall, rCPU+cpu
			}
			st.Close()
		}
	}
	q := float64(quads * b.N)
	b.ReportMetric(q/wWall.Seconds(), "write-quads/s")
	b.ReportMetric(q/rWall.Seconds(), "raw-quads/s")
	b.ReportMetric(rWall.Seconds()/wWall.Seconds(), "write/raw")
	b.ReportMetric(rCPU.Seconds()/wCPU.Seconds(), "write/raw-cpu")
}

// BenchmarkQuads maps resolved documents to quads (CPU only).
func BenchmarkQuads(b *testing.B) {
	_, raw := writeData(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, d := range wbDocs {
			graph.Quads(d, wbAs[j])
		}
	}
	b.ReportMetric(float64(len(raw)*b.N)/b.Elapsed().Seconds(), "quads/s")
}
