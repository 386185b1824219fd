package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/maphash"
	"strconv"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/resolve"
)

// ArticleIRI is the IRI of an article, the label of all its quads.
func ArticleIRI(id string) quad.IRI { return quad.IRI("eg:article/" + id) }

// StoryIRI is the IRI of a story, named by its first article.
func StoryIRI(id string) quad.IRI { return quad.IRI("eg:story/" + id) }

// FormatKeywords writes an article's content words as Keywords holds them.
func FormatKeywords(ws []resolve.WordCount) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s:%d", w.Word, w.Count)
	}
	return b.String()
}

// ParseKeywords reads what FormatKeywords wrote; malformed entries are
// skipped.
func ParseKeywords(s string) []resolve.WordCount {
	var out []resolve.WordCount
	for _, f := range strings.Fields(s) {
		w, n, ok := strings.Cut(f, ":")
		if c, err := strconv.Atoi(n); ok && err == nil && w != "" && c > 0 {
			out = append(out, resolve.WordCount{Word: w, Count: c})
		}
	}
	return out
}

// NodeIRI turns a canonical ID from resolve ("event/…", "actor/person/…")
// into its IRI.
func NodeIRI(id string) quad.IRI { return quad.IRI("eg:" + id) }

// IDOf returns the canonical ID of an eventgraph IRI, the inverse of NodeIRI.
func IDOf(v quad.Value) string {
	s := Str(v)
	return strings.TrimPrefix(s, "eg:")
}

// Str returns the plain string of a value: an IRI without brackets, a
// literal's text.
func Str(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	}
	return fmt.Sprint(quad.NativeOf(v))
}

// Day formats a day bound; ok is false for an unknown (zero) bound.
func Day(t time.Time) (string, bool) {
	if t.IsZero() {
		return "", false
	}
	return t.UTC().Format("2006-01-02"), true
}

// HasArticle reports whether the article is already stored.
func (s *Store) HasArticle(ctx context.Context, id string) (bool, error) {
	return s.hasQuad(ctx, quad.Quad{Subject: ArticleIRI(id), Predicate: Type, Object: ClassArticle})
}

// hasQuad reports whether s-p-o is stored under any label.
func (s *Store) hasQuad(ctx context.Context, q quad.Quad) (bool, error) {
	// A value not stored yet means the quad is not either. The subject's
	// quads are compared by reference: decoding each of them (four value
	// lookups) made this the write path's largest cost.
	sub := s.QuadStore.ValueOf(q.Subject)
	if sub == nil {
		return false, nil
	}
	pred, obj := s.QuadStore.ValueOf(q.Predicate), s.QuadStore.ValueOf(q.Object)
	if pred == nil || obj == nil {
		return false, nil
	}
	objKey, predKey := cgraph.ToKey(obj), cgraph.ToKey(pred)
	it := s.QuadStore.QuadIterator(quad.Subject, sub)
	defer it.Close()
	for it.Next(ctx) {
		r := it.Result()
		if cgraph.ToKey(s.QuadStore.QuadDirection(r, quad.Object)) == objKey &&
			cgraph.ToKey(s.QuadStore.QuadDirection(r, quad.Predicate)) == predKey {
			return true, nil
		}
	}
	return false, it.Err()
}

type quadBuf struct {
	label quad.IRI
	seen  map[factKey]struct{}
	quads []quad.Quad
}

func (b *quadBuf) add(s quad.Value, p quad.IRI, o quad.Value) {
	q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: b.label}
	k := keyOf(q)
	if b.seen == nil {
		b.seen = map[factKey]struct{}{}
	}
	if _, ok := b.seen[k]; ok {
		return
	}
	b.seen[k] = struct{}{}
	b.quads = append(b.quads, q)
}

func shortHash(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:])[:16]
}

// ArticleQuads are one article's quads as Quads returns them.
type ArticleQuads struct {
	Own, Shared []quad.Quad
}

// WriteArticle stores one article's quads: the article's own quads, plus
// the shared facts not stored yet. It returns the number of quads written.
func (s *Store) WriteArticle(ctx context.Context, own, shared []quad.Quad) (int, error) {
	return s.WriteBatch(ctx, []ArticleQuads{{Own: own, Shared: shared}})
}

// writeChunk is the most quads WriteBatch puts in one transaction on a
// store only this process writes to. A batch of ordinary news (8 articles,
// ~3,500 quads) is one transaction; one very long article (512 KiB of news,
// ~70,000 quads) is several, so that bolt's dirty pages and cayley's
// per-transaction maps stay bounded (docs/BENCH.md).
const writeChunk = 1 << 12

