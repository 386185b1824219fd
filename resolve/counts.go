package resolve

import (
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/text"
)

// Counts: how many things a report says its action was done to ("captured
// 23 pirates", "killed four people") is evidence both ways. Two reports of
// one action in one story that count its object alike tell one happening
// (sameCount); two that count it differently tell two (countsDiffer).

// countsDiffer reports whether c, a report from another article than
// e's, counts what its action was done to differently from each of e's
// reports that count it (ObjectCount): "apprehending 26 Somali pirates"
// and "arrested 23 Somali pirates" are two captures, whatever else they
// share. Only the count right after the trigger is compared: a sentence
// counts many things ("killing two and wounding three"), and toll
// updates in a story are told with other words ("the death toll rose").
func countsDiffer(e, c *Event) bool {
	for _, cs := range c.sentences {
		if cs.Object == "" {
			continue
		}
		for _, es := range e.sentences {
			if es.Object != "" && countOf(es.Object) != countOf(cs.Object) {
				return true
			}
		}
	}
	return false
}

// objectWindow is how many tokens after a trigger its object's count may
// come: "captured 23", "killed at least 3", "arrested the 26".
const objectWindow = 3

// ObjectCount is the count among the first objectWindow tokens after the
// trigger ending at byte trigEnd of sentence, with no content word before
// it, and the content word after it when there is one: "23 pirate" for
// "captured 23 pirates", "3 people" for "killed at least three people",
// "" when none: what the action was done to, counted. A year ("in 2005")
// and a day of the month ("on 10 Nov") count nothing; nor does a number
// after the object ("stole watches worth 2 million").
func ObjectCount(sentence string, trigEnd int) string {
	if trigEnd < 0 || trigEnd > len(sentence) {
		return ""
	}
	toks := text.Tokens(sentence, doc.Span{Start: trigEnd, End: len(sentence)})
	for i, t := range toks[:min(objectWindow, len(toks))] {
		tok := sentence[t.Start:t.End]
		n := number(tok)
		if n == "" {
			if _, ok := contentWord(tok); ok {
				return ""
			}
			continue
		}
		if len(tok) == 4 && n == tok {
			return ""
		}
		if i+1 < len(toks) {
			next := sentence[toks[i+1].Start:toks[i+1].End]
			if monthWord(next) {
				return ""
			}
			if w, ok := contentWord(next); ok {
				return n + " " + w
			}
		}
		return n
	}
	return ""
}

// countOf is the number of an ObjectCount: "23" for "23 pirate".
func countOf(object string) string {
	n, _, _ := strings.Cut(object, " ")
	return n
}

// monthWord reports whether w names a month ("Nov", "November").
func monthWord(w string) bool {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	if len(w) < 3 {
		return false
	}
	for _, m := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"} {
		if strings.HasPrefix(m, w) {
			return true
		}
	}
	return false
}

// sameCount reports whether c, a report of e's action from another
// article of e's story, close to one of e's articles (linked), counts
// what the action was done to as one of e's reports does, more than one
// thing and named ("shot and killed two co-workers" / "Hiller Kills Two
// In Kraft Shooting" do not name it; "fired 11 shots" / "then fired 11
// shots" do): a story seldom tells two happenings of one kind done to the
// same number of the same things, and "one" is every happening's count.
func (r *Resolver) sameCount(e, c *Event) bool {
	if !r.sameStory(e, c) || !linked(e, c) {
		return false
	}
	for _, cs := range c.sentences {
		if !countedThing(cs.Object) {
			continue
		}
		for _, es := range e.sentences {
			if es.Object == cs.Object {
				return true
			}
		}
	}
	return false
}

// countedThing reports whether object, an ObjectCount, counts more than
// one thing and names it ("23 pirate", not "23" nor "1 man").
func countedThing(object string) bool {
	n, thing, _ := strings.Cut(object, " ")
	return thing != "" && n != "1"
}
