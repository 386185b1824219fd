package graph

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/eventgraph/eventgraph/internal/pgtest"
	"github.com/eventgraph/eventgraph/resolve"
)

// The tests below run against a real PostgreSQL server that pgtest starts
// (scripts/postgres.sh) and removes when the test binary ends.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func openPG(t *testing.T, dsn string, opts map[string]any) *Store {
	t.Helper()
	srv := pgtest.Start(t)
	st, err := Open(context.Background(), Config{Backend: srv.Backend, Address: dsn, Options: opts})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestPostgresInitWriteReopen(t *testing.T) {
	srv := pgtest.Start(t)
	dsn := srv.NewDatabase(t)
	ctx := context.Background()
	st := openPG(t, dsn, nil)

	// cayley reports an initialised database as ErrDatabaseExists, which
	// Open relies on.
	if err := cgraph.InitQuadStore(srv.Backend, dsn, nil); !errors.Is(err, cgraph.ErrDatabaseExists) {
		t.Fatalf("second InitQuadStore: %v, want ErrDatabaseExists", err)
	}

	r := resolve.New(resolve.Rules{})
	d := sampleDoc("a1")
	own, shared := Quads(d, r.Add(d))
	n1, err := st.WriteArticle(ctx, own, shared)
	if err != nil {
		t.Fatal(err)
	}
	if n1 == 0 {
		t.Fatal("nothing written")
	}
	q1, _, err := st.Size(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if q1 != int64(n1)+1 { // and the store's vocabulary version
		t.Errorf("Size = %d quads, wrote %d and the version", q1, n1)
	}
	// Writing the same article again changes nothing.
	if _, err := st.WriteArticle(ctx, own, shared); err != nil {
		t.Fatal(err)
	}
	if q, _, _ := st.Size(ctx); q != q1 {
		t.Errorf("rewrite: %d quads, want %d", q, q1)
	}
	st.Close()

	// Reopening finds the data, read-write and read-only.
	for _, ro := range []bool{false, true} {
		st2, err := Open(ctx, Config{Backend: srv.Backend, Address: dsn, ReadOnly: ro})
		if err != nil {
			t.Fatalf("reopen (read-only %v): %v", ro, err)
		}
		ok, err := st2.HasArticle(ctx, "a1")
		if err != nil || !ok {
			t.Errorf("reopen (read-only %v): HasArticle = %v, %v", ro, ok, err)
		}
		r2 := resolve.New(resolve.Rules{})
		if err := st2.LoadResolver(ctx, r2); err != nil {
			t.Fatal(err)
		}
		if r2.Events() != 1 {
			t.Errorf("LoadResolver: %d events, want 1", r2.Events())
		}
		st2.Close()
	}

	st3 := openPG(t, dsn, nil)
	if n, err := st3.RetractArticle(ctx, "a1"); err != nil || n == 0 {
		t.Fatalf("RetractArticle = %d, %v", n, err)
	}
	if ok, _ := st3.HasArticle(ctx, "a1"); ok {
		t.Error("article still there after retraction")
	}
}

// Processes starting together on an empty database must not trip over each
// other creating the tables.
func TestPostgresConcurrentInit(t *testing.T) {
	srv := pgtest.Start(t)
	for _, lock := range []string{"advisory", "lease"} {
		t.Run(lock, func(t *testing.T) {
			dsn := srv.NewDatabase(t)
			var wg sync.WaitGroup
			errs := make(chan error, 8)
			for i := 0; i < 8; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					st, err := Open(context.Background(), Config{Backend: srv.Backend, Address: dsn, Options: map[string]any{OptionLock: lock}})
					if err != nil {
						errs <- err
						return
					}
					st.Close()
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
		})
	}
}

// closedPort returns a loopback port nothing listens on.
func closedPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return port
}

