package resolve

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

func parseDay(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

// mention builds a one-event document.
func mention(article string, code, action string, mod doc.Modality, agent string, lo, hi string) *doc.Document {
	d := &doc.Document{Article: doc.Article{ID: article}}
	var args []doc.Argument
	if agent != "" {
		d.Actors = []doc.Actor{{Key: agent, Name: agent, Kind: doc.KindPerson}}
		args = []doc.Argument{{Role: doc.RoleAgent, Actor: 0, Mention: -1}}
	}
	m := doc.EventMention{Type: doc.EventType{Code: code}, Action: action, Modality: mod, Arguments: args, Timex: -1, Basis: doc.BasisExplicit}
	if lo != "" {
		m.Earliest = parseDay(lo)
	}
	if hi != "" {
		m.Latest = parseDay(hi)
	}
	d.Events = []doc.EventMention{m}
	return d
}

func TestEventMerging(t *testing.T) {
	first := mention("a", "0874", "cancel", doc.Asserted, "person:jane roe", "2024-03-20", "2024-03-26")
	tests := []struct {
		name  string
		next  *doc.Document
		merge bool
	}{
		{"same event, undated", mention("b", "0874", "cancel", doc.Asserted, "person:jane roe", "", ""), true},
		{"same event, no agent", mention("b", "0874", "cancel", doc.Asserted, "", "2024-03-25", "2024-03-25"), true},
		{"same family other code", mention("b", "0871", "cancel", doc.Asserted, "person:jane roe", "", ""), true},
		{"other agent", mention("b", "0874", "cancel", doc.Asserted, "person:john doe", "", ""), false},
		{"disjoint dates", mention("b", "0874", "cancel", doc.Asserted, "person:jane roe", "2020-05-01", "2020-05-31"), false},
		{"negated", mention("b", "0874", "cancel", doc.Negated, "person:jane roe", "", ""), false},
		{"planned is not done", mention("b", "0874", "cancel", doc.Planned, "person:jane roe", "", ""), false},
		{"other family", mention("b", "192", "fight", doc.Asserted, "person:jane roe", "", ""), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Rules{})
			a := r.Add(first)
			b := r.Add(tt.next)
			if got := a.Events[0] == b.Events[0]; got != tt.merge {
				t.Errorf("merged = %v, want %v", got, tt.merge)
			}
			if tt.merge && (len(b.Merges) != 1 || len(b.Merges[0].Reasons) == 0) {
				t.Errorf("merge not explained: %+v", b.Merges)
			}
		})
	}
}

func TestActorIdentity(t *testing.T) {
	// A surname alone is the full name that ends in it.
	r := New(Rules{SameEntity: func(a, b doc.Actor) bool {
		return a.Key == b.Key || strings.HasSuffix(a.Name, " "+b.Name) || strings.HasSuffix(b.Name, " "+a.Name)
	}})
	full := &doc.Document{Actors: []doc.Actor{{Key: "person:jane roe", Name: "Jane Roe", Kind: doc.KindPerson}}}
	short := &doc.Document{Actors: []doc.Actor{{Key: "person:roe", Name: "Roe", Kind: doc.KindPerson}}}
	other := &doc.Document{Actors: []doc.Actor{{Key: "country:ROU", Name: "Roe", Kind: doc.KindCountry}}}
	a, b, c := r.Add(full), r.Add(short), r.Add(other)
	if a.Actors[0] != b.Actors[0] {
		t.Errorf("surname not merged with full name: %s vs %s", a.Actors[0], b.Actors[0])
	}
	if c.Actors[0] == a.Actors[0] {
		t.Error("a country merged with a person")
	}
	if got := ActorID("person:Gideon Sa’ar"); got != "actor/person/gideon-saar" {
		t.Errorf("ActorID = %q", got)
	}
}

// A bare nominalization merges with the event its article already reported,
// but not with a similar event of another article.
func TestAnaphoricMention(t *testing.T) {
	r := New(Rules{})
	first := mention("a", "0874", "cancel", doc.Asserted, "person:jane roe", "", "")
	bare := mention("a", "0874", "cancel", doc.Asserted, "", "", "")
	d := &doc.Document{Article: first.Article, Actors: first.Actors, Events: append(first.Events, bare.Events...)}
	as := r.Add(d)
	if as.Events[0] != as.Events[1] {
		t.Error("bare mention in the same article not merged")
	}
	other := r.Add(mention("b", "0874", "cancel", doc.Asserted, "", "", ""))
	if other.Events[0] == as.Events[0] {
		t.Error("bare undated mention of another article merged")
	}
}

// Reports that share most of their named cast merge bare mentions of the
// same type; reports about other people do not.
func TestContextOverlap(t *testing.T) {
	withCast := func(article string, cast ...string) *doc.Document {
		d := mention(article, "190", "attack", doc.Asserted, "", "", "")
		for _, c := range cast {
			d.ActorMentions = append(d.ActorMentions, doc.ActorMention{Actor: len(d.Actors)})
			d.Actors = append(d.Actors, doc.Actor{Key: c, Name: c, Kind: doc.KindPerson})
		}
		return d
	}
	r := New(Rules{})
	a := r.Add(withCast("a", "person:ann", "person:bob", "country:XYZ"))
	b := r.Add(withCast("b", "person:ann", "person:bob", "place:town"))
	c := r.Add(withCast("c", "person:cid", "person:dan"))
	if a.Events[0] != b.Events[0] {
		t.Error("reports sharing their cast not merged")
	}
	if c.Events[0] == a.Events[0] {
		t.Error("report with another cast merged")
	}
	if got := overlap([]string{"a", "b", "c"}, []string{"a", "b"}); got != 1 {
		t.Errorf("overlap = %v", got)
	}
}

// Beyond the recent window, an old event is still found through a shared
// actor; an old event sharing nothing is no longer compared.
func TestBlockingWindow(t *testing.T) {
	r := New(Rules{})
	r.window = 4
	old := r.Add(mention("a", "0874", "cancel", doc.Asserted, "person:jane roe", "", ""))
	for i := 0; i < 10; i++ {
		r.Add(mention(fmt.Sprintf("filler%d", i), "0874", "cancel", doc.Asserted, fmt.Sprintf("person:p%d", i), "", ""))
	}
	again := r.Add(mention("z", "0874", "cancel", doc.Asserted, "person:jane roe", "", ""))
	if again.Events[0] != old.Events[0] {
		t.Error("old event with the same agent not found beyond the window")
	}
	if r.Events() != 11 {
		t.Errorf("%d events, want 11", r.Events())
	}
}

// Uncoded occurrences ("caused", "marks") merge only with the same action.
func TestUncodedNeedSameAction(t *testing.T) {
	r := New(Rules{})
	d := mention("a", "", "cause", doc.Asserted, "person:ann", "", "")
	d.Events[0].Type.Extension = "EG-OCCUR"
	other := d.Events[0]
	other.Action = "aim"
	d.Events = append(d.Events, other)
	as := r.Add(d)
	if as.Events[0] == as.Events[1] {
		t.Error("different uncoded actions merged")
	}
}
