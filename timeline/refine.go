package timeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// finish orders placed events (Place) into a timeline: the last step of
// a build from the store and of a narrowing.
func finish(events []Event, f Filter, generated time.Time) *Timeline {
	slices.SortStableFunc(events, func(a, b Event) int { return strings.Compare(a.key, b.key) })
	if events == nil {
		events = []Event{}
	}
	return &Timeline{Schema: Schema, Generated: generated, Filter: f, Events: events}
}

// Covers reports whether tl holds every event that f keeps, so that
// Narrow can cut f's timeline from it: tl was built with no actor, date
// or type filter and a salience floor no higher than f's. An actor
// filter is not covered (it matches names and aliases that a timeline
// does not hold; its build reads the actor's events alone).
func (tl *Timeline) Covers(f Filter) bool {
	b := tl.Filter
	return b.Actor == "" && b.From == "" && b.To == "" && b.Type == "" &&
		f.Actor == "" && b.MinSalience <= f.MinSalience
}

// errNotCovered: Narrow was asked for a filter the timeline does not
// cover.
var errNotCovered = errors.New("the timeline does not hold every event of the filter")

// Narrow is the timeline of f cut from tl, without reading the store:
// the events of tl that f keeps, in tl's order. A filter selects from
// the store's timeline and never moves or re-dates an event (order.go),
// so this is what a build of f from the same store gives
// (TestNarrowMatchesBuild). tl must cover f (Covers); it is not changed.
// The narrowed timeline's Generated is tl's: what the store held then.
func (tl *Timeline) Narrow(ctx context.Context, f Filter) (*Timeline, error) {
	if !tl.Covers(f) {
		return nil, fmt.Errorf("narrowing the timeline of %+v to %+v: %w", tl.Filter, f, errNotCovered)
	}
	from, to, err := f.bounds()
	if err != nil {
		return nil, err
	}
	events := []Event{}
	for i, e := range tl.Events {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("narrowing the timeline: %w", err)
			}
		}
		if f.matches(e, from, to) {
			events = append(events, e)
		}
	}
	return &Timeline{Schema: Schema, Generated: tl.Generated, Filter: f, Events: events}, nil
}
