package graph

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/resolve"
)

// Every backend listed in --help must really open; badger and leveldb
// depend on the registration loop in this package's init.
func TestBackendsOpen(t *testing.T) {
	for _, b := range []string{"bolt", "leveldb", "badger", "memstore"} {
		t.Run(b, func(t *testing.T) {
			st, err := Open(context.Background(), Config{Backend: b, Address: filepath.Join(t.TempDir(), "db")})
			if err != nil {
				t.Fatal(err)
			}
			if err := st.QuadWriter.AddQuad(quad.MakeIRI("a", "b", "c", "")); err != nil {
				t.Fatal(err)
			}
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
		})
	}
	for _, b := range []string{"postgres", "cockroach"} {
		if !cgraph.IsRegistered(b) {
			t.Errorf("%s not registered", b)
		}
	}
	if _, err := Open(context.Background(), Config{Backend: "nosuch", Address: t.TempDir()}); err == nil {
		t.Error("unknown backend accepted")
	}
}

func sampleDoc(id string) *doc.Document {
	pub := time.Date(2024, 3, 26, 0, 0, 0, 0, time.UTC)
	text := "Jane Roe resigned from the government."
	return &doc.Document{
		Article:   doc.Article{ID: id, Source: id + ".txt", Text: text, Published: &pub},
		Sentences: []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}}},
		Actors: []doc.Actor{
			{Key: "person:jane roe", Name: "Jane Roe", Kind: doc.KindPerson, Relations: []doc.Relation{{Kind: "role", Title: "minister", Object: 1}}},
			{Key: "gov:XYZ", Name: "Government of Xyz", Kind: doc.KindGovernment, Code: "XYZGOV"},
		},
		ActorMentions: []doc.ActorMention{{Span: doc.Span{Start: 0, End: 8}, Text: "Jane Roe", Actor: 0}},
		Events: []doc.EventMention{{Sentence: 0, TriggerText: "resigned", Action: "resign", Type: doc.EventType{Code: "0874", Label: "Resign"},
			Modality: doc.Asserted, Arguments: []doc.Argument{{Role: doc.RoleAgent, Actor: 0, Mention: 0}}, Timex: -1,
			Latest: pub, Basis: doc.BasisPublication}},
	}
}

