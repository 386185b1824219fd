package graph

// The SQL backends (cayley's postgres and cockroach): checking the address
// and the server with errors that say what to fix, initialising the
// database once even when several processes start together, a
// cross-process write lock, and a write generation that tells a process
// when others have written.
//
// Several `eventgraph ingest` processes may write to one SQL database. Each
// resolves and writes under Lock; after taking it, Changed tells whether
// another process wrote since this one last did, in which case the pipeline
// reloads its resolver before writing; Touch, before the first write under
// the lock, bumps the generation so that the others reload in turn.

import (
	"context"
	"crypto/rand"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/jackc/pgx"
	"github.com/lib/pq"

	"github.com/eventgraph/eventgraph/resolve"
)

// isSQL reports whether backend is one of cayley's SQL backends.
func isSQL(backend string) bool { return backend == "postgres" || backend == "cockroach" }

// sqlDriver is the database/sql driver cayley's backend registers and uses:
// lib/pq's "postgres" for postgres, pgx's "pgx" for cockroach.
func sqlDriver(backend string) string {
	if backend == "cockroach" {
		return "pgx"
	}
	return "postgres"
}

const (
	// syncTable holds one row per named lock: the write generation, and the
	// lease of the lock where advisory locks are missing (CockroachDB).
	syncTable = "eventgraph_sync"
	syncRow   = "ingest"
	// advisoryKey is the PostgreSQL advisory lock key of eventgraph's
	// writers ("eventgrp").
	advisoryKey int64 = 0x6576656e74677270
	// lease is how long a lease lock lasts without renewal.
	lease = 30 * time.Second
	// connectTimeout bounds the first contact with the server.
	connectTimeout = 15 * time.Second
)

// OptionLock selects the lock of a SQL store (store.options.eventgraph_lock):
// "advisory" (PostgreSQL's default) or "lease" (a row in eventgraph_sync;
// CockroachDB's default, as it has no advisory locks).
const OptionLock = "eventgraph_lock"

// sqlStore is eventgraph's own connection to a SQL store, beside cayley's.
type sqlStore struct {
	backend string
	addr    string
	db      *sql.DB
	lease   bool
	holder  string // this process's name in lease locks

	mu      sync.Mutex
	seen    int64 // write generation this process is up to date with
	touched bool  // Touch ran under the current lock

	copyMu sync.Mutex
	copied *resolverCopy // what copyForResolver copied last (pgreload.go)
}

// openSQL checks the server, initialises the database on first use (once,
// under the lock, whatever the number of processes starting together) and
// records the current write generation.
func openSQL(ctx context.Context, cfg Config, opts cgraph.Options) (*sqlStore, error) {
	if err := checkSQLAddress(cfg.Backend, cfg.Address); err != nil {
		return nil, err
	}
	db, err := sql.Open(sqlDriver(cfg.Backend), cfg.Address)
	if err != nil {
		return nil, explainSQL(cfg.Backend, cfg.Address, "connecting", err)
	}
	s := &sqlStore{backend: cfg.Backend, addr: cfg.Address, db: db, seen: -1, lease: cfg.Backend == "cockroach"}
	switch v, _ := cfg.Options[OptionLock].(string); v {
	case "lease":
		s.lease = true
	case "advisory":
		if cfg.Backend == "cockroach" {
			db.Close()
			return nil, fmt.Errorf("store.options.%s: CockroachDB has no advisory locks; use lease", OptionLock)
		}
		s.lease = false
	case "":
	default:
		db.Close()
		return nil, fmt.Errorf("store.options.%s: %q is neither advisory nor lease", OptionLock, v)
	}
	host, _ := os.Hostname()
	var rnd [6]byte
	_, _ = rand.Read(rnd[:])
	s.holder = fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(rnd[:]))

	pctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, explainSQL(cfg.Backend, cfg.Address, "connecting", err)
	}
	if err := s.prepare(ctx, cfg, opts); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// prepare initialises the database when needed and reads the generation.
