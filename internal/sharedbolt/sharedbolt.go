// Package sharedbolt registers a cayley store backend that opens an
// existing bolt store read-only, under a shared lock: any number of
// processes reading the store (a read-only `eventgraph serve`, `timeline`,
// `query`...) then work side by side, while a writer (`ingest`, a serve
// that takes writes) still holds the file alone. cayley's own "bolt"
// backend always opens the file for writing, under an exclusive lock, so
// that a running server kept every other command out.
package sharedbolt

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// Backend is the name the backend is registered under (store.backend).
const Backend = "bolt-shared"

// File is the bolt file of a store directory (cayley's name for it).
const File = "indexes.bolt"

// LockTimeout is how long an open waits for a writer to let go of the
// file: bolt itself would wait forever.
var LockTimeout = 2 * time.Second

// ErrHeld is returned when a writer holds the store.
var ErrHeld = errors.New("held by a process that writes to it")

func init() {
	kv.Register(Backend, kv.Registration{NewFunc: Open, InitFunc: Open, IsPersistent: true})
}

// Open opens the bolt store in the directory path read-only. Writes
// through it fail; it never creates a store.
func Open(path string, _ cgraph.Options) (hkv.KV, error) {
	file := filepath.Join(path, File)
	db, err := hbolt.Open(file, &bolt.Options{ReadOnly: true, Timeout: LockTimeout})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("%s: %w", file, ErrHeld)
	}
	if err != nil {
		return nil, fmt.Errorf("opening %s read-only: %w", file, err)
	}
	return db, nil
}
