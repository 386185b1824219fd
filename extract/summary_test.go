package extract

import (
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// TestSummaryAgreement: a plural common noun takes a plural verb in an
// event's summary, a name a singular one whatever its form.
func TestSummaryAgreement(t *testing.T) {
	dct := time.Date(2024, 3, 26, 0, 0, 0, 0, time.UTC)
	tests := []struct{ text, trigger, want string }{
		{"Officials said Israel attacked Gaza.", "said", "officials say Israel"},
		{"Protesters clashed with police in Athens.", "clashed", "protesters clash with police in Athens"},
		{"The United States abstained.", "abstained", "United States abstains"},
		{"The ministry said it would respond.", "said", "ministry says"},
		{"US officials expressed bewilderment at the decision.", "expressed", "United States government expresses bewilderment"},
		{"Syrian rebels engaged peacekeepers in a firefight.", "engaged", "Syria rebels engage peacekeepers in a firefight"},
		{"Three Chicagoans died of the virus last week.", "died", "Chicagoans die"},
		{"3 dead after protesters torch Greek bank", "dead", "3 people die"},
		{"Experts studied the grid. They said the blackouts were not necessary.", "said", "experts say"},
		{"Israeli troops attacked the town in Gaza.", "attacked", "Israel military attacks town in Gaza"},
		{"US officials met on Monday. They said the vote was a mistake.", "said", "United States government says"},
		{"Georgian demonstrators launched missiles at the Georgian government.", "launched", "Georgia protesters fire missiles"},
	}
	for _, tt := range tests {
		d := Extract(doc.Article{Text: tt.text, Published: &dct})
		var got []string
		for _, e := range d.Events {
			if e.TriggerText == tt.trigger {
				got = append(got, e.Summary)
			}
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%q: summaries %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestStatementCodes: a statement is coded by what it reports when that
// is the report's own event (a light verb's object included), not by an
// event noun buried in one of its phrases.
func TestStatementCodes(t *testing.T) {
	dct := time.Date(2024, 3, 26, 0, 0, 0, 0, time.UTC)
	tests := []struct{ text, code string }{
		{"Obama said he would not provide support to Israel.", "120"},
		{"Kirby said the resolution maintained consistent U.S. policy towards Israel and its operations against Hamas.", "010"},
	}
	for _, tt := range tests {
		d := Extract(doc.Article{Text: tt.text, Published: &dct})
		for _, e := range d.Events {
			if e.TriggerText == "said" && e.Type.Code != tt.code {
				t.Errorf("%q: said coded %s, want %s", tt.text, e.Type.Code, tt.code)
			}
		}
	}
}

// TestNoFalseCode: knocking on a door is no physical assault (CAMEO 182),
// firing a coach on a Saturday is no shooting (193): "on" before a day is
// no target of "fire on"; patients admitted to a hospital admit nothing
// (015); deploying tools mobilizes no armed force (154); receiving a dose
// hosts no visit (043); a "travel team" travels nowhere (042): a verb
// pattern does not read a noun that modifies an actor.
func TestNoFalseCode(t *testing.T) {
	dct := time.Date(2013, 5, 3, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ text, code string }{
		{"Deputy Jerry Ortiz was shot and killed after knocking on a door during an investigation.", "182"},
		{"Police knocked on doors in the neighborhood on Friday.", "182"},
		{"The Philadelphia 76ers fired coach Maurice Cheeks on Saturday.", "193"},
		{"The number of Covid-19 patients admitted to New York hospitals fell again.", "015"},
		{"Organisations deployed various tools, antivirus and firewalls.", "154"},
		{"About 80 percent of the people received a single dose of the vaccine.", "043"},
		{"If you need help, please speak to the travel team about your requirements.", "042"},
		{"An Oregon State Police bomb squad technician died on Friday.", "183"},
	} {
		d := Extract(doc.Article{Text: tt.text, Published: &dct})
		for _, e := range d.Events {
			if e.Type.Code == tt.code {
				t.Errorf("%q: %q coded %s (%s)", tt.text, e.TriggerText, tt.code, e.Pattern)
			}
		}
	}
}

// TestVagueAgentSalience: an agent that is a description of no one in
// particular ("a person", "colleagues") makes a row less salient than a
// named one: the default timeline (salience 0.5) shows "John Smith ran
// the store in 2020", not "a person ran the store in 2020".
func TestVagueAgentSalience(t *testing.T) {
	dct := time.Date(2021, 3, 8, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text    string
		salient bool
	}{
		{"John Smith ran the store in 2020.", true},
		{"A person ran the store in 2020.", false},
	}
	for _, tt := range tests {
		d := Extract(doc.Article{Text: tt.text, Published: &dct})
		for _, e := range d.Events {
			if e.TriggerText == "ran" && (e.Salience >= 0.5) != tt.salient {
				t.Errorf("%q: salience %.2f, want salient %v", tt.text, e.Salience, tt.salient)
			}
		}
	}
}
