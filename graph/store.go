package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"

	// Backends eventgraph offers. sqlite is left out: it needs cgo.
	_ "github.com/cayleygraph/cayley/graph/kv/badger"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"
	_ "github.com/cayleygraph/cayley/graph/kv/leveldb"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
)

// Backends lists the store backends eventgraph registers, for --help.
var Backends = []string{"bolt", "leveldb", "badger", "memstore", "postgres", "cockroach"}

func init() {
	// cayley's graph/kv registers hidalgo's key-value backends from its own
	// init, which under Go >= 1.21 can run before hidalgo's backends (badger
	// among them) have registered themselves, so they silently go missing.
	// Our init runs after every imported package's: repeat the loop.
	for _, r := range hkv.List() {
		name := strings.TrimPrefix(r.Name, "flat.")
		if name == "bolt" || cgraph.IsRegistered(name) || cgraph.IsRegistered(r.Name) {
			continue
		}
		r := r
		open := func(s string, _ cgraph.Options) (hkv.KV, error) { return r.OpenPath(s) }
		kv.Register(name, kv.Registration{NewFunc: open, InitFunc: open, IsPersistent: !r.Volatile})
	}
}

// Config says which store to open, with cayley's own configuration keys
// (store.backend, store.address, store.options) so cayley's tools read the
// same settings.
type Config struct {
	Backend  string
	Address  string
	Options  map[string]any
	ReadOnly bool
}

// Store is an open cayley quad store with eventgraph's read and write helpers.
type Store struct {
	*cayley.Handle
	cfg Config

	mu     sync.Mutex
	stored map[factKey]struct{} // shared facts known to be stored (write.go)
	// versioned: the store is known to record its vocabulary version.
	versioned bool
	// chunk is the most quads written per transaction (0: writeChunk).
	chunk int

	sql *sqlStore // SQL backends: eventgraph's own connection (postgres.go)

	sides map[string]*bolt.DB // side files opened (side.go); under mu
}

// ErrLocked is returned when another process holds an embedded store.
var ErrLocked = errors.New("store is in use by another process")

// Open opens the store, creating and initialising it on first use.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Backend == "" {
		cfg.Backend = "bolt"
	}
	if !cgraph.IsRegistered(cfg.Backend) {
		return nil, fmt.Errorf("unknown store backend %q (available: %s)", cfg.Backend, strings.Join(registered(), ", "))
	}
	opts := cgraph.Options{}
	for k, v := range cfg.Options {
		opts[k] = v
	}
	if _, set := opts["no_bloom"]; !set && isFileBackend(cfg.Backend) {
		// cayley's kv stores keep bloom filters sized for 100 million
		// quads whatever the store holds (filled by a scan of the whole
		// store on open, and on a fresh store one more per index): 660 MB
		// of RSS on a 300-article ingest, for no measurable gain in write
		// time (docs/BENCH.md). store.options.no_bloom: false brings them
		// back.
		opts["no_bloom"] = true
	}
	if cgraph.IsPersistent(cfg.Backend) {
		if cfg.Address == "" {
			return nil, fmt.Errorf("store backend %s needs an address (store.address or --dbpath)", cfg.Backend)
		}
	} else {
		cfg.Address = ""
	}
	var side *sqlStore
	if isSQL(cfg.Backend) {
		// Checks the address and the server first, with errors that say
		// what to fix, and initialises the database once under the lock.
		var err error
		if side, err = openSQL(ctx, cfg, opts); err != nil {
			return nil, err
		}
	} else if cgraph.IsPersistent(cfg.Backend) {
		if err := initialise(cfg, opts); err != nil {
			return nil, err
		}
	}
	if cfg.Backend == "bolt" {
		if err := checkBoltFree(cfg.Address, cfg.ReadOnly); err != nil {
			return nil, err
		}
	}
	qs, err := cgraph.NewQuadStore(kvBackend(cfg.Backend), cfg.Address, opts)
	if err != nil {
		side.close()
		if isSQL(cfg.Backend) {
			return nil, explainSQL(cfg.Backend, cfg.Address, "opening", err)
		}
		return nil, fmt.Errorf("opening %s store at %s: %w", cfg.Backend, redact(cfg.Address), err)
	}
	qw, err := cgraph.NewQuadWriter("single", qs, cgraph.Options{"ignore_missing": true, "ignore_duplicate": true})
	if err != nil {
		qs.Close()
		side.close()
		return nil, fmt.Errorf("opening quad writer: %w", err)
	}
	qw = side.writer(qw) // multi-row writes on PostgreSQL
	st := &Store{Handle: &cayley.Handle{QuadStore: qs, QuadWriter: qw}, cfg: cfg, sql: side}
	if err := st.checkVersion(ctx); err != nil {
		st.Close()
		return nil, fmt.Errorf("opening %s store at %s: %w", cfg.Backend, redact(cfg.Address), err)
	}
	if path := st.snapshotPath(); path != "" {
		st.QuadWriter = newSnapGuard(qw, path)
	}
	return st, nil
}

// Wrap gives read access to an already open quad store (the server's).
func Wrap(qs cgraph.QuadStore) *Store {
	return &Store{Handle: &cayley.Handle{QuadStore: qs}}
}

// Config returns the configuration the store was opened with.
func (s *Store) Config() Config { return s.cfg }

// initialise creates a persistent store on first use.
func initialise(cfg Config, opts cgraph.Options) error {
	if isFileBackend(cfg.Backend) {
		if cfg.Backend == "bolt" {
			// The directory may hold a resolver snapshot without the store.
			if _, err := os.Stat(filepath.Join(cfg.Address, "indexes.bolt")); err == nil {
				return nil // created before
			}
		} else if entries, err := os.ReadDir(cfg.Address); err == nil && len(entries) > 0 {
			return nil // created before
		}
		if err := os.MkdirAll(cfg.Address, 0o755); err != nil {
			return fmt.Errorf("creating store directory: %w", err)
		}
	}
	err := cgraph.InitQuadStore(kvBackend(cfg.Backend), cfg.Address, opts)
	if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return fmt.Errorf("initialising %s store at %s: %w", cfg.Backend, redact(cfg.Address), err)
	}
	return nil
}

// kvBackend is the cayley backend that opens store.backend b: bolt stores
// through eventgraph's own bolt wrapper (boltkv.go: fuller pages).
func kvBackend(b string) string {
	if b == "bolt" {
		return boltBackend
	}
	return b
}

func isFileBackend(b string) bool { return b == "bolt" || b == "leveldb" || b == "badger" }

// checkBoltFree fails fast when another process holds the bolt file: bolt
// itself would wait for the lock forever.
func checkBoltFree(dir string, readOnly bool) error {
	path := filepath.Join(dir, "indexes.bolt")
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: 2 * time.Second, ReadOnly: readOnly})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return fmt.Errorf("%w: %s is held by another eventgraph process (a running 'eventgraph serve'?); stop it, or ingest through it with 'eventgraph ingest --server URL'", ErrLocked, path)
		}
		return fmt.Errorf("opening %s: %w", path, err)
	}
	return db.Close()
}

func registered() []string {
	var out []string
	for _, b := range Backends {
		if cgraph.IsRegistered(b) {
			out = append(out, b)
		}
	}
	sort.Strings(out)
	return out
}

// Close closes the writer and the store.
func (s *Store) Close() error {
	err := s.Handle.Close()
	if cerr := s.closeSides(); err == nil {
		err = cerr
	}
	if cerr := s.sql.close(); err == nil {
		err = cerr
	}
	return err
}
