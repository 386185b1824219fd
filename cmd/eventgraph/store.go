package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
)

// errNoStore is returned by the commands that read a store when the
// configured address holds none: only ingest creates a store.
var errNoStore = errors.New("no store")

// storeConfig is the store configuration after all overrides.
func storeConfig(readOnly bool) graph.Config {
	return graph.Config{
		Backend:  cfg.Store.Backend,
		Address:  cfg.Store.Address,
		Options:  cfg.Store.Options,
		ReadOnly: readOnly,
	}
}

// openStore opens the configured store for a command that reads it (and
// for check --repair, which removes quads): a mistyped or missing
// --dbpath is an error, never a new empty store.
func openStore(cmd *cobra.Command, readOnly bool) (*graph.Store, error) {
	c := storeConfig(readOnly)
	if err := storeExists(c); err != nil {
		return nil, err
	}
	return graph.Open(cmdContext(cmd), c)
}

// createStore opens the configured store, creating it on first use: for
// ingest alone.
func createStore(cmd *cobra.Command) (*graph.Store, error) {
	return graph.Open(cmdContext(cmd), storeConfig(false))
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
