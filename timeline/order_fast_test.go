package timeline

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

// applyRelationsSlow is applyRelations as first written, with a linear
// search per lookup: the reference the indexed version must match.
func applyRelationsSlow(events []Event) {
	pos := func(id string) int {
		for i, e := range events {
			if e.ID == id {
				return i
			}
		}
		return -1
	}
	for pass := 0; pass < len(events); pass++ {
		moved := false
		for i := 0; i < len(events); i++ {
			e := events[i]
			for _, before := range e.After {
				j := pos(before)
				if j < 0 || j < i || datesForbid(e, events[j]) {
					continue
				}
				copy(events[i:j], events[i+1:j+1])
				events[j] = e
				moved = true
				break
			}
		}
		if !moved {
			return
		}
	}
}

func randomEvents(rng *rand.Rand, n int) []Event { return randomEventsLinked(rng, n, 3) }

// randomEventsLinked gives each event up to links-1 "after" relations.
func randomEventsLinked(rng *rand.Rand, n, links int) []Event {
	evs := make([]Event, n)
	for i := range evs {
		evs[i].ID = fmt.Sprintf("e%d", i)
		if rng.Intn(3) > 0 {
			d := fmt.Sprintf("2024-03-%02d", 1+rng.Intn(28))
			evs[i].When.Earliest, evs[i].When.Latest = &d, &d
		}
	}
	for i := range evs {
		for k := rng.Intn(links); k > 0; k-- {
			evs[i].After = append(evs[i].After, fmt.Sprintf("e%d", rng.Intn(n+2))) // some dangle, some cycle
		}
	}
	return evs
}

func TestApplyRelationsMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for trial := 0; trial < 300; trial++ {
		a := randomEvents(rng, 1+rng.Intn(40))
		b := make([]Event, len(a))
		copy(b, a)
		applyRelations(a)
		applyRelationsSlow(b)
		if !reflect.DeepEqual(ids(a), ids(b)) {
			t.Fatalf("trial %d: %v, reference %v", trial, ids(a), ids(b))
		}
	}
}

// Regression: a timeline of a few thousand events with "after" relations
// took minutes (quadratic lookups inside up to n passes).
func TestApplyRelationsLarge(t *testing.T) {
	// About one event in ten is stated to follow another, as in news.
	rng := rand.New(rand.NewSource(1))
	evs := randomEvents(rng, 6000)
	for i := range evs {
		if rng.Intn(10) > 0 {
			evs[i].After = nil
		}
	}
	start := time.Now()
	applyRelations(evs)
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("ordering 6000 events took %v", d)
	}
}

func ids(evs []Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.ID
	}
	return out
}
