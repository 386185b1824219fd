// Command bigstore builds a large store cheaply for the timeline page's
// scale tests (issue 21: the first screen of a 100k-article store): it
// copies every article of a real, ingested store N times into a new bolt
// store, each copy under new article, event, mention, role, story and
// article-local actor IDs and with its day dates shifted by whole weeks,
// so that the copy has the store's shape (quads, events and mentions per
// article, actors shared across articles) without a 100k-article ingest,
// which takes hours here (docs/BENCH.md). Shared facts (named actors, CAMEO
// types, the store's version) are written once.
//
//	eventgraph ingest CORPUS --dbpath SRC
//	go run ./scripts/bigstore -from SRC -to DST -copies 333
//
// The copy is written through cayley's quad writer in large transactions,
// without eventgraph's per-article bookkeeping (no resolver snapshot: an
// ingest into it starts its resolver from the store).
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"syscall"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/timeline"
)

// perCopy are the IRI prefixes of nodes that belong to one article (or to
// events and stories made from its mentions): each copy gets its own.
var perCopy = []string{"eg:article/", "eg:event/", "eg:mention/", "eg:role/", "eg:story/", "eg:actor/desc/"}

// txQuads is how many quads one write transaction holds.
const txQuads = 1 << 16

func main() {
	from := flag.String("from", "", "bolt store to copy (an ingested one)")
	to := flag.String("to", "", "new bolt store to write (must not exist)")
	copies := flag.Int("copies", 10, "how many copies of the source's articles to write")
	weeks := flag.Int("shift-weeks", 1, "how many weeks each copy's dates move past the previous copy's")
	flag.Parse()
	// An interrupt stops after the copy being written: the store then
	// holds whole copies only.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *from, *to, *copies, *weeks); err != nil {
		slog.Error("bigstore", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, from, to string, copies, weeks int) error {
	if from == "" || to == "" || copies < 1 {
		return fmt.Errorf("usage: bigstore -from SRC -to DST -copies N (N >= 1)")
	}
	if _, err := os.Stat(to); err == nil {
		return fmt.Errorf("%s exists: bigstore writes a new store", to)
	}
	own, shared, err := readSource(ctx, from)
	if err != nil {
		return err
	}
	dst, err := graph.Open(ctx, graph.Config{Backend: "bolt", Address: to})
	if err != nil {
		return fmt.Errorf("creating %s: %w", to, err)
	}
	defer dst.Close()
	w := &writer{s: dst}
	// The store's timeline index is kept up to date per copy, as an
	// ingest keeps it per batch.
	if w.index, err = timeline.NewMaintainer(dst); err != nil {
		return err
	}
	if err := w.index.Begin(ctx); err != nil {
		return err
	}
	start := time.Now()
	for _, q := range shared {
		if err := w.add(q); err != nil {
			return err
		}
	}
	if err := w.flush(); err != nil {
		return err
	}
	if err := w.indexed(ctx, nil); err != nil {
		return err
	}
	events := eventsOf(own)
	done := 0
	for c := range copies {
		if ctx.Err() != nil {
			slog.Warn("interrupted: the store holds whole copies only", "copies", c)
			break
		}
		if err := w.index.Begin(ctx); err != nil {
			return err
		}
		for _, q := range own {
			if err := w.add(copyQuad(q, c, c*weeks*7)); err != nil {
				return err
			}
		}
		if err := w.flush(); err != nil {
			return err
		}
		renamed := make([]quad.Value, len(events))
		for i, e := range events {
			renamed[i] = rename(e, c)
		}
		// The copy is written: its index follows, interrupted or not.
		if err := w.indexed(context.WithoutCancel(ctx), renamed); err != nil {
			return err
		}
		done++
		if (c+1)%5 == 0 || c+1 == copies {
			slog.Info("copied", "copies", c+1, "of", copies, "quads", w.n, "elapsed", time.Since(start).Round(time.Second),
				"indexing", w.indexing.Round(time.Second))
		}
	}
	slog.Info("store written", "to", to, "quads", w.n, "shared", len(shared), "per_copy", len(own), "copies", done,
		"elapsed", time.Since(start).Round(time.Second), "indexing", w.indexing.Round(time.Second))
	return nil
}

// readSource splits the source store's quads into those of its articles
// (copied) and the shared facts (written once).
func readSource(ctx context.Context, path string) (own, shared []quad.Quad, err error) {
	src, err := graph.Open(ctx, graph.Config{Backend: "bolt", Address: path, ReadOnly: true})
	if err != nil {
		return nil, nil, fmt.Errorf("opening the source store %s: %w", path, err)
	}
	defer src.Close()
	it := src.QuadStore.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		q := src.QuadStore.Quad(it.Result())
		if isOwn(q) {
			own = append(own, q)
		} else {
			shared = append(shared, q)
		}
	}
	if err := it.Err(); err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if len(own) == 0 {
		return nil, nil, fmt.Errorf("%s holds no article", path)
	}
	return own, shared, nil
}

