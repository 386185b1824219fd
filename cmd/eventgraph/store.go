package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/sharedbolt"
)

// errNoStore is returned by the commands that read a store when the
// configured address holds none: only ingest creates a store.
var errNoStore = errors.New("no store")

// store is the configured store (store.*), opened read-only or not.
func (s settings) store(readOnly bool) graph.Config {
	return graph.Config{
		Backend:  s.Store.Backend,
		Address:  s.Store.Address,
		Options:  s.Store.Options,
		ReadOnly: readOnly,
	}
}

// createStore opens the store c, creating it on first use: for ingest
// alone.
func createStore(ctx context.Context, c graph.Config) (*graph.Store, error) {
	st, err := graph.Open(ctx, c)
	return st, lockMessage(c, err)
}

// shared opens a bolt store that is only read through sharedbolt, under
// a shared lock: read commands and a read-only serve then run side by
// side. cayley's bolt backend takes the file for writing, alone.
func shared(c graph.Config) graph.Config {
	if !c.ReadOnly || (c.Backend != "bolt" && c.Backend != "") {
		return c
	}
	c.Backend = sharedbolt.Backend
	// graph.Open turns cayley's bloom filters off for the backends it
	// knows as files (660 MB whatever the store's size): so here.
	opts := map[string]any{"no_bloom": true}
	for k, v := range c.Options {
		opts[k] = v
	}
	c.Options = opts
	return c
}

// lockMessage says what to do when another process holds the store.
func lockMessage(c graph.Config, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, sharedbolt.ErrHeld):
		return fmt.Errorf("the store at %s is held by a process that writes to it (an 'eventgraph ingest', or an 'eventgraph serve --read-only=false'): wait for the ingest to end, or read through that server (its /timeline page, /api/timeline, /api/v1/query), or restart it read-only ('eventgraph serve', the default) so that the other commands can read beside it: %w", c.Address, err)
	case errors.Is(err, graph.ErrLocked):
		return fmt.Errorf("the store at %s is in use by another eventgraph process (a running 'eventgraph serve'?): stop it first, or, to ingest, send the files through a server that takes writes ('eventgraph serve --read-only=false', then 'eventgraph ingest --server http://HOST:PORT FILE...'): %w", c.Address, errors.Unwrap(err))
	}
	return err
}

// storeExists fails when an embedded store's address holds no store.
// A bolt store is its indexes.bolt file (cayley's name); a leveldb or
// badger store a directory with files besides the resolver's snapshot.
// memstore is empty by nature, and a SQL store is checked by its server
// when it is opened.
func storeExists(c graph.Config) error {
	backend := c.Backend
	if backend == "" {
		backend = "bolt"
	}
	missing := func() error {
		return fmt.Errorf("%w at %s (ingest first, or pass --dbpath)", errNoStore, c.Address)
	}
	switch backend {
	case "bolt":
		if c.Address == "" {
			return missing()
		}
		fi, err := os.Stat(filepath.Join(c.Address, "indexes.bolt"))
		if errors.Is(err, fs.ErrNotExist) {
			return missing()
		}
		if err != nil {
			return fmt.Errorf("store at %s: %w", c.Address, err)
		}
		if fi.IsDir() {
			return missing()
		}
	case "leveldb", "badger":
		if c.Address == "" {
			return missing()
		}
		entries, err := os.ReadDir(c.Address)
		if errors.Is(err, fs.ErrNotExist) {
			return missing()
		}
		if err != nil {
			return fmt.Errorf("store at %s: %w", c.Address, err)
		}
		for _, e := range entries {
			if e.Name() != snapshotFile {
				return nil
			}
		}
		return missing()
	}
	return nil
}

// snapshotFile is the resolver's snapshot that graph keeps beside an
// embedded store's files: alone it is no store.
const snapshotFile = "resolver.snapshot"
