package pipeline_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"testing"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/benchdata"
	"github.com/eventgraph/eventgraph/internal/pipeline"
)

// BenchmarkIngest runs the whole ingestion (parse, extract on every core,
// resolve, write in batches of 16, the default) of the first 500 articles of the
// benchmark corpus ($EVENTGRAPH_BENCH_ARTICLES to change) into a fresh bolt
// store. Profile it with -cpuprofile / -memprofile.
func BenchmarkIngest(b *testing.B) {
	n := 500
	if s := os.Getenv("EVENTGRAPH_BENCH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	files, size, err := benchdata.Files(n)
	if err != nil {
		b.Fatal(err)
	}
	if len(files) == 0 {
		b.Skip("no benchmark corpus: go run ./eval/benchcorpus -n 10000 -out testdata/bench/10000")
	}
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	var sum pipeline.Summary
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := graph.Open(ctx, graph.Config{Backend: "bolt", Address: filepath.Join(b.TempDir(), "db")})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err = pipeline.Run(ctx, st, files, pipeline.Options{Batch: 8, Log: log})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB")
		if path := os.Getenv("EVENTGRAPH_HEAP_PROFILE"); path != "" {
			// What the heap holds at the end of the run, store still open.
			writeHeapProfile(b, path)
		}
		st.Close()
		b.StartTimer()
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(sum.Ingested*b.N)/sec, "articles/s")
	b.ReportMetric(float64(sum.Quads*b.N)/sec, "quads/s")
	b.ReportMetric(float64(sum.Quads)/float64(max(sum.Ingested, 1)), "quads/article")
	b.ReportMetric(float64(sum.Events)/float64(max(sum.Ingested, 1)), "events/article")
}

func writeHeapProfile(b *testing.B, path string) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		b.Fatal(err)
	}
}
