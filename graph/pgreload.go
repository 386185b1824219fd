package graph

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// resolverCopy is the copy of the quads LoadResolver reads that
// copyForResolver keeps between reloads: when other processes have only
// added quads since, the next reload copies those alone.
type resolverCopy struct {
	mem *memstore.QuadStore
	// last is the largest horizon (cayley's row number of quads) copied,
	// removals the store's count of removals then (SideStamp).
	last, removals int64
}

// copyForResolver copies the quads LoadResolver reads (those of
// resolverPrefixes' subjects) into memory, in the order they were written.
// On PostgreSQL the copy is kept, and a later call adds the quads written
// since (a horizon above the last one copied: eventgraph's writers write
// one at a time under Lock, so rows are numbered in commit order), unless
// eventgraph removed quads since (a retraction; SideStamp's count): then
// it copies everything again; nor is a copy larger than keepCopyQuads
// kept. Like SideStamp, it does not see quads
// removed by other tools than eventgraph. CockroachDB's row numbers are
// not in commit order: it copies everything each time.
func (s *sqlStore) copyForResolver(ctx context.Context) (*memstore.QuadStore, error) {
	s.copyMu.Lock()
	defer s.copyMu.Unlock()
	c := s.copied
	s.copied = nil // until this copy is complete
	if s.backend != "postgres" {
		c = nil
	}
	// One snapshot for the counts and the rows.
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	last, removals, err := stampOf(ctx, tx)
	if err != nil {
		return nil, err
	}
	if c == nil || removals != c.removals {
		c = &resolverCopy{mem: memstore.New()}
	}
	if err := copyQuadsAfter(ctx, tx, c.mem, c.last); err != nil {
		return nil, err
	}
	c.last, c.removals = last, removals
	if st, err := c.mem.Stats(ctx, false); err == nil && st.Quads.Size <= keepCopyQuads {
		s.copied = c
	}
	return c.mem, nil
}

// keepCopyQuads bounds the copy kept between reloads: about 1.8 KB a quad
// in memory, so 150,000 quads (some 500 articles) hold 270 MB in every
// writing process; a larger store is copied whole again at each reload,
// as before the copy was kept.
const keepCopyQuads = 150_000

// copyQuadsAfter adds to mem the quads of resolverPrefixes' subjects with a
// horizon above after, in horizon order, without their labels.
func copyQuadsAfter(ctx context.Context, tx *sql.Tx, mem *memstore.QuadStore, after int64) error {
	var where []string
	for _, p := range resolverPrefixes {
		where = append(where, "ns.value_string LIKE '"+p+"%'")
	}
	return quadsWhere(ctx, tx, `q.horizon > $1 AND ns.iri AND (`+strings.Join(where, " OR ")+`)`, func(q quad.Quad) {
		q.Label = nil
		mem.AddQuad(q)
	}, after)
}

// stampOf reads the largest horizon of quads and the count of removals
// (SideStamp), two index lookups.
func stampOf(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (last, removals int64, err error) {
	err = q.QueryRowContext(ctx, `SELECT coalesce((SELECT max(horizon) FROM quads), 0),
	coalesce((SELECT gen FROM `+syncTable+` WHERE name = $1), 0)`, removalsRow).Scan(&last, &removals)
	return last, removals, err
}

// ReadAround returns what to read the events of nodes from after a write
// (the timeline index's update): on PostgreSQL, where every value read
// through cayley is a query, an in-memory store of the quads around them,
// read in three queries: the events' own quads and those naming them
// (their mentions, related events), then the quads of every node these
// name, of their mentions' articles and of their classes' type nodes.
// Elsewhere the store itself.
func (s *Store) ReadAround(ctx context.Context, nodes []quad.Value) (*Store, error) {
	if s.SQLSide() == nil {
		return s, nil
	}
	mem := memstore.New()
	var hashes pq.ByteaArray
	for _, n := range nodes {
		hashes = append(hashes, hashOf(n))
	}
	seen := map[quad.Value]bool{}
	for _, n := range nodes {
		seen[n] = true
	}
	var next pq.ByteaArray
	add := func(v quad.Value) {
		if iri, ok := v.(quad.IRI); ok && !seen[iri] {
			seen[iri] = true
			next = append(next, hashOf(iri))
		}
	}
	err := quadsWhere(ctx, s.sql.db, `q.subject_hash = ANY($1) OR q.object_hash = ANY($1)`, func(q quad.Quad) {
		mem.AddQuad(q)
		add(q.Subject)
		add(q.Object)
		if art := MentionArticle(q.Subject); art != "" {
			add(art)
		}
		if typ, _, ok := EventClass(q.Object); ok {
			add(typ) // an event's type node, which its class names
		}
	}, hashes)
	if err != nil {
		return nil, explainSQL(s.sql.backend, s.sql.addr, "reading the events written", err)
	}
	err = quadsWhere(ctx, s.sql.db, `q.subject_hash = ANY($1)`, func(q quad.Quad) { mem.AddQuad(q) }, next)
	if err != nil {
		return nil, explainSQL(s.sql.backend, s.sql.addr, "reading the events written", err)
	}
	return Wrap(mem), nil
}

func hashOf(v quad.Value) []byte {
	return csql.NodeHash{ValueHash: cgraph.HashOf(v)}.SQLValue().([]byte)
}

// quadsWhere reads the quads that match cond (on quads q and their nodes
// ns, np, no, nl) with their values, in the order they were written, and
// hands each to fn.
func quadsWhere(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, cond string, fn func(quad.Quad), args ...any) error {
	cols := func(n string) string {
		return n + ".value, " + n + ".value_string, " + n + ".datatype, " + n + ".language, " + n + ".iri, " + n + ".bnode, " +
			n + ".value_int, " + n + ".value_bool, " + n + ".value_float, " + n + ".value_time"
	}
	rows, err := db.QueryContext(ctx, `SELECT `+cols("ns")+`, `+cols("np")+`, `+cols("no")+`, `+cols("nl")+`
FROM quads q
JOIN nodes ns ON ns.hash = q.subject_hash
JOIN nodes np ON np.hash = q.predicate_hash
JOIN nodes no ON no.hash = q.object_hash
LEFT JOIN nodes nl ON nl.hash = q.label_hash
WHERE `+cond+`
ORDER BY q.horizon`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var v [4]nodeScan
	dest := make([]any, 0, 40)
	for i := range v {
		dest = append(dest, v[i].dest()...)
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		var q quad.Quad
		for i, d := range quad.Directions {
			if d == quad.Label && v[i].data == nil && !v[i].str.Valid {
				continue
			}
			val, err := v[i].value()
			if err != nil {
				return fmt.Errorf("reading a value: %w", err)
			}
			q.Set(d, val)
		}
		fn(q)
	}
	return rows.Err()
}
