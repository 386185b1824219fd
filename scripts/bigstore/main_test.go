package main

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/pipeline"
	"github.com/eventgraph/eventgraph/internal/report"
	"github.com/eventgraph/eventgraph/timeline"
)

// TestCopies: three copies of the seeds' store hold three times its
// articles, events and mentions, share its named actors, pass the store's
// integrity check, and give a timeline of three times the events, each
// copy's dates a week after the previous copy's.
func TestCopies(t *testing.T) {
	ctx := context.Background()
	src := filepath.Join(t.TempDir(), "src")
	st, err := graph.Open(ctx, graph.Config{Backend: "bolt", Address: src})
	if err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Abs("../../seeds")
	if _, err := pipeline.Run(ctx, st, []string{seeds}, pipeline.Options{Workers: 2}); err != nil {
		t.Fatal(err)
	}
	want, err := report.Count(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	one, err := timeline.BuildFrom(ctx, st, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	dst := filepath.Join(t.TempDir(), "dst")
	if err := run(ctx, src, dst, 3, 1); err != nil {
		t.Fatal(err)
	}
	big, err := graph.Open(ctx, graph.Config{Backend: "bolt", Address: dst, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer big.Close()
	// The copy's timeline index is fresh, and its first page is the
	// built timeline's.
	ix, err := timeline.OpenIndex(ctx, big)
	if err != nil || ix == nil {
		t.Fatalf("the copy has no fresh timeline index: %v", err)
	}
	built, err := timeline.BuildFrom(ctx, big, timeline.Filter{MinSalience: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	pg, err := ix.Page(ctx, big, timeline.Filter{MinSalience: 0.5}, "", 50)
	if err != nil {
		t.Fatal(err)
	}
	if pg.Total != len(built.Events) || len(pg.Timeline.Events) != min(50, len(built.Events)) {
		t.Fatalf("index page: %d of %d events, built %d", len(pg.Timeline.Events), pg.Total, len(built.Events))
	}
	for i, e := range pg.Timeline.Events {
		if e.ID != built.Events[i].ID || !reflect.DeepEqual(e.When, built.Events[i].When) {
			t.Fatalf("index page event %d: %s %+v, built %s %+v", i, e.ID, e.When, built.Events[i].ID, built.Events[i].When)
		}
	}
	got, err := report.Count(ctx, big)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"articles", got.Articles, 3 * want.Articles},
		{"events", got.Events, 3 * want.Events},
		{"event mentions", got.EventMentions, 3 * want.EventMentions},
	} {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.name, c.got, c.want)
		}
	}
	if got.Actors >= 3*want.Actors {
		t.Errorf("%d actors from %d: named actors are not shared", got.Actors, want.Actors)
	}
	rep, err := big.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Errorf("the copy fails the integrity check: %+v", rep.Findings[:min(3, len(rep.Findings))])
	}
	three, err := timeline.BuildFrom(ctx, big, timeline.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(three.Events) != 3*len(one.Events) {
		t.Errorf("timeline: %d events, want 3 x %d", len(three.Events), len(one.Events))
	}
	days := map[string]bool{}
	for _, e := range three.Events {
		if e.When.Value != nil {
			days[*e.When.Value] = true
		}
	}
	for _, e := range one.Events {
		if v := e.When.Value; v != nil && len(*v) == len("2006-01-02") {
			for _, d := range []string{shiftDay(t, *v, 7), shiftDay(t, *v, 14)} {
				if !days[d] {
					t.Errorf("no event on %s, a copy of %s (%s)", d, *v, e.Summary)
				}
			}
			break
		}
	}
}

func shiftDay(t *testing.T, d string, days int) string {
	t.Helper()
	return string(shiftDates(quad.String(d), days).(quad.String))
}
