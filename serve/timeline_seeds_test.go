package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/eventgraph/eventgraph/timeline"
)

// eventIRI matches an event node in an N-Quads line.
var eventIRI = regexp.MustCompile(`<eg:event/([^>]+)>`)

// seedsHandle is a memstore holding the seeds' graph as the pipeline
// writes it (graph's golden test keeps graph/testdata/seeds.nq current),
// its events copies times over (copy k renames event/ID to event/ID-k),
// and the options of a server that builds its timelines from it with the
// default salience floor 0.5; builds lists the filters built.
func seedsHandle(t *testing.T, copies int) (o *Options, builds func() []timeline.Filter) {
	t.Helper()
	qs := seedQuads(t, copies)
	h := memHandle(t, qs...)
	var mu sync.Mutex
	var built []timeline.Filter
	o = &Options{Handle: h, Timeline: func(ctx context.Context, f Filter) (*timeline.Timeline, error) {
		tf := timeline.Filter{Actor: f.Actor, From: f.From, To: f.To, Type: f.Type, MinSalience: 0.5}
		if f.MinSalience != nil {
			tf.MinSalience = *f.MinSalience
		}
		mu.Lock()
		built = append(built, tf)
		mu.Unlock()
		return timeline.Build(ctx, h.QuadStore, tf)
	}}
	return o, func() []timeline.Filter {
		mu.Lock()
		defer mu.Unlock()
		return append([]timeline.Filter(nil), built...)
	}
}

// A filter without an actor is answered from the default timeline, with
// the events, dates and order that the filter's own build gives; an actor
// filter and a lower salience floor are built on their own.
func TestTimelineFilterNarrowed(t *testing.T) {
	o, builds := seedsHandle(t, 1)
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

// A build that no request waits for any more is stopped after the idle
// time (the page asks again within it when it still wants the timeline),
// on a real store; the default timeline's build never is, nor one whose
// request came back.
func TestTimelineBuildStopsWhenAbandoned(t *testing.T) {
	o, _ := seedsHandle(t, 40)
	type result struct {
		f    Filter
		err  error
		took time.Duration
	}
	results := make(chan result, 8)
	build := func(ctx context.Context, f Filter) (*timeline.Timeline, error) {
		start := time.Now()
		tl, err := o.Timeline(ctx, f)
		results <- result{f, err, time.Since(start)}
		return tl, err
	}
	low := 0.1
	next := func() result {
		t.Helper()
		select {
		case r := <-results:
			return r
		case <-time.After(time.Minute):
			t.Fatal("no build ended within a minute")
		}
		return result{}
	}

	// The whole build, waited for: how long it takes.
	c := newTimelineCache(build, time.Minute, time.Minute, slog.New(slog.NewTextHandler(io.Discard, nil)))
	c.idleStop = 20 * time.Millisecond
	if tl, err := c.get(context.Background(), Filter{MinSalience: &low}); err != nil || len(tl.Events) < 1000 {
		t.Fatalf("a build waited for: %v", err)
	}
	whole := next().took

	for _, tc := range []struct {
		name    string
		f       Filter
		back    bool // a request comes back within the idle time
		stopped bool
	}{
		{"abandoned", Filter{MinSalience: &low, Type: "0"}, false, true},
		{"asked again", Filter{MinSalience: &low, Type: "1"}, true, false},
		{"the default timeline", Filter{}, false, false},
	} {
		c := newTimelineCache(build, time.Minute, time.Minute, slog.New(slog.NewTextHandler(io.Discard, nil)))
		c.idleStop = 20 * time.Millisecond
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		_, err := c.get(ctx, tc.f)
		cancel()
		var building *stillBuilding
		if !errors.As(err, &building) {
			t.Fatalf("%s: a request that left: %v", tc.name, err)
		}
		if tc.back {
			if _, err := c.get(context.Background(), tc.f); err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
		}
		r := next()
		if stopped := errors.Is(r.err, context.Canceled); stopped != tc.stopped {
			t.Errorf("%s: the build ended after %s with %v (the whole build takes %s)", tc.name, r.took, r.err, whole)
		}
		if tc.stopped && r.took > whole/2 {
			t.Errorf("%s: stopped after %s, the whole build takes %s", tc.name, r.took, whole)
		}
		t.Logf("%s: the build ended after %s (%v); the whole build takes %s", tc.name, r.took, r.err, whole)
	}
}

// seedQuads reads the seeds' quads (graph/testdata/seeds.nq), their
// events copies times over: copy k renames event/ID to event/ID-k.
func seedQuads(t *testing.T, copies int) []quad.Quad {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "graph", "testdata", "seeds.nq"))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for line := range strings.Lines(string(raw)) {
		text.WriteString(line)
		for k := 1; k < copies && eventIRI.MatchString(line); k++ {
			text.WriteString(eventIRI.ReplaceAllString(line, fmt.Sprintf("<eg:event/${1}-%d>", k)))
		}
	}
	qs, err := quad.ReadAll(nquads.NewReader(strings.NewReader(text.String()), false))
	if err != nil {
		t.Fatal(err)
	}
	return qs
}
