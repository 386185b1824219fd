package timeml

import (
	"bytes"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
)

const sample = `<?xml version="1.0" ?>
<TimeML>
<DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> &quot;after&quot; <SIGNAL sid="s1">the</SIGNAL> report of <TIMEX3 tid="t2" type="DURATION" value="P3M">the past three months</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e1" eiid="ei2" tense="PRESENT" aspect="NONE" polarity="NEG" pos="VERB"/>
<TLINK lid="l1" eventInstanceID="ei1" relatedToTime="t1" relType="IS_INCLUDED"/>
</TimeML>
`

func TestParse(t *testing.T) {
	d, err := Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	if d.DCT == nil || d.DCT.Format("2006-01-02") != "1998-01-08" {
		t.Fatalf("DCT %v", d.DCT)
	}
	wantText := "\nAT&T fell yesterday \"after\" the report of the past three months.\n"
	if d.Text != wantText {
		t.Fatalf("Text %q", d.Text)
	}
	if len(d.Gold) != 2 || d.Gold[0].Text != "yesterday" || d.Gold[0].Value != "1998-01-07" || d.Gold[1].Text != "the past three months" || d.Gold[1].Type != "DURATION" {
		t.Fatalf("gold %+v", d.Gold)
	}
	// The event takes the attributes of its first instance.
	want := Event{Start: 6, End: 10, ID: "e1", Class: "OCCURRENCE", Tense: "PAST", Aspect: "NONE", Polarity: "POS", POS: "VERB", Text: "fell"}
	if len(d.Events) != 1 || d.Events[0] != want {
		t.Fatalf("events %+v", d.Events)
	}
}

func TestAnnotateRoundTrip(t *testing.T) {
	d, err := Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	// Tag over the unescaped text, including a span that ends right after
	// an entity and one that covers one.
	s := strings.Index(d.Text, "AT&T")
	q := strings.Index(d.Text, "\"after\"")
	tx := []doc.Timex{
		{Span: doc.Span{Start: s, End: s + 4}, Type: "DATE", Value: "X&Y"},
		{Span: doc.Span{Start: q, End: q + len("\"after\"")}, Type: "DATE", Value: "PAST_REF"},
	}
	out := d.Annotate(tx)
	// Outside TEXT the file is byte-identical.
	i := bytes.Index(out, []byte("<TEXT>"))
	if !bytes.Equal(out[:i], []byte(sample[:strings.Index(sample, "<TEXT>")])) {
		t.Error("prefix changed")
	}
	if !bytes.HasSuffix(out, []byte(sample[strings.Index(sample, "</TEXT>"):])) {
		t.Error("suffix changed")
	}
	want := `<TIMEX3 tid="t1" type="DATE" value="X&amp;Y">AT&amp;T</TIMEX3> fell yesterday <TIMEX3 tid="t2" type="DATE" value="PAST_REF">&quot;after&quot;</TIMEX3> the report`
	if !bytes.Contains(out, []byte(want)) {
		t.Errorf("annotated TEXT:\n%s", out)
	}
	// Parsing the output gives back the same text and our tags as gold.
	d2, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if d2.Text != d.Text || len(d2.Gold) != 2 || d2.Gold[0].Value != "X&Y" || d2.Gold[1].Text != "\"after\"" {
		t.Errorf("round trip: %q %+v", d2.Text, d2.Gold)
	}
	// The tagger output annotates too.
	if got := d.Annotate(d.Tag()); !bytes.Contains(got, []byte(`value="1998-01-07">yesterday</TIMEX3>`)) {
		t.Errorf("tagged output:\n%s", got)
	}
}

func TestParseErrors(t *testing.T) {
	if _, err := Parse([]byte("<TimeML></TimeML>")); err == nil {
		t.Error("missing TEXT accepted")
	}
	if _, err := Parse([]byte("<TEXT>abc")); err == nil {
		t.Error("unterminated TEXT accepted")
	}
}

func TestScore(t *testing.T) {
	gold := []Timex{
		{Start: 0, End: 5, Type: "DATE", Value: "1998"},
		{Start: 10, End: 20, Type: "DURATION", Value: "P3M"},
		{Start: 30, End: 35, Type: "DATE", Value: "PRESENT_REF"},
		{Start: 40, End: 45, Type: "SET", Value: "P1D"},
	}
	sys := []Timex{
		{Start: 0, End: 5, Type: "DATE", Value: "1998"},          // strict, value ok
		{Start: 14, End: 20, Type: "DURATION", Value: "P2M"},     // relaxed, wrong value
		{Start: 30, End: 35, Type: "TIME", Value: "PRESENT_REF"}, // strict, wrong type
		{Start: 50, End: 55, Type: "DATE", Value: "1999"},        // spurious
	}
	var c Counts
	r := c.Add(gold, sys)
	if len(r.Missed) != 1 || r.Missed[0] != 3 || len(r.Spurious) != 1 || r.Spurious[0] != 3 {
		t.Fatalf("result %+v", r)
	}
	if c.Strict != 2 || c.Relaxed != 3 || c.ValueOK != 2 || c.TypeOK != 2 {
		t.Fatalf("counts %+v", c)
	}
	s := c.Scores()
	near := func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
	if !near(s.StrictP, 0.5) || !near(s.StrictR, 0.5) || !near(s.RelaxedF1, 0.75) || !near(s.ValueAcc, 2.0/3) || !near(s.ValueF1, 0.5) || !near(s.TypeF1, 0.5) {
		t.Errorf("scores %+v", s)
	}
	// One-to-one: two system spans overlapping one gold span count once.
	var c2 Counts
	c2.Add([]Timex{{Start: 0, End: 10}}, []Timex{{Start: 0, End: 4}, {Start: 5, End: 10}})
	if c2.Relaxed != 1 {
		t.Errorf("relaxed %d", c2.Relaxed)
	}
	if (Counts{}).Scores().StrictF1 != 0 {
		t.Error("empty scores")
	}
}