func (s *sqlStore) prepare(ctx context.Context, cfg Config, opts cgraph.Options) error {
	exists, err := s.tableExists(ctx, "quads")
	if err != nil {
		return explainSQL(s.backend, s.addr, "reading the schema", err)
	}
	hasSync, err := s.tableExists(ctx, syncTable)
	if err != nil {
		return explainSQL(s.backend, s.addr, "reading the schema", err)
	}
	if exists && cfg.ReadOnly {
		// Readers take no lock. A store created by cayley itself has no
		// eventgraph_sync table; readers do not need it.
		return s.probe(ctx, false)
	}
	if s.lease && !hasSync {
		// The lease lock lives in eventgraph_sync, so it comes first.
		// CREATE TABLE IF NOT EXISTS may race with another process's.
		if err := s.createSync(ctx); err != nil {
			time.Sleep(200 * time.Millisecond)
			if err := s.createSync(ctx); err != nil {
				return err
			}
		}
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return explainSQL(s.backend, s.addr, "taking the write lock", err)
	}
	defer unlock()
	if exists, err = s.tableExists(ctx, "quads"); err != nil {
		return explainSQL(s.backend, s.addr, "reading the schema", err)
	}
	if !exists {
		err := cgraph.InitQuadStore(s.backend, s.addr, opts)
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return explainSQL(s.backend, s.addr, "initialising the store (creating tables nodes and quads)", err)
		}
	}
	if !s.lease {
		// Under the advisory lock: PostgreSQL's CREATE TABLE IF NOT EXISTS
		// is not safe against a concurrent one. It also needs CREATE
		// rights, even when the table exists: look first.
		if hasSync, err = s.tableExists(ctx, syncTable); err != nil {
			return explainSQL(s.backend, s.addr, "reading the schema", err)
		}
		if !hasSync {
			if err := s.createSync(ctx); err != nil {
				return err
			}
		}
	}
	if err := s.probe(ctx, !cfg.ReadOnly); err != nil {
		return err
	}
	gen, err := s.generation(ctx)
	if err != nil {
		return explainSQL(s.backend, s.addr, "reading the write generation", err)
	}
	s.seen = gen
	return nil
}

func (s *sqlStore) createSync(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS `+syncTable+` (
	name TEXT PRIMARY KEY,
	gen BIGINT NOT NULL DEFAULT 0,
	holder TEXT,
	expires TIMESTAMPTZ
)`); err != nil {
		return explainSQL(s.backend, s.addr, "creating table "+syncTable, err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO `+syncTable+` (name, gen) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING`, syncRow); err != nil {
		return explainSQL(s.backend, s.addr, "initialising table "+syncTable, err)
	}
	return nil
}