// SetWriteChunk changes the most quads written per transaction (tests;
// n <= 0 restores writeChunk).
func (s *Store) SetWriteChunk(n int) { s.chunk = n }

// WriteBatch stores several articles' quads. Shared facts already stored,
// or stated twice in the batch, are written once.
//
// A batch of at most writeChunk quads is one transaction: wholly stored or
// not at all. A larger one is written in transactions of writeChunk quads,
// each article's rdf:type quad after all its other quads, so that an
// article is stored (HasArticle) only once it is complete. Its articles are
// first marked <eg:store> eg:writing <article> in the first transaction and
// unmarked after the last: a write interrupted in between (a crash, a full
// disk) leaves marked articles that RecoverWrites retracts.
func (s *Store) WriteBatch(ctx context.Context, batch []ArticleQuads) (int, error) {
	quads, arts, pending, err := s.batchQuads(ctx, batch)
	if err != nil {
		return 0, err
	}
	n := len(quads)
	if n == 0 {
		return 0, nil
	}
	// The first write records the store's vocabulary version.
	vq := s.versionQuad()
	if vq != nil {
		quads = append([]quad.Quad{*vq}, quads...)
	}
	chunk := s.chunk
	if chunk <= 0 {
		chunk = writeChunk
	}
	var marks []quad.Quad
	if len(quads) > chunk && !s.Shared() {
		// Another process may recover while a shared (SQL) store is
		// written: there, a batch stays one transaction.
		for _, art := range arts {
			marks = append(marks, quad.Quad{Subject: StoreNode, Predicate: Writing, Object: art})
		}
		quads = append(marks, quads...)
	} else {
		chunk = len(quads)
	}
	for start := 0; start < len(quads); start += chunk {
		tx := cgraph.NewTransaction()
		for _, q := range quads[start:min(start+chunk, len(quads))] {
			tx.AddQuad(q)
		}
		if err := s.QuadWriter.ApplyTransaction(tx); err != nil {
			return 0, fmt.Errorf("writing %d quads (%d of %d written): %w", len(tx.Deltas), start, len(quads), err)
		}
		if vq != nil {
			s.versionWritten()
			vq = nil
		}
	}
	if len(marks) > 0 {
		tx := cgraph.NewTransaction()
		for _, q := range marks {
			tx.RemoveQuad(q)
		}
		if err := s.QuadWriter.ApplyTransaction(tx); err != nil {
			return 0, fmt.Errorf("unmarking %d articles written: %w", len(marks), err)
		}
	}
	s.remember(pending)
	return n, nil
}

// batchQuads lists the quads of a batch to write, article by article: the
// shared facts not stored yet, then its own quads with its rdf:type quad
// last. It returns the articles' IRIs and the shared facts checked.
func (s *Store) batchQuads(ctx context.Context, batch []ArticleQuads) (quads []quad.Quad, arts []quad.Value, pending map[factKey]bool, err error) {
	pending = map[factKey]bool{}
	found, err := s.storedShared(ctx, batch) // PostgreSQL: all at once
	if err != nil {
		return nil, nil, nil, err
	}
	for _, a := range batch {
		for _, q := range a.Shared {
			k := keyOf(q)
			if pending[k] || s.known(k) {
				continue
			}
			ok := found[k]
			if found == nil {
				if ok, err = s.hasQuad(ctx, q); err != nil {
					return nil, nil, nil, fmt.Errorf("checking %s: %w", q, err)
				}
			}
			pending[k] = true
			if !ok {
				quads = append(quads, q)
			}
		}
		var typ *quad.Quad
		for i, q := range a.Own {
			if q.Predicate == quad.Value(Type) && q.Object == quad.Value(ClassArticle) {
				typ = &a.Own[i]
				continue
			}
			quads = append(quads, q)
		}
		if typ != nil {
			quads = append(quads, *typ)
			arts = append(arts, typ.Subject)
		}
	}
	return quads, arts, pending, nil
}

