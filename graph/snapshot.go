package graph

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/resolve"
)

// A bolt store keeps, next to its data, a snapshot of the resolver as the
// last ingest left it: the next run restores it in a second instead of
// reading every stored event back (minutes on a store of 10,000 articles),
// so an incremental run costs its new articles, not the store.
//
// The snapshot is trusted only while nothing else changed the store: it
// records the store's quad count, and every write through the Store
// deletes it first (snapGuard), so an ingest that crashes, or a write by
// `eventgraph serve` or `delete`, leaves no snapshot and the next run
// reloads from the store. Other backends are shared by several processes
// and always reload.
const snapshotFile = "resolver.snapshot"

const snapshotMagic = "eventgraph resolver snapshot\n"

// snapshotPath is the store's snapshot file, "" for stores without one.
func (s *Store) snapshotPath() string {
	if s.cfg.Backend != "bolt" || s.cfg.Address == "" || s.cfg.ReadOnly {
		return ""
	}
	return filepath.Join(s.cfg.Address, snapshotFile)
}

// SaveResolver writes the resolver's state as the store's snapshot, for
// RestoreResolver in the next run. It does nothing on stores without one.
func (s *Store) SaveResolver(ctx context.Context, r *resolve.Resolver) error {
	path := s.snapshotPath()
	if path == "" {
		return nil
	}
	quads, err := s.quadCount(ctx)
	if err != nil {
		return fmt.Errorf("saving resolver snapshot: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), snapshotFile+".*")
	if err != nil {
		return fmt.Errorf("saving resolver snapshot: %w", err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	w := bufio.NewWriterSize(tmp, 1<<20)
	if _, err = fmt.Fprintf(w, "%s%d\n", snapshotMagic, quads); err == nil {
		err = r.Save(w)
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("saving resolver snapshot %s: %w", path, err)
	}
	if g, ok := s.QuadWriter.(*snapGuard); ok {
		g.saved()
	}
	return nil
}

// RestoreResolver loads the store's snapshot into the empty resolver r.
// It reports false, leaving r empty, when there is no snapshot or it does
// not match the store (another quad count, another horizon, another
// version): the caller then loads r from the store (LoadResolverBulk).
func (s *Store) RestoreResolver(ctx context.Context, r *resolve.Resolver) (bool, error) {
	path := s.snapshotPath()
	if path == "" {
		return false, nil
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("reading resolver snapshot: %w", err)
	}
	defer f.Close()
	rd := bufio.NewReaderSize(f, 1<<20)
	var quads int64
	magic := make([]byte, len(snapshotMagic))
	if _, err := io.ReadFull(rd, magic); err != nil || string(magic) != snapshotMagic {
		return false, nil
	}
	if _, err := fmt.Fscanf(rd, "%d\n", &quads); err != nil {
		return false, nil
	}
	have, err := s.quadCount(ctx)
	if err != nil {
		return false, fmt.Errorf("reading resolver snapshot: %w", err)
	}
	if have != quads {
		return false, nil
	}
	if err := r.Load(rd); err != nil {
		return false, nil // r.Load leaves r empty when it fails
	}
	return true, nil
}

func (s *Store) quadCount(ctx context.Context) (int64, error) {
	st, err := s.QuadStore.Stats(ctx, false)
	if errors.Is(err, kv.ErrNoBucket) {
		// cayley creates a kv store's buckets with its first quad: a
		// store nothing was ever written to holds none.
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("counting quads: %w", err)
	}
	return st.Quads.Size, nil
}

// snapGuard deletes the store's resolver snapshot before the first write
// after it was saved: a snapshot is only ever read back while it
// describes the store exactly.
type snapGuard struct {
	cgraph.QuadWriter
	path string

	mu    sync.Mutex
	stale bool // a snapshot may exist and describe the store
}

func newSnapGuard(qw cgraph.QuadWriter, path string) *snapGuard {
	return &snapGuard{QuadWriter: qw, path: path, stale: true}
}

func (g *snapGuard) saved() {
	g.mu.Lock()
	g.stale = true
	g.mu.Unlock()
}

func (g *snapGuard) drop() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.stale {
		return nil
	}
	if err := os.Remove(g.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("removing resolver snapshot before writing: %w", err)
	}
	g.stale = false
	return nil
}

func (g *snapGuard) AddQuad(q quad.Quad) error {
	if err := g.drop(); err != nil {
		return err
	}
	return g.QuadWriter.AddQuad(q)
}

func (g *snapGuard) AddQuadSet(qs []quad.Quad) error {
	if err := g.drop(); err != nil {
		return err
	}
	return g.QuadWriter.AddQuadSet(qs)
}

func (g *snapGuard) RemoveQuad(q quad.Quad) error {
	if err := g.drop(); err != nil {
		return err
	}
	return g.QuadWriter.RemoveQuad(q)
}

func (g *snapGuard) ApplyTransaction(tx *cgraph.Transaction) error {
	if err := g.drop(); err != nil {
		return err
	}
	return g.QuadWriter.ApplyTransaction(tx)
}

func (g *snapGuard) RemoveNode(v quad.Value) error {
	if err := g.drop(); err != nil {
		return err
	}
	return g.QuadWriter.RemoveNode(v)
}
