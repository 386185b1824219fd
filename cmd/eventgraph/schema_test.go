package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestTimelineSchema: the seeds' whole timeline (--all), as the CLI
// prints it, follows the published contract docs/timeline-v1.schema.json.
func TestTimelineSchema(t *testing.T) {
	const path = "../../docs/timeline-v1.schema.json"
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(path, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "store")
	mustRun(t, "ingest", "--dbpath", db, seedsDir(t))
	for _, args := range [][]string{{"--all"}, {}, {"--actor", "Israel", "--from", "2024-03"}} {
		out := mustRun(t, append([]string{"timeline", "--dbpath", db, "--format", "json"}, args...)...)
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("timeline %v: %v", args, err)
		}
	}
}