// removePartial removes every quad under the label of a partly written
// article, in transactions of at most writeChunk quads. Unlike
// RetractArticle it hands nothing over: the facts under a partial article's
// label were stated first by it (WriteBatch writes a shared fact under the
// first article of the batch or store to state it, and no later article is
// stored), so no stored article needs them.
func (s *Store) removePartial(ctx context.Context, art quad.Value) error {
	ref := s.QuadStore.ValueOf(art)
	if ref == nil {
		return nil
	}
	it := s.QuadStore.QuadIterator(quad.Label, ref)
	var qs []quad.Quad
	for it.Next(ctx) {
		qs = append(qs, s.QuadStore.Quad(it.Result()))
	}
	err := it.Err()
	it.Close()
	if err != nil {
		return err
	}
	for start := 0; start < len(qs); start += writeChunk {
		if _, err := s.remove(qs[start:min(start+writeChunk, len(qs))]); err != nil {
			return fmt.Errorf("removing %d quads: %w", len(qs)-start, err)
		}
	}
	s.mu.Lock()
	s.stored = nil // its shared facts are gone
	s.mu.Unlock()
	return nil
}

// RecoverWrites finishes what an interrupted WriteBatch left: each article
// still marked as being written is retracted unless it is stored whole,
// and the marks are removed. It returns the IDs of the articles retracted,
// to be ingested again. Run it before reading the store to resolve
// against: a retracted article's events and actors are gone.
func (s *Store) RecoverWrites(ctx context.Context) ([]string, error) {
	p, err := s.Out(ctx, StoreNode)
	if err != nil {
		return nil, fmt.Errorf("reading interrupted writes: %w", err)
	}
	marked := p[Writing]
	if len(marked) == 0 {
		return nil, nil
	}
	var retracted []string
	tx := cgraph.NewTransaction()
	for _, art := range marked {
		tx.RemoveQuad(quad.Quad{Subject: StoreNode, Predicate: Writing, Object: art})
		id := strings.TrimPrefix(IDOf(art), "article/")
		whole, err := s.HasArticle(ctx, id)
		if err != nil {
			return retracted, fmt.Errorf("recovering the write of article %s: %w", id, err)
		}
		if whole {
			continue
		}
		if err := s.removePartial(ctx, art); err != nil {
			return retracted, fmt.Errorf("recovering the write of article %s: %w", id, err)
		}
		retracted = append(retracted, id)
	}
	if err := s.QuadWriter.ApplyTransaction(tx); err != nil {
		return retracted, fmt.Errorf("removing %d marks of interrupted writes: %w", len(marked), err)
	}
	return retracted, nil
}

// maxKnown bounds the cache of shared facts known to be stored.
const maxKnown = 1 << 20

// factKey is a 128-bit hash of a quad's subject, predicate and object:
// the cache of stored shared facts keeps 16 bytes per fact, not its
// strings (about 200 bytes), and hashing them allocates nothing.
type factKey [2]uint64

var factSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

func keyOf(q quad.Quad) factKey {
	var k factKey
	var h maphash.Hash
	for i := range k {
		h.SetSeed(factSeeds[i])
		for _, v := range [3]quad.Value{q.Subject, q.Predicate, q.Object} {
			switch v := v.(type) {
			case quad.IRI:
				h.WriteByte('I')
				h.WriteString(string(v))
			case quad.String:
				h.WriteByte('S')
				h.WriteString(string(v))
			case nil:
				h.WriteByte('N')
			default:
				h.WriteByte('V')
				h.WriteString(v.String())
			}
			h.WriteByte(0)
		}
		k[i] = h.Sum64()
	}
	return k
}

func (s *Store) known(k factKey) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.stored[k]
	return ok
}

func (s *Store) remember(ks map[factKey]bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stored == nil || len(s.stored)+len(ks) > maxKnown {
		s.stored = make(map[factKey]struct{}, len(ks))
	}
	for k := range ks {
		s.stored[k] = struct{}{}
	}
}

