package event

import (
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// Prune drops from d the event mentions nobody would query in a graph: no
// actor or named place takes part, and either there is no CAMEO code (a
// statement without a speaker, CAMEO 01, counts as none: "comments", "a
// press briefing") or the trigger is a noun without a definite article or
// possessor ("negotiations", "a single sentence", "talks": they name a
// kind of event, where "the cancellation" refers back to one reported
// before), and no temporal link ties them to a
// mention that stays ("that said", "keep them hydrated", "stage"). It
// renumbers d.Links. What it drops is still an event for TimeML
// (eventgraph timeml tags every one).
func Prune(d *doc.Document) {
	keep := make([]bool, len(d.Events))
	for i, e := range d.Events {
		keep[i] = len(e.Arguments) > 0 || e.Type.Code != "" && !strings.HasPrefix(e.Type.Code, "01") && !genericNoun(d, e)
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

// genericNoun reports whether the parser tags the last word of e's
// trigger a noun ("decision to cancel" ends in a verb) with no definite
// determiner or possessor ("the cancellation", "Israel's offensive").
func genericNoun(d *doc.Document, e doc.EventMention) bool {
	if e.Sentence < 0 || e.Sentence >= len(d.Sentences) {
		return false
	}
	toks := d.Sentences[e.Sentence].Tokens
	h := -1
	for i, t := range toks {
		if t.Start >= e.Trigger.Start && t.End <= e.Trigger.End {
			h = i
		}
	}
	if h < 0 || toks[h].Tag != "NOUN" && toks[h].Tag != "PROPN" {
		return false
	}
	for _, t := range toks {
		if t.Head != h {
			continue
		}
		switch {
		case t.Rel == "nmod:poss":
			return false
		case t.Rel == "det" && definite[strings.ToLower(t.Text)]:
			return false
		}
	}
	return true
}

// definite holds the determiners that make a noun phrase refer to one
// thing the reader knows.
var definite = map[string]bool{"the": true, "this": true, "that": true, "these": true, "those": true}
