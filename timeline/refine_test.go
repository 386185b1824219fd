package timeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/eventgraph/eventgraph/graph"
)

// seedsGraph is the seeds' graph as the pipeline writes it (graph's
// golden test keeps it up to date).
var seedsGraph = filepath.Join("..", "graph", "testdata", "seeds.nq")

// eventIRI matches an event node in an N-Quads line.
var eventIRI = regexp.MustCompile(`<eg:event/([^>]+)>`)

// loadSeeds writes the seeds' graph into a fresh bolt store, its events
// copies times over (copy k renames event/ID to event/ID-k; the copies
// share the articles and mentions): a real store of any size.
func loadSeeds(t testing.TB, copies int) *graph.Store {
	t.Helper()
	st := emptyStore(t)
	if err := st.QuadWriter.AddQuadSet(seedQuads(t, copies)); err != nil {
		t.Fatal(err)
	}
	return st
}

// emptyStore is a fresh bolt store.
func emptyStore(t testing.TB) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), graph.Config{Backend: "bolt", Address: t.TempDir(), Options: map[string]any{"nosync": true}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// seedQuads are the seeds' quads with their events copies times over.
func seedQuads(t testing.TB, copies int) []quad.Quad {
	t.Helper()
	raw, err := os.ReadFile(seedsGraph)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for line := range strings.Lines(string(raw)) {
		if !eventIRI.MatchString(line) {
			text.WriteString(line)
			continue
		}
		for k := range copies {
			if k == 0 {
				text.WriteString(line)
				continue
			}
			text.WriteString(eventIRI.ReplaceAllString(line, fmt.Sprintf("<eg:event/${1}-%d>", k)))
		}
	}
	qs, err := quad.ReadAll(nquads.NewReader(strings.NewReader(text.String()), false))
	if err != nil {
		t.Fatalf("%s: %v", seedsGraph, err)
	}
	return qs
}

// eventsJSON is a timeline's events and filter as JSON, to compare two
// timelines field by field.
func eventsJSON(t *testing.T, tl *Timeline) string {
	t.Helper()
	b, err := json.MarshalIndent(struct {
		Filter Filter
		Events []Event
	}{tl.Filter, tl.Events}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A filtered timeline cut from a built one is the timeline a build of the
// filter from the store gives: the same events, dates (an undated event
// borrows only from a simultaneous event that passed) and order.
func TestNarrowMatchesBuild(t *testing.T) {
	ctx := context.Background()
	st := loadSeeds(t, 1)
	bases := map[float64]*Timeline{}
	for _, min := range []float64{0, 0.5} {
		tl, err := BuildFrom(ctx, st, Filter{MinSalience: min})
		if err != nil {
			t.Fatal(err)
		}
		bases[min] = tl
	}
	if n := len(bases[0].Events); n < 50 {
		t.Fatalf("the seeds' graph gives %d events", n)
	}
	for _, tc := range []struct {
		base float64
		f    Filter
	}{
		{0, Filter{}},
		{0, Filter{MinSalience: 0.5}},
		{0, Filter{MinSalience: 0.3, From: "2024-03"}},
		{0, Filter{From: "2024-03-20", To: "2024-03-31"}},
		{0, Filter{To: "2024-03-25"}},
		{0, Filter{From: "2024"}},
		{0, Filter{From: "2030"}},
		{0, Filter{Type: "04"}},
		{0, Filter{Type: "consult"}},
		{0, Filter{Type: "1", From: "2024-03"}},
		{0.5, Filter{MinSalience: 0.5, Type: "0"}},
		{0.5, Filter{MinSalience: 0.6, From: "2024-03-25", To: "2024-03-27"}},
		{0.5, Filter{MinSalience: 0.9}},
	} {
		t.Run(fmt.Sprintf("%g %+v", tc.base, tc.f), func(t *testing.T) {
			want, err := BuildFrom(ctx, st, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			got, err := bases[tc.base].Narrow(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := eventsJSON(t, got), eventsJSON(t, want); g != w {
				t.Errorf("narrowed %d events, built %d; first difference at byte %d:\n%s", len(got.Events), len(want.Events), diffAt(g, w), g[max(0, diffAt(g, w)-300):min(len(g), diffAt(g, w)+300)])
			}
		})
	}
	if len(bases[0].Events) == len(bases[0.5].Events) {
		t.Error("the salience floor keeps every event: the cases above do not test it")
	}
}

// diffAt is the first byte where a and b differ.
func diffAt(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// Narrow refuses a filter the timeline does not hold every event of.
func TestNarrowRefuses(t *testing.T) {
	ctx := context.Background()
	st := loadSeeds(t, 1)
	base, err := BuildFrom(ctx, st, Filter{MinSalience: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Filter{{MinSalience: 0.4}, {MinSalience: 0.5, Actor: "Joe Biden"}} {
		if _, err := base.Narrow(ctx, f); !errors.Is(err, errNotCovered) {
			t.Errorf("%+v: %v", f, err)
		}
	}
	dated, err := BuildFrom(ctx, st, Filter{MinSalience: 0.5, From: "2024"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dated.Narrow(ctx, Filter{MinSalience: 0.5, From: "2024-03"}); !errors.Is(err, errNotCovered) {
		t.Errorf("narrowing a dated timeline: %v", err)
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(base); err != nil {
		t.Fatal(err)
	}
	var read Timeline
	if err := json.NewDecoder(&buf).Decode(&read); err != nil {
		t.Fatal(err)
	}
	// A timeline read back from JSON narrows as the built one does: a
	// filter only selects (order.go).
	got, err := read.Narrow(ctx, Filter{MinSalience: 0.6})
	if err != nil {
		t.Fatal(err)
	}
	want, err := base.Narrow(ctx, Filter{MinSalience: 0.6})
	if err != nil {
		t.Fatal(err)
	}
	if g, w := eventsJSON(t, got), eventsJSON(t, want); g != w {
		t.Error("narrowing a timeline read from JSON differs from narrowing the built one")
	}
}

// A build whose context is cancelled stops reading the store: a cancelled
// context gives no timeline, and a cancel in the middle of a build of a
// few thousand events returns within a fraction of the full build's time.
func TestBuildStopsWhenCancelled(t *testing.T) {
	st := loadSeeds(t, 40)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, f := range []Filter{{}, {Actor: "Netanyahu"}, {From: "2024-03"}} {
		if tl, err := BuildFrom(cancelled, st, f); !errors.Is(err, context.Canceled) || tl != nil {
			t.Errorf("%+v: a cancelled build gave %d events, %v", f, eventCount(tl), err)
		}
	}

	start := time.Now()
	full, err := BuildFrom(context.Background(), st, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	whole := time.Since(start)
	if len(full.Events) < 2000 {
		t.Fatalf("the store gives %d events", len(full.Events))
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(whole/10, cancel)
	start = time.Now()
	tl, err := BuildFrom(ctx, st, Filter{})
	took := time.Since(start)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled after %s of a %s build: %d events, %v", whole/10, whole, eventCount(tl), err)
	}
	if took > whole/2 {
		t.Errorf("cancelled after %s, the build returned after %s (the whole build takes %s)", whole/10, took, whole)
	}
	t.Logf("%d events: whole build %s; cancelled after %s, returned after %s", len(full.Events), whole, whole/10, took)
}

func eventCount(tl *Timeline) int {
	if tl == nil {
		return 0
	}
	return len(tl.Events)
}
