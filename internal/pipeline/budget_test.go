package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// hostileText is a run-on "sentence" of a little less than size bytes:
// about a second of extraction at 512 KiB, the largest article text
// accepted (article.MaxText).
func hostileText(size int) string {
	clause := "Israel said on Monday that the United States abstained and Hamas attacked on March 3, and "
	return "A long article\n\n" + strings.Repeat(clause, (size-64)/len(clause)) + "officials said.\n"
}

// writeAroundHostile writes ordinary articles around a hostile one of size bytes
// (the first of three files) and returns the folder and its name.
func writeAroundHostile(t *testing.T, size int) (dir, hostile string) {
	t.Helper()
	dir = t.TempDir()
	for i, text := range []string{
		hostileText(size),
		"Talks resume\n\ndate 2024-03-01\n\nNegotiators from Freedonia and Sylvania met in Geneva on Tuesday to resume talks, the foreign minister said.\n",
		"Strike ends\n\ndate 2024-03-02\n\nDockworkers in Rotterdam ended a three-day strike on Friday after the port authority agreed to raise wages.\n",
	} {
		name := filepath.Join(dir, fmt.Sprintf("%d.txt", i))
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			hostile = name
		}
	}
	return dir, hostile
}

// An article whose extraction takes longer than ArticleTimeout is skipped
// with a reason naming its file; nothing of it is stored and the articles
// after it are.
func TestArticleTimeoutSkips(t *testing.T) {
	dir, hostile := writeAroundHostile(t, 512<<10)
	for _, tt := range []struct {
		name    string
		workers int
		batch   int
	}{
		{"one worker", 1, 1},
		{"two workers, batches", 2, 8},
	} {
		t.Run(strings.ReplaceAll(tt.name, " ", "_"), func(t *testing.T) {
			st := openTemp(t)
			var logs bytes.Buffer
			log := slog.New(slog.NewTextHandler(&logs, nil))
			start := time.Now()
			sum, err := Run(context.Background(), st, []string{dir}, Options{
				Log: log, Workers: tt.workers, Batch: tt.batch, ArticleTimeout: 250 * time.Millisecond,
			})
			took := time.Since(start)
			if err != nil {
				t.Fatalf("Run: %v (failed: %v)", err, sum.Failed)
			}
			t.Logf("%v: %d ingested, failed %v", took.Round(time.Millisecond), sum.Ingested, sum.Failed)
			if sum.Ingested != 2 {
				t.Errorf("%d articles ingested, want the 2 ordinary ones", sum.Ingested)
			}
			if len(sum.Failed) != 1 || sum.Failed[0].Source != hostile || !errors.Is(sum.Failed[0].Err, ErrArticleTimeout) {
				t.Fatalf("failures %v, want one: %s with ErrArticleTimeout", sum.Failed, hostile)
			}
			if msg := sum.Failed[0].Err.Error(); !strings.Contains(msg, "250ms") || !strings.Contains(msg, "nothing stored") {
				t.Errorf("reason %q does not give the budget and say nothing is stored", msg)
			}
			if out := logs.String(); !strings.Contains(out, "skipped") || !strings.Contains(out, hostile) {
				t.Errorf("no warning naming %s in the log:\n%s", hostile, out)
			}
			rep, err := st.Check(context.Background())
			if err != nil || !rep.OK() || rep.Articles != 2 {
				t.Errorf("store: %d articles, findings %v, %v; want the 2 ordinary ones and a sound store", rep.Articles, rep.Findings, err)
			}
			if took > 30*time.Second {
				t.Errorf("the run took %v: the budget did not stop the article", took)
			}
		})
	}
}

// Without a budget (0) a long article is extracted and stored however
// long it takes.
func TestArticleTimeoutNone(t *testing.T) {
	dir, _ := writeAroundHostile(t, 32<<10)
	st := openTemp(t)
	sum, err := Run(context.Background(), st, []string{dir}, Options{Log: slog.New(slog.DiscardHandler), Workers: 2})
	if err != nil || sum.Ingested != 3 || len(sum.Failed) != 0 {
		t.Fatalf("without a budget: %d ingested, failed %v, %v; want 3", sum.Ingested, sum.Failed, err)
	}
}

// SIGINT (the context cancelled) in the middle of a long article's
// extraction stops the run within a second: extraction checks the context
// at every sentence.
func TestInterruptMidArticle(t *testing.T) {
	dir, hostile := writeAroundHostile(t, 512<<10)
	st := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The interrupt comes 200 ms into the hostile article's extraction,
	// which takes about a second of CPU.
	var (
		mu        sync.Mutex
		cancelled time.Time
	)
	extracting = func(a doc.Article) {
		if a.Source == hostile {
			time.AfterFunc(200*time.Millisecond, func() {
				mu.Lock()
				cancelled = time.Now()
				mu.Unlock()
				cancel()
			})
		}
	}
	defer func() { extracting = func(doc.Article) {} }()
	sum, err := Run(ctx, st, []string{dir}, Options{Log: slog.New(slog.DiscardHandler), Workers: 1, Batch: 1})
	end := time.Now()
	mu.Lock()
	defer mu.Unlock()
	if cancelled.IsZero() {
		t.Fatalf("the run ended before the interrupt: %v", err)
	}
	late := end.Sub(cancelled)
	t.Logf("stopped %v after the interrupt (%d ingested): %v", late.Round(time.Millisecond), sum.Ingested, err)
	if !errors.Is(err, ErrInterrupted) {
		t.Errorf("Run: %v, want ErrInterrupted", err)
	}
	if late > time.Second {
		t.Errorf("stopped %v after the interrupt, want within a second", late)
	}
	rep, cerr := st.Check(context.Background())
	if cerr != nil || !rep.OK() || rep.Articles != sum.Ingested {
		t.Errorf("store after the interrupt: %d articles (summary %d), findings %v, %v", rep.Articles, sum.Ingested, rep.Findings, cerr)
	}
}
