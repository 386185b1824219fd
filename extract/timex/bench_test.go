package timex_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/timex"
	"github.com/eventgraph/eventgraph/extract/timex/timeml"
)

type benchDoc struct {
	text  string
	sents []doc.Sentence
	dct   *time.Time
}

// benchCorpus returns a few MB of news text: the TempEval-3 training texts
// when ../shared/data is present, else the repository's seed articles.
func benchCorpus(b *testing.B) ([]benchDoc, int) {
	var docs []benchDoc
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "data", "tempeval3-train", "*", "*.tml"))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d, err := timeml.Parse(raw)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, benchDoc{d.Text, timeml.Sentences(d.Text), d.DCT})
	}
	if len(docs) == 0 {
		seeds, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
		dct := time.Date(2024, 3, 26, 0, 0, 0, 0, time.UTC)
		for _, f := range seeds {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, benchDoc{string(raw), timeml.Sentences(string(raw)), &dct})
		}
	}
	if len(docs) == 0 {
		b.Skip("no benchmark text")
	}
	total := 0
	base := len(docs)
	for k := 0; total < 4<<20; k++ {
		if k >= base {
			docs = append(docs, docs[k%base])
		}
		total += len(docs[k].text)
	}
	return docs, total
}

// BenchmarkTag measures the tagger alone (sentences are split beforehand,
// as the extraction pipeline does).
func BenchmarkTag(b *testing.B) {
	docs, total := benchCorpus(b)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, d := range docs {
			n += len(timex.Tag(d.text, d.sents, d.dct))
		}
	}
	_ = n
}