func (s *sqlStore) tableExists(ctx context.Context, name string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1`, name).Scan(&n)
	return n > 0, err
}

// probe checks the rights eventgraph needs: reading, and writing unless
// read-only.
func (s *sqlStore) probe(ctx context.Context, write bool) error {
	var one int
	for _, t := range []string{"quads", "nodes"} {
		err := s.db.QueryRowContext(ctx, `SELECT 1 FROM `+t+` LIMIT 1`).Scan(&one)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return explainSQL(s.backend, s.addr, "reading table "+t, err)
		}
	}
	if !write {
		return nil
	}
	for _, t := range []string{"quads", "nodes", syncTable} {
		var ok bool
		err := s.db.QueryRowContext(ctx, `SELECT has_table_privilege($1, 'INSERT') AND has_table_privilege($1, 'UPDATE') AND has_table_privilege($1, 'DELETE')`, t).Scan(&ok)
		if err != nil {
			return explainSQL(s.backend, s.addr, "checking rights on table "+t, err)
		}
		if !ok {
			return fmt.Errorf("%s store at %s: %s may read but not write table %s: open it read-only (timeline, query, export, serve), or GRANT SELECT, INSERT, UPDATE, DELETE ON quads, nodes, %s TO %s (and USAGE on their sequences)",
				s.backend, redact(s.addr), userOf(s.addr), t, syncTable, userOf(s.addr))
		}
	}
	return nil
}

func (s *sqlStore) generation(ctx context.Context) (int64, error) {
	var gen int64
	err := s.db.QueryRowContext(ctx, `SELECT gen FROM `+syncTable+` WHERE name = $1`, syncRow).Scan(&gen)
	return gen, err
}

// lock takes the cross-process write lock.
func (s *sqlStore) lock(ctx context.Context) (func(), error) {
	if s.lease {
		return s.lockLease(ctx)
	}
	return s.lockAdvisory(ctx)
}

// lockAdvisory holds a PostgreSQL session advisory lock on a dedicated
// connection; the server releases it if the process dies.
func (s *sqlStore) lockAdvisory(ctx context.Context) (func(), error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, advisoryKey); err != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		conn.Close()
		return nil, err
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			var ok bool
			if err := conn.QueryRowContext(ctx, `SELECT pg_advisory_unlock($1)`, advisoryKey).Scan(&ok); err != nil || !ok {
				// Ending the session releases its locks.
				_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			}
			conn.Close()
		})
	}, nil
}

// lockLease takes a lease on the eventgraph_sync row, renewed while held;
// a holder that dies loses it when it expires.
func (s *sqlStore) lockLease(ctx context.Context) (func(), error) {
	wait := 10 * time.Millisecond
	for {
		res, err := s.db.ExecContext(ctx, `UPDATE `+syncTable+` SET holder = $1, expires = now() + interval '`+fmt.Sprint(int(lease.Seconds()))+` seconds'
WHERE name = $2 AND (holder IS NULL OR holder = $1 OR expires < now())`, s.holder, syncRow)
		if err != nil {
			return nil, err
		}
		if n, err := res.RowsAffected(); err != nil {
			return nil, err
		} else if n == 1 {
			break
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		if wait < 200*time.Millisecond {
			wait *= 2
		}
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(lease / 3)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				_, _ = s.db.Exec(`UPDATE `+syncTable+` SET expires = now() + interval '`+fmt.Sprint(int(lease.Seconds()))+` seconds' WHERE name = $1 AND holder = $2`, syncRow, s.holder)
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(stop)
			<-done
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_, _ = s.db.ExecContext(ctx, `UPDATE `+syncTable+` SET holder = NULL, expires = NULL WHERE name = $1 AND holder = $2`, syncRow, s.holder)
		})
	}, nil
}

// Shared reports whether other processes may write to the store at the
// same time (the SQL backends): writes then go through Lock, Changed and
// Touch, one batch at a time.
func (s *Store) Shared() bool { return s.sql != nil }

// Lock takes the store's cross-process write lock and returns the function
// that releases it. Writers that resolve against what the store holds must
// hold it from reading to writing: `eventgraph ingest` does, per batch of
// articles. On SQL backends it is a PostgreSQL advisory lock (a lease row on
// CockroachDB); on the others a no-op: bolt, leveldb and badger admit one
// process at a time anyway, and memstore lives in one process.
func (s *Store) Lock(ctx context.Context) (unlock func(), err error) {
	if s.sql == nil {
		return func() {}, nil
	}
	unlock, err = s.sql.lock(ctx)
	if err != nil {
		return nil, explainSQL(s.sql.backend, s.sql.addr, "taking the write lock", err)
	}
	s.sql.mu.Lock()
	s.sql.touched = false
	s.sql.mu.Unlock()
	return unlock, nil
}

// Changed reports, under Lock, whether another process has written to the
// store since this Store was opened or last called Touch: what this
// process derived from the store (its resolver) is then stale.
func (s *Store) Changed(ctx context.Context) (bool, error) {
	if s.sql == nil {
		return false, nil
	}
	gen, err := s.sql.generation(ctx)
	if err != nil {
		return false, explainSQL(s.sql.backend, s.sql.addr, "reading the write generation", err)
	}
	s.sql.mu.Lock()
	changed := gen != s.sql.seen
	s.sql.mu.Unlock()
	if changed {
		// Another process may have retracted shared facts this one
		// remembers as stored.
		s.mu.Lock()
		s.stored = nil
		s.mu.Unlock()
	}
	return changed, nil
}

// Touch, under Lock and before writing, tells other processes that the store
// changes, and records that this process is up to date with it: call it
// once Changed is false or what it reported has been reloaded. Only the
// first call under one Lock writes.
func (s *Store) Touch(ctx context.Context) error {
	if s.sql == nil {
		return nil
	}
	s.sql.mu.Lock()
	defer s.sql.mu.Unlock()
	if s.sql.touched {
		return nil
	}
	var gen int64
	if err := s.sql.db.QueryRowContext(ctx, `UPDATE `+syncTable+` SET gen = gen + 1 WHERE name = $1 RETURNING gen`, syncRow).Scan(&gen); err != nil {
		return explainSQL(s.sql.backend, s.sql.addr, "bumping the write generation", err)
	}
	s.sql.seen = gen
	s.sql.touched = true
	return nil
}

// Size returns the numbers of quads and nodes: exact on SQL backends (whose
// quick statistics are planner estimates), cayley's own count elsewhere.
func (s *Store) Size(ctx context.Context) (quads, nodes int64, err error) {
	if s.sql == nil {
		st, err := s.QuadStore.Stats(ctx, false)
		return st.Quads.Size, st.Nodes.Size, err
	}
	if err := s.sql.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM quads), (SELECT count(*) FROM nodes)`).Scan(&quads, &nodes); err != nil {
		return 0, 0, explainSQL(s.sql.backend, s.sql.addr, "counting quads", err)
	}
	return quads, nodes, nil
}

