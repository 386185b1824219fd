// Package benchdata finds the articles the benchmarks run on: the benchmark
// corpus built by eval/benchcorpus (testdata/bench/10000, or the folder in
// $EVENTGRAPH_BENCH_CORPUS) when present, else the repository's seed
// articles repeated. It is used by tests only.
package benchdata

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/extract/doc"
)

// Dir returns the benchmark corpus folder, or "" when there is none.
func Dir() string {
	if d := os.Getenv("EVENTGRAPH_BENCH_CORPUS"); d != "" {
		return d
	}
	d := filepath.Join(Root(), "testdata", "bench", "10000")
	if _, err := os.Stat(d); err == nil {
		return d
	}
	return ""
}

// Root returns the repository root (the folder holding go.mod).
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Files returns up to n article files of the corpus, in name order, with
// their total size; "" and nil when there is no corpus.
func Files(n int) ([]string, int64, error) {
	dir := Dir()
	if dir == "" {
		return nil, 0, nil
	}
	var files []string
	var size int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("benchmark corpus %s: %w", dir, err)
	}
	sort.Strings(files)
	if len(files) > n {
		files = files[:n]
	}
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			return nil, 0, err
		}
		size += fi.Size()
	}
	return files, size, nil
}

// Articles parses corpus articles until their texts total at least
// maxBytes (or the corpus ends). Without a corpus it repeats the seed
// articles under distinct names; the second result says which was used.
func Articles(maxBytes int) ([]doc.Article, string, error) {
	files, _, err := Files(1 << 30)
	if err != nil {
		return nil, "", err
	}
	src := Dir()
	if len(files) == 0 {
		src = "seeds (build the corpus: go run ./eval/benchcorpus -n 10000 -out testdata/bench/10000)"
		seeds, _ := filepath.Glob(filepath.Join(Root(), "seeds", "*.txt"))
		if len(seeds) == 0 {
			return nil, "", fmt.Errorf("no benchmark corpus and no seeds")
		}
		for len(files) < 4096 {
			files = append(files, seeds...)
		}
	}
	var out []doc.Article
	total := 0
	for _, f := range files {
		if total >= maxBytes {
			break
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, "", err
		}
		arts, err := article.Parse(f, data, article.Text)
		if err != nil {
			return nil, "", err
		}
		for _, a := range arts {
			total += len(a.Text)
			out = append(out, a)
		}
	}
	return out, src, nil
}

// Bytes returns the total text size of arts.
func Bytes(arts []doc.Article) int64 {
	var n int64
	for _, a := range arts {
		n += int64(len(a.Text))
	}
	return n
}
