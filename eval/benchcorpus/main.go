// Command benchcorpus builds a benchmark corpus of news-like articles from
// the gold corpora in ../shared/data (TimeBank and AQUAINT texts, ECB+
// documents): each article is a base text re-dated by whole weeks and
// re-combined with a paragraph of another text, so that the corpus grows to
// any size without repeating an article (articles are identified by their
// content).
//
//	go run ./eval/benchcorpus -n 10000 -out testdata/bench/10k
//
// Articles are written as plain-text files with a "date YYYY-MM-DD" first
// line, 1,000 to a folder, or with -jsonl as one JSON-lines file.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/eval/internal/ecb"
	"github.com/eventgraph/eventgraph/extract/timex/timeml"
)

// base is a source text and its original publication date.
type base struct {
	text      string
	published time.Time
}

func main() {
	data := flag.String("data", "../shared/data", "folder of the gold corpora")
	n := flag.Int("n", 10000, "number of articles")
	out := flag.String("out", "testdata/bench/10k", "output folder")
	jsonl := flag.Bool("jsonl", false, "write one JSON-lines file instead of text files")
	flag.Parse()
	if err := run(*data, *n, *out, *jsonl); err != nil {
		slog.Error("benchcorpus", "err", err)
		os.Exit(1)
	}
}

func run(data string, n int, out string, jsonl bool) error {
	bases, err := load(data)
	if err != nil {
		return err
	}
	if len(bases) == 0 {
		return fmt.Errorf("no texts found under %s", data)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	var jw *bufio.Writer
	if jsonl {
		f, err := os.Create(filepath.Join(out, "articles.jsonl"))
		if err != nil {
			return err
		}
		defer f.Close()
		jw = bufio.NewWriter(f)
		defer jw.Flush()
	}
	var bytes int64
	for i := 0; i < n; i++ {
		b := bases[i%len(bases)]
		other := bases[(i*7919+13)%len(bases)]
		round := i / len(bases)
		pub := b.published.AddDate(0, 0, 7*round)
		text := b.text + "\n\n" + paragraph(other.text, i)
		bytes += int64(len(text))
		if jw != nil {
			rec := map[string]string{"title": fmt.Sprintf("Report %d", i), "text": text, "published": pub.Format("2006-01-02"), "source": "benchcorpus"}
			if err := json.NewEncoder(jw).Encode(rec); err != nil {
				return err
			}
			continue
		}
		dir := filepath.Join(out, fmt.Sprintf("%04d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		body := "date " + pub.Format("2006-01-02") + "\n\n" + text + "\n"
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%06d.txt", i)), []byte(body), 0o644); err != nil {
			return err
		}
	}
	slog.Info("benchmark corpus written", "articles", n, "bases", len(bases), "MB", fmt.Sprintf("%.1f", float64(bytes)/1e6), "out", out)
	return nil
}

// paragraph picks one paragraph of text.
func paragraph(text string, i int) string {
	paras := strings.Split(text, "\n\n")
	var good []string
	for _, p := range paras {
		if len(p) > 80 {
			good = append(good, p)
		}
	}
	if len(good) == 0 {
		return strings.TrimSpace(text)
	}
	return strings.TrimSpace(good[i%len(good)])
}

// load reads the TimeML and ECB+ texts.
func load(data string) ([]base, error) {
	var out []base
	files, _ := filepath.Glob(filepath.Join(data, "tempeval3-train", "*", "*.tml"))
	sort.Strings(files)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		d, err := timeml.Parse(raw)
		if err != nil || d.DCT == nil {
			continue
		}
		out = append(out, base{text: tidy(d.Text), published: *d.DCT})
	}
	root := filepath.Join(data, "ecbplus")
	if topics, err := ecb.Topics(root); err == nil {
		// ECB+ documents carry no date: spread them over 2008-2014, when
		// most of them were written.
		start := time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC)
		k := 0
		for _, t := range topics {
			docs, err := ecb.ReadTopic(root, t)
			if err != nil {
				return nil, err
			}
			for _, d := range docs {
				out = append(out, base{text: d.Text, published: start.AddDate(0, 0, 3*k)})
				k++
			}
		}
	}
	return out, nil
}

// tidy turns TimeML text (lines broken anywhere) into paragraphs.
func tidy(s string) string {
	var paras []string
	for _, p := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}
