package timeline

import "sort"

// Order sorts events into timeline order: by their day bounds (earliest,
// then latest; undated events after dated ones), then by first report; then
// it moves an event stated to come after another behind it, unless their
// dates say otherwise.
func Order(events []Event) {
	sort.SliceStable(events, func(i, j int) bool { return eventLess(events[i], events[j]) })
	applyRelations(events)
}

func eventLess(a, b Event) bool {
	ka, kb := sortKey(a), sortKey(b)
	if ka != kb {
		if ka[0] != kb[0] {
			return ka[0] < kb[0]
		}
		return ka[1] < kb[1]
	}
	if len(a.Mentions) > 0 && len(b.Mentions) > 0 {
		ma, mb := a.Mentions[0], b.Mentions[0]
		if mentionLess(ma, mb) {
			return true
		}
		if mentionLess(mb, ma) {
			return false
		}
	}
	return a.ID < b.ID
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

// applyRelations moves each event that comes after another behind it,
// unless the dates place it before. Cycles are broken by giving up after
// len(events) passes.
//
// Positions are kept in a map updated on each move (a linear search per
// lookup made a pass quadratic, and a timeline of a few thousand events
// took minutes).
func applyRelations(events []Event) {
	idx := make(map[string]int, len(events))
	for i, e := range events {
		if _, dup := idx[e.ID]; !dup {
			idx[e.ID] = i
		}
	}
	pos := func(id string) int {
		if i, ok := idx[id]; ok {
			return i
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
				// Move e from i to just after j.
				copy(events[i:j], events[i+1:j+1])
				events[j] = e
				for k := i; k <= j; k++ { // event IDs are unique
					idx[events[k].ID] = k
				}
				moved = true
				break
			}
		}
		if !moved {
			return
		}
	}
}

// datesForbid reports whether a's dates place it strictly before b, so "a
// after b" must not reorder them.
func datesForbid(a, b Event) bool {
	ahi, blo := deref(a.When.Latest), deref(b.When.Earliest)
	return ahi != "" && blo != "" && ahi < blo
}
