package extract_test

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/actor"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/event"
	"github.com/eventgraph/eventgraph/extract/timex"
	"github.com/eventgraph/eventgraph/internal/benchdata"
)

// benchBytes is how much corpus text the extraction benchmarks run over.
const benchBytes = 4 << 20

var (
	benchOnce sync.Once
	benchArts []doc.Article
	benchSrc  string
	benchErr  error
)

func benchArticles(b *testing.B) ([]doc.Article, int64) {
	benchOnce.Do(func() { benchArts, benchSrc, benchErr = benchdata.Articles(benchBytes) })
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	if len(benchArts) == 0 {
		b.Skip("no benchmark text")
	}
	b.Logf("%d articles, %.1f MB from %s", len(benchArts), float64(benchdata.Bytes(benchArts))/1e6, benchSrc)
	return benchArts, benchdata.Bytes(benchArts)
}

// BenchmarkExtract runs the full extraction (sentences, timex, actors,
// events) over a few MB of the benchmark corpus on one goroutine: MB/s is
// the per-core rate.
func BenchmarkExtract(b *testing.B) {
	arts, size := benchArticles(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := benchdata.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			extract.Extract(a)
		}
	}
	benchdata.ReportCPU(b, start, size)
}

// BenchmarkExtractParallel extracts the same articles on GOMAXPROCS
// goroutines, as the pipeline does: -cpu 1,2 gives the all-cores rate.
func BenchmarkExtractParallel(b *testing.B) {
	arts, size := benchArticles(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var next atomic.Int64
		var wg sync.WaitGroup
		for w := 0; w < runtime.GOMAXPROCS(0); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := int(next.Add(1)) - 1; k < len(arts); k = int(next.Add(1)) - 1 {
					extract.Extract(arts[k])
				}
			}()
		}
		wg.Wait()
	}
}

// BenchmarkStage times each extraction stage alone on one goroutine, each
// on the output of the stages before it: MB/s per stage, for its share of
// the full extraction.
func BenchmarkStage(b *testing.B) {
	arts, size := benchArticles(b)
	docs := make([]*doc.Document, len(arts))
	for i, a := range arts {
		docs[i] = extract.Extract(a)
	}
	run := func(name string, f func(d *doc.Document)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for _, d := range docs {
					f(d)
				}
			}
		})
	}
	run("sentences", func(d *doc.Document) { extract.Sentences(d.Article) })
	run("timex", func(d *doc.Document) { timex.Tag(d.Article.Text, d.Sentences, d.Article.Published) })
	run("actor", func(d *doc.Document) {
		d.Actors, d.ActorMentions = nil, nil
		actor.Recognize(d)
	})
	run("event", func(d *doc.Document) {
		d.Events, d.Links = nil, nil
		event.Extract(d)
	})
}

// BenchmarkLongSentence extracts one run-on sentence of growing length:
// MB/s should stay about flat (time linear in the sentence's length). A
// 100 KB sentence took 64 s when dating each event scanned every token
// for every time expression.
func BenchmarkLongSentence(b *testing.B) {
	dct := time.Date(2024, 3, 26, 0, 0, 0, 0, time.UTC)
	clause := "Israel said on Monday that the United States abstained and Hamas attacked on March 3, "
	for _, n := range []int{250, 1000, 4000} {
		body := strings.Repeat(clause, n) + "officials said."
		b.Run(fmt.Sprintf("%dKB", len(body)>>10), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				extract.Extract(doc.Article{Text: body, Published: &dct})
			}
		})
	}
}
