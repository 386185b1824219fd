package timeline

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// indexTable holds the timeline index of a PostgreSQL store, in its own
// database (graph.Store.SQLSide): one row per entry of a bucket.
const indexTable = "eventgraph_timeline"

// sqlKV is the timeline index in indexTable. Writers hold the store's
// write lock (graph.Store.Lock) around Update; readers see one snapshot
// per View.
type sqlKV struct{ db *sql.DB }

// sqlIndexExists tells whether db has the index table.
func sqlIndexExists(ctx context.Context, db *sql.DB) (bool, error) {
	var ok bool
	err := db.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, indexTable).Scan(&ok)
	return ok, err
}

// createSQLIndex creates the index table, under the store's write lock
// (CREATE TABLE IF NOT EXISTS is not safe against a concurrent one). A
// user who may write the store but not create tables in its schema gets
// no index (created false), as before there was one: readers build the
// timeline from the store.
func createSQLIndex(ctx context.Context, db *sql.DB) (created bool, err error) {
	var may bool
	if err := db.QueryRowContext(ctx, `SELECT has_schema_privilege(current_schema(), 'CREATE')`).Scan(&may); err != nil {
		return false, fmt.Errorf("checking the right to create table %s: %w", indexTable, err)
	}
	if !may {
		return false, nil
	}
	_, err = db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS `+indexTable+` (
	bucket TEXT NOT NULL,
	key BYTEA NOT NULL,
	value BYTEA NOT NULL,
	PRIMARY KEY (bucket, key)
)`)
	if err != nil {
		return false, fmt.Errorf("creating table %s: %w", indexTable, err)
	}
	return true, nil
}

func (k sqlKV) View(fn func(kvTx) error) error {
	return k.run(&sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}, fn, false)
}

func (k sqlKV) Update(fn func(kvTx) error) error { return k.run(nil, fn, true) }

func (k sqlKV) run(opts *sql.TxOptions, fn func(kvTx) error, commit bool) error {
	tx, err := k.db.BeginTx(context.Background(), opts)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	t := &sqlTx{tx: tx, db: k.db}
	if err := fn(t); err != nil {
		return err
	}
	if t.err != nil {
		return t.err
	}
	if commit {
		return tx.Commit()
	}
	return nil
}

// sqlTx is one transaction on the index table. Buckets always exist (an
// empty one has no rows). Reads that fail record the error, returned by
// View or Update.
type sqlTx struct {
	tx  *sql.Tx
	db  *sql.DB
	err error
}

func (t *sqlTx) fail(err error) {
	if t.err == nil {
		t.err = fmt.Errorf("reading table %s: %w", indexTable, err)
	}
}

func (t *sqlTx) Bucket(name []byte) kvBucket { return &sqlBucket{t: t, name: string(name)} }

func (t *sqlTx) CreateBucketIfNotExists(name []byte) (kvBucket, error) { return t.Bucket(name), nil }

func (t *sqlTx) DeleteBucket(name []byte) error {
	_, err := t.tx.Exec(`DELETE FROM `+indexTable+` WHERE bucket = $1`, string(name))
	return err
}

func (t *sqlTx) ID() any { return t.db }

type sqlBucket struct {
	t    *sqlTx
	name string
}

func (b *sqlBucket) Get(key []byte) []byte {
	var v []byte
	err := b.t.tx.QueryRow(`SELECT value FROM `+indexTable+` WHERE bucket = $1 AND key = $2`, b.name, key).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		b.t.fail(err)
	}
	return v
}

func (b *sqlBucket) Put(key, value []byte) error {
	_, err := b.t.tx.Exec(`INSERT INTO `+indexTable+` (bucket, key, value) VALUES ($1, $2, $3)
ON CONFLICT (bucket, key) DO UPDATE SET value = EXCLUDED.value`, b.name, key, value)
	return err
}

func (b *sqlBucket) Delete(key []byte) error {
	_, err := b.t.tx.Exec(`DELETE FROM `+indexTable+` WHERE bucket = $1 AND key = $2`, b.name, key)
	return err
}

func (b *sqlBucket) ForEach(fn func(k, v []byte) error) error {
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return b.t.err
}

func (b *sqlBucket) Cursor() kvCursor { return &sqlCursor{b: b} }

// cursorChunk is how many rows a cursor reads per query.
const cursorChunk = 256

type kvPair struct{ k, v []byte }

// sqlCursor reads its bucket a chunk of rows at a time in the direction it
// moves; rows are read whole, so the transaction may run other statements
// between moves.
type sqlCursor struct {
	b    *sqlBucket
	buf  []kvPair // rows read, in the direction of asc
	i    int      // position in buf
	asc  bool
	full bool // buf holds a whole chunk: more rows may follow
}

func (c *sqlCursor) cur() ([]byte, []byte) {
	if c.i < len(c.buf) {
		return c.buf[c.i].k, c.buf[c.i].v
	}
	return nil, nil
}

// fetch reads the rows from key on (nil: from the first or the last), in
// ascending or descending order, inclusive or not of key.
func (c *sqlCursor) fetch(asc bool, key []byte, inclusive bool) ([]byte, []byte) {
	op, order := ">", "ASC"
	if !asc {
		op, order = "<", "DESC"
	}
	if inclusive {
		op += "="
	}
	q := `SELECT key, value FROM ` + indexTable + ` WHERE bucket = $1`
	args := []any{c.b.name}
	if key != nil {
		q += ` AND key ` + op + ` $2`
		args = append(args, key)
	}
	q += fmt.Sprintf(` ORDER BY key %s LIMIT %d`, order, cursorChunk)
	c.buf, c.i, c.asc, c.full = c.buf[:0], 0, asc, false
	rows, err := c.b.t.tx.Query(q, args...)
	if err != nil {
		c.b.t.fail(err)
		return nil, nil
	}
	defer rows.Close()
	for rows.Next() {
		var p kvPair
		if err := rows.Scan(&p.k, &p.v); err != nil {
			c.b.t.fail(err)
			return nil, nil
		}
		c.buf = append(c.buf, p)
	}
	if err := rows.Err(); err != nil {
		c.b.t.fail(err)
		return nil, nil
	}
	c.full = len(c.buf) == cursorChunk
	return c.cur()
}

func (c *sqlCursor) First() ([]byte, []byte)          { return c.fetch(true, nil, false) }
func (c *sqlCursor) Last() ([]byte, []byte)           { return c.fetch(false, nil, false) }
func (c *sqlCursor) Seek(key []byte) ([]byte, []byte) { return c.fetch(true, key, true) }

func (c *sqlCursor) Next() ([]byte, []byte) { return c.step(true) }
func (c *sqlCursor) Prev() ([]byte, []byte) { return c.step(false) }

// step moves one row up (asc) or down.
func (c *sqlCursor) step(asc bool) ([]byte, []byte) {
	k, _ := c.cur()
	if k == nil {
		return nil, nil
	}
	if asc != c.asc {
		return c.fetch(asc, k, false)
	}
	c.i++
	if c.i < len(c.buf) {
		return c.cur()
	}
	if !c.full {
		return nil, nil
	}
	return c.fetch(asc, k, false)
}
