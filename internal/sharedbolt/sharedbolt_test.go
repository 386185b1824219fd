package sharedbolt

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"
	_ "github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
)

// Readers share the file; a writer holds it alone, and a reader then
// fails after LockTimeout instead of waiting forever.
func TestSharedLock(t *testing.T) {
	dir := t.TempDir()
	if err := cgraph.InitQuadStore("bolt", dir, nil); err != nil {
		t.Fatal(err)
	}
	qs, err := cgraph.NewQuadStore("bolt", dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := cgraph.NewQuadWriter("single", qs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.AddQuad(quad.MakeIRI("eg:a", "eg:b", "eg:c", "")); err != nil {
		t.Fatal(err)
	}
	w.Close()
	qs.Close()

	opts := cgraph.Options{"no_bloom": true}
	r1, err := cgraph.NewQuadStore(Backend, dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := cgraph.NewQuadStore(Backend, dir, opts)
	if err != nil {
		t.Fatalf("a second reader: %v", err)
	}
	st, err := r2.Stats(context.Background(), true)
	if err != nil || st.Quads.Size != 1 {
		t.Errorf("reader sees %+v, %v", st, err)
	}
	rw, err := cgraph.NewQuadWriter("single", r2, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := rw.AddQuad(quad.MakeIRI("eg:x", "eg:y", "eg:z", "")); err == nil {
		t.Error("a write through the read-only store succeeded")
	}
	r1.Close()
	r2.Close()

	held, err := bolt.Open(filepath.Join(dir, File), 0o644, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	LockTimeout = 200 * time.Millisecond
	start := time.Now()
	if _, err := cgraph.NewQuadStore(Backend, dir, opts); !errors.Is(err, ErrHeld) {
		t.Errorf("beside a writer: %v, want ErrHeld", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("waited %s", d)
	}
}
