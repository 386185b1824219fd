package graph

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
)

// Side data of a PostgreSQL store (the timeline index) lives in tables of
// its database, beside cayley's. Like a bolt store's side files, it is
// stamped after each update with SideStamp and trusted only while the
// stamp is the store's.

// removalsRow counts the transactions that removed quads through
// eventgraph (eventgraph_sync).
const removalsRow = "removals"

// SQLSide returns the database of a PostgreSQL store, where side data
// lives; nil for other stores (CockroachDB included: its writes do not go
// through the bulk path that counts removals).
func (s *Store) SQLSide() *sql.DB {
	if s.sql == nil || s.sql.backend != "postgres" {
		return nil
	}
	return s.sql.db
}

// SideStamp is what side data is stamped with, and whether the store is
// empty. On bolt it is the quad count (QuadCount). On a PostgreSQL store,
// where counting is a scan, it is the largest row number of quads (any
// write that adds a quad raises it) and the number of transactions that
// removed quads (counted before each one, so an interrupted removal makes
// side data stale too): both are index lookups. A removal by another tool
// than eventgraph goes unseen there.
func (s *Store) SideStamp(ctx context.Context) (stamp string, empty bool, err error) {
	if s.SQLSide() == nil {
		n, err := s.QuadCount(ctx)
		return strconv.FormatInt(n, 10), n == 0, err
	}
	last, removals, err := stampOf(ctx, s.sql.db)
	if err != nil {
		return "", false, explainSQL(s.sql.backend, s.sql.addr, "reading the store's stamp", err)
	}
	return fmt.Sprintf("%d/%d", last, removals), last == 0, nil
}

// countRemoval counts a transaction that removes quads, before it runs.
func (s *sqlStore) countRemoval(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO `+syncTable+` (name, gen) VALUES ($1, 1)
ON CONFLICT (name) DO UPDATE SET gen = `+syncTable+`.gen + 1`, removalsRow)
	if err != nil {
		return explainSQL(s.backend, s.addr, "counting a removal", err)
	}
	return nil
}