func TestPostgresErrors(t *testing.T) {
	srv := pgtest.Start(t)
	ctx := context.Background()
	// A role that may connect but not create tables (PostgreSQL 15 no
	// longer grants CREATE on schema public to everyone), and one that may
	// only read an initialised store.
	fresh := srv.NewDatabase(t)
	ready := srv.NewDatabase(t)
	openPG(t, ready, nil).Close()
	user := fmt.Sprintf("eg_reader_%d", os.Getpid())
	srv.Exec(t, srv.DSN, "DROP ROLE IF EXISTS "+user, "CREATE ROLE "+user+" LOGIN PASSWORD 's3cret-pw'")
	t.Cleanup(func() {
		srv.Exec(t, ready, "DROP OWNED BY "+user)
		srv.Exec(t, fresh, "DROP OWNED BY "+user)
		srv.Exec(t, srv.DSN, "DROP OWNED BY "+user, "DROP ROLE IF EXISTS "+user)
	})
	srv.Exec(t, fresh, "REVOKE CREATE ON SCHEMA public FROM PUBLIC")
	srv.Exec(t, ready, "GRANT SELECT ON quads, nodes, eventgraph_sync TO "+user)

	port := closedPort(t)
	for _, tc := range []struct {
		name, addr string
		readOnly   bool
		want       []string // in the message
	}{
		{"not a URL", "localhost:5432/eventgraph", false, []string{"invalid postgres address", "expected postgres://"}},
		{"wrong scheme", "mysql://u@localhost:3306/db", false, []string{"invalid postgres address", `scheme "mysql"`}},
		{"no database", "postgres://u@localhost:5432/", false, []string{"no database name"}},
		{"bad port", "postgres://u:s3cret-pw@localhost:99999x/db", false, []string{"invalid postgres address", "postgres://u:***@"}},
		{"unreachable", fmt.Sprintf("postgres://u:s3cret-pw@127.0.0.1:%d/db?sslmode=disable", port), false,
			[]string{"postgres store at postgres://u:***@127.0.0.1", "cannot reach a server", "pg_isready"}},
		{"no such database", pgtest.WithDatabase(srv.DSN, "nosuchdb"), false, []string{`database "nosuchdb" does not exist`, "createdb"}},
		{"no such user", pgtest.WithUser(srv.DSN, "nosuchuser", "pw"), false, []string{`refused user "nosuchuser"`, "pg_hba.conf", ":***@"}},
		{"no CREATE right", pgtest.WithUser(fresh, user, "s3cret-pw"), false, []string{"initialising the store", "GRANT CREATE ON SCHEMA public TO " + user}},
		{"read-only rights", pgtest.WithUser(ready, user, "s3cret-pw"), false, []string{"may read but not write", "read-only"}},
		{"ssl refused", strings.Replace(srv.DSN, "sslmode=disable", "sslmode=require", 1), false, []string{"sslmode=disable"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := Open(ctx, Config{Backend: "postgres", Address: tc.addr, ReadOnly: tc.readOnly})
			if err == nil {
				st.Close()
				t.Fatal("opened")
			}
			msg := err.Error()
			if strings.Contains(msg, "s3cret-pw") {
				t.Errorf("password in message: %s", msg)
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message lacks %q:\n%s", w, msg)
				}
			}
			t.Log(msg)
		})
	}
	// The reader can still read.
	st, err := Open(ctx, Config{Backend: "postgres", Address: pgtest.WithUser(ready, user, "s3cret-pw"), ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open with SELECT rights: %v", err)
	}
	st.Close()
}

