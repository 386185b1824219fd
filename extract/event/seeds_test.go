package event_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/extract/doc"
)

// seedDoc runs the whole extraction pipeline (sentences, timex.Tag,
// actor.Recognize, event.Extract) on a seed article.
func seedDoc(t *testing.T, name string) *doc.Document {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "seeds", name+"*.txt"))
	if err != nil || len(paths) != 1 {
		t.Fatalf("seed %s: %v %v", name, paths, err)
	}
	data, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.ParseText(paths[0], data)
	if err != nil {
		t.Fatal(err)
	}
	return extract.Extract(a)
}

func key(d *doc.Document, i int) string { return d.Actors[i].Key }

func hasArg(d *doc.Document, e doc.EventMention, role, k string) bool {
	for _, a := range e.Arguments {
		if a.Role == role && key(d, a.Actor) == k {
			return true
		}
	}
	return false
}

func code(e doc.EventMention) string {
	if e.Type.Extension != "" {
		return e.Type.Extension
	}
	return e.Type.Code
}

// events returns the events with the code that pass keep.
func events(d *doc.Document, c string, keep func(doc.EventMention) bool) []int {
	var out []int
	for i, e := range d.Events {
		if code(e) == c && (keep == nil || keep(e)) {
			out = append(out, i)
		}
	}
	return out
}

func dump(t *testing.T, d *doc.Document) {
	t.Helper()
	for i, e := range d.Events {
		t.Logf("%2d s%d %q %s %s %s", i, e.Sentence, e.TriggerText, code(e), e.Modality, e.Summary)
	}
}

func linked(d *doc.Document, later, earlier []int) bool {
	in := func(i int, s []int) bool {
		for _, x := range s {
			if x == i {
				return true
			}
		}
		return false
	}
	for _, l := range d.Links {
		if in(l.From, later) && in(l.To, earlier) && l.Type == doc.RelAfter ||
			in(l.From, earlier) && in(l.To, later) && l.Type == doc.RelBefore {
			return true
		}
	}
	return false
}

func noRafahAttackAsserted(t *testing.T, d *doc.Document) {
	t.Helper()
	n := 0
	for _, e := range d.Events {
		if !strings.HasPrefix(e.Type.Code, "19") {
			continue
		}
		rafah := strings.Contains(d.Article.Text[d.Sentences[e.Sentence].Start:d.Sentences[e.Sentence].End], "Rafah")
		if !rafah || e.Action != "attack" && e.Action != "invade" {
			continue
		}
		n++
		if e.Modality == doc.Asserted || e.Modality == doc.Reported {
			t.Errorf("Rafah offensive %q in sentence %d is %s; it was threatened or planned", e.TriggerText, e.Sentence, e.Modality)
		}
	}
	if n == 0 {
		t.Error("no Rafah offensive found")
	}
}