func (s *sqlStore) close() error {
	if s == nil {
		return nil
	}
	return s.db.Close()
}

// LoadResolverBulk is LoadResolver for stores where reading node by node
// is slow: on SQL backends, where each read is a round trip (and each value
// another), it first copies the quads LoadResolver reads (those about
// actors, events, their types, event mentions, articles) into memory in one query, in the
// order they were written, and runs LoadResolver on the copy. Elsewhere it
// is LoadResolver.
func (s *Store) LoadResolverBulk(ctx context.Context, r *resolve.Resolver) error {
	if s.sql == nil {
		return s.LoadResolver(ctx, r)
	}
	mem, err := s.sql.copyForResolver(ctx)
	if err != nil {
		return explainSQL(s.sql.backend, s.sql.addr, "reading known actors and events", err)
	}
	return Wrap(mem).LoadResolver(ctx, r)
}

// resolverPrefixes are the subjects whose quads LoadResolver reads: actors,
// events, their classes and type nodes (codes, actions, actor kinds: an
// actor is found as an instance of a subclass of sem:Actor), event mentions
// and articles (their stories and casts).
var resolverPrefixes = []string{"eg:actor/", "eg:event/", "eg:cameo/", "eg:kind/", "eg:mention/", "eg:article/"}

// nodeScan reads a row of cayley's nodes table, as its NameOf does.
type nodeScan struct {
	data   []byte
	str    sql.NullString
	typ    sql.NullString
	lang   sql.NullString
	iri    sql.NullBool
	bnode  sql.NullBool
	vint   sql.NullInt64
	vbool  sql.NullBool
	vfloat sql.NullFloat64
	vtime  csql.NullTime
}

func (n *nodeScan) dest() []any {
	return []any{&n.data, &n.str, &n.typ, &n.lang, &n.iri, &n.bnode, &n.vint, &n.vbool, &n.vfloat, &n.vtime}
}

