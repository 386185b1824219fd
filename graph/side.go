package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/boltdb/bolt"

	"github.com/eventgraph/eventgraph/internal/sharedbolt"
)

// A bolt store keeps side files next to its data: bolt files that
// readers such as the timeline index (package timeline) own the content
// of. The Store opens each once, in the store's own mode (read-only for a
// read-only store), and closes them with the store. Other backends have
// none: SideDB returns ErrNoSide and readers fall back to the store, or,
// on PostgreSQL, keep side data in tables of its database (pgside.go).
//
// A side file is not written in the store's transactions: its owner
// stamps it with the store's stamp (SideStamp: the quad count on bolt)
// after each update and trusts it only while the stamp matches, so a crash
// between the two writes, or a write by anything that does not update it,
// makes it stale rather than wrong.

// ErrNoSide is returned for stores without side files.
var ErrNoSide = errors.New("this store backend keeps no side files")

// SideDB returns the store's side file name (a bolt file in the store's
// directory), opened once. A read-only store gives nil and no error when
// the file does not exist.
func (s *Store) SideDB(name string) (*bolt.DB, error) {
	if s.cfg.Backend != "bolt" && s.cfg.Backend != sharedbolt.Backend || s.cfg.Address == "" {
		return nil, ErrNoSide
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if db, ok := s.sides[name]; ok {
		return db, nil
	}
	path := filepath.Join(s.cfg.Address, name)
	if s.cfg.ReadOnly {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: 2 * time.Second, ReadOnly: s.cfg.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	if nosync, _ := s.cfg.Options["nosync"].(bool); nosync {
		db.NoSync = true
	}
	if s.sides == nil {
		s.sides = map[string]*bolt.DB{}
	}
	s.sides[name] = db
	return db, nil
}

// closeSides closes the side files opened by SideDB.
func (s *Store) closeSides() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var err error
	for name, db := range s.sides {
		if cerr := db.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("closing %s: %w", name, cerr)
		}
	}
	s.sides = nil
	return err
}

// QuadCount is the number of quads in the store, as cayley keeps it (no
// scan): what side files are stamped with.
func (s *Store) QuadCount(ctx context.Context) (int64, error) { return s.quadCount(ctx) }

// RemoveSideDB closes and deletes the side file name, so that the next
// SideDB starts an empty one (a rewrite that does not keep the old
// file's free pages).
func (s *Store) RemoveSideDB(name string) error {
	if s.cfg.Backend != "bolt" && s.cfg.Backend != sharedbolt.Backend || s.cfg.Address == "" {
		return ErrNoSide
	}
	if s.cfg.ReadOnly {
		return fmt.Errorf("removing %s: the store is open read-only", name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if db, ok := s.sides[name]; ok {
		delete(s.sides, name)
		if err := db.Close(); err != nil {
			return fmt.Errorf("closing %s: %w", name, err)
		}
	}
	if err := os.Remove(filepath.Join(s.cfg.Address, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("removing %s: %w", name, err)
	}
	return nil
}

// RewriteSideDB writes the side file name anew through fill, which gets a
// fresh bolt file beside it, then puts it in the old one's place (a
// rename: a crash leaves one or the other whole).
func (s *Store) RewriteSideDB(name string, fill func(*bolt.DB) error) error {
	if s.cfg.Backend != "bolt" && s.cfg.Backend != sharedbolt.Backend || s.cfg.Address == "" {
		return ErrNoSide
	}
	if s.cfg.ReadOnly {
		return fmt.Errorf("rewriting %s: the store is open read-only", name)
	}
	path := filepath.Join(s.cfg.Address, name)
	tmp := path + ".new"
	if err := os.Remove(tmp); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("rewriting %s: %w", name, err)
	}
	db, err := bolt.Open(tmp, 0o644, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		return fmt.Errorf("rewriting %s: %w", name, err)
	}
	db.NoSync = true // synced once, below
	err = fill(db)
	if err == nil {
		err = db.Sync()
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("rewriting %s: %w", name, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.sides[name]; ok {
		delete(s.sides, name)
		if err := old.Close(); err != nil {
			return fmt.Errorf("closing %s: %w", name, err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("rewriting %s: %w", name, err)
	}
	return nil
}
