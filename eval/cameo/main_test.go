package main

import (
	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"os"
	"path/filepath"
	"testing"
)

// TestCAMEO codes the real-news validation records and checks the root-code
// agreement against a floor a few points under the score reached when it
// was set.
func TestCAMEO(t *testing.T) {
	dir, err := evalkit.DataDir("", "cameo-validation")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, Files[0])
	if _, err := os.Stat(path); err != nil {
		t.Skipf("SKIPPING CAMEO evaluation: no validation data at %s (%v)", path, err)
	}
	recs, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res := Score(recs, 0)
	res.Print(testWriter{t}, Files[0])
	if res.WithEvents < 50 {
		t.Fatalf("only %d records with events read", res.WithEvents)
	}
	if a := res.RootAgreement(); a < floorRoot {
		t.Errorf("root agreement %.3f below floor %.3f", a, floorRoot)
	}
}

const floorRoot = 0.66

func TestReadFileSelfClosedSentence(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "v.xml")
	data := `<Sentences>
<Sentence category="AFP" date="20080804" id="A1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>
The US leader visited China.
</Text>
</Sentence>
<Sentence date="20080805" id="A2" evaluate="false">
<EventCoding eventcode="190" sourcecode="USA" targetcode="CHN" />
<Text>skipped</Text>
</Sentence>
<Sentence date="20080806" id="A3">
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentence>
</Sentences>`
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	recs, err := ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].ID != "A1" || len(recs[0].Codings) != 1 || recs[0].Codings[0].Event != "042" || !recs[1].NoEvents {
		t.Fatalf("records = %+v", recs)
	}
	if recs[0].Text != "The US leader visited China." || recs[0].Date == nil {
		t.Errorf("record text/date = %q %v", recs[0].Text, recs[0].Date)
	}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
