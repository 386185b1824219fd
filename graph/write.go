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

	"github.com/eventgraph/eventgraph/extract/doc"
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

// Quads maps an extracted document with its resolution to quads, all
// labelled with the article's IRI. Facts about shared nodes (canonical
// actors and events) are returned separately in shared: the writer stores
// each of those only once, whichever article states it first.
func Quads(d *doc.Document, as resolve.Assignment) (own, shared []quad.Quad) {
	art := ArticleIRI(d.Article.ID)
	w := quadBuf{label: art}
	a := d.Article
	w.add(art, Type, ClassArticle)
	if a.Title != "" {
		w.add(art, Headline, quad.String(a.Title))
	}
	articleMeta(&w, art, a)
	if a.URL != "" {
		w.add(art, URL, quad.IRI(a.URL))
	}
	if a.Source != "" {
		w.add(art, Source, quad.String(a.Source))
	}
	if st := as.Story; st.Story != "" {
		w.add(art, Story, StoryIRI(st.Story))
		w.add(art, StorySeq, quad.Int(st.Seq))
		if kw := FormatKeywords(st.Words); kw != "" {
			w.add(art, Keywords, quad.String(kw))
		}
		for _, l := range st.Links {
			// The article's ID, not its IRI: retracting the earlier
			// article leaves no quad naming it.
			w.add(art, SameStoryAs, quad.String(l))
		}
	}
	sh := quadBuf{label: art}

	// Actors and their mentions.
	actorIRI := make([]quad.IRI, len(d.Actors))
	for i, ac := range d.Actors {
		iri := NodeIRI(as.Actors[i])
		actorIRI[i] = iri
		sh.add(iri, Type, ClassActor)
		sh.add(iri, Label, quad.String(ac.Name))
		sh.add(iri, ActorKey, quad.String(ac.Key))
		sh.add(iri, Kind, quad.String(string(ac.Kind)))
		if ac.Code != "" {
			sh.add(iri, ActorCode, quad.String(ac.Code))
		}
		for _, al := range ac.Aliases {
			if al != ac.Name {
				sh.add(iri, AltName, quad.String(al))
			}
		}
	}
	for i, ac := range d.Actors {
		for _, rel := range ac.Relations {
			var obj quad.IRI
			if rel.Object >= 0 && rel.Object < len(actorIRI) {
				obj = actorIRI[rel.Object]
			}
			switch rel.Kind {
			case "role":
				if rel.Title == "" {
					continue
				}
				role := quad.IRI("eg:role/" + shortHash(string(actorIRI[i]), rel.Title, string(obj)))
				sh.add(role, Type, ClassRole)
				sh.add(role, Holder, actorIRI[i])
				sh.add(role, Title, quad.String(rel.Title))
				sh.add(actorIRI[i], JobTitle, quad.String(rel.Title))
				if obj != "" {
					sh.add(role, Of, obj)
					sh.add(actorIRI[i], Affiliation, obj)
				}
			case "affiliation", "member":
				if obj != "" {
					sh.add(actorIRI[i], Affiliation, obj)
				}
			case "part_of":
				if obj != "" {
					sh.add(actorIRI[i], PartOf, obj)
				}
			case "owner":
				if obj != "" {
					sh.add(actorIRI[i], Owner, obj)
				}
			}
		}
	}
	for i, m := range d.ActorMentions {
		if m.Actor < 0 || m.Actor >= len(actorIRI) {
			continue
		}
		mi := quad.IRI(fmt.Sprintf("eg:amention/%s/%d", a.ID, i))
		w.add(mi, Type, ClassActorMention)
		w.add(mi, MentionOf, actorIRI[m.Actor])
		w.add(mi, DerivedFrom, art)
		w.add(mi, Text, quad.String(m.Text))
		w.add(mi, Start, quad.Int(m.Start))
		w.add(mi, End, quad.Int(m.End))
		w.add(mi, SentenceIndex, quad.Int(m.Sentence))
	}

	// Events and their mentions.
	for i, m := range d.Events {
		ev := NodeIRI(as.Events[i])
		mi := quad.IRI(fmt.Sprintf("eg:mention/%s/%d", a.ID, i))
		w.add(mi, Type, ClassEventMention)
		w.add(mi, MentionOf, ev)
		w.add(mi, DerivedFrom, art)
		w.add(mi, Order, quad.Int(i))
		w.add(mi, Action, quad.String(m.Action))
		w.add(mi, Trigger, quad.String(m.TriggerText))
		w.add(mi, Modality, quad.String(string(m.Modality)))
		w.add(mi, Pattern, quad.String(m.Pattern))
		w.add(mi, CAMEO, quad.String(m.Type.Code))
		if m.Summary != "" {
			w.add(mi, Description, quad.String(m.Summary))
		}
		w.add(mi, Salience, quad.Float(m.Salience))
		if m.Sentence >= 0 && m.Sentence < len(d.Sentences) {
			s := d.Sentences[m.Sentence]
			w.add(mi, Sentence, quad.String(a.Text[s.Start:s.End]))
			w.add(mi, SentenceIndex, quad.Int(m.Sentence))
			w.add(mi, Start, quad.Int(s.Start))
			w.add(mi, End, quad.Int(s.End))
		}
		if e, ok := Day(m.Earliest); ok {
			w.add(mi, Earliest, quad.String(e))
		}
		if l, ok := Day(m.Latest); ok {
			w.add(mi, Latest, quad.String(l))
		}
		if m.Granularity != "" {
			w.add(mi, Gran, quad.String(string(m.Granularity)))
		}
		if m.Basis != "" {
			w.add(mi, Basis, quad.String(string(m.Basis)))
		}
		if resolve.IsLead(d, m) {
			w.add(mi, Lead, quad.Bool(true))
		}
		if m.Timex >= 0 && m.Timex < len(d.Timexes) {
			w.add(mi, TimeText, quad.String(d.Timexes[m.Timex].Text))
		}
		if m.Value != "" {
			w.add(mi, TimeValue, quad.String(m.Value))
		}
		for _, arg := range m.Arguments {
			if arg.Actor < 0 || arg.Actor >= len(actorIRI) {
				continue
			}
			p := Participant
			switch arg.Role {
			case doc.RoleAgent:
				p = Agent
			case doc.RoleTarget:
				p = Target
			case doc.RolePlace:
				p = HasPlace
			}
			w.add(mi, p, actorIRI[arg.Actor])
			sh.add(ev, p, actorIRI[arg.Actor])
			if arg.Role != doc.RolePlace {
				sh.add(ev, HasActor, actorIRI[arg.Actor])
			}
		}
		// Facts of the canonical event. The first article to report it
		// states them; later ones add what is new (actors, codes).
		sh.add(ev, Type, ClassEvent)
		if as.New == nil || as.New[i] {
			if i < len(as.Seq) {
				sh.add(ev, Seq, quad.Int(as.Seq[i]))
			}
			sh.add(ev, Action, quad.String(m.Action))
			sh.add(ev, CAMEO, quad.String(m.Type.Code))
			// An extension code (abstain, resign...) is its own type node,
			// so its label does not overwrite its nearest CAMEO code's.
			typ := quad.IRI("eg:cameo/" + m.Type.Code)
			if m.Type.Extension != "" {
				typ = quad.IRI("eg:cameo/" + m.Type.Extension)
			}
			sh.add(ev, EventType, typ)
			if m.Type.Label != "" {
				sh.add(typ, Label, quad.String(m.Type.Label))
			}
			if m.Type.Extension != "" {
				sh.add(ev, Extension, quad.String(m.Type.Extension))
			}
			sh.add(ev, QuadClass, quad.Int(m.Type.QuadClass))
			sh.add(ev, Goldstein, quad.Float(m.Type.Goldstein))
			sh.add(ev, Modality, quad.String(string(m.Modality)))
			if as.Story.Story != "" {
				sh.add(ev, Story, StoryIRI(as.Story.Story))
			}
			if m.Summary != "" {
				sh.add(ev, Description, quad.String(m.Summary))
			}
		}
	}
	for _, mg := range as.Merges {
		mi := quad.IRI(fmt.Sprintf("eg:mention/%s/%d", a.ID, mg.Mention))
		w.add(mi, MergedBy, quad.String(strings.Join(mg.Reasons, "; ")))
	}
	for _, l := range d.Links {
		if l.From < 0 || l.From >= len(d.Events) || l.To < 0 || l.To >= len(d.Events) {
			continue
		}
		from, to := NodeIRI(as.Events[l.From]), NodeIRI(as.Events[l.To])
		if from == to {
			continue
		}
		switch l.Type {
		case doc.RelAfter:
			sh.add(from, After, to)
		case doc.RelBefore:
			sh.add(from, Before, to)
		case doc.RelSimultaneous:
			sh.add(from, Same, to)
		}
	}
	return w.quads, sh.quads
}

