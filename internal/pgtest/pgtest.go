// Package pgtest gives tests a real PostgreSQL server: a private cluster
// started by scripts/postgres.sh (which installs Debian's postgresql when it
// is missing) and removed when the test binary ends.
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
//
//	func TestX(t *testing.T) {
//		dsn := pgtest.Start(t).NewDatabase(t)
//		...
//	}
//
// EVENTGRAPH_TEST_POSTGRES=URL uses an existing server instead (any
// database on it; fresh databases are created beside it), for instance a
// CockroachDB cluster with EVENTGRAPH_TEST_BACKEND=cockroach. Tests skip,
// loudly, only when PostgreSQL cannot be had at all: not installed and not
// root to install it. Under CI (CI=true) or EVENTGRAPH_REQUIRE_POSTGRES=1
// they fail instead.
package pgtest

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/lib/pq" // the "postgres" database/sql driver, as cayley's postgres backend uses
)

// Server is a PostgreSQL server for tests.
type Server struct {
	// Dir is the cluster's directory ("" for an external server).
	Dir string
	// DSN is the URL of the database "eventgraph" as a superuser.
	DSN string
	// Backend is the cayley backend to test: postgres, or cockroach for an
	// external CockroachDB cluster.
	Backend string
	script  string
	n       atomic.Int64
}

var shared struct {
	once sync.Once
	srv  *Server
	skip string
	err  error
}

// Main runs the tests, then stops the server they started, if any.
func Main(m *testing.M) int {
	code := m.Run()
	if s := shared.srv; s != nil && s.Dir != "" {
		if err := s.stop(); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
		}
	}
	return code
}

// Start returns the test binary's server, starting it on first use.
func Start(tb testing.TB) *Server {
	tb.Helper()
	shared.once.Do(func() { shared.srv, shared.skip, shared.err = start() })
	if shared.err != nil {
		tb.Fatalf("PostgreSQL test server: %v", shared.err)
	}
	if shared.skip != "" {
		msg := "\n" + strings.Repeat("#", 78) + "\n# SKIPPED: no PostgreSQL server for this test: " + shared.skip +
			"\n# Install PostgreSQL (apt-get install -y postgresql) or run as root, or set\n# EVENTGRAPH_TEST_POSTGRES=postgres://user@host:port/db?sslmode=disable\n" + strings.Repeat("#", 78)
		if os.Getenv("CI") == "true" || os.Getenv("EVENTGRAPH_REQUIRE_POSTGRES") == "1" {
			tb.Fatal(msg)
		}
		fmt.Fprintln(os.Stderr, msg)
		tb.Skip(msg)
	}
	return shared.srv
}

func start() (*Server, string, error) {
	backend := os.Getenv("EVENTGRAPH_TEST_BACKEND")
	if backend == "" {
		backend = "postgres"
	}
	if dsn := os.Getenv("EVENTGRAPH_TEST_POSTGRES"); dsn != "" {
		return &Server{DSN: dsn, Backend: backend}, "", nil
	}
	script, err := Script()
	if err != nil {
		return nil, "", err
	}
	cmd := exec.Command("bash", script, "start")
	cmd.Env = append(os.Environ(), fmt.Sprintf("OWNER_PID=%d", os.Getpid()))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 3 {
		return nil, strings.TrimSpace(errb.String()), nil
	}
	if err != nil {
		return nil, "", fmt.Errorf("%s start: %v\n%s", script, err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 2 {
		return nil, "", fmt.Errorf("%s start printed %q, want the directory and the DSN", script, out.String())
	}
	s := &Server{Dir: lines[len(lines)-2], DSN: lines[len(lines)-1], Backend: "postgres", script: script}
	db, err := sql.Open("postgres", s.DSN)
	if err == nil {
		err = db.Ping()
		db.Close()
	}
	if err != nil {
		_ = s.stop()
		return nil, "", fmt.Errorf("server started but not reachable at %s: %w", s.DSN, err)
	}
	return s, "", nil
}

func (s *Server) stop() error {
	out, err := exec.Command("bash", s.script, "stop", s.Dir).CombinedOutput()
	if err != nil {
		return fmt.Errorf("stopping %s: %v\n%s", s.Dir, err, out)
	}
	return nil
}

// Script returns the path of scripts/postgres.sh, found from the working
// directory up to the module root.
func Script() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, "scripts", "postgres.sh")
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if _, err := os.Stat(p); err != nil {
				return "", fmt.Errorf("%s is missing", p)
			}
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("scripts/postgres.sh not found: not inside the eventgraph module")
		}
		dir = parent
	}
}

// NewDatabase creates a fresh, empty database and returns its URL. It is
// dropped when the test ends.
func (s *Server) NewDatabase(tb testing.TB) string {
	tb.Helper()
	name := fmt.Sprintf("eg_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, s.n.Add(1))
	s.Exec(tb, s.DSN, "CREATE DATABASE "+name)
	dsn := WithDatabase(s.DSN, name)
	tb.Cleanup(func() {
		db, err := sql.Open("postgres", s.DSN)
		if err != nil {
			return
		}
		defer db.Close()
		// Connections of the code under test may linger a moment.
		for i := 0; i < 20; i++ {
			if _, err := db.Exec("DROP DATABASE IF EXISTS " + name); err == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	return dsn
}

// Exec runs statements on the database of dsn.
func (s *Server) Exec(tb testing.TB, dsn string, stmts ...string) {
	tb.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
	}
}

// WithDatabase returns dsn with its database replaced by name.
func WithDatabase(dsn, name string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	u.Path = "/" + name
	return u.String()
}

// WithUser returns dsn with its user (and password) replaced.
func WithUser(dsn, user, password string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	if password != "" {
		u.User = url.UserPassword(user, password)
	} else {
		u.User = url.User(user)
	}
	return u.String()
}
