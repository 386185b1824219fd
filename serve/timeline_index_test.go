package serve

import (
	"context"
	"encoding/json"
	"regexp"
	"sync/atomic"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/timeline"
)

// indexedSeeds is a bolt store of the seeds' graph, events copies times
// over, with its timeline index written.
func indexedSeeds(t *testing.T, copies int) *graph.Store {
	t.Helper()
	ctx := context.Background()
	qs := seedQuads(t, copies)
	st, err := graph.Open(ctx, graph.Config{Backend: "bolt", Address: t.TempDir(), Options: map[string]any{"nosync": true}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.QuadWriter.AddQuadSet(qs); err != nil {
		t.Fatal(err)
	}
	if _, err := timeline.Rebuild(ctx, st); err != nil {
		t.Fatal(err)
	}
	return st
}

var generated = regexp.MustCompile(`"generated":"[^"]*"`)

// Pages read from the store's timeline index are the pages cut from the
// built timeline: the same bodies, totals, starts and links, forward and
// back, with no build of the timeline.
func TestTimelineAPIFromIndex(t *testing.T) {
	st := indexedSeeds(t, 3)
	var builds, paged atomic.Int32
	build := func(ctx context.Context, f Filter) (*timeline.Timeline, error) {
		builds.Add(1)
		tf := timeline.Filter{Actor: f.Actor, From: f.From, To: f.To, Type: f.Type, MinSalience: 0.5}
		if f.MinSalience != nil {
			tf.MinSalience = *f.MinSalience
		}
		return timeline.BuildWhole(ctx, st, tf)
	}
	handle := &cgraph.Handle{QuadStore: st.QuadStore, QuadWriter: st.QuadWriter}
	built := newServer(t, Options{Handle: handle, Timeline: build})
	indexed := newServer(t, Options{Handle: handle, Timeline: build,
		TimelinePage: func(ctx context.Context, f Filter, after string, limit int) (*timeline.Page, error) {
			paged.Add(1)
			ix, err := timeline.OpenIndex(ctx, st)
			if ix == nil {
				return nil, err
			}
			tf := timeline.Filter{From: f.From, To: f.To, Type: f.Type, MinSalience: 0.5}
			if f.MinSalience != nil {
				tf.MinSalience = *f.MinSalience
			}
			return ix.Page(ctx, st, tf, after, limit)
		}})
	for _, q := range []string{"limit=7", "limit=7&all=1", "limit=5&from=2024-03", "limit=4&type=04&all=1"} {
		path := "/api/timeline?" + q
		pages := 0
		for path != "" {
			pages++
			if pages > 40 {
				t.Fatalf("%s: too many pages", q)
			}
			want, wbody := do(t, built, call{path: path})
			got, gbody := do(t, indexed, call{path: path})
			if got.StatusCode != 200 || want.StatusCode != 200 {
				t.Fatalf("%s: %d %s / %d %s", path, got.StatusCode, gbody, want.StatusCode, wbody)
			}
			if g, w := generated.ReplaceAllString(gbody, ""), generated.ReplaceAllString(wbody, ""); g != w {
				t.Fatalf("%s: the index's page differs from the built one:\n%.400s\n%.400s", path, g, w)
			}
			for _, h := range pageHeaders {
				if g, w := got.Header.Get(h), want.Header.Get(h); g != w {
					t.Errorf("%s: %s %q, built %q", path, h, g, w)
				}
			}
			// Back from here, then on.
			if prev := got.Header.Get("X-Prev-Cursor"); prev != "" {
				p := "/api/timeline?" + q + "&cursor=" + prev
				_, gb := do(t, indexed, call{path: p})
				_, wb := do(t, built, call{path: p})
				if generated.ReplaceAllString(gb, "") != generated.ReplaceAllString(wb, "") {
					t.Errorf("%s: previous page differs", p)
				}
			}
			path = ""
			if next := got.Header.Get("X-Next-Cursor"); next != "" {
				path = "/api/timeline?" + q + "&cursor=" + next
			}
		}
		var doc timeline.Timeline
		if _, body := do(t, indexed, call{path: "/api/timeline?" + q}); json.Unmarshal([]byte(body), &doc) != nil || len(doc.Events) == 0 {
			t.Errorf("%s: no events", q)
		}
	}
	if paged.Load() == 0 {
		t.Error("the index was never asked")
	}
	builtBefore := builds.Load()
	do(t, indexed, call{path: "/api/timeline?limit=3"})
	if builds.Load() != builtBefore {
		t.Error("a page the index answers built the timeline")
	}
}
