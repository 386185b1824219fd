package resolve

import (
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// The lead: what an article tells first, and tells as its news. Two
// articles of one story that both lead with the same action report one
// happening; an event mentioned in passing (in a relative clause, as the
// modifier of a noun, in a quotation, or a time expression the extractor
// took for an event) tells nothing of what the article is about.

// leadSentences is how many sentences of its text open an article, after
// its headline: the first sentence of a news report tells its news. An
// event told with a named participant is in the lead up to
// namedLeadSentences (the seeds' abstention, "the United States
// abstained", comes in their second and fourth sentences). With four
// sentences for every event, merging on the lead within a story
// (storyLead) made 13 wrong merges of 73 in the labelled sample within
// known stories (eval/mixed), against 7 of 69 with one.
const leadSentences = 1

// IsLead reports whether m is in the lead of d: its headline (or a
// heading) or, on the main line of its sentence (MainLine), the first
// leadSentences sentences of its text; captions and metadata do not
// count, nor do quotations and time expressions. The store keeps it with
// each mention (eg:lead), so a reloaded resolver sees what this one saw.
func IsLead(d *doc.Document, m doc.EventMention) bool {
	if m.Sentence < 0 || m.Sentence >= len(d.Sentences) {
		return false
	}
	if quoted(d, m) || inTimex(d, m) {
		return false
	}
	switch d.Sentences[m.Sentence].Kind {
	case doc.BlockTitle, doc.BlockHeading:
		// Headlines are noun phrases as often as clauses ("Kraft
		// Shooting: Hiller Charged"), and parse poorly: every event of
		// a headline is what the article is about.
		return true
	case doc.BlockBody, "": // a sentence of no known kind is text
		if !MainLine(d, m) {
			return false
		}
		// The body sentences before m, counted up to where the lead ends
		// (a long article's mentions would count them all, each).
		n := 0
		for _, s := range d.Sentences[:m.Sentence] {
			if s.Kind == doc.BlockBody || s.Kind == "" {
				if n++; n >= max(leadSentences, namedLeadSentences) {
					return false
				}
			}
		}
		return n < leadSentences || n < namedLeadSentences && namesParticipant(d, m)
	}
	return false
}

// IsHeadline reports whether m is in d's headline (its title, not a
// section heading) and in its lead (IsLead: not quoted, not a time
// expression). The store keeps it with each mention, as IsLead.
func IsHeadline(d *doc.Document, m doc.EventMention) bool {
	return m.Sentence >= 0 && m.Sentence < len(d.Sentences) &&
		d.Sentences[m.Sentence].Kind == doc.BlockTitle && IsLead(d, m)
}

// namedLeadSentences is how many opening sentences of its text are an
// article's lead for an event told with a named participant.
const namedLeadSentences = 4

// namesParticipant reports whether one of m's agents or targets is named
// (not known only by a description such as "the officials").
func namesParticipant(d *doc.Document, m doc.EventMention) bool {
	for _, a := range m.Arguments {
		if a.Role != doc.RoleAgent && a.Role != doc.RoleTarget || a.Actor < 0 || a.Actor >= len(d.Actors) {
			continue
		}
		if k := d.Actors[a.Actor].Key; !strings.HasPrefix(k, "desc:") && d.Actors[a.Actor].Kind != doc.KindPlace {
			return true
		}
	}
	return false
}

// modifierRels are the relations by which a noun modifies another word
// rather than taking part in its clause: "the footage of the fatal
// shooting" (nmod), "riot gear" (compound), "during the trial" (obl).
var modifierRels = map[string]bool{"nmod": true, "compound": true, "amod": true, "obl": true, "appos": true}

// MainLine reports whether m is told by its sentence rather than in
// passing: in the sentence's tree, no relative or adnominal clause
// (acl, acl:relcl) lies between its trigger and the root ("Cheeks, who
// was fired March 2 as coach of Portland"), and a trigger that is a noun
// does not modify another word ("the footage of the
// fatal shooting", "riot gear"); as subject or object it is told ("the
// cancellation came after..."). A sentence without a tree keeps every
// mention.
func MainLine(d *doc.Document, m doc.EventMention) bool {
	if m.Sentence < 0 || m.Sentence >= len(d.Sentences) {
		return false
	}
	toks := d.Sentences[m.Sentence].Tokens
	h := triggerHead(toks, m.Trigger)
	if h < 0 {
		return true
	}
	if t := toks[h]; (t.Tag == "NOUN" || t.Tag == "PROPN") && modifierRels[baseRel(t.Rel)] {
		return false
	}
	for steps := 0; steps < len(toks); steps++ {
		t := toks[h]
		if baseRel(t.Rel) == "acl" {
			return false
		}
		if t.Head < 0 || t.Head >= len(toks) {
			return true
		}
		h = t.Head
	}
	return true // a cycle in a malformed tree
}

// triggerHead returns the index of the token heading the trigger span:
// the first of its tokens governed from outside it; -1 when none.
func triggerHead(toks []doc.Token, tr doc.Span) int {
	inside := func(t doc.Token) bool { return t.Start >= tr.Start && t.End <= tr.End }
	for i, t := range toks {
		if !inside(t) {
			continue
		}
		if t.Head < 0 || t.Head >= len(toks) || !inside(toks[t.Head]) {
			return i
		}
	}
	return -1
}

// baseRel is a UD relation without its subtype: "acl" for "acl:relcl".
func baseRel(rel string) string {
	base, _, _ := strings.Cut(rel, ":")
	return base
}

// quoted reports whether m's trigger is inside quotation marks in its
// sentence: what someone said ("'stop, stop,' he screamed"), not what the
// article reports.
func quoted(d *doc.Document, m doc.EventMention) bool {
	s := d.Sentences[m.Sentence]
	txt := d.Article.Text
	if s.Start < 0 || m.Trigger.Start < s.Start || m.Trigger.Start > len(txt) {
		return false
	}
	seg := txt[s.Start:m.Trigger.Start]
	in := false
	for i, r := range seg {
		switch {
		case r == '"':
			in = !in
		case r == '“' || strings.HasPrefix(seg[i:], "``"):
			in = true
		case r == '”' || strings.HasPrefix(seg[i:], "''"):
			in = false
		}
	}
	return in
}

// inTimex reports whether m's trigger lies inside a time expression: the
// "March" of a dateline "WASHINGTON, March 12" is not a march.
// d.Timexes are in text order and do not overlap: the one that may hold
// the trigger is the last that starts at or before it.
func inTimex(d *doc.Document, m doc.EventMention) bool {
	k := sort.Search(len(d.Timexes), func(i int) bool { return d.Timexes[i].Start > m.Trigger.Start }) - 1
	return k >= 0 && m.Trigger.End <= d.Timexes[k].End
}
