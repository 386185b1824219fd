package timeline

import (
	"fmt"
	"slices"
	"strings"
)

// The timeline order is a sort on one key per event, so that an index
// kept with the store (index.go) can hold it and serve pages of it
// without the whole timeline in memory.
//
// An event's own key is its day bounds (earliest, else the day it is
// placed on, then latest; undated last), then its first report
// (publication day, undated last; article; position), then its ID. An
// event stated to come after another one that sorts later (and whose
// dates do not place it before that one) takes that event's key with its
// own appended: it sorts right behind it, and behind it in turn whatever
// comes after it. The relations and the simultaneous events that lend a
// date are those of the whole store, not only of the events a filter
// keeps: a filter selects from the store's timeline and never reorders it.

// keySep ends each field of a key: lower than any byte of a field, so
// that a key sorts before every key it is the prefix of.
const keySep = "\x00"

// maxKeyLen bounds a key grown by a chain of "after" relations: a longer
// chain keeps the event in its own place.
const maxKeyLen = 2048

// Order sorts events into timeline order over themselves: each event's
// undated When borrows a simultaneous event's date, then the events are
// sorted by their keys (Place).
func Order(events []Event) {
	Place(events)
	slices.SortStableFunc(events, func(a, b Event) int { return strings.Compare(a.key, b.key) })
}

// Place dates the undated events by their simultaneous events and gives
// each event its key, with the relations among events (the same set).
func Place(events []Event) {
	byID := make(map[string]*Event, len(events))
	for i := range events {
		byID[events[i].ID] = &events[i]
	}
	look := func(id string) (*Event, bool) { e, ok := byID[id]; return e, ok }
	for i := range events {
		events[i].When = borrowed(events[i].own, events[i].Simultaneous, look)
	}
	memo := make(map[string]string, len(events))
	for i := range events {
		events[i].key = effKey(&events[i], look, memo, map[string]bool{})
	}
}

// borrowed is an event's When: its own, or when it has no bounds, the
// own bounds of the first simultaneous event (by ID) that has some,
// marked as inferred.
func borrowed(own When, simultaneous []string, look func(string) (*Event, bool)) When {
	if own.Earliest != nil || own.Latest != nil {
		return own
	}
	for _, id := range simultaneous {
		o, ok := look(id)
		if !ok {
			continue
		}
		w := o.own
		if w.Earliest == nil && w.Latest == nil {
			continue
		}
		return When{Value: w.Value, Earliest: w.Earliest, Latest: w.Latest, Granularity: w.Granularity, Basis: "inferred",
			Text: "same time as: " + o.Summary}
	}
	return own
}

// ownKey is the key of e in its own place (see above); e.When is its
// final When.
func ownKey(e *Event) string {
	lohi := sortKey(*e)
	pub, art, order := "~", "~", 0
	if e.first != nil {
		pub, art, order = orTilde(e.first.published), e.first.article, e.first.order
	}
	return lohi[0] + keySep + lohi[1] + keySep + pub + keySep + art + keySep + fmt.Sprintf("%08d", order) + keySep + e.ID + keySep
}

func orTilde(s string) string {
	if s == "" {
		return "~"
	}
	return s
}

// effKey is e's key: its own, or behind the latest event it comes after.
// A cycle of relations is cut where it closes (visiting).
func effKey(e *Event, look func(string) (*Event, bool), memo map[string]string, visiting map[string]bool) string {
	if k, ok := memo[e.ID]; ok {
		return k
	}
	own := ownKey(e)
	visiting[e.ID] = true
	key := own
	for _, id := range e.After {
		p, ok := look(id)
		if !ok || visiting[id] || datesForbid(*e, *p) {
			continue
		}
		pk := effKey(p, look, memo, visiting)
		if pk > own && pk+own > key && len(pk)+len(own) <= maxKeyLen {
			key = pk + own
		}
	}
	delete(visiting, e.ID)
	memo[e.ID] = key
	return key
}

// sortKey orders by the earliest bound, else the day the event is placed
// on, else the latest bound; undated last.
func sortKey(e Event) [2]string {
	lo, hi := deref(e.When.Earliest), deref(e.When.Latest)
	if v := deref(e.When.Value); lo == "" && len(v) == len("2006-01-02") {
		lo = v
	}
	if lo == "" {
		lo = hi
	}
	if lo == "" {
		lo, hi = "~", "~"
	}
	if hi == "" {
		hi = "~"
	}
	return [2]string{lo, hi}
}

// datesForbid reports whether a's dates place it strictly before b, so "a
// after b" must not reorder them.
func datesForbid(a, b Event) bool {
	ahi, blo := deref(a.When.Latest), deref(b.When.Earliest)
	return ahi != "" && blo != "" && ahi < blo
}