func (n *nodeScan) value() (quad.Value, error) {
	unescape := func(s string) quad.String { return quad.String(strings.ReplaceAll(s, `\x00`, "\x00")) }
	switch {
	case n.str.Valid && n.iri.Bool:
		return quad.IRI(n.str.String), nil
	case n.str.Valid && n.bnode.Bool:
		return quad.BNode(n.str.String), nil
	case n.str.Valid && n.lang.Valid:
		return quad.LangString{Value: unescape(n.str.String), Lang: n.lang.String}, nil
	case n.str.Valid && n.typ.Valid:
		return quad.TypedString{Value: unescape(n.str.String), Type: quad.IRI(n.typ.String)}, nil
	case n.str.Valid:
		return unescape(n.str.String), nil
	case n.vint.Valid:
		return quad.Int(n.vint.Int64), nil
	case n.vbool.Valid:
		return quad.Bool(n.vbool.Bool), nil
	case n.vfloat.Valid:
		return quad.Float(n.vfloat.Float64), nil
	case n.vtime.Valid:
		return quad.Time(n.vtime.Time), nil
	}
	return pquads.UnmarshalValue(n.data)
}

// checkSQLAddress rejects an address that is no database URL before any
// driver sees it (their messages may repeat a password).
func checkSQLAddress(backend, addr string) error {
	const want = "postgres://USER[:PASSWORD]@HOST:PORT/DATABASE?sslmode=disable"
	bad := func(why string) error {
		return fmt.Errorf("invalid %s address %s: %s; expected %s (store.address, EVENTGRAPH_STORE_ADDRESS or --dbpath)", backend, redact(addr), why, want)
	}
	if !strings.Contains(addr, "://") {
		if strings.Contains(addr, "=") {
			return nil // key=value settings: host=... dbname=...
		}
		return bad("neither a URL nor key=value settings")
	}
	u, err := url.Parse(addr)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return bad(err.Error())
	}
	if u.Scheme != "postgres" && u.Scheme != "postgresql" {
		return bad(fmt.Sprintf("scheme %q (want postgres:// or postgresql://)", u.Scheme))
	}
	if u.Host == "" {
		return bad("no host")
	}
	if strings.Trim(u.Path, "/") == "" {
		return bad("no database name")
	}
	if u.Port() != "" {
		if _, err := net.LookupPort("tcp", u.Port()); err != nil {
			return bad(fmt.Sprintf("port %q", u.Port()))
		}
	}
	return nil
}

// userOf and databaseOf read a database URL (or key=value settings).
func userOf(addr string) string {
	if u, err := url.Parse(addr); err == nil && u.User != nil {
		return u.User.Username()
	}
	if v := setting(addr, "user"); v != "" {
		return v
	}
	return "(default user)"
}

func databaseOf(addr string) string {
	if u, err := url.Parse(addr); err == nil && u.Scheme != "" {
		return strings.Trim(u.Path, "/")
	}
	return setting(addr, "dbname")
}

func hostOf(addr string) string {
	if u, err := url.Parse(addr); err == nil && u.Host != "" {
		return u.Host
	}
	h, p := setting(addr, "host"), setting(addr, "port")
	if p != "" {
		return h + ":" + p
	}
	return h
}

// setting is the value of key in key/value connection settings (unquoted
// and unescaped), or "".
func setting(addr, key string) string {
	if isURL(addr) {
		return ""
	}
	for _, kv := range conninfo(addr) {
		if kv.key == key {
			return kv.value
		}
	}
	return ""
}

// kvSetting is one "key = value" of libpq's key/value connection string:
// its value unquoted and unescaped, and where the value is written
// (quotes included).
type kvSetting struct {
	key, value string
	start, end int
}

