package report

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cayleygraph/quad/nquads"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/pipeline"
)

var (
	seedsOnce  sync.Once
	seedsStore *graph.Store
	seedsErr   error
)

// seeds is an in-memory store of the repository's seed articles, ingested
// by the pipeline as `eventgraph ingest seeds/` does.
func seeds(t *testing.T) *graph.Store {
	t.Helper()
	seedsOnce.Do(func() {
		ctx := context.Background()
		seedsStore, seedsErr = graph.Open(ctx, graph.Config{Backend: "memstore"})
		if seedsErr != nil {
			return
		}
		dir, _ := filepath.Abs("../../seeds")
		_, seedsErr = pipeline.Run(ctx, seedsStore, []string{dir}, pipeline.Options{Workers: 2})
	})
	if seedsErr != nil {
		t.Fatal(seedsErr)
	}
	return seedsStore
}

// The counts agree with each other and with what the graph holds, read
// another way: the quads a full export writes, the events and articles
// the actors' counts add up to.
func TestCount(t *testing.T) {
	st := seeds(t)
	ctx := context.Background()
	s, err := Count(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", s)
	if s.Articles == 0 || s.Events == 0 || s.EventMentions < s.Events || s.Actors == 0 || s.ActorMentions < s.Actors {
		t.Fatalf("counts %+v", s)
	}
	if s.DuplicatesPrevented != s.EventMentions-s.Events {
		t.Errorf("duplicates prevented %d, want mentions %d - events %d", s.DuplicatesPrevented, s.EventMentions, s.Events)
	}
	if s.MultiSourceEvents == 0 || s.MultiSourceEvents > s.Events {
		t.Errorf("events of several articles %d (of %d): the seeds report events in more than one article", s.MultiSourceEvents, s.Events)
	}
	var buf bytes.Buffer
	n, err := Export(st, &buf, "nquads", true)
	if err != nil {
		t.Fatal(err)
	}
	if int64(n) != s.Quads {
		t.Errorf("exported %d quads, stats counts %d", n, s.Quads)
	}
}

// Actors: most mentioned first, descriptions only with all, and every
// count within the store's.
func TestActors(t *testing.T) {
	st := seeds(t)
	ctx := context.Background()
	named, err := Actors(ctx, st, false)
	if err != nil {
		t.Fatal(err)
	}
	all, err := Actors(ctx, st, true)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Count(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != s.Actors || len(named) == 0 || len(named) > len(all) {
		t.Fatalf("%d named, %d in all, %d actors stored", len(named), len(all), s.Actors)
	}
	mentions := 0
	for i, a := range all {
		mentions += a.Mentions
		if a.Articles > s.Articles || a.Articles > a.Mentions || a.Events > s.Events || a.Name == "" {
			t.Errorf("actor %+v", a)
		}
		if i > 0 && (all[i-1].Mentions < a.Mentions || all[i-1].Mentions == a.Mentions && all[i-1].Name > a.Name) {
			t.Errorf("order: %s (%d) before %s (%d)", all[i-1].Name, all[i-1].Mentions, a.Name, a.Mentions)
		}
	}
	if mentions != s.ActorMentions {
		t.Errorf("actors' mentions add up to %d, stats counts %d", mentions, s.ActorMentions)
	}
	for _, a := range named {
		if strings.HasPrefix(a.ID, "actor/desc/") {
			t.Errorf("description %s listed without all", a.ID)
		}
	}
}

// Export writes every format; N-Quads read back quad for quad, with full
// IRIs unless short.
func TestExport(t *testing.T) {
	st := seeds(t)
	var counts []int
	for _, f := range ExportFormats {
		var buf bytes.Buffer
		n, err := Export(st, &buf, f, false)
		if err != nil || buf.Len() == 0 {
			t.Fatalf("%s: %d quads, %d bytes, %v", f, n, buf.Len(), err)
		}
		counts = append(counts, n)
		if f != "nquads" {
			continue
		}
		r := nquads.NewReader(&buf, false)
		read := 0
		for {
			q, err := r.ReadQuad()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("reading the export back, quad %d: %v", read, err)
			}
			if strings.HasPrefix(q.Predicate.String(), "<eg:") {
				t.Fatalf("quad %d keeps a prefixed IRI: %v", read, q)
			}
			read++
		}
		if read != n {
			t.Errorf("read back %d quads of %d", read, n)
		}
	}
	for _, c := range counts[1:] {
		if c != counts[0] {
			t.Errorf("quads per format %v", counts)
		}
	}
	var short bytes.Buffer
	if _, err := Export(st, &short, "nquads", true); err != nil || !strings.Contains(short.String(), "<eg:") || strings.Contains(short.String(), graph.NSEG) {
		t.Errorf("short export: %v", err)
	}
	if _, err := Export(st, io.Discard, "rdfxml", false); err == nil {
		t.Error("rdfxml accepted")
	}
}
