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
