package timeline

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/graph"
)

// The timeline index is the store's timeline in order, kept in a side
// file of a bolt store (graph.Store.SideDB), or in a table of a PostgreSQL
// store's database (indexsql.go), so that a page of it, or an actor's
// events, are read without building the whole timeline:
//
//	order  key (order.go) → the event's record: a header of the fields
//	       the filters read, then the event as JSON without its mentions
//	ids    event ID → key
//	meta   "stamp": the store's stamp the index describes (its quad
//	       count on bolt: graph.Store.SideStamp);
//	       "version": indexVersion; "salience": events per percent of
//	       salience (the count of a salience floor without a scan)
//
// `eventgraph ingest` updates it after each batch it writes (Update):
// the batch's events, read back from the store, and the events whose
// date or place they change (on PostgreSQL read in a few queries,
// graph.Store.ReadAround). It is trusted only while its stamp is the
// store's: a crash between a batch and its update, a write
// through cayley's APIs, an ingest into a store without the index or an
// older index version leave it stale, and readers fall back to building
// the timeline until `eventgraph reindex` rebuilds it (Rebuild).
const indexFile = "timeline.index"

// indexVersion changes whenever the records or the keys change.
const indexVersion = "1"

var (
	bucketOrder = []byte("order")
	bucketIDs   = []byte("ids")
	bucketMeta  = []byte("meta")
	metaStamp   = []byte("stamp")
	metaVersion = []byte("version")
	metaSal     = []byte("salience")
)

// Index is an open, fresh timeline index.
type Index struct {
	db kvDB
}

// ErrIndexStale says the store has no usable timeline index.
var ErrIndexStale = errors.New("the timeline index is missing or older than the store (run 'eventgraph reindex')")

// OpenIndex returns the store's timeline index when it describes the
// store, nil (and no error) when the store has none or it is stale.
func OpenIndex(ctx context.Context, s *graph.Store) (*Index, error) {
	db, err := openKV(ctx, s, false)
	if db == nil || err != nil {
		return nil, err
	}
	fresh, err := indexFresh(ctx, s, db)
	if err != nil || !fresh {
		return nil, err
	}
	return &Index{db: db}, nil
}

// openKV opens the store's timeline index: the side file of a bolt store,
// the table of a PostgreSQL store; nil and no error when the store keeps
// none (other backends, or a read-only store without one). With create, a
// missing table is created (under the store's write lock, not held by the
// caller).
func openKV(ctx context.Context, s *graph.Store, create bool) (kvDB, error) {
	if db := s.SQLSide(); db != nil {
		ok, err := sqlIndexExists(ctx, db)
		if err != nil {
			return nil, fmt.Errorf("opening the timeline index: %w", err)
		}
		if !ok && !create {
			return nil, nil
		}
		if !ok {
			unlock, err := s.Lock(ctx)
			if err != nil {
				return nil, err
			}
			defer unlock()
			created, err := createSQLIndex(ctx, db)
			if err != nil || !created {
				return nil, err
			}
		}
		return sqlKV{db}, nil
	}
	db, err := s.SideDB(indexFile)
	if errors.Is(err, graph.ErrNoSide) || db == nil && err == nil {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("opening the timeline index: %w", err)
	}
	return boltKV{db}, nil
}

