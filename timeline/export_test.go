package timeline

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// TestTimelineJS: the TimelineJS export follows TimelineJS's JSON format
// (testdata/timelinejs.schema.json, written from its documentation),
// groups slides in the four quad classes, counts honestly what it leaves
// out, and does not repeat a sentence two mentions share.
func TestTimelineJS(t *testing.T) {
	pub := day("2024-03-26")
	dated := report("a1", &pub, "The United States abstained.", "Jane Roe cancelled the visit after the vote.")
	for i := range dated.Events {
		dated.Events[i].Value = "2024-03-26" // placed on the publication day
	}
	dated.Events[1].Type.QuadClass = 3
	// An undated article about someone else: its events cannot be placed.
	other := report("a2", nil, "John Doe resigned.", "Mary Major left the party after that.")
	other.Actors[0] = doc.Actor{Key: "person:john doe", Name: "John Doe", Kind: doc.KindPerson}
	other.Actors[1] = doc.Actor{Key: "person:mary major", Name: "Mary Major", Kind: doc.KindPerson}
	other.Events[0].Action, other.Events[0].Type = "resign", doc.EventType{Code: "0832", Label: "Resign"}
	other.Events[1].Action, other.Events[1].Type = "leave", doc.EventType{Code: "0833", Label: "Leave"}
	st := store(t, dated, report("a3", nil, "The United States abstained.", "Jane Roe cancelled the visit."), other)
	tl, err := BuildFrom(context.Background(), st, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	sch := compileFile(t, "testdata/timelinejs.schema.json")
	for _, group := range GroupBys {
		doc, err := TimelineJSGrouped(tl, group)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := json.Marshal(doc)
		if err := sch.Validate(instance(t, raw)); err != nil {
			t.Errorf("group %s: not TimelineJS JSON: %v", group, err)
		}
		t.Logf("group %s: %d events, %d slides, title %q", group, len(tl.Events), len(doc.Events), doc.Title.Text.Text)
		placed := 0
		for _, e := range tl.Events {
			if e.When.Value != nil || e.When.Earliest != nil && e.When.Latest != nil {
				placed++
			}
		}
		if len(doc.Events) != placed || placed == 0 {
			t.Errorf("group %s: %d slides for %d placed events", group, len(doc.Events), placed)
		}
		if want := len(tl.Events) - placed; want > 0 && !strings.Contains(doc.Title.Text.Text, "left out") {
			t.Errorf("group %s: title %q does not say %d events are left out", group, doc.Title.Text.Text, want)
		}
		for _, s := range doc.Events {
			if n := strings.Count(s.Text.Text, "<p>The United States abstained."); n > 1 {
				t.Errorf("group %s: a sentence repeated %d times: %s", group, n, s.Text.Text)
			}
			switch group {
			case GroupClass:
				if !strings.Contains(strings.Join(quadClasses[:], "|"), s.Group) || s.Group == "" {
					t.Errorf("lane %q is no quad class", s.Group)
				}
			case GroupActor:
				if s.Group != "United States" && s.Group != "Jane Roe" {
					t.Errorf("lane %q is no agent", s.Group)
				}
			}
		}
	}
	if _, err := TimelineJSGrouped(tl, "label"); err == nil {
		t.Error("an unknown grouping is accepted")
	}
}
