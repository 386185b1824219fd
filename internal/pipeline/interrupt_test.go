package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// cancelOn cancels a context at the first log record with the message.
type cancelOn struct {
	msg    string
	cancel context.CancelFunc
	once   *sync.Once
}

func (h cancelOn) Enabled(context.Context, slog.Level) bool { return true }
func (h cancelOn) Handle(_ context.Context, r slog.Record) error {
	if r.Message == h.msg {
		h.once.Do(h.cancel)
	}
	return nil
}
func (h cancelOn) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h cancelOn) WithGroup(string) slog.Handler      { return h }

// SIGINT/SIGTERM cancel the command's context: Run stops after the
// article in hand, says how to resume, and the re-run completes the store.
func TestInterruptStopsCleanly(t *testing.T) {
	dir := t.TempDir()
	const n = 40
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("Talks resume %d\n\ndate 2024-03-%02d\n\nNegotiators from Freedonia and Sylvania met in Geneva on Tuesday to resume talks on dispute number %d, the foreign minister said.\n", i, 1+i%28, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := slog.New(cancelOn{msg: "resolved", cancel: cancel, once: &sync.Once{}})
	sum, err := Run(ctx, st, []string{dir}, Options{Log: log, Batch: 1, Workers: 2})
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("Run after cancel: %v, want ErrInterrupted", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "re-run the same command") || strings.Contains(msg, "\n") {
		t.Errorf("message %q does not say how to resume in one line", msg)
	}
	if sum.Ingested == 0 || sum.Ingested >= n {
		t.Errorf("ingested %d of %d before stopping, want some but not all", sum.Ingested, n)
	}
	t.Logf("interrupted after %d article(s): %v", sum.Ingested, err)
	rep, err := st.Check(context.Background())
	if err != nil || !rep.OK() || rep.Articles != sum.Ingested {
		t.Fatalf("after the interrupt: %d articles stored (summary %d), findings %v, %v", rep.Articles, sum.Ingested, rep.Findings, err)
	}
	// Resuming stores the rest and skips what is there.
	again, err := Run(context.Background(), st, []string{dir}, Options{Log: slog.New(slog.DiscardHandler), Batch: 1})
	if err != nil {
		t.Fatal(err)
	}
	if again.Unchanged != sum.Ingested || again.Ingested+again.Unchanged != n {
		t.Errorf("resume: %d ingested, %d unchanged; want %d unchanged and %d in all", again.Ingested, again.Unchanged, sum.Ingested, n)
	}
}
