package graph

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
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
// it copies everything again. Like SideStamp, it does not see quads
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
	s.copied = c
	return c.mem, nil
}

// copyQuadsAfter adds to mem the quads of resolverPrefixes' subjects with a
// horizon above after, in horizon order.
func copyQuadsAfter(ctx context.Context, tx *sql.Tx, mem *memstore.QuadStore, after int64) error {
	cols := func(n string) string {
		return n + ".value, " + n + ".value_string, " + n + ".datatype, " + n + ".language, " + n + ".iri, " + n + ".bnode, " +
			n + ".value_int, " + n + ".value_bool, " + n + ".value_float, " + n + ".value_time"
	}
	var where []string
	for _, p := range resolverPrefixes {
		where = append(where, "ns.value_string LIKE '"+p+"%'")
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+cols("ns")+`, `+cols("np")+`, `+cols("no")+`
FROM quads q
JOIN nodes ns ON ns.hash = q.subject_hash
JOIN nodes np ON np.hash = q.predicate_hash
JOIN nodes no ON no.hash = q.object_hash
WHERE q.horizon > $1 AND ns.iri AND (`+strings.Join(where, " OR ")+`)
ORDER BY q.horizon`, after)
	if err != nil {
		return err
	}
	defer rows.Close()
	var v [3]nodeScan
	dest := make([]any, 0, 30)
	for i := range v {
		dest = append(dest, v[i].dest()...)
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		var q quad.Quad
		for i, d := range []quad.Direction{quad.Subject, quad.Predicate, quad.Object} {
			val, err := v[i].value()
			if err != nil {
				return fmt.Errorf("reading a value: %w", err)
			}
			q.Set(d, val)
		}
		mem.AddQuad(q)
	}
	return rows.Err()
}

// ReadCopy returns what to read the store's events from in bulk after a
// write (the timeline index's update): on PostgreSQL, where every value
// read through cayley is a query, the in-memory copy copyForResolver keeps
// (caught up with the store first: one query for what was added since);
// elsewhere the store itself. The copy holds the quads of actors, events,
// type nodes, mentions, articles and roles, without their labels.
func (s *Store) ReadCopy(ctx context.Context) (*Store, error) {
	if s.SQLSide() == nil {
		return s, nil
	}
	mem, err := s.sql.copyForResolver(ctx)
	if err != nil {
		return nil, explainSQL(s.sql.backend, s.sql.addr, "copying the store's events", err)
	}
	return Wrap(mem), nil
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
