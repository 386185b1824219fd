package graph

// The bolt backend eventgraph writes through: cayley's "bolt" with the
// pages of every bucket filled to boltFill instead of bolt's default half.
//
// cayley v0.7.7 reaches bolt through hidalgo's kv wrapper, which never sets
// a bucket's FillPercent (a field of each *bolt.Bucket, per transaction,
// read when the transaction's pages are split at commit) and keeps its
// *bolt.Tx unexported: no option of cayley or hidalgo sets it. So this file
// is hidalgo's wrapper (github.com/hidal-go/hidalgo/kv/bolt, Apache License
// 2.0, Copyright 2016 The Cayley Authors) with that one change, registered
// under its own name; Open uses it for store.backend "bolt". The file
// format is bolt's: stores written before or after open with either.

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// boltBackend is the name the backend is registered under.
const boltBackend = "bolt-filled"

// boltFill is the fill percent of bolt's pages. cayley appends its quad log
// and node counts in key order and scatters its hashed keys: at bolt's
// default 0.5 the log's pages stay half full. Measured on 600 benchmark
// articles (docs/BENCH.md): 0.5 gives 206 KB of bolt per article, 0.9
// 151 KB, 1.0 184 KB (a full page splits at each insert into its middle).
const boltFill = 0.9

func init() {
	kv.Register(boltBackend, kv.Registration{NewFunc: openBoltKV, InitFunc: openBoltKV, IsPersistent: true})
}

// openBoltKV opens (creating it if needed) the bolt file of a store
// directory, as cayley's bolt backend does, honouring its nosync option.
func openBoltKV(path string, opt cgraph.Options) (hkv.KV, error) {
	if err := os.MkdirAll(path, 0o700); err != nil {
		return nil, fmt.Errorf("creating %s: %w", path, err)
	}
	db, err := bolt.Open(filepath.Join(path, "indexes.bolt"), 0o644, nil)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", filepath.Join(path, "indexes.bolt"), err)
	}
	if db.NoSync, err = opt.BoolKey("nosync", false); err != nil {
		db.Close()
		return nil, err
	}
	db.NoGrowSync = db.NoSync
	return &boltKV{db: db}, nil
}

type boltKV struct{ db *bolt.DB }

func (db *boltKV) Close() error { return db.db.Close() }

func (db *boltKV) Tx(rw bool) (hkv.Tx, error) {
	tx, err := db.db.Begin(rw)
	if err != nil {
		return nil, err
	}
	return &boltTx{tx: tx}, nil
}

type boltTx struct{ tx *bolt.Tx }

func (tx *boltTx) root() *bolt.Bucket { return tx.tx.Cursor().Bucket() }

func (tx *boltTx) bucket(key hkv.Key) (*bolt.Bucket, hkv.Key) {
	if len(key) <= 1 {
		return tx.root(), key
	}
	b := tx.tx.Bucket(key[0])
	key = key[1:]
	for b != nil && len(key) > 1 {
		b = b.Bucket(key[0])
		key = key[1:]
	}
	return b, key
}

func (tx *boltTx) Get(_ context.Context, key hkv.Key) (hkv.Value, error) {
	b, k := tx.bucket(key)
	if b == nil || len(k) != 1 {
		return nil, hkv.ErrNotFound
	}
	v := b.Get(k[0])
	if v == nil {
		return nil, hkv.ErrNotFound
	}
	return v, nil
}

func (tx *boltTx) GetBatch(_ context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	vals := make([]hkv.Value, len(keys))
	for i, k := range keys {
		if b, k := tx.bucket(k); b != nil && len(k) == 1 {
			vals[i] = b.Get(k[0])
		}
	}
	return vals, nil
}

func (tx *boltTx) Commit(context.Context) error { return tx.tx.Commit() }

func (tx *boltTx) Close() error { return tx.tx.Rollback() }

// Put is hidalgo's, with the fill percent set on the buckets it writes to.
func (tx *boltTx) Put(k hkv.Key, v hkv.Value) error {
	var (
		b   *bolt.Bucket
		err error
	)
	if len(k) <= 1 {
		b = tx.root()
	} else {
		b, err = tx.tx.CreateBucketIfNotExists(k[0])
		k = k[1:]
	}
	for err == nil && b != nil && len(k) > 1 {
		b.FillPercent = boltFill
		b, err = b.CreateBucketIfNotExists(k[0])
		k = k[1:]
	}
	if err != nil {
		return err
	} else if len(k[0]) == 0 && len(v) == 0 {
		return nil // bucket creation, no need to put value
	}
	b.FillPercent = boltFill
	return b.Put(k[0], v)
}

func (tx *boltTx) Del(k hkv.Key) error {
	b, k := tx.bucket(k)
	if b == nil || len(k) != 1 {
		return nil
	}
	return b.Delete(k[0])
}

func (tx *boltTx) Scan(pref hkv.Key) hkv.Iterator {
	kpref := pref
	b, p := tx.bucket(pref)
	if b == nil || len(p) > 1 {
		// A bucket of the prefix does not exist.
		return &boltIterator{}
	}
	kpref = kpref[:len(kpref)-len(p)]
	return &boltIterator{b: []*bolt.Bucket{b}, pref: p, root: kpref.Clone()}
}

type boltIterator struct {
	root hkv.Key // used to reconstruct a full key
	pref hkv.Key // prefix to check all keys against
	b    []*bolt.Bucket
	c    []*bolt.Cursor
	k, v []byte
}

func (it *boltIterator) Next(context.Context) bool {
	for len(it.b) > 0 {
		i := len(it.b) - 1
		cb := it.b[i]
		if len(it.c) < len(it.b) {
			c := cb.Cursor()
			it.c = append(it.c, c)
			if i >= len(it.pref) {
				it.k, it.v = c.First()
			} else {
				it.k, it.v = c.Seek(it.pref[i])
			}
		} else {
			it.k, it.v = it.c[i].Next()
		}
		if it.k != nil && (i >= len(it.pref) || bytes.HasPrefix(it.k, it.pref[i])) {
			if it.v == nil {
				// A bucket, or a key after all.
				if b := it.b[len(it.b)-1].Bucket(it.k); b != nil {
					it.b = append(it.b, b)
					it.root = append(it.root, it.k)
					continue
				}
			}
			return true
		}
		// The bucket or the prefix ended: back to the bucket above.
		it.c = it.c[:len(it.c)-1]
		it.b = it.b[:len(it.b)-1]
		if len(it.root) > 0 { // the top-level bucket is hidden: it may be shorter
			it.root = it.root[:len(it.root)-1]
		}
	}
	return false
}

func (it *boltIterator) Key() hkv.Key {
	if len(it.b) == 0 {
		return nil
	}
	k := it.root.Clone()
	return append(k, append([]byte{}, it.k...))
}

func (it *boltIterator) Val() hkv.Value { return it.v }

func (it *boltIterator) Err() error { return nil }

func (it *boltIterator) Close() error {
	*it = boltIterator{}
	return nil
}
