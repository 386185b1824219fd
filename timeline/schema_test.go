package timeline

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaPath is the published contract of the JSON timeline.
const schemaPath = "../docs/timeline-v1.schema.json"

// compileSchema compiles docs/timeline-v1.schema.json.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(schemaPath, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	return sch
}

// validate checks the JSON that Write gives for tl against the schema.
func validate(t *testing.T, sch *jsonschema.Schema, tl *Timeline) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, tl, "json"); err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("timeline JSON does not follow %s: %v", schemaPath, err)
	}
}

// TestSchema: the JSON of timelines built from the graph follows
// docs/timeline-v1.schema.json, with and without publication dates and
// filters; and the schema is strict enough to catch a field it does not
// document.
func TestSchema(t *testing.T) {
	sch := compileSchema(t)
	pub := day("2024-03-26")
	st := store(t,
		report("a1", &pub, "The United States abstained.", "Jane Roe cancelled the visit after the vote."),
		report("a2", nil, "The United States abstained.", "Jane Roe cancelled the visit."))
	for _, f := range []Filter{{}, {MinSalience: 0.5}, {Actor: "Jane Roe", From: "2024", To: "2024-12-31"}} {
		tl, err := BuildFrom(context.Background(), st, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(tl.Events) == 0 && f.MinSalience == 0 {
			t.Fatalf("filter %+v: no events", f)
		}
		validate(t, sch, tl)
	}

	// An undocumented field fails.
	tl := &Timeline{Schema: Schema, Generated: time.Now(), Events: []Event{}}
	raw, _ := json.Marshal(tl)
	var m map[string]any
	json.Unmarshal(raw, &m)
	m["extra"] = 1
	if err := sch.Validate(m); err == nil {
		t.Error("a timeline with an undocumented field passes the schema")
	}
}
