package timeml

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
)

func TestAnnotateEventsRoundTrip(t *testing.T) {
	d, err := Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) (int, int) {
		i := strings.Index(d.Text, s)
		return i, i + len(s)
	}
	ys, ye := at("yesterday")
	tx := []doc.Timex{{Span: doc.Span{Start: ys, End: ye}, Type: "DATE", Value: "1998-01-07"}}
	fs, fe := at("fell")
	rs, re := at("report")
	ev := []Event{
		{Start: rs, End: re, Class: "REPORTING", Tense: "NONE", Polarity: "POS", POS: "NOUN"},
		{Start: fs, End: fe, Class: "OCCURRENCE", Tense: "PAST", Aspect: "NONE", Polarity: "NEG", Modality: "would", POS: "VERB"},
		{Start: ys + 1, End: ye, Class: "STATE"}, // inside the expression: left out
	}
	out := d.AnnotateEvents(tx, ev)
	for _, want := range []string{
		`AT&amp;T <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>`,
		`the <EVENT eid="e2" class="REPORTING">report</EVENT> of`,
		`<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="NEG" pos="VERB" modality="would" />`,
		`<MAKEINSTANCE eventID="e2" eiid="ei2" tense="NONE" aspect="NONE" polarity="POS" pos="NOUN" />`,
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	// The gold instances and links are gone; the rest of the file stays.
	if bytes.Contains(out, []byte("TLINK")) || bytes.Contains(out, []byte(`eiid="ei2" tense="PRESENT"`)) {
		t.Errorf("gold links kept:\n%s", out)
	}
	if !bytes.HasPrefix(out, []byte(sample[:strings.Index(sample, "<TEXT>")])) || !bytes.HasSuffix(out, []byte("</TimeML>\n")) {
		t.Errorf("outside TEXT changed:\n%s", out)
	}
	d2, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if d2.Text != d.Text || len(d2.Gold) != 1 || len(d2.Events) != 2 {
		t.Fatalf("round trip: %q %+v %+v", d2.Text, d2.Gold, d2.Events)
	}
	for k, want := range []Event{ev[1], ev[0]} {
		want.ID = d2.Events[k].ID
		want.Text = d.Text[want.Start:want.End]
		if want.Aspect == "" {
			want.Aspect = "NONE"
		}
		if d2.Events[k] != want {
			t.Errorf("event %d: got %+v, want %+v", k, d2.Events[k], want)
		}
	}
}

func TestScoreEvents(t *testing.T) {
	gold := []Event{
		{Start: 0, End: 4, Class: "OCCURRENCE", Tense: "PAST", Aspect: "NONE", Polarity: "POS"},
		{Start: 10, End: 20, Class: "REPORTING", Tense: "PAST"},
		{Start: 30, End: 35, Class: "STATE", Polarity: "NEG"},
		{Start: 40, End: 45, Class: "I_ACTION"},
	}
	sys := []Event{
		{Start: 0, End: 4, Class: "OCCURRENCE", Tense: "PAST"},       // strict, all right (unset aspect is NONE)
		{Start: 14, End: 20, Class: "REPORTING", Tense: "PRESENT"},   // relaxed, wrong tense
		{Start: 30, End: 35, Class: "OCCURRENCE", Polarity: "NEG"},   // strict, wrong class
		{Start: 50, End: 55, Class: "OCCURRENCE", Aspect: "PERFECT"}, // spurious
	}
	var c EventCounts
	r := c.Add(gold, sys)
	if len(r.Missed) != 1 || r.Missed[0] != 3 || len(r.Spurious) != 1 || r.Spurious[0] != 3 {
		t.Fatalf("result %+v", r)
	}
	want := EventCounts{Gold: 4, Sys: 4, Strict: 2, Relaxed: 3, ClassOK: 2, TenseOK: 2, AspectOK: 3, PolarityOK: 3}
	if c != want {
		t.Fatalf("counts %+v, want %+v", c, want)
	}
	s := c.Scores()
	near := func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
	if !near(s.StrictF1, 0.5) || !near(s.RelaxedF1, 0.75) || !near(s.ClassAcc, 2.0/3) || !near(s.ClassF1, 0.5) || !near(s.TenseAcc, 2.0/3) || !near(s.PolarityAcc, 1) {
		t.Errorf("scores %+v", s)
	}
}

// TestReadCorpusEvents reads every EVENT of the TempEval-3 training data:
// each keeps its text and finds its MAKEINSTANCE.
func TestReadCorpusEvents(t *testing.T) {
	files, _ := filepath.Glob("../../../../shared/data/tempeval3-train/*/*.tml")
	if len(files) == 0 {
		t.Skip("SKIPPING: no TempEval-3 data in ../shared/data/tempeval3-train next to the repository")
	}
	var n, tagged, noInstance int
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := raw[bytes.Index(raw, []byte("<TEXT>")):bytes.Index(raw, []byte("</TEXT>"))]
		tagged += bytes.Count(text, []byte("<EVENT "))
		d, err := Parse(raw)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, e := range d.Events {
			n++
			if e.Text == "" || strings.TrimSpace(e.Text) != e.Text || e.Class == "" {
				t.Errorf("%s: bad event %+v", filepath.Base(f), e)
			}
			if e.Tense == "" {
				noInstance++
			}
		}
	}
	if n != tagged {
		t.Errorf("read %d events, the files tag %d", n, tagged)
	}
	if noInstance > n/100 {
		t.Errorf("%d of %d events without MAKEINSTANCE", noInstance, n)
	}
	t.Logf("%d files, %d events, %d without an instance", len(files), n, noInstance)
}