func TestSeedWashingtonTrip(t *testing.T) {
	d := seedDoc(t, "000_")
	defer func() {
		if t.Failed() {
			dump(t, d)
		}
	}()
	abst := events(d, "EG-ABSTAIN", func(e doc.EventMention) bool {
		return hasArg(d, e, doc.RoleAgent, "country:USA") && e.Modality == doc.Asserted
	})
	if len(abst) == 0 {
		t.Error("no US abstention")
	}
	canc := events(d, "EG-CANCELVISIT", func(e doc.EventMention) bool { return e.Modality == doc.Asserted })
	byNetanyahu := 0
	for _, i := range canc {
		if hasArg(d, d.Events[i], doc.RoleAgent, "person:benjamin netanyahu") {
			byNetanyahu++
			if d.Events[i].Action != "cancel" {
				t.Errorf("cancellation action = %q", d.Events[i].Action)
			}
		}
	}
	if byNetanyahu == 0 {
		t.Error("no cancellation by Netanyahu")
	}
	if len(events(d, "EG-RESIGN", func(e doc.EventMention) bool {
		return hasArg(d, e, doc.RoleAgent, "person:gideon sa'ar") && e.Action == "resign"
	})) == 0 {
		t.Error("no resignation of Sa'ar")
	}
	if len(events(d, "046", func(e doc.EventMention) bool {
		return hasArg(d, e, doc.RoleParticipant, "country:ISR") && hasArg(d, e, doc.RoleParticipant, "group:hamas")
	})) == 0 {
		t.Error("no Israel-Hamas negotiations")
	}
	noRafahAttackAsserted(t, d)
	// The caption's cabinet meeting is dated by the caption, 2020-05-24.
	day := time.Date(2020, 5, 24, 0, 0, 0, 0, time.UTC)
	meeting := false
	for _, e := range d.Events {
		if d.Sentences[e.Sentence].Kind != doc.BlockCaption {
			continue
		}
		if e.Action == "meet" {
			meeting = true
			if !e.Earliest.Equal(day) || !e.Latest.Equal(day) || e.Basis != doc.BasisExplicit {
				t.Errorf("caption meeting dated %v..%v (%s), want 2020-05-24", e.Earliest, e.Latest, e.Basis)
			}
		}
	}
	if !meeting {
		t.Error("no cabinet meeting in the caption")
	}
	if !linked(d, canc, abst) {
		t.Errorf("no link: cancellation after abstention (links %+v)", d.Links)
	}
	for _, e := range d.Events {
		if e.Summary == "" || e.Pattern == "" || e.Action == "" {
			t.Errorf("event %q lacks summary, pattern or action", e.TriggerText)
		}
	}
}

func TestSeedDelegation(t *testing.T) {
	d := seedDoc(t, "004_")
	defer func() {
		if t.Failed() {
			dump(t, d)
		}
	}()
	dct := time.Date(2024, 3, 26, 0, 0, 0, 0, time.UTC)
	canc := events(d, "EG-CANCELVISIT", func(e doc.EventMention) bool {
		return e.Modality == doc.Asserted && hasArg(d, e, doc.RoleAgent, "person:benjamin netanyahu")
	})
	if len(canc) == 0 {
		t.Fatal("no cancellation by Netanyahu")
	}
	first := d.Events[canc[0]]
	if first.TriggerText != "decision to not send" || first.Action != "cancel" {
		t.Errorf("first cancellation = %q (%s)", first.TriggerText, first.Action)
	}
	if !first.Latest.Equal(dct) || first.Basis != doc.BasisPublication {
		t.Errorf("cancellation bounds %v..%v %s, want latest = publication date", first.Earliest, first.Latest, first.Basis)
	}
	if !strings.HasPrefix(first.Summary, "Benjamin Netanyahu cancels") {
		t.Errorf("summary %q", first.Summary)
	}
	abst := events(d, "EG-ABSTAIN", func(e doc.EventMention) bool { return hasArg(d, e, doc.RoleAgent, "country:USA") })
	if len(abst) == 0 {
		t.Error("no US abstention")
	}
	for _, i := range events(d, "129", nil) {
		if d.Events[i].Modality != doc.Negated {
			t.Errorf("veto %q is %s: the US abstained from vetoing", d.Events[i].TriggerText, d.Events[i].Modality)
		}
	}
	if len(events(d, "EG-CONCERN", func(e doc.EventMention) bool {
		return hasArg(d, e, doc.RoleAgent, "person:john kirby") && e.Action == "express"
	})) == 0 {
		t.Error("no expression of confusion by Kirby")
	}
	crit := events(d, "111", func(e doc.EventMention) bool {
		for _, a := range e.Arguments {
			if a.Role == doc.RoleAgent && d.Actors[a.Actor].Kind == doc.KindOffice {
				return hasArg(d, e, doc.RoleTarget, "country:USA")
			}
		}
		return false
	})
	if len(crit) == 0 {
		t.Error("no criticism of the US by Netanyahu's office")
	}
	noRafahAttackAsserted(t, d)
	if !linked(d, canc, abst) {
		t.Errorf("no link: cancellation after abstention (links %+v)", d.Links)
	}
	// "its consistent support at the Security Council since the beginning
	// of the conflict" is background: not dated by the publication date.
	for _, e := range d.Events {
		if e.Action == "support" && e.Basis == doc.BasisPublication {
			t.Errorf("background support dated by publication: %+v", e)
		}
	}
}