// RetractArticle removes every quad labelled with the article's IRI.
// Shared facts (about canonical events, actors, event types) are stored
// once, under the label of the first article that stated them: those about
// a node that another stored article still refers to are handed over to
// that article (the smallest label, so the result does not depend on
// iteration order) instead of being removed, so the other articles'
// mentions never point at a node that is gone.
//
// The hand-over is written first, in its own transaction, and the removal
// second: cayley v0.7.7's kv stores mis-write added quads whose nodes lose
// references in the same transaction (graphlog.SplitDeltas nets node
// reference counts, so such nodes are missing when the adds are indexed).
// Interrupted between the two, the store holds the article whole plus
// copies of its shared facts under the heirs' labels: still consistent,
// and retracting again finishes the job.
func (s *Store) RetractArticle(ctx context.Context, id string) (int, error) {
	art := ArticleIRI(id)
	label := s.QuadStore.ValueOf(art)
	if label == nil {
		return 0, nil
	}
	it := s.QuadStore.QuadIterator(quad.Label, label)
	defer it.Close()
	var quads []quad.Quad
	for it.Next(ctx) {
		quads = append(quads, s.QuadStore.Quad(it.Result()))
	}
	if err := it.Err(); err != nil {
		return 0, err
	}
	tx := cgraph.NewTransaction()
	handover := cgraph.NewTransaction()
	n, handed := 0, 0
	heirs := map[string]quad.Value{}
	// via[node] is the heir of a handed-over fact naming node: a node
	// that only the article's shared facts refer to (an event's action
	// class and type node, when the later articles only merged into the
	// event) goes to the heir of the facts that name it.
	via := map[string]quad.IRI{}
	var orphans []quad.Quad
	for _, q := range quads {
		tx.RemoveQuad(q)
		n++
		if ownedBy(q, id) {
			continue
		}
		k := q.Subject.String()
		h, ok := heirs[k]
		if !ok {
			var err error
			if h, err = s.heir(ctx, q.Subject, art); err != nil {
				return 0, fmt.Errorf("retracting article %s: %w", id, err)
			}
			heirs[k] = h
		}
		if h == nil {
			orphans = append(orphans, q)
			continue
		}
		q.Label = h
		handover.AddQuad(q)
		handed++
		if l, ok := h.(quad.IRI); ok {
			if o, ok := q.Object.(quad.IRI); ok && (via[string(o)] == "" || l < via[string(o)]) {
				via[string(o)] = l
			}
		}
	}
	// Through classes too: an event's action class, then its type node.
	for moved := true; moved; {
		moved = false
		left := orphans[:0]
		for _, q := range orphans {
			sub, ok := q.Subject.(quad.IRI)
			if !ok || via[string(sub)] == "" {
				left = append(left, q)
				continue
			}
			q.Label = via[string(sub)]
			handover.AddQuad(q)
			handed++
			moved = true
			if o, ok := q.Object.(quad.IRI); ok && via[string(o)] == "" {
				via[string(o)] = via[string(sub)]
			}
		}
		orphans = left
	}
	if n == 0 {
		return 0, nil
	}
	if handed > 0 {
		if err := s.QuadWriter.ApplyTransaction(handover); err != nil {
			return 0, fmt.Errorf("retracting article %s: handing over %d shared facts: %w", id, handed, err)
		}
	}
	if err := s.QuadWriter.ApplyTransaction(tx); err != nil {
		return 0, fmt.Errorf("retracting article %s: %w", id, err)
	}
	s.mu.Lock()
	s.stored = nil // some shared facts may have gone with the article
	s.mu.Unlock()
	return n, nil
}

// ownedBy reports whether q, a quad under article id's label, belongs to
// the article alone: a fact of the article itself or of its event
// mentions, or its spans of an actor.
func ownedBy(q quad.Quad, id string) bool {
	iri, ok := q.Subject.(quad.IRI)
	if !ok {
		return false
	}
	v := string(iri)
	return v == string(ArticleIRI(id)) || strings.HasPrefix(v, "eg:mention/"+id+"/") || q.Predicate == quad.Value(Spans)
}

// heir returns the label of a stored article, other than label, whose
// quads refer to node (as subject or object): the smallest such label, or
// nil when no other article refers to it.
func (s *Store) heir(ctx context.Context, node quad.Value, label quad.IRI) (quad.Value, error) {
	ref := s.QuadStore.ValueOf(node)
	if ref == nil {
		return nil, nil
	}
	var best quad.IRI
	checked := map[quad.IRI]bool{label: true}
	for _, d := range []quad.Direction{quad.Subject, quad.Object} {
		it := s.QuadStore.QuadIterator(d, ref)
		for it.Next(ctx) {
			l, ok := s.QuadStore.Quad(it.Result()).Label.(quad.IRI)
			if !ok || checked[l] || (best != "" && l >= best) || !strings.HasPrefix(string(l), "eg:article/") {
				continue
			}
			checked[l] = true
			stored, err := s.hasQuad(ctx, quad.Quad{Subject: l, Predicate: Type, Object: ClassArticle})
			if err != nil {
				it.Close()
				return nil, err
			}
			if stored {
				best = l
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return nil, err
		}
	}
	if best == "" {
		return nil, nil
	}
	return best, nil
}