// articleMeta adds what the source says of the article: its publication
// day as the publisher dated it (in the source's own offset, not UTC),
// the time when known, the year alone when that is all the source gave,
// the last modification, author, site and language.
func articleMeta(w *quadBuf, art quad.IRI, a doc.Article) {
	switch {
	case a.Published != nil:
		w.add(art, Published, quad.String(a.Published.Format(time.DateOnly)))
	case a.Props[doc.PropPublishedYear] != "":
		w.add(art, Published, quad.String(a.Props[doc.PropPublishedYear]))
	}
	if t := a.Props[doc.PropPublishedTime]; t != "" {
		w.add(art, PublishedAt, quad.TypedString{Value: quad.String(t), Type: XSDDateTime})
	}
	for _, p := range []struct {
		key  string
		pred quad.IRI
	}{{doc.PropModified, Modified}, {doc.PropAuthor, Author}, {doc.PropSite, Publisher}, {doc.PropLanguage, InLanguage}} {
		if v := a.Props[p.key]; v != "" {
			w.add(art, p.pred, quad.String(v))
		}
	}
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

// WriteArticle stores one article's quads in a single transaction: the
// article's own quads, plus the shared facts not stored yet. It returns the
// number of quads written.
func (s *Store) WriteArticle(ctx context.Context, own, shared []quad.Quad) (int, error) {
	return s.WriteBatch(ctx, []ArticleQuads{{Own: own, Shared: shared}})
}

// WriteBatch stores several articles' quads in one transaction, so a batch
// is either wholly stored or not at all. Shared facts already stored, or
// stated twice in the batch, are written once.
func (s *Store) WriteBatch(ctx context.Context, batch []ArticleQuads) (int, error) {
	tx := cgraph.NewTransaction()
	n := 0
	pending := map[factKey]bool{}
	for _, a := range batch {
		for _, q := range a.Shared {
			k := keyOf(q)
			if pending[k] || s.known(k) {
				continue
			}
			ok, err := s.hasQuad(ctx, q)
			if err != nil {
				return 0, fmt.Errorf("checking %s: %w", q, err)
			}
			pending[k] = true
			if !ok {
				tx.AddQuad(q)
				n++
			}
		}
		for _, q := range a.Own {
			tx.AddQuad(q)
			n++
		}
	}
	if n == 0 {
		return 0, nil
	}
	if err := s.QuadWriter.ApplyTransaction(tx); err != nil {
		return 0, fmt.Errorf("writing %d quads: %w", n, err)
	}
	s.remember(pending)
	return n, nil
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
	for _, q := range quads {
		tx.RemoveQuad(q)
		n++
		if ownedBy(q.Subject, id) {
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
		if h != nil {
			q.Label = h
			handover.AddQuad(q)
			handed++
		}
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

// ownedBy reports whether node belongs to article id alone: the article
// itself and its event and actor mentions.
func ownedBy(node quad.Value, id string) bool {
	iri, ok := node.(quad.IRI)
	if !ok {
		return false
	}
	v := string(iri)
	return v == string(ArticleIRI(id)) ||
		strings.HasPrefix(v, "eg:mention/"+id+"/") || strings.HasPrefix(v, "eg:amention/"+id+"/")
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
