package timeline

import (
	"github.com/boltdb/bolt"
)

// The timeline index is kept in ordered key-value buckets: a bolt side
// file beside a bolt store, a table of the database of a PostgreSQL store
// (indexsql.go). kvDB and its parts are the subset of bolt's API the index
// uses, so that one implementation of the index serves both.
type kvDB interface {
	View(func(kvTx) error) error
	Update(func(kvTx) error) error
}

type kvTx interface {
	// Bucket is nil when the bucket does not exist.
	Bucket(name []byte) kvBucket
	CreateBucketIfNotExists(name []byte) (kvBucket, error)
	DeleteBucket(name []byte) error
	// ID identifies the database (caches keyed by it).
	ID() any
}

type kvBucket interface {
	Get(key []byte) []byte
	Put(key, value []byte) error
	Delete(key []byte) error
	ForEach(func(k, v []byte) error) error
	Cursor() kvCursor
}

// kvCursor walks a bucket in key order; a nil key is past either end.
type kvCursor interface {
	First() (key, value []byte)
	Last() (key, value []byte)
	Next() (key, value []byte)
	Prev() (key, value []byte)
	Seek(key []byte) (key2, value []byte)
}

// boltKV is a bolt side file.
type boltKV struct{ db *bolt.DB }

func (b boltKV) View(fn func(kvTx) error) error {
	return b.db.View(func(tx *bolt.Tx) error { return fn(boltTx{tx}) })
}

func (b boltKV) Update(fn func(kvTx) error) error {
	return b.db.Update(func(tx *bolt.Tx) error { return fn(boltTx{tx}) })
}

type boltTx struct{ tx *bolt.Tx }

func (t boltTx) Bucket(name []byte) kvBucket {
	if b := t.tx.Bucket(name); b != nil {
		return boltBucket{b}
	}
	return nil
}

func (t boltTx) CreateBucketIfNotExists(name []byte) (kvBucket, error) {
	b, err := t.tx.CreateBucketIfNotExists(name)
	if err != nil {
		return nil, err
	}
	return boltBucket{b}, nil
}

func (t boltTx) DeleteBucket(name []byte) error { return t.tx.DeleteBucket(name) }

func (t boltTx) ID() any { return t.tx.DB() }

type boltBucket struct{ *bolt.Bucket }

func (b boltBucket) Cursor() kvCursor { return b.Bucket.Cursor() }
