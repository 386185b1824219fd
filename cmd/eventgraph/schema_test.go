package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/jsonschema-go/jsonschema"
)

// TestTimelineSchema: the seeds' whole timeline (--all), as the CLI
// prints it, follows the published contract docs/timeline-v1.schema.json.
func TestTimelineSchema(t *testing.T) {
	t.Parallel()
	const path = "../../docs/timeline-v1.schema.json"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var sch jsonschema.Schema
	if err := json.Unmarshal(raw, &sch); err != nil {
		t.Fatal(err)
	}
	rs, err := sch.Resolve(nil)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "store")
	mustRun(t, "ingest", "--dbpath", db, seedsDir(t))
	for _, args := range [][]string{{"--all"}, {}, {"--actor", "Israel", "--from", "2024-03"}} {
		out := mustRun(t, append([]string{"timeline", "--dbpath", db, "--format", "json"}, args...)...)
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		if err := rs.Validate(v); err != nil {
			t.Errorf("timeline %v: %v", args, err)
		}
	}
}
