package graph

// The bulk write path of PostgreSQL stores. cayley's SQL writer sends one
// INSERT per node and one per quad, a round trip each. bulkWriter writes a
// transaction that only adds quads (all of eventgraph's article writes) in
// a handful of statements: the nodes and quads are copied (COPY FROM
// STDIN, lib/pq's CopyIn) into temporary staging tables, then inserted
// into nodes and quads from there. The rows are exactly those cayley's
// writer makes (tests: TestPostgresBulkWriterMatchesCayley,
// TestPostgresBulkSameGraph):
//
//   - nodes: one row per value, keyed by cayley's hash, with the columns
//     cayley's NodeValues fills for its type (the others NULL); refs is
//     increased by the number of added quads naming the value, duplicates
//     of stored quads included (cayley's ignore_duplicate counts them too);
//   - quads: the four hashes and ts = now(), in the transaction's order
//     (the horizon column numbers quads as cayley's writer would), a quad
//     already stored left as it is (ON CONFLICT DO NOTHING).
//
// Transactions that remove quads go through cayley's writer unchanged,
// counted first (SideStamp: side data and the resolver's copy then know
// that quads are gone). Before a write, the batch's shared facts are
// looked up in one query (storedShared), not one query each.

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	graphlog "github.com/cayleygraph/cayley/graph/log"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// Staging tables, private to a connection, emptied at each commit.
const (
	stageNodes = "eg_stage_nodes"
	stageQuads = "eg_stage_quads"
)

// nodeColumns are the columns of cayley's nodes table that a value fills
// (csql.ValueType.Columns), after refs and hash.
var nodeColumns = []string{"value", "value_string", "datatype", "language", "iri", "bnode",
	"value_int", "value_bool", "value_float", "value_time"}

// stageSQL creates the staging tables of a connection (once per session).
var stageSQL = `CREATE TEMP TABLE IF NOT EXISTS ` + stageNodes + ` (LIKE nodes) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS ` + stageQuads + ` (n INT NOT NULL, subject_hash BYTEA NOT NULL, predicate_hash BYTEA NOT NULL,
	object_hash BYTEA NOT NULL, label_hash BYTEA) ON COMMIT DELETE ROWS`

// writer wraps cayley's quad writer for a PostgreSQL store with the bulk
// write path.
func (s *sqlStore) writer(qw cgraph.QuadWriter) cgraph.QuadWriter {
	if s == nil || s.backend != "postgres" {
		return qw
	}
	return &bulkWriter{QuadWriter: qw, db: s.db, side: s}
}

type bulkWriter struct {
	cgraph.QuadWriter
	db   *sql.DB
	side *sqlStore
	off  bool // every transaction through cayley's writer (SetBulkWrites)
}

// SetBulkWrites turns the bulk write path of a PostgreSQL store off (every
// write then goes through cayley's writer) or on again: tests compare the
// two. Other stores have no bulk path.
func (s *Store) SetBulkWrites(on bool) {
	if w, ok := s.QuadWriter.(*bulkWriter); ok {
		w.off = !on
	}
}

func (w *bulkWriter) AddQuadSet(qs []quad.Quad) error {
	tx := cgraph.NewTransaction()
	for _, q := range qs {
		tx.AddQuad(q)
	}
	return w.ApplyTransaction(tx)
}

func (w *bulkWriter) AddQuad(q quad.Quad) error { return w.AddQuadSet([]quad.Quad{q}) }

func (w *bulkWriter) ApplyTransaction(t *cgraph.Transaction) error {
	for _, d := range t.Deltas {
		if d.Action != cgraph.Add {
			// Side data stamped before the removal is stale (SideStamp).
			if err := w.side.countRemoval(context.Background()); err != nil {
				return err
			}
			return w.QuadWriter.ApplyTransaction(t)
		}
	}
	if w.off {
		return w.QuadWriter.ApplyTransaction(t)
	}
	if len(t.Deltas) == 0 {
		return nil
	}
	deltas := graphlog.SplitDeltas(t.Deltas)
	tx, err := w.db.Begin()
	if err != nil {
		return fmt.Errorf("bulk write: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(stageSQL); err != nil {
		return fmt.Errorf("bulk write: creating the staging tables: %w", err)
	}
	if err := copyNodes(tx, deltas.IncNode); err != nil {
		return fmt.Errorf("bulk write: %d nodes: %w", len(deltas.IncNode), err)
	}
	if err := copyQuads(tx, deltas.QuadAdd); err != nil {
		return fmt.Errorf("bulk write: %d quads: %w", len(deltas.QuadAdd), err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("bulk write: committing: %w", err)
	}
	return nil
}

// copyNodes stages the nodes and adds them to nodes, or their references
// to the stored ones.
func copyNodes(tx *sql.Tx, nodes []graphlog.NodeUpdate) error {
	// A stable order keeps concurrent writers from deadlocking.
	nodes = slices.Clone(nodes)
	slices.SortFunc(nodes, func(a, b graphlog.NodeUpdate) int { return bytes.Compare(a.Hash[:], b.Hash[:]) })
	rows := make([][]any, 0, len(nodes)) // refs, hash, nodeColumns
	for _, n := range nodes {
		typ, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: n.Hash}, n.Val)
		if err != nil {
			return err
		}
		r := make([]any, 2+len(nodeColumns))
		r[0], r[1] = n.RefInc, vals[0]
		for i, c := range typ.Columns() {
			r[2+columnIndex(c)] = vals[1+i]
		}
		rows = append(rows, r)
	}
	columns := append([]string{"refs", "hash"}, nodeColumns...)
	if err := copyIn(tx, stageNodes, columns, rows); err != nil {
		return err
	}
	cols := strings.Join(columns, ", ")
	_, err := tx.Exec(`INSERT INTO nodes(` + cols + `) SELECT ` + cols + ` FROM ` + stageNodes +
		` ORDER BY hash ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`)
	return err
}

