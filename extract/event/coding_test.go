package event

import (
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// TestFigurativeForce: a use of force whose subject or object names no
// physical thing loses its force code (the hand list in cues.tsv, and
// WordNet's abstract nouns in data/wordnet_abstract.tsv); a real one keeps
// it. A fight in an arena that is no battlefield ("a trade war", "a legal
// battle") is figurative too.
func TestFigurativeForce(t *testing.T) {
	tests := []struct {
		text, trigger string
		force         bool
	}{
		{"The dispute could harm U.S.-Israel ties.", "harm", false},
		{"This stifling atmosphere will ultimately harm his reputation.", "harm", false},
		{"The candidates fight for votes in Iowa.", "fight", false},
		{"Israeli forces attacked the town on Monday.", "attacked", true},
		{"The army attacked the rebels near the border.", "attacked", true},
		{"The 10-year-old was shot on the night of May 29th.", "shot", true},
		{"The robber knocked the guard unconscious.", "knocked the guard unconscious", true},
		{"The trade war between China and the US escalated.", "war", false},
		{"The couple is locked in a legal battle over custody.", "battle", false},
		{"Pubs closed, giving the nation breathing space in the ongoing pandemic battle.", "battle", false},
		{"Tensions escalated after the vote.", "escalated", false},
		{"The civil war killed thousands of people.", "war", true},
		{"The scandal damaged his reputation.", "damaged", false},
		{"Rioters damaged the embassy.", "damaged", true},
		{"The chain closed its branches due to a cybersecurity attack.", "attack", false},
		{"It is possible to apprehend a truth that contradicts the consensus.", "apprehend", false},
		{"Police apprehended the suspect on Monday.", "apprehended", true},
	}
	for _, tt := range tests {
		for _, e := range triggered(t, tt.text, tt.trigger) {
			if got := isForce(e.Type.Code) || strings.HasPrefix(e.Type.Code, "171") || e.Type.Code == "173"; got != tt.force {
				t.Errorf("%q: %q coded %s (%s), force %v, want %v", tt.text, tt.trigger, e.Type.Code, e.Pattern, got, tt.force)
			}
		}
	}
}

// triggered returns the events of text whose trigger is trigger, and fails
// the test when there is none.
func triggered(t *testing.T, text, trigger string) []doc.EventMention {
	t.Helper()
	d := parsedDoc(t, text)
	Extract(d)
	var out []doc.EventMention
	for _, e := range d.Events {
		if e.TriggerText == trigger {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		t.Errorf("%q: no event %q", text, trigger)
	}
	return out
}

// TestIntransitiveCodes: "demonstrate" is a protest (141) only without an
// object or a clause.
func TestIntransitiveCodes(t *testing.T) {
	tests := []struct {
		text, trigger, code string
	}{
		{"Thousands demonstrated outside parliament on Monday.", "demonstrated", "141"},
		{"The study demonstrated the effect of the drug.", "demonstrated", ""},
		{"The regrowth demonstrates that conservation is effective.", "demonstrates", ""},
	}
	for _, tt := range tests {
		for _, e := range triggered(t, tt.text, tt.trigger) {
			if e.Type.Code != tt.code {
				t.Errorf("%q: %q coded %q, want %q", tt.text, tt.trigger, e.Type.Code, tt.code)
			}
		}
	}
}
