package timeline

import (
	"context"
	"database/sql"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// transactions counts the transactions the server ran in the database of
// dsn, once the sessions that ran them have ended (a session reports its
// counts when it ends): polled until steady.
func transactions(t *testing.T, dsn string) int64 {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	last := int64(-1)
	for range 50 {
		var n int64
		err := db.QueryRow(`SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n == last {
			return n
		}
		last = n
		time.Sleep(200 * time.Millisecond)
	}
	return last
}

// On PostgreSQL, where every value read through cayley is a query, the
// events of a page are read from the quads around them, copied in a few
// queries (graph.Store.ReadAround): the page is bolt's, and it costs the
// server a few dozen transactions, not thousands.
func TestPostgresPageQueries(t *testing.T) {
	srv := pgtest.Start(t)
	if srv.Backend != "postgres" {
		t.Skip("CockroachDB stores keep no timeline index")
	}
	ctx := context.Background()
	dsn := srv.NewDatabase(t)
	batches := articleBatches(seedQuads(t, 2), false)
	// The version as eventgraph's writes store it (an integer; the
	// N-Quads file holds its text, which a reopened store does not read).
	batches[0] = slices.DeleteFunc(batches[0], func(q quad.Quad) bool { return q.Predicate == graph.VocabVersion })
	batches[0] = append(batches[0], quad.Make(graph.StoreNode, graph.VocabVersion, quad.Int(graph.Version), nil))
	bolt := emptyStore(t)
	ingestIndexed(t, bolt, batches)
	pg, err := graph.Open(ctx, graph.Config{Backend: "postgres", Address: dsn})
	if err != nil {
		t.Fatal(err)
	}
	ingestIndexed(t, pg, batches)
	pg.Close()

	f := Filter{MinSalience: 0.3}
	const limit = 40
	ix, err := OpenIndex(ctx, bolt)
	if err != nil || ix == nil {
		t.Fatal("no fresh bolt index", err)
	}
	want, err := ix.Page(ctx, bolt, f, "", limit)
	if err != nil {
		t.Fatal(err)
	}

	before := transactions(t, dsn)
	pg, err = graph.Open(ctx, graph.Config{Backend: "postgres", Address: dsn})
	if err != nil {
		t.Fatal(err)
	}
	ix, err = OpenIndex(ctx, pg)
	if err != nil || ix == nil {
		pg.Close()
		t.Fatal("no fresh PostgreSQL index", err)
	}
	got, err := ix.Page(ctx, pg, f, "", limit)
	pg.Close()
	if err != nil {
		t.Fatal(err)
	}
	spent := transactions(t, dsn) - before

	if len(got.Timeline.Events) != limit {
		t.Fatalf("a page of %d events, want %d", len(got.Timeline.Events), limit)
	}
	if g, w := eventsJSON(t, got.Timeline), eventsJSON(t, want.Timeline); g != w {
		t.Errorf("the PostgreSQL page differs from bolt's at byte %d", diffAt(g, w))
	}
	// Measured: 1,275 before ReadAround, 46 after (the store's
	// opening included).
	if spent > 100 {
		t.Errorf("opening the store and reading a page of %d events took %d transactions on the server", limit, spent)
	}
	t.Logf("opening the store and reading a page of %d events: %d transactions", limit, spent)
}