// indexFresh tells whether db describes the store: its version and stamp
// match, or both are empty.
func indexFresh(ctx context.Context, s *graph.Store, db kvDB) (bool, error) {
	now, empty, err := s.SideStamp(ctx)
	if err != nil {
		return false, err
	}
	var stamp, version string
	err = db.View(func(tx kvTx) error {
		if m := tx.Bucket(bucketMeta); m != nil {
			stamp, version = string(m.Get(metaStamp)), string(m.Get(metaVersion))
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("reading the timeline index: %w", err)
	}
	if stamp == "" {
		return empty, nil
	}
	return version == indexVersion && stamp == now, nil
}

// Maintainer keeps a store's index up to date across writes: Begin before
// a write, Update after it. It does nothing on stores without side files.
type Maintainer struct {
	s       *graph.Store
	db      kvDB
	fresh   bool
	checked bool // Begin ran
}

// NewMaintainer opens the index of a writable store (creating it on a
// store that has none).
func NewMaintainer(s *graph.Store) (*Maintainer, error) {
	db, err := openKV(context.Background(), s, true)
	if err != nil {
		return nil, err
	}
	if db == nil {
		return &Maintainer{}, nil
	}
	return &Maintainer{s: s, db: db}, nil
}

// Begin checks, before a write, that the index describes the store; when
// it does not, Update leaves it alone (and stale).
func (m *Maintainer) Begin(ctx context.Context) error {
	if m.db == nil {
		return nil
	}
	fresh, err := indexFresh(ctx, m.s, m.db)
	m.fresh, m.checked = fresh, err == nil
	return err
}

// Stale tells whether the index does not describe the store: as Begin
// found it before the last write, or, when nothing was written (an
// ingest of stored articles only), as it is now.
func (m *Maintainer) Stale() bool {
	if m.db == nil {
		return false
	}
	if !m.checked && m.Begin(context.Background()) != nil {
		return false // unknown: say nothing
	}
	return !m.fresh
}

// Update re-indexes the events of nodes after a write that Begin
// preceded, and the events whose date or place they change, and stamps
// the index with the store's quad count.
func (m *Maintainer) Update(ctx context.Context, nodes []quad.Value) error {
	if m.db == nil || !m.fresh {
		return nil
	}
	if err := update(ctx, m.s, m.db, nodes); err != nil {
		return err
	}
	return stamp(ctx, m.s, m.db)
}

// Rebuild writes the store's timeline index anew, reading every event of
// the store once, chunk by chunk (the same updates as an ingest's, so the
// same index).
func Rebuild(ctx context.Context, s *graph.Store) (events int, err error) {
	if s.SQLSide() != nil {
		return rebuildSQL(ctx, s)
	}
	if err := s.RemoveSideDB(indexFile); err != nil {
		return 0, fmt.Errorf("rebuilding the timeline index: %w", err)
	}
	db, err := s.SideDB(indexFile)
	if err != nil {
		return 0, fmt.Errorf("rebuilding the timeline index: %w", err)
	}
	if db == nil {
		return 0, fmt.Errorf("rebuilding the timeline index: the store is open read-only")
	}
	if events, err = refill(ctx, s, boltKV{db}); err != nil {
		return 0, err
	}
	// Written in event order, the pages are half full: copied in key
	// order into a new file, they are full.
	err = s.RewriteSideDB(indexFile, func(to *bolt.DB) error { return copyIndex(db, to) })
	return events, err
}

// rebuildSQL rebuilds the index table of a PostgreSQL store, under the
// store's write lock.
func rebuildSQL(ctx context.Context, s *graph.Store) (int, error) {
	db, err := openKV(ctx, s, true)
	if err != nil {
		return 0, err
	}
	if db == nil {
		return 0, fmt.Errorf("rebuilding the timeline index: this user may not create table %s in the store's schema (GRANT CREATE ON SCHEMA, or run it once as the database owner)", indexTable)
	}
	unlock, err := s.Lock(ctx)
	if err != nil {
		return 0, err
	}
	defer unlock()
	return refill(ctx, s, db)
}

// refill empties the index, then indexes every event of the store, chunk
// by chunk, and stamps it.
func refill(ctx context.Context, s *graph.Store, db kvDB) (int, error) {
	err := db.Update(func(tx kvTx) error {
		for _, b := range [][]byte{bucketOrder, bucketIDs, bucketMeta} {
			if err := tx.DeleteBucket(b); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
				return err
			}
		}
		m, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		return m.Put(metaStamp, []byte("-1")) // stale until the end
	})
	if err != nil {
		return 0, fmt.Errorf("rebuilding the timeline index: %w", err)
	}
	nodes, err := s.OfType(ctx, graph.ClassEvent)
	if err != nil {
		return 0, err
	}
	const chunk = 4096
	for i := 0; i < len(nodes); i += chunk {
		if err := update(ctx, s, db, nodes[i:min(i+chunk, len(nodes))]); err != nil {
			return 0, err
		}
	}
	if err := stamp(ctx, s, db); err != nil {
		return 0, err
	}
	return len(nodes), nil
}

// copyIndex copies every bucket of from into to, in key order, with full
// pages, a transaction per copyTx entries.
func copyIndex(from, to *bolt.DB) error {
	const copyTx = 50_000
	return from.View(func(rtx *bolt.Tx) error {
		return rtx.ForEach(func(name []byte, b *bolt.Bucket) error {
			c := b.Cursor()
			k, v := c.First()
			for k != nil {
				err := to.Update(func(wtx *bolt.Tx) error {
					wb, err := wtx.CreateBucketIfNotExists(name)
					if err != nil {
						return err
					}
					wb.FillPercent = 1.0
					for n := 0; k != nil && n < copyTx; n++ {
						if err := wb.Put(k, v); err != nil {
							return err
						}
						k, v = c.Next()
					}
					return nil
				})
				if err != nil {
					return fmt.Errorf("copying the timeline index: %w", err)
				}
			}
			return nil
		})
	})
}

func stamp(ctx context.Context, s *graph.Store, db kvDB) error {
	now, _, err := s.SideStamp(ctx)
	if err != nil {
		return err
	}
	err = db.Update(func(tx kvTx) error {
		m, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		if err := m.Put(metaVersion, []byte(indexVersion)); err != nil {
			return err
		}
		return m.Put(metaStamp, []byte(now))
	})
	if err != nil {
		return fmt.Errorf("stamping the timeline index: %w", err)
	}
	return nil
}

// record is what the index keeps of an event besides its key (which
// holds its first report and ID) and the header: what placing it and the
// events around it needs.
type record struct {
	When When `json:"w"`
	// Own is the event's own When when another event lent it a date.
	Own          *When    `json:"o,omitempty"`
	After        []string `json:"a,omitempty"`
	Simultaneous []string `json:"s,omitempty"`
	Next         []string `json:"n,omitempty"`
	// Summary is kept for the events an undated one may borrow from.
	Summary string `json:"t,omitempty"`
}

// encode is the header the filters read (salience in hundredths, bounds,
// type fields, tab-separated on one line), then the record as JSON.
func encode(e *Event) ([]byte, error) {
	r := record{When: e.When, After: e.After, Simultaneous: e.Simultaneous, Next: e.next}
	if !reflect.DeepEqual(e.When, e.own) {
		r.Own = &e.own
	}
	if len(e.Simultaneous) > 0 {
		r.Summary = e.Summary
	}
	var b bytes.Buffer
	for i, f := range header(e) {
		if i > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(strings.NewReplacer("\t", " ", "\n", " ").Replace(f))
	}
	b.WriteByte('\n')
	if err := json.NewEncoder(&b).Encode(r); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func header(e *Event) []string {
	return []string{strconv.Itoa(int(math.Round(e.Salience * 100))), deref(e.When.Earliest), deref(e.When.Latest),
		e.Type.Code, e.Action, e.Type.Label, e.Type.Extension}
}

// decode reads a record back into an event without mentions: what
// placing needs, its key and its first report (from the key).
func decode(key, v []byte) (Event, error) {
	_, body, _ := bytes.Cut(v, []byte("\n"))
	var r record
	if err := json.Unmarshal(body, &r); err != nil {
		return Event{}, fmt.Errorf("reading the timeline index: %w", err)
	}
	e := brief(v)
	e.When, e.own = r.When, r.When
	if r.Own != nil {
		e.own = *r.Own
	}
	e.After, e.Simultaneous, e.next, e.Summary = r.After, r.Simultaneous, r.Next, r.Summary
	e.key = string(key)
	// The key ends with the own key: ... published, article, order, ID.
	f := strings.Split(strings.TrimSuffix(e.key, keySep), keySep)
	if len(f) < 6 {
		return Event{}, fmt.Errorf("reading the timeline index: bad key %q", key)
	}
	f = f[len(f)-4:]
	order, _ := strconv.Atoi(f[2])
	e.ID = f[3]
	e.first = &firstReport{published: strings.TrimPrefix(f[0], "~"), article: f[1], order: order}
	if f[1] == "~" {
		e.first = nil
	}
	return e, nil
}

// brief is an event as the filters see it, from a record's header.
func brief(v []byte) Event {
	line, _, _ := bytes.Cut(v, []byte("\n"))
	f := strings.Split(string(line), "\t")
	for len(f) < 7 {
		f = append(f, "")
	}
	sal, _ := strconv.Atoi(f[0])
	return Event{Salience: float64(sal) / 100, When: When{Earliest: optional(f[1]), Latest: optional(f[2])},
		Type: Type{Code: f[3], Label: f[5], Extension: f[6]}, Action: f[4]}
}

// update re-indexes the events of nodes: reads them from the store, then
// places them and the events they change (the simultaneous events they
// may lend a date to, the events that come after them), as Place would
// over the whole store.
func update(ctx context.Context, s *graph.Store, db kvDB, nodes []quad.Value) error {
	src, err := s.ReadAround(ctx, nodes)
	if err != nil {
		return err
	}
	read, err := readEvents(ctx, newReader(src), nodes, func(*Event) bool { return false })
	if err != nil {
		return err
	}
	err = db.Update(func(tx kvTx) error {
		w, err := newWorkSet(tx)
		if err != nil {
			return err
		}
		var queue []string
		for i := range read {
			e := &read[i]
			w.events[e.ID] = e
			w.old[e.ID] = w.keyOf(e.ID)
			w.dirty[e.ID] = true
			queue = append(queue, e.ID)
			queue = append(queue, e.Simultaneous...)
			queue = append(queue, e.next...)
		}
		return w.place(queue)
	})
	if err != nil {
		return fmt.Errorf("updating the timeline index: %w", err)
	}
	return nil
}

// workSet is the events an update places, read from the batch or the
// index.
type workSet struct {
	order, ids, meta kvBucket
	events           map[string]*Event
	old              map[string]string // key in the index before the update
	placed           map[string]When   // When in the index before the update
	dirty            map[string]bool   // read from the store: to be written
	sal              [101]int64
}

func newWorkSet(tx kvTx) (*workSet, error) {
	w := &workSet{events: map[string]*Event{}, old: map[string]string{}, placed: map[string]When{}, dirty: map[string]bool{}}
	var err error
	for _, b := range []struct {
		name []byte
		to   *kvBucket
	}{{bucketOrder, &w.order}, {bucketIDs, &w.ids}, {bucketMeta, &w.meta}} {
		if *b.to, err = tx.CreateBucketIfNotExists(b.name); err != nil {
			return nil, err
		}
	}
	if v := w.meta.Get(metaSal); len(v) == len(w.sal)*8 {
		for i := range w.sal {
			w.sal[i] = int64(binary.BigEndian.Uint64(v[8*i:]))
		}
	}
	return w, nil
}

func (w *workSet) keyOf(id string) string { return string(w.ids.Get([]byte(id))) }

// look finds an event of the set, loading it from the index.
func (w *workSet) look(id string) (*Event, bool) {
	if e, ok := w.events[id]; ok {
		return e, e != nil
	}
	k := w.ids.Get([]byte(id))
	var e *Event
	if k != nil {
		if v := w.order.Get(k); v != nil {
			if d, err := decode(k, v); err == nil {
				e = &d
				w.old[id] = string(k)
			}
		}
	}
	w.events[id] = e
	return e, e != nil
}

// place places the queued events until none changes: an event whose key
// changed queues the events after it. A cycle of relations stops after a
// few rounds.
func (w *workSet) place(queue []string) error {
	rounds := map[string]int{}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		e, ok := w.look(id)
		if !ok || rounds[id] > 3 {
			continue
		}
		rounds[id]++
		when := borrowed(e.own, e.Simultaneous, w.look)
		if _, ok := w.placed[id]; !ok {
			w.placed[id] = e.When
		}
		e.When = when
		key := ownKey(e)
		for _, pid := range e.After {
			p, ok := w.look(pid)
			if !ok || datesForbid(*e, *p) {
				continue
			}
			if pk := p.key; pk > ownKey(e) && pk+ownKey(e) > key && len(pk)+len(ownKey(e)) <= maxKeyLen {
				key = pk + ownKey(e)
			}
		}
		old := w.old[id]
		if key == old && !w.dirty[id] && reflect.DeepEqual(when, w.placed[id]) {
			continue
		}
		delete(w.dirty, id)
		if key != e.key {
			queue = append(queue, e.next...)
		}
		e.key = key
		if err := w.put(e, old); err != nil {
			return err
		}
		w.old[id] = key
		w.placed[id] = when
	}
	v := make([]byte, len(w.sal)*8)
	for i, n := range w.sal {
		binary.BigEndian.PutUint64(v[8*i:], uint64(n))
	}
	return w.meta.Put(metaSal, v)
}

// put writes e's record under its key, replacing the one under old.
func (w *workSet) put(e *Event, old string) error {
	if old != "" {
		if v := w.order.Get([]byte(old)); v != nil {
			w.sal[salBucket(brief(v).Salience)]--
		}
		if err := w.order.Delete([]byte(old)); err != nil {
			return err
		}
	}
	v, err := encode(e)
	if err != nil {
		return err
	}
	w.sal[salBucket(e.Salience)]++
	if err := w.order.Put([]byte(e.key), v); err != nil {
		return err
	}
	return w.ids.Put([]byte(e.ID), []byte(e.key))
}

func salBucket(s float64) int { return min(max(int(math.Round(s*100)), 0), 100) }

// floorBucket is the first salience count a floor keeps.
func floorBucket(s float64) int { return min(max(int(math.Ceil(s*100-1e-9)), 0), 101) }

// build is BuildFrom for the events of nodes (an actor's): their records
// filter them, only those kept are read whole, and they keep the index's
// dates and places.
func (ix *Index) build(ctx context.Context, s *graph.Store, nodes []quad.Value, f Filter) (*Timeline, error) {
	from, to, err := f.bounds()
	if err != nil {
		return nil, err
	}
	placed := map[string]Event{}
	var keep []quad.Value
	err = ix.db.View(func(tx kvTx) error {
		ids, order := tx.Bucket(bucketIDs), tx.Bucket(bucketOrder)
		for _, n := range nodes {
			id := graph.IDOf(n)
			k := ids.Get([]byte(id))
			if k == nil {
				continue
			}
			v := order.Get(k)
			if v == nil || !f.matches(brief(v), from, to) {
				continue
			}
			e, err := decode(k, v)
			if err != nil {
				return err
			}
			placed[id] = e
			keep = append(keep, n)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return readPlaced(ctx, s, keep, placed, f)
}

// readChunk is how many events readPlaced reads at a time.
const readChunk = 1024

// all is BuildFrom without an actor filter: the records that pass f, in
// the index's order, then only their events read from the store.
func (ix *Index) all(ctx context.Context, s *graph.Store, f Filter) (*Timeline, error) {
	from, to, err := f.bounds()
	if err != nil {
		return nil, err
	}
	placed := map[string]Event{}
	var keep []quad.Value
	err = ix.db.View(func(tx kvTx) error {
		order := tx.Bucket(bucketOrder)
		if order == nil {
			return nil
		}
		return order.ForEach(func(k, v []byte) error {
			if !f.matches(brief(v), from, to) {
				return nil
			}
			e, err := decode(k, v)
			if err != nil {
				return err
			}
			placed[e.ID] = e
			keep = append(keep, graph.NodeIRI(e.ID))
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return readPlaced(ctx, s, keep, placed, f)
}

// readPlaced reads the events of nodes whole from the store and gives each
// the date and sort key the index placed it with (placed, by event ID).
// An event whose record passed f by its rounded salience and whose own
// salience does not is dropped.
//
// On PostgreSQL, where each value read through cayley is a query (a
// page of 100 events: some 0.3 CPU-s and thousands of round trips), the
// quads around each chunk of events are first copied into memory in two
// queries (graph.Store.ReadAround).
func readPlaced(ctx context.Context, s *graph.Store, nodes []quad.Value, placed map[string]Event, f Filter) (*Timeline, error) {
	var events []Event
	r := newReader(s)
	for i := 0; i < len(nodes); i += readChunk {
		part := nodes[i:min(i+readChunk, len(nodes))]
		src, err := s.ReadAround(ctx, part)
		if err != nil {
			return nil, err
		}
		from := r
		if src != s {
			from = newReader(src)
		}
		read, err := readEvents(ctx, from, part, func(*Event) bool { return true })
		if err != nil {
			return nil, err
		}
		events = append(events, read...)
	}
	kept := events[:0]
	for _, e := range events {
		if !f.keeps(&e) {
			continue
		}
		p := placed[e.ID]
		e.When, e.key = p.When, p.key
		kept = append(kept, e)
	}
	return finish(slices.Clip(kept), f, time.Now().UTC()), nil
}

// Page is one page of a timeline read from the index.
type Page struct {
	Timeline *Timeline // the page's events
	Total    int       // events that pass the filter
	// Next is the last event of the page when more follow ("" at the
	// end); Prev the event before the previous page ("" when it starts
	// the timeline), HasPrev whether there is one.
	Next    string
	Prev    string
	HasPrev bool
}

// Page reads up to limit events that pass f (no actor filter) after the
// event after ("" from the start), and the page's neighbours.
func (ix *Index) Page(ctx context.Context, s *graph.Store, f Filter, after string, limit int) (*Page, error) {
	if f.Actor != "" {
		return nil, errors.New("an actor filter is not paged from the index")
	}
	from, to, err := f.bounds()
	if err != nil {
		return nil, err
	}
	p := &Page{}
	var nodes []quad.Value
	var pageIDs []string
	placed := map[string]Event{}
	err = ix.db.View(func(tx kvTx) error {
		ids, order := tx.Bucket(bucketIDs), tx.Bucket(bucketOrder)
		if order == nil {
			return nil
		}
		c := order.Cursor()
		var k, v []byte
		if after == "" {
			k, v = c.First()
		} else {
			ak := ids.Get([]byte(after))
			if ak == nil {
				return fmt.Errorf("event %q is not in the timeline index any more", after)
			}
			k, v = c.Seek(ak)
			if bytes.Equal(k, ak) {
				k, v = c.Next()
			}
		}
		start := slices.Clone(k)
		for ; k != nil; k, v = c.Next() {
			if !f.matches(brief(v), from, to) {
				continue
			}
			if len(nodes) == limit {
				p.Next = pageIDs[len(pageIDs)-1]
				break
			}
			e, err := decode(k, v)
			if err != nil {
				return err
			}
			placed[e.ID] = e
			pageIDs = append(pageIDs, e.ID)
			nodes = append(nodes, graph.NodeIRI(e.ID))
		}
		if after != "" {
			p.HasPrev = true
			p.Prev = prevStart(order.Cursor(), start, limit, func(v []byte) bool { return f.matches(brief(v), from, to) })
		}
		var err error
		p.Total, err = total(tx, order, f, from, to)
		return err
	})
	if err != nil {
		return nil, err
	}
	if p.Timeline, err = readPlaced(ctx, s, nodes, placed, f); err != nil {
		return nil, err
	}
	return p, nil
}

// prevStart walks back limit passing events from start (exclusive) and
// returns the ID of the passing event before them, "" at the beginning.
func prevStart(c kvCursor, start []byte, limit int, pass func([]byte) bool) string {
	var k, v []byte
	if start == nil {
		k, v = c.Last()
	} else {
		c.Seek(start)
		k, v = c.Prev()
	}
	n := 0
	for ; k != nil; k, v = c.Prev() {
		if !pass(v) {
			continue
		}
		if n == limit {
			return idOfRecord(k)
		}
		n++
	}
	return ""
}

// idOfRecord is the event ID a key ends with.
func idOfRecord(k []byte) string {
	f := strings.Split(strings.TrimSuffix(string(k), keySep), keySep)
	return f[len(f)-1]
}

// total counts the events that pass f: from the salience counts for a
// salience floor alone, else by a pass over the headers.
func total(tx kvTx, order kvBucket, f Filter, from, to string) (int, error) {
	if f.From == "" && f.To == "" && f.Type == "" {
		v := tx.Bucket(bucketMeta).Get(metaSal)
		n := int64(0)
		for i := floorBucket(f.MinSalience); i <= 100 && 8*i+8 <= len(v); i++ {
			n += int64(binary.BigEndian.Uint64(v[8*i:]))
		}
		return int(n), nil
	}
	key := totalKey{db: tx.ID(), stamp: string(tx.Bucket(bucketMeta).Get(metaStamp)), f: f}
	totals.Lock()
	n, ok := totals.m[key]
	totals.Unlock()
	if ok {
		return n, nil
	}
	err := order.ForEach(func(_, v []byte) error {
		if f.matches(brief(v), from, to) {
			n++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	totals.Lock()
	if len(totals.m) >= maxTotals {
		clear(totals.m)
	}
	totals.m[key] = n
	totals.Unlock()
	return n, nil
}

// totals keeps the counts that took a pass over the headers, per filter
// and index stamp (a write changes the stamp), for the next pages.
var totals = struct {
	sync.Mutex
	m map[totalKey]int
}{m: map[totalKey]int{}}

const maxTotals = 64

type totalKey struct {
	db    any
	stamp string
	f     Filter
}
