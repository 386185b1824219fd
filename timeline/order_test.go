package timeline

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"
	"time"
)

// dayEvent is an event with day bounds lo..hi ("" for none), first
// reported in article art.
func dayEvent(id, lo, hi string, after ...string) Event {
	e := Event{ID: id, After: after, first: &firstReport{article: "eg:article/" + id}}
	if lo != "" {
		e.own.Earliest = &lo
	}
	if hi != "" {
		e.own.Latest = &hi
	}
	return e
}

func TestOrder(t *testing.T) {
	for _, tc := range []struct {
		name   string
		events []Event
		want   []string
	}{
		{"by day bounds, undated last",
			[]Event{dayEvent("u", "", ""), dayEvent("b", "2024-03-02", "2024-03-02"), dayEvent("a", "2024-03-01", "2024-03-03")},
			[]string{"a", "b", "u"}},
		{"an event after a later one goes right behind it",
			[]Event{dayEvent("x", "2024-03-01", ""), dayEvent("y", "2024-03-02", ""), dayEvent("z", "2024-03-03", ""), dayEvent("w", "2024-03-04", "")},
			[]string{"x", "y", "z", "w"}},
		{"moved behind",
			[]Event{dayEvent("x", "2024-03-01", "", "z"), dayEvent("y", "2024-03-02", ""), dayEvent("z", "2024-03-03", ""), dayEvent("w", "2024-03-04", "")},
			[]string{"y", "z", "x", "w"}},
		{"a chain moves together",
			[]Event{dayEvent("x", "2024-03-01", "", "z"), dayEvent("v", "2024-03-01", "", "x"), dayEvent("y", "2024-03-02", ""), dayEvent("z", "2024-03-03", ""), dayEvent("w", "2024-03-04", "")},
			[]string{"y", "z", "x", "v", "w"}},
		{"dates that place it before forbid the move",
			[]Event{dayEvent("x", "2024-03-01", "2024-03-01", "z"), dayEvent("z", "2024-03-03", "2024-03-03")},
			[]string{"x", "z"}},
		{"behind an undated event",
			[]Event{dayEvent("x", "2024-03-01", "", "u"), dayEvent("u", "", ""), dayEvent("y", "2024-03-02", "")},
			[]string{"y", "u", "x"}},
		{"a cycle ends, a dangling relation is ignored",
			[]Event{dayEvent("x", "2024-03-01", "", "y", "gone"), dayEvent("y", "2024-03-02", "", "x")},
			[]string{"y", "x"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			Order(tc.events)
			if got := ids(tc.events); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestPlaceBorrowsSimultaneous(t *testing.T) {
	s := func(v string) *string { return &v }
	events := []Event{
		{ID: "a", Summary: "cancellation", own: When{Latest: s("2024-03-26"), Basis: "publication"}},
		{ID: "b", Summary: "resignation", own: When{Basis: "unknown"}, Simultaneous: []string{"a"}},
		{ID: "c", Summary: "unrelated", own: When{Basis: "unknown"}},
	}
	Place(events)
	if w := events[1].When; w.Basis != "inferred" || w.Latest == nil || *w.Latest != "2024-03-26" || w.Text != "same time as: cancellation" {
		t.Errorf("resignation: %+v", w)
	}
	if w := events[2].When; w.Basis != "unknown" || w.Latest != nil {
		t.Errorf("unrelated event dated: %+v", w)
	}
	if events[1].own.Latest != nil {
		t.Error("placing changed the event's own dates")
	}
}

// randomEvents gives n events, two in three dated, each stated to follow
// up to links-1 others (some dangle, some cycle).
func randomEvents(rng *rand.Rand, n, links int) []Event {
	evs := make([]Event, n)
	for i := range evs {
		evs[i] = dayEvent(fmt.Sprintf("e%d", i), "", "")
		if rng.Intn(3) > 0 {
			d := fmt.Sprintf("2024-03-%02d", 1+rng.Intn(28))
			evs[i].own.Earliest, evs[i].own.Latest = &d, &d
		}
		for k := rng.Intn(links); k > 0; k-- {
			evs[i].After = append(evs[i].After, fmt.Sprintf("e%d", rng.Intn(n+2)))
		}
	}
	return evs
}

// Every event stated to come after another that its dates allow comes
// after it, when the relations have no cycle.
func TestOrderKeepsRelations(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for trial := range 300 {
		evs := randomEvents(rng, 1+rng.Intn(40), 3)
		for i := range evs { // acyclic: only after events of lower index
			evs[i].After = slices.DeleteFunc(evs[i].After, func(id string) bool {
				var j int
				fmt.Sscanf(id, "e%d", &j)
				return j >= i
			})
		}
		Order(evs)
		pos := map[string]int{}
		for i, e := range evs {
			pos[e.ID] = i
		}
		for i, e := range evs {
			for _, p := range e.After {
				if j := pos[p]; j > i && !datesForbid(e, evs[j]) {
					t.Fatalf("trial %d: %s (at %d) is after %s (at %d): %v", trial, e.ID, i, p, j, ids(evs))
				}
			}
		}
	}
}

// Regression: ordering by moves took 58 s on 100,000 events with one in
// ten stated to follow another; the keys sort them in well under a second.
func TestOrderLarge(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	evs := randomEvents(rng, 100_000, 2)
	for i := range evs {
		if rng.Intn(10) > 0 {
			evs[i].After = nil
		}
	}
	start := time.Now()
	Order(evs)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("ordering 100,000 events took %v", d)
	}
}

func ids(evs []Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.ID
	}
	return out
}
