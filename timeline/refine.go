package timeline

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// finish dates the undated events of a build by the simultaneous events
// that passed its filter and orders them: the last step of a build from
// the store and of a narrowing. Each event keeps its own When (before a
// date was lent), so that a narrower filter starts from it again.
func finish(events []Event, f Filter, generated time.Time) *Timeline {
	for i := range events {
		events[i].own = events[i].When
	}
	borrowSimultaneous(events)
	Order(events)
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

// Narrow's errors: a filter the timeline does not cover, a timeline that
// no build made (read back from JSON: its events' own dates are lost).
var (
	errNotCovered = errors.New("the timeline does not hold every event of the filter")
	errNotBuilt   = errors.New("the timeline was not built from a store")
)

// Narrow is the timeline of f cut from tl, without reading the store:
// the events of tl that f keeps, judged by their own dates, then dated by
// the simultaneous events that passed and ordered as a build of f from
// the same store gives them (TestNarrowMatchesBuild). tl must cover f
// (Covers); it is not changed. The narrowed timeline's Generated is tl's:
// what the store held then.
func (tl *Timeline) Narrow(ctx context.Context, f Filter) (*Timeline, error) {
	if !tl.Covers(f) {
		return nil, fmt.Errorf("narrowing the timeline of %+v to %+v: %w", tl.Filter, f, errNotCovered)
	}
	from, to, err := f.bounds()
	if err != nil {
		return nil, err
	}
	var events []Event
	for i, e := range tl.Events {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("narrowing the timeline: %w", err)
			}
		}
		if e.own.Basis == "" { // when() always sets it
			return nil, errNotBuilt
		}
		e.When = e.own
		if f.matches(e, from, to) {
			events = append(events, e)
		}
	}
	return finish(events, f, tl.Generated), nil
}
