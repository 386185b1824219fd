package event

import (
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// Prune drops from d the event mentions nobody would query in a graph: no
// actor or named place takes part, there is no CAMEO code (a statement
// without a speaker, CAMEO 01, counts as none: "comments", "a press
// briefing"), and no temporal link ties them to a mention that stays
// ("that said", "keep them hydrated", "stage"). It renumbers d.Links. What
// it drops is still an event for TimeML (eventgraph timeml tags every one).
func Prune(d *doc.Document) {
	keep := make([]bool, len(d.Events))
	for i, e := range d.Events {
		keep[i] = len(e.Arguments) > 0 || e.Type.Code != "" && !strings.HasPrefix(e.Type.Code, "01")
	}
	for _, l := range d.Links {
		if valid(l.From, keep) && valid(l.To, keep) && (keep[l.From] || keep[l.To]) {
			keep[l.From], keep[l.To] = true, true
		}
	}
	renum := make([]int, len(d.Events))
	events := d.Events[:0]
	for i, e := range d.Events {
		renum[i] = -1
		if keep[i] {
			renum[i] = len(events)
			events = append(events, e)
		}
	}
	clear(d.Events[len(events):])
	d.Events = events
	links := d.Links[:0]
	for _, l := range d.Links {
		if valid(l.From, keep) && valid(l.To, keep) && renum[l.From] >= 0 && renum[l.To] >= 0 {
			l.From, l.To = renum[l.From], renum[l.To]
			links = append(links, l)
		}
	}
	d.Links = links
}

func valid(i int, keep []bool) bool { return i >= 0 && i < len(keep) }
