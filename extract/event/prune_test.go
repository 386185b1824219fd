package event

import (
	"slices"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
)

func TestPrune(t *testing.T) {
	occur := doc.EventType{Extension: "EG-OCCUR"}
	d := &doc.Document{
		Events: []doc.EventMention{
			{Action: "say", Type: occur},                                                    // 0: dropped
			{Action: "cancel", Type: doc.EventType{Code: "125"}},                            // 1: coded
			{Action: "stage", Type: occur},                                                  // 2: dropped
			{Action: "meet", Type: occur, Arguments: []doc.Argument{{Role: doc.RoleAgent}}}, // 3: an actor
			{Action: "follow", Type: occur},                                                 // 4: linked to 1
			{Action: "comment", Type: doc.EventType{Code: "010"}},                           // 5: a statement without a speaker
		},
		Links: []doc.Link{
			{From: 4, To: 1, Type: doc.RelAfter},
			{From: 2, To: 0, Type: doc.RelAfter}, // both dropped
		},
	}
	Prune(d)
	var got []string
	for _, e := range d.Events {
		got = append(got, e.Action)
	}
	if want := []string{"cancel", "meet", "follow"}; !slices.Equal(got, want) {
		t.Fatalf("kept %v, want %v", got, want)
	}
	if len(d.Links) != 1 || d.Links[0].From != 2 || d.Links[0].To != 0 {
		t.Errorf("links %+v, want one from 2 (follow) to 0 (cancel)", d.Links)
	}
}

// TestPruneGenericNouns: a coded event noun without participants is kept
// when definite ("the cancellation" refers back to one), dropped when it
// names a kind of event ("negotiations", "a single sentence").
func TestPruneGenericNouns(t *testing.T) {
	tests := []struct {
		text, trigger string
		kept          bool
	}{
		{"Talk to your doctor before taking negotiations seriously.", "negotiations", false},
		{"How would you summarize your career in a single sentence?", "sentence", false},
		{"The cancellation has been perceived as a significant diplomatic setback.", "cancellation", true},
		{"Its cancellation has been perceived as a setback.", "cancellation", true},
	}
	for _, tt := range tests {
		d := parsedDoc(t, tt.text)
		Extract(d)
		found := false
		for _, e := range d.Events {
			found = found || e.TriggerText == tt.trigger && e.Type.Code != "" && len(e.Arguments) == 0
		}
		if !found {
			t.Fatalf("%q: no coded event %q without participants to prune", tt.text, tt.trigger)
		}
		Prune(d)
		kept := false
		for _, e := range d.Events {
			kept = kept || e.TriggerText == tt.trigger
		}
		if kept != tt.kept {
			t.Errorf("%q: %q kept %v, want %v", tt.text, tt.trigger, kept, tt.kept)
		}
	}
}