// openBolt opens an empty bolt store in a temporary folder, closed when
// the test ends.
func openBolt(t *testing.T) *Store {
	t.Helper()
	st, err := Open(context.Background(), Config{Backend: "bolt", Address: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func count(t *testing.T, st *Store) int64 {
	t.Helper()
	s, err := st.QuadStore.Stats(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	return s.Quads.Size
}

func TestWriteIdempotentAndRetract(t *testing.T) {
	ctx := context.Background()
	st := openBolt(t)
	r := resolve.New(resolve.Rules{})
	d := sampleDoc("a1")
	own, shared := Quads(d, r.Add(d))
	if _, err := st.WriteArticle(ctx, own, shared); err != nil {
		t.Fatal(err)
	}
	n := count(t, st)
	if ok, _ := st.HasArticle(ctx, "a1"); !ok {
		t.Fatal("article not stored")
	}
	// Writing the same quads again adds nothing.
	if _, err := st.WriteArticle(ctx, own, shared); err != nil {
		t.Fatal(err)
	}
	if m := count(t, st); m != n {
		t.Errorf("re-write changed the quad count: %d -> %d", n, m)
	}
	// Every quad carries the article label.
	for _, q := range append(own, shared...) {
		if q.Label != ArticleIRI("a1") {
			t.Fatalf("quad without article label: %v", q)
		}
	}
	// The role is queryable.
	roles, err := st.In(ctx, NodeIRI("actor/person/jane-roe"), Holder)
	if err != nil || len(roles) != 1 {
		t.Fatalf("roles %v, %v", roles, err)
	}
	p, _ := st.Out(ctx, roles[0])
	if p.Str(Title) != "minister" || p.Str(Of) != "eg:actor/gov/xyz" {
		t.Errorf("role %v", p)
	}
	if k, err := st.RetractArticle(ctx, "a1"); err != nil || k == 0 {
		t.Fatalf("retract: %d, %v", k, err)
	}
	// The store's vocabulary version stays.
	if m := count(t, st); m != 1 {
		t.Errorf("%d quads left after retracting the only article, want 1", m)
	}
}

// A second process must not hang on a bolt store that serve holds.
func TestBoltLockedFailsFast(t *testing.T) {
	dir := t.TempDir()
	st, err := Open(context.Background(), Config{Backend: "bolt", Address: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	_, err = Open(context.Background(), Config{Backend: "bolt", Address: dir})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("err %v, want ErrLocked", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("took %s to fail", time.Since(start))
	}
}

// An ingest that stored nothing still saves its (empty) resolver: a fresh
// bolt store has no buckets yet, which must count as zero quads, not fail.
func TestSnapshotOfEmptyStore(t *testing.T) {
	st := openBolt(t)
	ctx := context.Background()
	if err := st.SaveResolver(ctx, resolve.New(resolve.Rules{})); err != nil {
		t.Fatalf("SaveResolver on an empty store: %v", err)
	}
	ok, err := st.RestoreResolver(ctx, resolve.New(resolve.Rules{}))
	if err != nil || !ok {
		t.Fatalf("RestoreResolver on an empty store = %v, %v; want true, nil", ok, err)
	}
}

// recorder keeps the transactions written through it.
type recorder struct {
	cgraph.QuadWriter
	txs [][]cgraph.Delta
}

func (r *recorder) ApplyTransaction(tx *cgraph.Transaction) error {
	r.txs = append(r.txs, slices.Clone(tx.Deltas))
	return r.QuadWriter.ApplyTransaction(tx)
}

// A batch longer than the write chunk goes in transactions of at most the
// chunk, each article's rdf:type quad in the last transaction holding any
// of its quads, between a first transaction marking its articles as being
// written and a last one unmarking them; a batch within the chunk is one
// transaction without marks.
func TestWriteBatchChunks(t *testing.T) {
	for _, tt := range []struct {
		name  string
		chunk int
		txs   int // transactions written, marks included
	}{
		{"one transaction", 0, 1},
		{"chunks of 4", 4, 0},
		{"chunks of 7", 7, 0},
	} {
		t.Run(strings.ReplaceAll(tt.name, " ", "_"), func(t *testing.T) {
			ctx := context.Background()
			st := openBolt(t)
			st.SetWriteChunk(tt.chunk)
			rec := &recorder{QuadWriter: st.QuadWriter}
			st.QuadWriter = rec
			r := resolve.New(resolve.Rules{})
			var batch []ArticleQuads
			for _, d := range []*doc.Document{sampleDoc("a1"), otherDoc("a2")} {
				own, shared := Quads(d, r.Add(d))
				batch = append(batch, ArticleQuads{Own: own, Shared: shared})
			}
			n, err := st.WriteBatch(ctx, batch)
			if err != nil {
				t.Fatal(err)
			}
			if tt.txs > 0 && len(rec.txs) != tt.txs {
				t.Errorf("%d transactions, want %d", len(rec.txs), tt.txs)
			}
			last := map[quad.Value]int{} // article label -> last transaction with its quads
			typed := map[quad.Value]int{}
			for i, tx := range rec.txs {
				if tt.chunk > 0 && len(tx) > tt.chunk {
					t.Errorf("transaction %d holds %d quads, chunk %d", i, len(tx), tt.chunk)
				}
				for _, d := range tx {
					if d.Quad.Predicate == quad.Value(Type) && d.Quad.Object == quad.Value(ClassArticle) {
						typed[d.Quad.Subject] = i
					} else if d.Quad.Label != nil {
						last[d.Quad.Label] = i
					}
				}
			}
			for art, i := range last {
				if typed[art] < i {
					t.Errorf("%s typed in transaction %d, its last quad in %d", art, typed[art], i)
				}
			}
			if len(typed) != 2 {
				t.Errorf("%d articles typed, want 2", len(typed))
			}
			if p, _ := st.Out(ctx, StoreNode); len(p[Writing]) != 0 {
				t.Errorf("marks left: %v", p[Writing])
			}
			if m := count(t, st); m != int64(n)+1 { // and the version quad
				t.Errorf("%d quads stored, %d written", m, n)
			}
		})
	}
}

// failingWriter fails every transaction from the failAt-th on (1-based).
type failingWriter struct {
	cgraph.QuadWriter
	n, failAt int
}

func (w *failingWriter) ApplyTransaction(tx *cgraph.Transaction) error {
	if w.n++; w.n >= w.failAt {
		return errors.New("power cut")
	}
	return w.QuadWriter.ApplyTransaction(tx)
}

// allQuads lists the store's quads, labels included, sorted.
func allQuads(t *testing.T, st *Store) []string {
	t.Helper()
	it := st.QuadStore.QuadsAllIterator()
	defer it.Close()
	var out []string
	for it.Next(context.Background()) {
		out = append(out, st.QuadStore.Quad(it.Result()).String())
	}
	slices.Sort(out)
	return out
}

// A second article that merges into a stored event and names a new target
// for it, written in chunks and interrupted at each transaction in turn:
// RecoverWrites removes what it wrote, its new facts about the first
// article's event included (not handed over to the first article as a
// retraction would), and leaves the store as it was before the batch.
func TestRecoverWritesUndoesPartialArticle(t *testing.T) {
	ctx := context.Background()
	second := func() *doc.Document {
		d := otherDoc("a2")
		d.Actors = append(d.Actors, doc.Actor{Key: "gov:ABC", Name: "Government of Abc", Kind: doc.KindGovernment})
		d.Events[0].Arguments = append(d.Events[0].Arguments, doc.Argument{Role: doc.RoleTarget, Actor: 2})
		return d
	}
	for failAt := 2; ; failAt++ {
		st := openBolt(t)
		r := resolve.New(resolve.Rules{})
		writeDoc(t, st, r, sampleDoc("a1"))
		before := allQuads(t, st)
		d := second()
		as := r.Add(d)
		if as.New[0] {
			t.Fatal("the second article's event did not merge")
		}
		own, shared := Quads(d, as)
		st.SetWriteChunk(3)
		st.QuadWriter = &failingWriter{QuadWriter: st.QuadWriter, failAt: failAt}
		if _, err := st.WriteArticle(ctx, own, shared); err == nil {
			break // every transaction written: all interruptions tried
		}
		st.QuadWriter = st.QuadWriter.(*failingWriter).QuadWriter
		// Only the last transaction (the unmarking) leaves a2 whole.
		whole, _ := st.HasArticle(ctx, "a2")
		undone, err := st.RecoverWrites(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if whole {
			if len(undone) != 0 {
				t.Errorf("failing at transaction %d, a2 whole: undone %v", failAt, undone)
			}
			if p, _ := st.Out(ctx, StoreNode); len(p[Writing]) != 0 {
				t.Errorf("failing at transaction %d, a2 whole: marks left %v", failAt, p[Writing])
			}
			continue
		}
		if !slices.Equal(undone, []string{"a2"}) {
			t.Errorf("failing at transaction %d: undone %v, want [a2]", failAt, undone)
		}
		if got := allQuads(t, st); !slices.Equal(got, before) {
			t.Errorf("failing at transaction %d: %d quads after recovery, %d before the write: %v", failAt, len(got), len(before), got)
		}
		if failAt > 40 {
			t.Fatal("the write never completed")
		}
	}
}