// copyQuads stages the quads and inserts those not stored yet, in order.
func copyQuads(tx *sql.Tx, quads []graphlog.QuadUpdate) error {
	rows := make([][]any, len(quads))
	for i, q := range quads {
		rows[i] = []any{i}
		for _, h := range q.Quad.Dirs() {
			rows[i] = append(rows[i], csql.NodeHash{ValueHash: h}.SQLValue())
		}
	}
	if err := copyIn(tx, stageQuads, []string{"n", "subject_hash", "predicate_hash", "object_hash", "label_hash"}, rows); err != nil {
		return err
	}
	_, err := tx.Exec(`INSERT INTO quads(subject_hash, predicate_hash, object_hash, label_hash, ts)
SELECT subject_hash, predicate_hash, object_hash, label_hash, now() FROM ` + stageQuads + ` ORDER BY n ON CONFLICT DO NOTHING`)
	return err
}

// columnIndex is the place of a nodes column in nodeColumns.
func columnIndex(c string) int {
	for i, n := range nodeColumns {
		if n == c {
			return i
		}
	}
	panic("graph: cayley's nodes table has an unknown column " + c)
}

// maxFactsPerQuery bounds the facts one storedShared query asks about.
const maxFactsPerQuery = 4096

// storedShared tells, with the bulk write path, which of a batch's shared
// facts not known to be stored (Store.known) are stored under any label,
// in one query per maxFactsPerQuery facts instead of a query each
// (Store.hasQuad). It returns nil without the bulk path (other stores,
// SetBulkWrites(false)).
func (s *Store) storedShared(ctx context.Context, batch []ArticleQuads) (map[factKey]bool, error) {
	if w, ok := s.QuadWriter.(*bulkWriter); !ok || w.off {
		return nil, nil
	}
	var keys []factKey
	var cols [3]pq.ByteaArray
	seen := map[factKey]bool{}
	for _, a := range batch {
		for _, q := range a.Shared {
			k := keyOf(q)
			if seen[k] || s.known(k) {
				continue
			}
			seen[k] = true
			keys = append(keys, k)
			for i, v := range [3]quad.Value{q.Subject, q.Predicate, q.Object} {
				cols[i] = append(cols[i], hashOf(v))
			}
		}
	}
	found := make(map[factKey]bool, len(keys))
	for start := 0; start < len(keys); start += maxFactsPerQuery {
		end := min(start+maxFactsPerQuery, len(keys))
		rows, err := s.sql.db.QueryContext(ctx, `SELECT t.i FROM unnest($1::bytea[], $2::bytea[], $3::bytea[]) WITH ORDINALITY AS t(s, p, o, i)
WHERE EXISTS (SELECT 1 FROM quads q WHERE q.subject_hash = t.s AND q.predicate_hash = t.p AND q.object_hash = t.o)`,
			cols[0][start:end], cols[1][start:end], cols[2][start:end])
		if err != nil {
			return nil, fmt.Errorf("checking %d shared facts: %w", end-start, err)
		}
		for rows.Next() {
			var i int
			if err := rows.Scan(&i); err != nil {
				rows.Close()
				return nil, fmt.Errorf("checking %d shared facts: %w", end-start, err)
			}
			found[keys[start+i-1]] = true
		}
		err = rows.Close()
		if err == nil {
			err = rows.Err()
		}
		if err != nil {
			return nil, fmt.Errorf("checking %d shared facts: %w", end-start, err)
		}
	}
	return found, nil
}

// copyIn writes rows into the columns of table with PostgreSQL's COPY.
func copyIn(tx *sql.Tx, table string, columns []string, rows [][]any) error {
	stmt, err := tx.Prepare(pq.CopyIn(table, columns...))
	if err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	for _, r := range rows {
		if _, err := stmt.Exec(r...); err != nil {
			stmt.Close()
			return fmt.Errorf("copy into %s: %w", table, err)
		}
	}
	if _, err := stmt.Exec(); err != nil {
		stmt.Close()
		return fmt.Errorf("copy into %s: flushing: %w", table, err)
	}
	if err := stmt.Close(); err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	return nil
}
