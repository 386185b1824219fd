package timeline

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/graph"
)

// articleBatches splits quads as an ingest writes them: what events
// refer to first (articles, actors, types: an ingest writes them with or
// before the first event that does), then each article's events and
// mentions (their label), in label order or, with reverse, the other way
// round.
func articleBatches(qs []quad.Quad, reverse bool) [][]quad.Quad {
	by := map[string][]quad.Quad{}
	for _, q := range qs {
		l := ""
		if s := q.Subject.String(); q.Label != nil && (strings.HasPrefix(s, "<eg:event/") || strings.HasPrefix(s, "<eg:mention/")) {
			l = q.Label.String()
		}
		by[l] = append(by[l], q)
	}
	var labels []string
	for l := range by {
		if l != "" {
			labels = append(labels, l)
		}
	}
	slices.Sort(labels)
	if reverse {
		slices.Reverse(labels)
	}
	out := [][]quad.Quad{by[""]}
	for _, l := range labels {
		out = append(out, by[l])
	}
	return out
}

// eventsOf are the event nodes of quads.
func eventsOf(qs []quad.Quad) []quad.Value {
	var out []quad.Value
	for _, q := range qs {
		for _, v := range []quad.Value{q.Subject, q.Object} {
			if iri, ok := v.(quad.IRI); ok && strings.HasPrefix(string(iri), "eg:event/") && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// ingestIndexed writes the batches as an ingest does, updating the index
// after each.
func ingestIndexed(t *testing.T, st *graph.Store, batches [][]quad.Quad) {
	t.Helper()
	ctx := context.Background()
	m, err := NewMaintainer(st)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range batches {
		if err := m.Begin(ctx); err != nil {
			t.Fatal(err)
		}
		if err := st.QuadWriter.AddQuadSet(b); err != nil {
			t.Fatal(err)
		}
		if err := m.Update(ctx, eventsOf(b)); err != nil {
			t.Fatal(err)
		}
	}
}

// dumpIndex is the index's order and ids, one entry a line.
func dumpIndex(t *testing.T, st *graph.Store) string {
	t.Helper()
	db, err := st.SideDB(indexFile)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	err = db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketOrder, bucketIDs} {
			err := tx.Bucket(name).ForEach(func(k, v []byte) error {
				fmt.Fprintf(&b, "%s %q %q\n", name, k, v)
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// An index kept up to date batch by batch is the index a rebuild writes,
// whatever order the articles came in, and describes the store.
func TestIndexUpdatesMatchRebuild(t *testing.T) {
	ctx := context.Background()
	for _, reverse := range []bool{false, true} {
		t.Run(fmt.Sprint("reverse=", reverse), func(t *testing.T) {
			st := emptyStore(t)
			ingestIndexed(t, st, articleBatches(seedQuads(t, 3), reverse))
			if ix, err := OpenIndex(ctx, st); err != nil || ix == nil {
				t.Fatalf("the index after an indexed ingest is not fresh: %v", err)
			}
			got := dumpIndex(t, st)
			n, err := Rebuild(ctx, st)
			if err != nil {
				t.Fatal(err)
			}
			if want := 3 * seedEvents(t); n != want {
				t.Errorf("rebuilt %d events, want %d", n, want)
			}
			if want := dumpIndex(t, st); got != want {
				t.Errorf("updated index differs from the rebuilt one at byte %d:\nupdated %s\nrebuilt %s", diffAt(got, want),
					got[diffAt(got, want):min(len(got), diffAt(got, want)+200)], want[diffAt(got, want):min(len(want), diffAt(got, want)+200)])
			}
		})
	}
}

// The index is trusted only while it describes the store: a write that
// does not update it makes it stale (readers build the timeline), the
// updates after it leave it stale, and a rebuild makes it fresh again.
func TestIndexStale(t *testing.T) {
	ctx := context.Background()
	st := emptyStore(t)
	batches := articleBatches(seedQuads(t, 1), false)
	ingestIndexed(t, st, batches[:2])
	// A crash between a batch and its index update.
	if err := st.QuadWriter.AddQuadSet(batches[2]); err != nil {
		t.Fatal(err)
	}
	if ix, err := OpenIndex(ctx, st); err != nil || ix != nil {
		t.Fatalf("an index older than the store was used: %v", err)
	}
	m, err := NewMaintainer(st)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Begin(ctx); err != nil || !m.Stale() {
		t.Fatalf("the maintainer takes a stale index for fresh: %v", err)
	}
	if _, err := Rebuild(ctx, st); err != nil {
		t.Fatal(err)
	}
	ix, err := OpenIndex(ctx, st)
	if err != nil || ix == nil {
		t.Fatalf("a rebuilt index is not fresh: %v", err)
	}
	// Idempotent: writing the same quads again changes nothing.
	ingestIndexed(t, st, batches)
	if ix, err := OpenIndex(ctx, st); err != nil || ix == nil {
		t.Fatalf("re-ingesting made the index stale: %v", err)
	}
}

// Pages read from the index, put end to end, are the built timeline of
// the same filter; their total is its length and their cursors go back.
func TestIndexPages(t *testing.T) {
	ctx := context.Background()
	st := emptyStore(t)
	ingestIndexed(t, st, articleBatches(seedQuads(t, 3), false))
	ix, err := OpenIndex(ctx, st)
	if err != nil || ix == nil {
		t.Fatal("no fresh index", err)
	}
	for _, f := range []Filter{{}, {MinSalience: 0.5}, {MinSalience: 0.5, From: "2024-03"}, {Type: "04"}, {MinSalience: 0.3, To: "2024-03-25"}} {
		t.Run(fmt.Sprintf("%+v", f), func(t *testing.T) {
			want, err := BuildWhole(ctx, st, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, limit := range []int{7, 1000} {
				got := &Timeline{Filter: f}
				var starts []string
				after := ""
				for {
					p, err := ix.Page(ctx, st, f, after, limit)
					if err != nil {
						t.Fatal(err)
					}
					if p.Total != len(want.Events) {
						t.Fatalf("limit %d: total %d, built %d", limit, p.Total, len(want.Events))
					}
					if len(starts) > 0 && (p.Prev != starts[len(starts)-1] || !p.HasPrev) {
						t.Errorf("limit %d: previous page starts after %q, want %q", limit, p.Prev, starts[len(starts)-1])
					}
					starts = append(starts, after)
					got.Events = append(got.Events, p.Timeline.Events...)
					if p.Next == "" {
						break
					}
					after = p.Next
				}
				if g, w := eventsJSON(t, got), eventsJSON(t, want); g != w {
					t.Errorf("limit %d: paged %d events, built %d; first difference at byte %d", limit, len(got.Events), len(want.Events), diffAt(g, w))
				}
			}
		})
	}
}

// An actor's timeline read through the index is the store's timeline
// restricted to the actor's events: the same events, dates and order as
// a build of every event, whose relations reach beyond the actor.
func TestIndexActorTimeline(t *testing.T) {
	ctx := context.Background()
	st := emptyStore(t)
	ingestIndexed(t, st, articleBatches(seedQuads(t, 2), false))
	all, err := BuildWhole(ctx, st, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, actor := range []string{"Joe Biden", "Netanyahu", "Israel"} {
		f := Filter{Actor: actor, MinSalience: 0.5}
		got, err := BuildFrom(ctx, st, f)
		if err != nil {
			t.Fatal(err)
		}
		nodes, err := candidates(ctx, st, f)
		if err != nil {
			t.Fatal(err)
		}
		mine := map[string]bool{}
		for _, n := range nodes {
			mine[graph.IDOf(n)] = true
		}
		want := &Timeline{Filter: f}
		for _, e := range all.Events {
			if mine[e.ID] && e.Salience >= f.MinSalience {
				want.Events = append(want.Events, e)
			}
		}
		if len(want.Events) == 0 {
			t.Fatalf("%s has no events", actor)
		}
		if g, w := eventsJSON(t, got), eventsJSON(t, want); g != w {
			t.Errorf("%s: %d events through the index, %d in the store's timeline; first difference at byte %d", actor, len(got.Events), len(want.Events), diffAt(g, w))
		}
	}
}

// A write that stored nothing (an ingest of stored articles only) says
// nothing of a fresh index, and still tells of a stale one.
func TestMaintainerStaleWithoutWrites(t *testing.T) {
	st := emptyStore(t)
	batches := articleBatches(seedQuads(t, 1), false)
	ingestIndexed(t, st, batches[:2])
	fresh, err := NewMaintainer(st)
	if err != nil {
		t.Fatal(err)
	}
	if fresh.Stale() {
		t.Error("a fresh index is called stale by a maintainer that wrote nothing")
	}
	if err := st.QuadWriter.AddQuadSet(batches[2]); err != nil { // not indexed
		t.Fatal(err)
	}
	stale, err := NewMaintainer(st)
	if err != nil {
		t.Fatal(err)
	}
	if !stale.Stale() {
		t.Error("a stale index is not called stale by a maintainer that wrote nothing")
	}
}

// BuildFrom reads its timeline through a fresh index: the same timeline
// as a read of every event (BuildWhole), and only the kept events read
// from the store; a floor the records cannot tell (not whole percents)
// reads every event.
func TestBuildFromIndex(t *testing.T) {
	ctx := context.Background()
	st := emptyStore(t)
	ingestIndexed(t, st, articleBatches(seedQuads(t, 3), false))
	stored, err := st.OfType(ctx, graph.ClassEvent)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		f         Filter
		readsKept bool // only the kept events are read
	}{
		{Filter{}, true},
		{Filter{MinSalience: 0.5}, true},
		{Filter{MinSalience: 0.5, From: "2024-03"}, true},
		{Filter{Type: "04"}, true},
		{Filter{MinSalience: 0.3, To: "2024-03-25"}, true},
		{Filter{MinSalience: 0.5, Actor: "Netanyahu"}, true},
		{Filter{MinSalience: 0.525}, false},
	} {
		t.Run(fmt.Sprintf("%+v", tc.f), func(t *testing.T) {
			want, err := BuildWhole(ctx, st, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			before := eventReads.Load()
			got, err := BuildFrom(ctx, st, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			reads := int(eventReads.Load() - before)
			if g, w := eventsJSON(t, got), eventsJSON(t, want); g != w {
				t.Errorf("%d events through the index, %d read whole; first difference at byte %d", len(got.Events), len(want.Events), diffAt(g, w))
			}
			if len(want.Events) == 0 {
				t.Fatal("the filter keeps no event")
			}
			switch {
			case tc.readsKept && reads != len(got.Events):
				t.Errorf("read %d events for a timeline of %d (the store holds %d)", reads, len(got.Events), len(stored))
			case !tc.readsKept && reads < len(stored):
				t.Errorf("read %d events of %d: a floor of %v cannot be told by the records", reads, len(stored), tc.f.MinSalience)
			}
		})
	}
}

// seedEvents counts the events of the seeds' golden graph: the subjects
// of an event IRI that have a class.
func seedEvents(t *testing.T) int {
	t.Helper()
	seen := map[string]bool{}
	for _, q := range seedQuads(t, 1) {
		if s := q.Subject.String(); eventIRI.MatchString(s) && q.Predicate.String() == "<rdf:type>" {
			seen[s] = true
		}
	}
	if len(seen) == 0 {
		t.Fatal("no events in the seeds' graph")
	}
	return len(seen)
}
