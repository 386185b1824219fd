package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/event"
)

// TestNewsMisses: plain clauses with a named subject whose verb is in no
// dictionary, from news the extractors were not tuned on (issue 18): each
// is an event with its agent, placed on the publication day unless the
// text dates it.
func TestNewsMisses(t *testing.T) {
	dct := time.Date(2008, 7, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text, trigger, agent, value string
	}{
		{"Boeing challenged the award.", "challenged", "Boeing", "2008-07-10"},
		{"The GAO upheld Boeing's protest.", "upheld", "GAO", "2008-07-10"},
		{"When the Air Force selected Northrop Grumman on February 29, Boeing protested.", "selected", "Air Force", "2008-02-29"},
		{"Ryanair exercises options on five Boeing 737s.", "exercises", "Ryanair", "2008-07-10"},
		{"Boeing pushes back 737 replacement development.", "pushes", "Boeing", "2008-07-10"},
	}
	for _, tt := range tests {
		t.Run(tt.trigger, func(t *testing.T) {
			d := Extract(doc.Article{Text: tt.text, Published: &dct})
			for _, e := range d.Events {
				if !strings.Contains(e.TriggerText, tt.trigger) {
					continue
				}
				var agents []string
				for _, a := range e.Arguments {
					if a.Role == doc.RoleAgent {
						agents = append(agents, d.Actors[a.Actor].Name)
					}
				}
				if len(agents) != 1 || agents[0] != tt.agent {
					t.Errorf("%q: agents %q, want %q", tt.trigger, agents, tt.agent)
				}
				if e.Value != tt.value {
					t.Errorf("%q: value %q (basis %s), want %q", tt.trigger, e.Value, e.Basis, tt.value)
				}
				return
			}
			var got []string
			for _, e := range d.Events {
				got = append(got, e.TriggerText)
			}
			t.Errorf("no event %q among %q", tt.trigger, got)
		})
	}
}

// TestWebPageFragments: fragments of real web pages that became events
// before (issue 18) are not stored: no actor, no named place, no CAMEO
// code; and a German page gives no "Death or injury" from its article
// "die".
func TestWebPageFragments(t *testing.T) {
	dct := time.Date(2024, 3, 26, 0, 0, 0, 0, time.UTC)
	tests := []string{
		"That said, it was a good year.",
		"Keep them hydrated and out of the sun.",
		"The stage is set for a long summer.",
		"Sign up for our newsletter to get the latest stories delivered to your inbox.",
		"We reserve the right to remove comments that are abusive or off topic.",
		"Download our app to read more.",
		"How to get help: In the US, call the National Suicide Prevention Lifeline at 1-800-273-8255.",
	}
	for _, s := range tests {
		d := Extract(doc.Article{Text: s, Published: &dct})
		event.Prune(d)
		for _, e := range d.Events {
			t.Errorf("%q: stored event %q (%s %s, %d arguments)", s, e.TriggerText, e.Type.Code, e.Type.Extension, len(e.Arguments))
		}
	}
	de := "Die Regierung hat am Montag die neuen Regeln beschlossen. Die Opposition kritisierte die Entscheidung scharf und kündigte Widerstand an. " +
		"Nach Angaben der Behörden sollen die Regeln im Sommer in Kraft treten, wenn das Parlament zustimmt. " +
		"Die Ministerin sagte, die Menschen in den betroffenen Regionen müssten sich keine Sorgen machen. " +
		"Kritiker befürchten dagegen, dass die Kosten für die Bürger deutlich steigen werden."
	a, err := article.ParseText("de.txt", []byte(de))
	if err != nil {
		t.Fatal(err)
	}
	d := Extract(a)
	for _, e := range d.Events {
		t.Errorf("German text: event %q (%s)", e.TriggerText, e.Type.Label)
	}
}

// TestFrontedPeriodDatesTheReport: a year or a month fronted before a
// speech verb dates what it reports, not the saying, which the article
// reports as recent ("In 2020, Manning said that the contribution was 57
// per cent", newsday.co.tt); a day still dates the saying ("On Monday,
// Manning said").
func TestFrontedPeriodDatesTheReport(t *testing.T) {
	dct := time.Date(2022, 4, 28, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		text, value string
	}{
		{"In 2020, Manning said that the contribution was 57 per cent owing to a decline in energy prices.", ""},
		{"On Monday, Manning said the bank had provided forex to 122 manufacturers.", "2022-04-25"},
	} {
		d := Extract(doc.Article{Text: tt.text, Published: &dct})
		for _, e := range d.Events {
			if e.TriggerText != "said" {
				continue
			}
			if got := e.Value; e.Basis == doc.BasisPublication && tt.value != "" || e.Basis != doc.BasisPublication && got != tt.value {
				t.Errorf("%q: said is dated %q (%s), want %q", tt.text, got, e.Basis, tt.value)
			}
		}
	}
}
