package pipeline

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/extract/article/fetch"
	"github.com/eventgraph/eventgraph/graph"
)

// writeArticles writes n short news articles into dir.
func writeArticles(t *testing.T, dir string, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("date 2024-03-%02d Minister %c%c resigned on Monday after vote %d, officials said.\n\nThe opposition criticized the government of country %d.",
			1+i%28, 'A'+i%26, 'a'+i/26%26, i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// cayley's memstore is read only by the writer: `--db memstore ingest`
// crashed with "concurrent map read and map write" when extraction
// workers checked for stored articles while a batch was written.
func TestMemstoreIngest(t *testing.T) {
	dir := t.TempDir()
	writeArticles(t, dir, 40)
	st, err := graph.Open(context.Background(), graph.Config{Backend: "memstore"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if concurrent(st) {
		t.Fatal("memstore taken as safe for concurrent reads and writes")
	}
	for run := 0; run < 2; run++ {
		sum, err := Run(context.Background(), st, []string{dir}, Options{Workers: 4, Batch: 4})
		if err != nil {
			t.Fatal(err)
		}
		if run == 0 && sum.Ingested != 40 || run == 1 && sum.Unchanged != 40 {
			t.Errorf("run %d: %+v", run, sum)
		}
	}
}

// User names and passwords in URLs are not stored: not from a fetched
// URL, not from a JSON-lines url, and the failure of a URL names it
// without its password.
func TestCredentialsNotStored(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/gone" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(report))
	}))
	defer srv.Close()
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "a.jsonl")
	line := `{"title": "Vote", "url": "https://alice:S3cret@news.example/vote", "text": "The parliament voted on Tuesday, officials said.", "published": "2024-03-26", "link": "http://carol:Pa55@feeds.example/x"}`
	if err := os.WriteFile(jsonl, []byte(line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	withCreds := strings.Replace(srv.URL, "http://", "http://bob:Hunter2@", 1)
	client := fetch.New()
	client.AllowPrivate = true
	st := openStore(t)
	sum, err := Run(context.Background(), st, []string{withCreds + "/page", withCreds + "/gone", jsonl}, Options{Fetcher: client})
	if err != nil || sum.Ingested != 2 {
		t.Fatalf("%+v %v", sum, err)
	}
	for _, f := range sum.Failed {
		if strings.Contains(f.Source, "Hunter2") || strings.Contains(f.Err.Error(), "Hunter2") {
			t.Errorf("failure shows the password: %s: %v", f.Source, f.Err)
		}
	}
	it := st.QuadStore.QuadsAllIterator()
	defer it.Close()
	n := 0
	for it.Next(context.Background()) {
		q := st.QuadStore.Quad(it.Result())
		n++
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if s := quad.StringOf(v); strings.Contains(s, "Hunter2") || strings.Contains(s, "S3cret") || strings.Contains(s, "Pa55") {
				t.Errorf("stored a password: %s", q)
			}
		}
	}
	if n == 0 {
		t.Fatal("nothing stored")
	}
}

// ingest.max_bytes bounds every source read.
func TestMaxBytes(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	sum, err := Run(context.Background(), st, []string{file, "-"}, Options{MaxBytes: 64, Stdin: strings.NewReader(report)})
	if err == nil || len(sum.Failed) != 2 {
		t.Fatalf("%+v %v", sum, err)
	}
	for _, f := range sum.Failed {
		if !errors.Is(f.Err, article.ErrTooLarge) {
			t.Errorf("%s: %v, want too large", f.Source, f.Err)
		}
	}
}

// The text budget lets small articles through together, a large one
// alone, and never blocks an article larger than the whole budget.
func TestTextBudget(t *testing.T) {
	b := newTextBudget(2 * ExtractCost * 1000) // 1,000 bytes of text at once
	var in, peak atomic.Int64
	var wg sync.WaitGroup
	for _, n := range []int{300, 300, 300, 5000, 300, 999} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			release, err := b.acquire(context.Background(), n)
			if err != nil {
				t.Error(err)
				return
			}
			cur := in.Add(int64(min(n, 1000)))
			for p := peak.Load(); cur > p && !peak.CompareAndSwap(p, cur); p = peak.Load() {
			}
			time.Sleep(10 * time.Millisecond)
			in.Add(-int64(min(n, 1000)))
			release()
		}()
	}
	wg.Wait()
	if p := peak.Load(); p > 1000 {
		t.Errorf("%d bytes of text extracted at once, budget 1000", p)
	}
	ctx, cancel := context.WithCancel(context.Background())
	release, _ := b.acquire(ctx, 1000)
	cancel()
	if _, err := b.acquire(ctx, 1); err == nil {
		t.Error("acquire went past a full budget after its context ended")
	}
	release()
}
