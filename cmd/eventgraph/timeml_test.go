package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/timex/timeml"
)

const timemlInput = `<?xml version="1.0" ?>
<TimeML>
<DOCID>test</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2008-03-11" temporalFunction="false" functionInDocument="CREATION_TIME">20080311</TIMEX3></DCT>
<TEXT>
Boeing <EVENT eid="e1" class="OCCURRENCE">challenged</EVENT> the award on Monday. The GAO upheld Boeing's protest, a spokesman said.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" eventInstanceID="ei1" relatedToTime="t0" relType="BEFORE"/>
</TimeML>
`

// TestTimemlEvents runs `eventgraph timeml` on a TimeML file: the output
// has the time expression and the events with their instances, reads back
// as TimeML with the same text, and --events=false tags time only.
func TestTimemlEvents(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.tml")
	if err := os.WriteFile(in, []byte(timemlInput), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "timeml", in)
	d, err := timeml.Parse([]byte(out))
	if err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	orig, _ := timeml.Parse([]byte(timemlInput))
	if d.Text != orig.Text {
		t.Errorf("text changed: %q", d.Text)
	}
	if len(d.Gold) != 1 || d.Gold[0].Text != "Monday" || d.Gold[0].Value != "2008-03-10" {
		t.Errorf("time expressions %+v", d.Gold)
	}
	got := map[string]timeml.Event{}
	for _, e := range d.Events {
		got[e.Text] = e
	}
	for _, w := range []struct{ word, class string }{{"challenged", "OCCURRENCE"}, {"upheld", "OCCURRENCE"}, {"protest", ""}, {"said", "REPORTING"}} {
		e, ok := got[w.word]
		if !ok {
			t.Errorf("%q not tagged as an event: %+v", w.word, d.Events)
			continue
		}
		if w.class != "" && e.Class != w.class {
			t.Errorf("%q: class %s, want %s", w.word, e.Class, w.class)
		}
		if e.Tense == "" || e.Polarity == "" || e.POS == "" {
			t.Errorf("%q: no MAKEINSTANCE attributes: %+v", w.word, e)
		}
	}
	if strings.Contains(out, "TLINK") || strings.Count(out, "<MAKEINSTANCE") != len(d.Events) {
		t.Errorf("instances and links:\n%s", out)
	}

	timeOnly := mustRun(t, "timeml", "--events=false", in)
	if strings.Contains(timeOnly, "<EVENT") || !strings.Contains(timeOnly, ">Monday</TIMEX3>") {
		t.Errorf("--events=false:\n%s", timeOnly)
	}

	outDir := filepath.Join(dir, "out")
	mustRun(t, "timeml", "-o", outDir, in)
	if b, err := os.ReadFile(filepath.Join(outDir, "in.tml")); err != nil || string(b) != out {
		t.Errorf("-o wrote %q (%v), want the stdout output", b, err)
	}
}