// isOwn tells a quad about one article's nodes from a shared fact (an
// actor's name, a CAMEO type): a shared fact is labelled with the article
// that first stated it, and stored once.
func isOwn(q quad.Quad) bool {
	return copied(q.Subject) || copied(q.Object)
}

func copied(v quad.Value) bool {
	iri, ok := v.(quad.IRI)
	if !ok {
		return false
	}
	for _, p := range perCopy {
		if strings.HasPrefix(string(iri), p) {
			return true
		}
	}
	return false
}

// copyQuad is q in copy c: its article's nodes renamed, its day dates
// moved by days.
func copyQuad(q quad.Quad, c, days int) quad.Quad {
	return quad.Quad{Subject: rename(q.Subject, c), Predicate: q.Predicate,
		Object: shiftDates(rename(q.Object, c), days), Label: rename(q.Label, c)}
}

// rename puts "cN-" before the ID of a per-copy node ("eg:event/ab12" is
// "eg:event/c7-ab12" in copy 7); copy 0 keeps the source's IDs.
func rename(v quad.Value, c int) quad.Value {
	if c == 0 || !copied(v) {
		return v
	}
	s := string(v.(quad.IRI))
	for _, p := range perCopy {
		if strings.HasPrefix(s, p) {
			return quad.IRI(p + fmt.Sprintf("c%d-", c) + s[len(p):])
		}
	}
	return v
}

// day is a YYYY-MM-DD date in a literal: publication days and the day
// bounds and values packed in mention handles.
var day = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)

// shiftDates moves every day date of a string literal by days.
func shiftDates(v quad.Value, days int) quad.Value {
	s, ok := v.(quad.String)
	if !ok || days == 0 || !day.MatchString(string(s)) {
		return v
	}
	return quad.String(day.ReplaceAllStringFunc(string(s), func(d string) string {
		t, err := time.Parse(time.DateOnly, d)
		if err != nil {
			return d
		}
		return t.AddDate(0, 0, days).Format(time.DateOnly)
	}))
}

// eventsOf are the event nodes of quads.
func eventsOf(qs []quad.Quad) []quad.Value {
	seen := map[quad.Value]bool{}
	var out []quad.Value
	for _, q := range qs {
		for _, v := range []quad.Value{q.Subject, q.Object} {
			if iri, ok := v.(quad.IRI); ok && strings.HasPrefix(string(iri), "eg:event/") && !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	return out
}

// writer adds quads in transactions of txQuads.
type writer struct {
	s     *graph.Store
	index *timeline.Maintainer
	buf   []quad.Quad
	n     int
	// indexing is the time spent updating the timeline index.
	indexing time.Duration
}

// indexed updates the timeline index after the events were written.
func (w *writer) indexed(ctx context.Context, events []quad.Value) error {
	t := time.Now()
	defer func() { w.indexing += time.Since(t) }()
	if err := w.index.Update(ctx, events); err != nil {
		return fmt.Errorf("indexing the timeline: %w", err)
	}
	return nil
}

func (w *writer) add(q quad.Quad) error {
	w.buf = append(w.buf, q)
	if len(w.buf) >= txQuads {
		return w.flush()
	}
	return nil
}

func (w *writer) flush() error {
	if len(w.buf) == 0 {
		return nil
	}
	if err := w.s.QuadWriter.AddQuadSet(w.buf); err != nil {
		return fmt.Errorf("writing quads %d-%d: %w", w.n, w.n+len(w.buf), err)
	}
	w.n += len(w.buf)
	w.buf = w.buf[:0]
	return nil
}
