package event_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/event"
)

// BenchmarkExtract measures event extraction alone on the seed articles,
// already split, time-tagged and actor-tagged.
func BenchmarkExtract(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if len(paths) == 0 {
		b.Skip("no seeds")
	}
	var docs []*doc.Document
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		a, err := article.ParseText(p, data)
		if err != nil {
			b.Fatal(err)
		}
		d := extract.Extract(a)
		docs = append(docs, d)
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			d.Events, d.Links = nil, nil
			event.Extract(d)
		}
	}
}
