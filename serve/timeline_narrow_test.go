package serve

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/eventgraph/eventgraph/timeline"
)

// seedsHandle is a memstore holding the seeds' graph as the pipeline
// writes it (graph's golden test keeps graph/testdata/seeds.nq current).
func seedsHandle(t *testing.T) (*Options, func() []timeline.Filter) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "graph", "testdata", "seeds.nq"))
	if err != nil {
		t.Fatal(err)
	}
	qs, err := quad.ReadAll(nquads.NewReader(strings.NewReader(string(raw)), false))
	if err != nil {
		t.Fatal(err)
	}
	h := memHandle(t, qs...)
	var mu sync.Mutex
	var builds []timeline.Filter
	o := &Options{Handle: h, Timeline: func(ctx context.Context, f Filter) (*timeline.Timeline, error) {
		tf := timeline.Filter{Actor: f.Actor, From: f.From, To: f.To, Type: f.Type, MinSalience: 0.5}
		if f.MinSalience != nil {
			tf.MinSalience = *f.MinSalience
		}
		mu.Lock()
		builds = append(builds, tf)
		mu.Unlock()
		return timeline.Build(ctx, h.QuadStore, tf)
	}}
	return o, func() []timeline.Filter {
		mu.Lock()
		defer mu.Unlock()
		return append([]timeline.Filter(nil), builds...)
	}
}

// A filter without an actor is answered from the default timeline, with
// the events, dates and order that the filter's own build gives; an actor
// filter and a lower salience floor are built on their own.
func TestTimelineFilterNarrowed(t *testing.T) {
	o, builds := seedsHandle(t)
	srv := newServer(t, *o)
	read := func(query string) timeline.Timeline {
		t.Helper()
		resp, body := do(t, srv, call{path: "/api/timeline?limit=500&" + query})
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", query, resp.StatusCode, body)
		}
		var tl timeline.Timeline
		if err := json.Unmarshal([]byte(body), &tl); err != nil {
			t.Fatal(err)
		}
		return tl
	}
	whole := read("")
	if len(whole.Events) < 20 {
		t.Fatalf("the default timeline of the seeds holds %d events", len(whole.Events))
	}
	half, high := 0.5, 0.7
	for _, tc := range []struct {
		query string
		f     timeline.Filter
	}{
		{"from=2024-03-20&to=2024-03-31", timeline.Filter{From: "2024-03-20", To: "2024-03-31", MinSalience: half}},
		{"type=04", timeline.Filter{Type: "04", MinSalience: half}},
		{"min_salience=0.7", timeline.Filter{MinSalience: high}},
		{"from=2024-03&type=1&min_salience=0.7", timeline.Filter{From: "2024-03", Type: "1", MinSalience: high}},
	} {
		got := read(tc.query)
		want, err := timeline.Build(context.Background(), o.Handle.QuadStore, tc.f)
		if err != nil {
			t.Fatal(err)
		}
		g, _ := json.Marshal(got.Events)
		w, _ := json.Marshal(want.Events)
		if len(want.Events) == 0 || len(want.Events) == len(whole.Events) {
			t.Errorf("%s: the filter keeps %d of %d events: it tests nothing", tc.query, len(want.Events), len(whole.Events))
		}
		if string(g) != string(w) {
			t.Errorf("%s: %d events answered, %d built", tc.query, len(got.Events), len(want.Events))
		}
		if got.Filter != tc.f {
			t.Errorf("%s: filter %+v, want %+v", tc.query, got.Filter, tc.f)
		}
	}
	if b := builds(); len(b) != 1 {
		t.Errorf("builds %+v, want the default timeline's alone", b)
	}
	read("min_salience=0.2")
	read("actor=Joe+Biden")
	if b := builds(); len(b) != 3 || b[1].MinSalience != 0.2 || b[2].Actor != "Joe Biden" {
		t.Errorf("builds %+v, want the default, min_salience 0.2 and the actor's", b)
	}
}