// The lock excludes other processes (other Stores, each with its own
// connections), and Changed/Touch tell them who wrote.
func TestPostgresLock(t *testing.T) {
	srv := pgtest.Start(t)
	for _, lock := range []string{"advisory", "lease"} {
		t.Run(lock, func(t *testing.T) {
			ctx := context.Background()
			dsn := srv.NewDatabase(t)
			opts := map[string]any{OptionLock: lock}
			a, b := openPG(t, dsn, opts), openPG(t, dsn, opts)

			unlockA, err := a.Lock(ctx)
			if err != nil {
				t.Fatal(err)
			}
			short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
			if _, err := b.Lock(short); err == nil {
				t.Fatal("second Lock succeeded while the first is held")
			}
			cancel()
			if ch, err := a.Changed(ctx); err != nil || ch {
				t.Fatalf("a.Changed = %v, %v before any write", ch, err)
			}
			if err := a.Touch(ctx); err != nil {
				t.Fatal(err)
			}
			unlockA()

			unlockB, err := b.Lock(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if ch, err := b.Changed(ctx); err != nil || !ch {
				t.Fatalf("b.Changed = %v, %v after a wrote", ch, err)
			}
			if err := b.Touch(ctx); err != nil {
				t.Fatal(err)
			}
			if ch, _ := b.Changed(ctx); ch {
				t.Error("b.Changed after its own Touch")
			}
			unlockB()
			unlockB() // idempotent

			unlockA, err = a.Lock(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if ch, _ := a.Changed(ctx); !ch {
				t.Error("a.Changed false after b wrote")
			}
			unlockA()

			// Mutual exclusion under contention: a read-modify-write of a
			// counter from several Stores loses no increment.
			srv.Exec(t, dsn, "CREATE TABLE counter (n INT)", "INSERT INTO counter VALUES (0)")
			const stores, rounds = 4, 15
			var wg sync.WaitGroup
			errs := make(chan error, stores)
			for i := 0; i < stores; i++ {
				st := openPG(t, dsn, opts)
				wg.Add(1)
				go func() {
					defer wg.Done()
					for j := 0; j < rounds; j++ {
						unlock, err := st.Lock(ctx)
						if err != nil {
							errs <- err
							return
						}
						var n int
						if err := st.sql.db.QueryRow("SELECT n FROM counter").Scan(&n); err != nil {
							errs <- err
						}
						time.Sleep(time.Millisecond)
						if _, err := st.sql.db.Exec("UPDATE counter SET n = $1", n+1); err != nil {
							errs <- err
						}
						unlock()
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
			var n int
			if err := a.sql.db.QueryRow("SELECT n FROM counter").Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != stores*rounds {
				t.Errorf("counter = %d, want %d: the lock let writers overlap", n, stores*rounds)
			}
		})
	}
}

// On the embedded backends the lock and the generation are no-ops.
func TestLockNoopOnBolt(t *testing.T) {
	ctx := context.Background()
	st := openBolt(t)
	unlock, err := st.Lock(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ch, err := st.Changed(ctx); ch || err != nil {
		t.Errorf("Changed = %v, %v", ch, err)
	}
	if err := st.Touch(ctx); err != nil {
		t.Fatal(err)
	}
	unlock()
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u:pw@h:5432/db":                "postgres://u:***@h:5432/db",
		"postgres://u@h:5432/db":                   "postgres://u@h:5432/db",
		"host=h user=u password=pw dbname=d":       "host=h user=u password=*** dbname=d",
		"postgres://h/db?user=u&password=pw&x=1":   "postgres://h/db?user=u&password=***&x=1",
		"/var/lib/eventgraph":                      "/var/lib/eventgraph",
		"postgresql://u:p%40ss@h:26257/db?sslmode": "postgresql://u:***@h:26257/db?sslmode",
		// issue 23: spaces around "=", quoted passwords with spaces, sslpassword.
		"host=h password = S3cretPW dbname=d":                 "host=h password = *** dbname=d",
		"host=h password= 'S3cret PW tail' dbname=d":          "host=h password= *** dbname=d",
		`host=h password='it\'s a secret' user=u`:             "host=h password=*** user=u",
		`host=h password=back\ slash user=u`:                  "host=h password=*** user=u",
		"host=h sslpassword=KeyPass sslkey=/k.pem":            "host=h sslpassword=*** sslkey=/k.pem",
		"host=h PASSWORD=Upper":                               "host=h PASSWORD=***",
		"postgres://h/db?sslpassword=KeyPass&sslmode=require": "postgres://h/db?sslpassword=***&sslmode=require",
		"postgres://h/db?Password=pw":                         "postgres://h/db?Password=***",
		"postgres://u:p@ss@h/db":                              "postgres://u:***@h/db",
		"postgres://u:pa/ss@h/db":                             "postgres://u:***@h/db",
		"postgres://u:pa?ss@h/db":                             "postgres://u:***@h/db",
		"postgres://u:pa#ss@h/db":                             "postgres://u:***@h/db",
		"postgres://h:5432/db?user=a@b":                       "postgres://h:5432/db?user=a@b",
		"host=h password=":                                    "host=h password=***",
	} {
		got := redact(in)
		if got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
	// Every secret is hidden from messages that repeat it, decoded or not.
	for _, tc := range []struct{ addr, msg string }{
		{"host=h password = 'S3cret PW'", `pq: password authentication failed (password "S3cret PW")`},
		{"host=h sslpassword=KeyPass", "cannot decrypt key with KeyPass"},
		{"postgres://u:p%40ss@h/db", "auth failed for u with p@ss"},
		{"postgres://h/db?sslpassword=KeyPass", "cannot decrypt key with KeyPass"},
	} {
		if got := redactIn(tc.msg, tc.addr); strings.Contains(got, "S3cret") || strings.Contains(got, "KeyPass") || strings.Contains(got, "p@ss") {
			t.Errorf("redactIn(%q, %q) = %q", tc.msg, tc.addr, got)
		}
	}
	if u, h, d := userOf("host = db.example user = 'bob' dbname = 'events db'"), hostOf("host = db.example port = 5433"), databaseOf("dbname = 'events db'"); u != "bob" || h != "db.example:5433" || d != "events db" {
		t.Errorf("user %q host %q database %q", u, h, d)
	}
}

// The multi-row writer leaves exactly the rows cayley's own writer leaves.
func TestPostgresBulkWriterMatchesCayley(t *testing.T) {
	srv := pgtest.Start(t)
	if srv.Backend != "postgres" {
		t.Skip("the multi-row writer is PostgreSQL's")
	}
	ctx := context.Background()
	bulk := openPG(t, srv.NewDatabase(t), nil)
	plain := openPG(t, srv.NewDatabase(t), nil)
	if _, ok := bulk.QuadWriter.(*bulkWriter); !ok {
		t.Fatalf("PostgreSQL store writes with %T, want *bulkWriter", bulk.QuadWriter)
	}
	plain.Handle.QuadWriter = plain.QuadWriter.(*bulkWriter).QuadWriter
	for _, st := range []*Store{bulk, plain} {
		r := resolve.New(resolve.Rules{})
		var batch []ArticleQuads
		for _, id := range []string{"a1", "a2", "a3"} {
			d := sampleDoc(id)
			own, shared := Quads(d, r.Add(d))
			batch = append(batch, ArticleQuads{Own: own, Shared: shared})
		}
		if _, err := st.WriteBatch(ctx, batch[:2]); err != nil {
			t.Fatal(err)
		}
		// Duplicates (ignored, but counted as references, as cayley does).
		st.stored = nil
		if _, err := st.WriteBatch(ctx, batch[1:]); err != nil {
			t.Fatal(err)
		}
		if _, err := st.RetractArticle(ctx, "a1"); err != nil {
			t.Fatal(err)
		}
	}
	dump := func(st *Store) string {
		var b strings.Builder
		for _, q := range []string{
			`SELECT concat_ws(' ', encode(hash, 'hex'), refs, value_string, iri, value_int, value_float) FROM nodes ORDER BY 1`,
			`SELECT concat_ws(' ', encode(subject_hash, 'hex'), encode(predicate_hash, 'hex'), encode(object_hash, 'hex'), encode(label_hash, 'hex')) FROM quads ORDER BY 1`,
		} {
			rows, err := st.sql.db.Query(q)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var line string
				if err := rows.Scan(&line); err != nil {
					t.Fatal(err)
				}
				fmt.Fprintln(&b, line)
			}
			rows.Close()
		}
		return b.String()
	}
	a, b := dump(bulk), dump(plain)
	if a != b {
		t.Errorf("tables differ:\nmulti-row writer:\n%.2000s\ncayley's writer:\n%.2000s", a, b)
	}
	if len(a) < 100 {
		t.Errorf("nothing written: %q", a)
	}
}

// The bulk loader gives the resolver what LoadResolver gives it.
func TestPostgresLoadResolverBulk(t *testing.T) {
	srv := pgtest.Start(t)
	ctx := context.Background()
	st := openPG(t, srv.NewDatabase(t), nil)
	r := resolve.New(resolve.Rules{})
	for _, id := range []string{"a1", "a2", "a3"} {
		d := sampleDoc(id)
		if id == "a3" {
			d.Events[0].Type.Code = "0871"
			d.Events[0].Action = "quit"
		}
		own, shared := Quads(d, r.Add(d))
		if _, err := st.WriteArticle(ctx, own, shared); err != nil {
			t.Fatal(err)
		}
	}
	slow, fast := resolve.New(resolve.Rules{}), resolve.New(resolve.Rules{})
	if err := st.LoadResolver(ctx, slow); err != nil {
		t.Fatal(err)
	}
	if err := st.LoadResolverBulk(ctx, fast); err != nil {
		t.Fatal(err)
	}
	if slow.Events() == 0 || slow.Events() != fast.Events() {
		t.Fatalf("events: LoadResolver %d, LoadResolverBulk %d", slow.Events(), fast.Events())
	}
	for _, id := range []string{"b1", "b2"} {
		d := sampleDoc(id)
		a, b := slow.Add(d), fast.Add(d)
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("resolving %s: LoadResolver gives %+v, LoadResolverBulk %+v", id, a, b)
		}
	}
}