// conninfo reads key/value connection settings as libpq does: keywords
// and values separated by "=" with optional spaces around it, values bare
// or in single quotes, a backslash escaping the next character in both.
func conninfo(s string) []kvSetting {
	var out []kvSetting
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' }
	i := 0
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			return out
		}
		k := i
		for i < len(s) && !isSpace(s[i]) && s[i] != '=' {
			i++
		}
		key := strings.ToLower(s[k:i])
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) || s[i] != '=' {
			continue // not a setting: libpq refuses it; nothing to hide
		}
		i++
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		start := i
		var v strings.Builder
		if i < len(s) && s[i] == '\'' {
			for i++; i < len(s) && s[i] != '\''; i++ {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				v.WriteByte(s[i])
			}
			if i < len(s) {
				i++ // the closing quote
			}
		} else {
			for ; i < len(s) && !isSpace(s[i]); i++ {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				v.WriteByte(s[i])
			}
		}
		out = append(out, kvSetting{key: key, value: v.String(), start: start, end: i})
	}
}

// secretKeys are the connection settings that hold a secret.
var secretKeys = []string{"password", "sslpassword"}

// isURL tells a connection URL (postgres://...) from key/value settings.
func isURL(addr string) bool {
	i := strings.Index(addr, "://")
	if i <= 0 {
		return false
	}
	for _, c := range addr[:i] {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// redact hides the secrets of a database address: the password of a URL's
// user information, the password and sslpassword parameters of a URL, and
// the password and sslpassword of key/value settings, however they are
// spaced or quoted. Anything else (a directory) is returned unchanged.
func redact(addr string) string {
	if !isURL(addr) {
		kvs := conninfo(addr)
		for i := len(kvs) - 1; i >= 0; i-- {
			if slices.Contains(secretKeys, kvs[i].key) {
				addr = addr[:kvs[i].start] + "***" + addr[kvs[i].end:]
			}
		}
		return addr
	}
	scheme := strings.Index(addr, "://") + len("://")
	rest := addr[scheme:]
	// The user information ends at the last "@" of the authority, read as
	// net/url (and so lib/pq and pgx) reads it. When the address does not
	// parse (an unescaped "/", "?" or "#" in the password), it ends at the
	// last "@" of the address: hiding too much is safe.
	auth := rest
	if i := strings.IndexAny(auth, "?#"); i >= 0 {
		auth = auth[:i]
	}
	if i := strings.IndexByte(auth, '/'); i >= 0 {
		auth = auth[:i]
	}
	at := strings.LastIndex(auth, "@")
	if _, err := url.Parse(addr); err != nil {
		at = strings.LastIndex(rest, "@")
	}
	if at >= 0 {
		if colon := strings.Index(rest[:at], ":"); colon >= 0 {
			rest = rest[:colon+1] + "***" + rest[at:]
		}
	}
	if q := strings.IndexAny(rest, "?"); q >= 0 {
		params := strings.Split(rest[q+1:], "&")
		for i, p := range params {
			k, _, ok := strings.Cut(p, "=")
			if key, err := url.QueryUnescape(k); ok && err == nil && slices.Contains(secretKeys, strings.ToLower(strings.TrimSpace(key))) {
				params[i] = k + "=***"
			}
		}
		rest = rest[:q+1] + strings.Join(params, "&")
	}
	return addr[:scheme] + rest
}

// secrets are the secret values of addr, as written and decoded.
func secrets(addr string) []string {
	var out []string
	add := func(v string) {
		if v != "" {
			out = append(out, v)
		}
	}
	if !isURL(addr) {
		for _, kv := range conninfo(addr) {
			if slices.Contains(secretKeys, kv.key) {
				add(kv.value)
				add(strings.Trim(addr[kv.start:kv.end], "'"))
			}
		}
		return out
	}
	if u, err := url.Parse(addr); err == nil {
		if p, ok := u.User.Password(); ok {
			add(p)
		}
		for k, vs := range u.Query() {
			if slices.Contains(secretKeys, strings.ToLower(k)) {
				for _, v := range vs {
					add(v)
				}
			}
		}
	}
	return out
}

// sqlError is an error of a SQL store with what to check.
type sqlError struct {
	msg string
	err error
}

func (e *sqlError) Error() string { return e.msg }
func (e *sqlError) Unwrap() error { return e.err }

// explainSQL wraps an error of the server or the driver with the backend,
// the redacted address, and what to check.
func explainSQL(backend, addr, doing string, err error) error {
	if err == nil {
		return nil
	}
	var se *sqlError
	if errors.As(err, &se) {
		return err
	}
	user, db, host := userOf(addr), databaseOf(addr), hostOf(addr)
	code, detail := sqlState(err)
	var hint string
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		hint = fmt.Sprintf("no answer from %s within %s: check the host and port in the address, and that no firewall drops the connection", host, connectTimeout)
	case errors.Is(err, context.Canceled):
		hint = "interrupted"
	case isDialError(err):
		hint = fmt.Sprintf("cannot reach a server at %s: check that the %s server is running and listening on that host and port (pg_isready -h HOST -p PORT), and the address in store.address", host, backend)
	case errors.Is(err, pq.ErrSSLNotSupported) || strings.Contains(err.Error(), "SSL is not enabled"):
		hint = "the server does not offer SSL: add ?sslmode=disable to the address, or enable SSL on the server"
	case code == "28P01" || code == "28000":
		hint = fmt.Sprintf("the server refused user %q: check the user and password in the address and the server's pg_hba.conf", user)
	case code == "3D000":
		hint = fmt.Sprintf("database %q does not exist: create it (createdb %s, or CREATE DATABASE %s) or fix the database name in the address", db, db, db)
	case code == "42501":
		hint = fmt.Sprintf("user %q lacks the rights: the first run creates tables, which needs CREATE on the schema (GRANT CREATE ON SCHEMA public TO %s, or run it once as the database owner); later runs need SELECT, INSERT, UPDATE, DELETE on tables quads, nodes and %s", user, user, syncTable)
	case code == "53300":
		hint = "the server has no free connection slots: raise max_connections or run fewer processes"
	case code == "57P03":
		hint = "the server is starting up or shutting down: try again"
	case strings.HasPrefix(code, "08"):
		hint = fmt.Sprintf("the connection to %s failed: check that the server is running", host)
	default:
		hint = "check the address (store.address, EVENTGRAPH_STORE_ADDRESS or --dbpath) and the server's log"
	}
	msg := fmt.Sprintf("%s store at %s: %s: %s", backend, redact(addr), doing, hint)
	if detail != "" {
		msg += " (" + detail + ")"
	} else {
		msg += " (" + redactIn(err.Error(), addr) + ")"
	}
	return &sqlError{msg: msg, err: err}
}

// sqlState returns the SQLSTATE code and message of a server error.
func sqlState(err error) (code, msg string) {
	var pe *pq.Error
	if errors.As(err, &pe) {
		return string(pe.Code), "server: " + pe.Message
	}
	var xe pgx.PgError
	if errors.As(err, &xe) {
		return xe.Code, "server: " + xe.Message
	}
	var xp *pgx.PgError
	if errors.As(err, &xp) {
		return xp.Code, "server: " + xp.Message
	}
	return "", ""
}

func isDialError(err error) bool {
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Op == "dial" {
		return true
	}
	var de *net.DNSError
	if errors.As(err, &de) {
		return true
	}
	return errors.Is(err, driver.ErrBadConn) && strings.Contains(err.Error(), "connection refused")
}

// redactIn hides addr's secrets wherever they appear in msg.
func redactIn(msg, addr string) string {
	msg = strings.ReplaceAll(msg, addr, redact(addr))
	for _, p := range secrets(addr) {
		msg = strings.ReplaceAll(msg, p, "***")
	}
	return msg
}
