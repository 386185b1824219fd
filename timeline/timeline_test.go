package timeline

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/resolve"
)

func day(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

// report builds a small document by hand: two events, the second stated to
// come after the first, both dated only by the publication date.
func report(id string, published *time.Time, vote, cancel string) *doc.Document {
	text := vote + " " + cancel
	d := &doc.Document{Article: doc.Article{ID: id, Source: id + ".txt", Text: text, Published: published}}
	d.Sentences = []doc.Sentence{
		{Span: doc.Span{Start: 0, End: len(vote)}, Index: 0},
		{Span: doc.Span{Start: len(vote) + 1, End: len(text)}, Index: 1},
	}
	d.Actors = []doc.Actor{
		{Key: "country:USA", Name: "United States", Kind: doc.KindCountry, Code: "USA"},
		{Key: "person:jane roe", Name: "Jane Roe", Kind: doc.KindPerson},
	}
	var lo, hi time.Time
	basis := doc.BasisUnknown
	if published != nil {
		hi, basis = *published, doc.BasisPublication
	}
	d.Events = []doc.EventMention{
		{Sentence: 0, Action: "abstain", TriggerText: "abstained", Type: doc.EventType{Code: "0251", Label: "Abstain"}, Modality: doc.Asserted,
			Arguments: []doc.Argument{{Role: doc.RoleAgent, Actor: 0, Mention: -1}}, Timex: -1, Earliest: lo, Latest: hi, Basis: basis, Summary: "United States abstains"},
		{Sentence: 1, Action: "cancel", TriggerText: "cancelled", Type: doc.EventType{Code: "0874", Label: "Cancel visit"}, Modality: doc.Asserted,
			Arguments: []doc.Argument{{Role: doc.RoleAgent, Actor: 1, Mention: -1}}, Timex: -1, Earliest: lo, Latest: hi, Basis: basis, Summary: "Jane Roe cancels visit"},
	}
	d.Links = []doc.Link{{From: 1, To: 0, Type: doc.RelAfter, Cue: "after"}}
	return d
}

func store(t *testing.T, docs ...*doc.Document) *graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: "bolt", Address: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r := resolve.New(resolve.Rules{})
	for _, d := range docs {
		own, shared := graph.Quads(d, r.Add(d))
		if _, err := st.WriteArticle(ctx, own, shared); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func TestBuildMergesAndOrders(t *testing.T) {
	pub := day("2024-03-26")
	// The cancellation is listed first in the text order of this article's
	// events only through the "after" link.
	a := report("a1", &pub, "The United States abstained.", "Roe cancelled the visit after the vote.")
	a.Events[0], a.Events[1] = a.Events[1], a.Events[0]
	a.Events[0].Sentence, a.Events[1].Sentence = 1, 0
	a.Links = []doc.Link{{From: 0, To: 1, Type: doc.RelAfter, Cue: "after"}}
	b := report("b2", nil, "The US abstained at the vote.", "Roe cancelled her trip.")
	st := store(t, a, b)

	tl, err := BuildFrom(context.Background(), st, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Events) != 2 {
		t.Fatalf("%d events, want 2 (one per real-world event): %+v", len(tl.Events), tl.Events)
	}
	if tl.Events[0].Action != "abstain" || tl.Events[1].Action != "cancel" {
		t.Errorf("order %s, %s; want abstain before cancel", tl.Events[0].Action, tl.Events[1].Action)
	}
	for _, e := range tl.Events {
		if len(e.Mentions) != 2 {
			t.Errorf("%s: %d mentions, want 2", e.Action, len(e.Mentions))
		}
		// The undated article's mention borrows the dated one's bounds.
		if e.When.Latest == nil || *e.When.Latest != "2024-03-26" || e.When.Basis != "publication" {
			t.Errorf("%s: when %+v", e.Action, e.When)
		}
	}
	b2, err := json.Marshal(tl)
	if err != nil {
		t.Fatal(err)
	}
	var generic map[string]any
	if err := json.Unmarshal(b2, &generic); err != nil || generic["schema"] != Schema {
		t.Errorf("schema %v, err %v", generic["schema"], err)
	}
}

func TestFilters(t *testing.T) {
	pub := day("2024-03-26")
	st := store(t, report("a1", &pub, "The United States abstained.", "Roe cancelled the visit."))
	tests := []struct {
		f    Filter
		want int
	}{
		{Filter{}, 2},
		{Filter{Actor: "Jane Roe"}, 1},
		{Filter{Actor: "roe"}, 1},
		{Filter{Actor: "Nobody"}, 0},
		{Filter{Type: "0874"}, 1},
		{Filter{Type: "abstain"}, 1},
		{Filter{From: "2024-03"}, 2},
		// Known only to precede the publication date: they can fall in 2023.
		{Filter{To: "2023"}, 2},
		{Filter{From: "2024-04"}, 0},
	}
	for _, tt := range tests {
		tl, err := BuildFrom(context.Background(), st, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if len(tl.Events) != tt.want {
			t.Errorf("%+v: %d events, want %d", tt.f, len(tl.Events), tt.want)
		}
	}
	if _, err := BuildFrom(context.Background(), st, Filter{From: "March"}); err == nil {
		t.Error("bad --from accepted")
	}
}

func TestDateLabel(t *testing.T) {
	s := func(v string) *string { return &v }
	tests := []struct {
		w    When
		want string
	}{
		{When{Value: s("2024-03-25"), Earliest: s("2024-03-25"), Latest: s("2024-03-25")}, "2024-03-25"},
		{When{Value: s("2024-03"), Earliest: s("2024-03-01"), Latest: s("2024-03-31")}, "2024-03"},
		{When{Latest: s("2024-03-26")}, "≤ 2024-03-26"},
		{When{Value: s("2024-03-26"), Latest: s("2024-03-26"), Basis: "publication"}, "≈ 2024-03-26"},
		{When{Earliest: s("2024-03-26"), Basis: "publication"}, "≥ 2024-03-26"},
		{When{}, "undated"},
		{When{Value: s("200"), Latest: s("2009-12-31")}, "≤ 2000s"},
		{When{Value: s("196"), Earliest: s("1960-01-01"), Latest: s("1969-12-31")}, "1960s"},
		{When{Value: s("19"), Earliest: s("1900-01-01"), Latest: s("1999-12-31")}, "1900s"},
		{When{Value: s("2020-SU"), Earliest: s("2020-06-01"), Latest: s("2020-08-31")}, "summer 2020"},
		{When{Value: s("2030"), Earliest: s("2030-01-01")}, "≥ 2030"},
		{When{Value: s("2024-Q1"), Earliest: s("2024-01-01"), Latest: s("2024-03-31")}, "2024-Q1"},
		{When{Value: s("FUTURE_REF"), Earliest: s("2022-04-21")}, "in the future"},
		{When{Value: s("PRESENT_REF"), Earliest: s("2022-04-21"), Latest: s("2022-04-21")}, "2022-04-21"},
	}
	for _, tt := range tests {
		if got := DateLabel(tt.w); got != tt.want {
			t.Errorf("DateLabel(%+v) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

// TestWhenPlacesOnPublication: an event no mention dates takes the first
// day it was reported as its value, keeps its bounds, and says so.
func TestWhenPlacesOnPublication(t *testing.T) {
	s := func(v string) *string { return &v }
	tests := []struct {
		name      string
		ms        []Mention
		value     string // "" for none
		basis     string
		latest    string
		sortFirst string
	}{
		{"two reports, the first day wins",
			[]Mention{
				{Latest: s("2024-03-27"), Basis: "publication", Value: "2024-03-27"},
				{Latest: s("2024-03-26"), Basis: "publication", Value: "2024-03-26"},
			}, "2024-03-26", "publication", "2024-03-26", "2024-03-26"},
		{"an explicit date beats the publication day",
			[]Mention{
				{Latest: s("2024-03-26"), Basis: "publication", Value: "2024-03-26"},
				{Earliest: s("2024-03-25"), Latest: s("2024-03-25"), Basis: "explicit", Value: "2024-03-25"},
			}, "2024-03-25", "explicit", "2024-03-25", "2024-03-25"},
		{"a future event is not placed",
			[]Mention{{Earliest: s("2024-03-26"), Basis: "publication"}},
			"", "publication", "", "2024-03-26"},
		{"a publication day outside the bounds is dropped",
			[]Mention{
				{Earliest: s("2024-03-01"), Latest: s("2024-03-10"), Basis: "explicit"},
				{Latest: s("2024-03-26"), Basis: "publication", Value: "2024-03-26"},
			}, "", "explicit", "2024-03-10", "2024-03-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := when(tt.ms)
			if deref(w.Value) != tt.value || w.Basis != tt.basis || deref(w.Latest) != tt.latest {
				t.Errorf("when = value %q basis %q latest %q, want %q %q %q", deref(w.Value), w.Basis, deref(w.Latest), tt.value, tt.basis, tt.latest)
			}
			if k := sortKey(Event{When: w}); k[0] != tt.sortFirst {
				t.Errorf("sort key %v, want first %q", k, tt.sortFirst)
			}
		})
	}
}
