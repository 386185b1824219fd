package timeline

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/google/jsonschema-go/jsonschema"
)

// schemaPath is the published contract of the JSON timeline.
const schemaPath = "../docs/timeline-v1.schema.json"

// compileSchema compiles docs/timeline-v1.schema.json.
func compileSchema(t *testing.T) *jsonschema.Resolved {
	t.Helper()
	return compileFile(t, schemaPath)
}

// compileFile compiles the JSON Schema at path.
func compileFile(t *testing.T, path string) *jsonschema.Resolved {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var sch jsonschema.Schema
	if err := json.Unmarshal(raw, &sch); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	rs, err := sch.Resolve(nil)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rs
}

// instance decodes JSON as a schema validates it.
func instance(t *testing.T, raw []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// validate checks the JSON that Write gives for tl against the schema.
func validate(t *testing.T, sch *jsonschema.Resolved, tl *Timeline) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, tl, "json"); err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(instance(t, buf.Bytes())); err != nil {
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

	// A value the contract does not list fails, deep inside an event.
	tl0, err := BuildFrom(context.Background(), st, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	raw0, _ := json.Marshal(tl0)
	bad := instance(t, raw0).(map[string]any)
	ev := bad["events"].([]any)[0].(map[string]any)
	ev["when"].(map[string]any)["basis"] = "guessed"
	if err := sch.Validate(bad); err == nil {
		t.Error("a timeline with basis \"guessed\" passes the schema")
	}

	// An undocumented field fails.
	tl := &Timeline{Schema: Schema, Generated: time.Now(), Events: []Event{}}
	raw, _ := json.Marshal(tl)
	m := instance(t, raw).(map[string]any)
	m["extra"] = 1.0
	if err := sch.Validate(m); err == nil {
		t.Error("a timeline with an undocumented field passes the schema")
	}
}
