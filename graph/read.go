package graph

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/resolve"
)

// Props is a node's outgoing edges: predicate → objects.
type Props map[quad.IRI][]quad.Value

// First returns the first object of p, or nil.
func (p Props) First(pred quad.IRI) quad.Value {
	if v := p[pred]; len(v) > 0 {
		return v[0]
	}
	return nil
}

// Str returns the first object of p as a string.
func (p Props) Str(pred quad.IRI) string { return Str(p.First(pred)) }

// Name returns a node's canonical name: every article that named an actor
// stored its own label, and the longest (the smaller on a tie) is the
// name, whatever order the store returns them in (as resolve keeps it).
func (p Props) Name() string {
	name := ""
	for _, n := range p.Strs(Label) {
		if len(n) > len(name) || len(n) == len(name) && n < name {
			name = n
		}
	}
	return name
}

// EventModality returns an event's modality: its eg:modality, or
// DefaultModality (asserted) when it states none.
func (p Props) EventModality() string {
	if len(p[Modality]) == 0 {
		return string(DefaultModality)
	}
	return p.Str(Modality)
}

// EventType returns an event's type node (TypeIRI), which its class
// (ActionClass, its rdf:type) names. Nil when it states none.
func (p Props) EventType() quad.Value {
	for _, t := range p[Type] {
		if typ, _, ok := EventClass(t); ok {
			return typ
		}
	}
	return nil
}

// EventAction returns an event's action, which its class (ActionClass,
// its rdf:type) names: "" when it states none.
func (p Props) EventAction() string {
	for _, t := range p[Type] {
		if _, action, ok := EventClass(t); ok {
			return action
		}
	}
	return ""
}

// ActorKind returns an actor's kind, read from its class (KindClass):
// "" when it has none.
func (p Props) ActorKind() doc.ActorKind {
	for _, t := range p[Type] {
		if k := KindOf(t); k != "" {
			return k
		}
	}
	return ""
}

// Int returns the first object of p as an int, 0 when absent.
func (p Props) Int(pred quad.IRI) int {
	switch v := p.First(pred).(type) {
	case quad.Int:
		return int(v)
	case quad.Float:
		return int(v)
	}
	return 0
}

// Float returns the first object of p as a float64, 0 when absent.
func (p Props) Float(pred quad.IRI) float64 {
	switch v := p.First(pred).(type) {
	case quad.Float:
		return float64(v)
	case quad.Int:
		return float64(v)
	}
	return 0
}

// Strs returns the objects of p as strings.
func (p Props) Strs(pred quad.IRI) []string {
	out := make([]string, 0, len(p[pred]))
	for _, v := range p[pred] {
		out = append(out, Str(v))
	}
	return out
}

// Out reads every outgoing edge of node. Each distinct object is listed
// once even when several articles state it.
func (s *Store) Out(ctx context.Context, node quad.Value) (Props, error) {
	p, err := s.edges(ctx, node, quad.Subject, quad.Object)
	if err != nil {
		return p, fmt.Errorf("reading the properties of %s: %w", node, err)
	}
	return p, nil
}

// InAll returns the distinct subjects pointing at node, by predicate: one
// scan of node's incoming quads where several In calls would make one each.
func (s *Store) InAll(ctx context.Context, node quad.Value) (Props, error) {
	p, err := s.edges(ctx, node, quad.Object, quad.Subject)
	if err != nil {
		return p, fmt.Errorf("reading what points at %s: %w", node, err)
	}
	return p, nil
}

// edges reads the quads with node in direction from, grouping the values
// in direction to by predicate.
func (s *Store) edges(ctx context.Context, node quad.Value, from, to quad.Direction) (Props, error) {
	ref := s.QuadStore.ValueOf(node)
	if ref == nil {
		return Props{}, nil
	}
	// The quads' predicate and other references come with the iterator's
	// results; their values are then read in one batch (one sorted bolt
	// lookup) instead of decoding every quad, four lookups each.
	var refs []cgraph.Ref
	it := s.QuadStore.QuadIterator(from, ref)
	defer it.Close()
	for it.Next(ctx) {
		r := it.Result()
		refs = append(refs, s.QuadStore.QuadDirection(r, quad.Predicate), s.QuadStore.QuadDirection(r, to))
	}
	if err := it.Err(); err != nil {
		return Props{}, err
	}
	vals, err := cgraph.ValuesOf(ctx, s.QuadStore, refs)
	if err != nil {
		return Props{}, err
	}
	return byPredicate(vals), nil
}

// In returns the distinct subjects that point at node through pred.
func (s *Store) In(ctx context.Context, node quad.Value, pred quad.IRI) ([]quad.Value, error) {
	return s.InAny(ctx, node, pred)
}

// InAny returns the distinct subjects that point at node through any of
// preds, in one scan of node's incoming quads.
func (s *Store) InAny(ctx context.Context, node quad.Value, preds ...quad.IRI) ([]quad.Value, error) {
	ref := s.QuadStore.ValueOf(node)
	if ref == nil {
		return nil, nil
	}
	// Quads are matched on the predicates' references and only the
	// matching subjects are read, in one batch (see Out).
	want := map[any]bool{}
	for _, p := range preds {
		if pref := s.QuadStore.ValueOf(p); pref != nil {
			want[cgraph.ToKey(pref)] = true
		}
	}
	if len(want) == 0 {
		return nil, nil
	}
	var refs []cgraph.Ref
	it := s.QuadStore.QuadIterator(quad.Object, ref)
	defer it.Close()
	for it.Next(ctx) {
		r := it.Result()
		if want[cgraph.ToKey(s.QuadStore.QuadDirection(r, quad.Predicate))] {
			refs = append(refs, s.QuadStore.QuadDirection(r, quad.Subject))
		}
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	vals, err := cgraph.ValuesOf(ctx, s.QuadStore, refs)
	if err != nil {
		return nil, fmt.Errorf("reading what points at %s: %w", node, err)
	}
	var out []quad.Value
	seen := map[string]bool{}
	for _, v := range vals {
		if v == nil {
			continue
		}
		if k := v.String(); !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
	}
	return out, nil
}

// byPredicate groups (predicate, value) pairs, each distinct value listed
// once per predicate, in the order read.
func byPredicate(pairs []quad.Value) Props {
	out := Props{}
	seen := map[[2]string]bool{}
	for i := 0; i+1 < len(pairs); i += 2 {
		p, ok := pairs[i].(quad.IRI)
		if !ok || pairs[i+1] == nil {
			continue
		}
		k := [2]string{string(p), pairs[i+1].String()}
		if seen[k] {
			continue
		}
		seen[k] = true
		out[p] = append(out[p], pairs[i+1])
	}
	return out
}

// OfType returns every node of the class or of one of its direct
// subclasses (rdfs:subClassOf: an event's class is its action's, an
// actor's its kind's), once each (articles may give an actor different
// kinds), sorted by IRI.
func (s *Store) OfType(ctx context.Context, class quad.IRI) ([]quad.Value, error) {
	subs, err := s.In(ctx, class, SubClassOf)
	if err != nil {
		return nil, err
	}
	var vs []quad.Value
	seen := map[string]bool{}
	for _, c := range append([]quad.Value{class}, subs...) {
		in, err := s.In(ctx, c, Type)
		if err != nil {
			return nil, err
		}
		for _, v := range in {
			if k := v.String(); !seen[k] {
				seen[k] = true
				vs = append(vs, v)
			}
		}
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].String() < vs[j].String() })
	return vs, nil
}

// ParseDay parses a stored day bound; zero when absent or malformed.
func ParseDay(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// LoadResolver seeds r with the canonical actors and events already stored,
// so that new articles merge with them.
func (s *Store) LoadResolver(ctx context.Context, r *resolve.Resolver) error {
	actors, err := s.OfType(ctx, ClassActor)
	if err != nil {
		return err
	}
	for _, a := range actors {
		p, err := s.Out(ctx, a)
		if err != nil {
			return err
		}
		id := IDOf(a)
		// Every article stored the name it used: one is the name, the
		// others are aliases.
		names, name := p.Strs(Label), p.Name()
		var aliases []string
		for _, n := range append(names, p.Strs(AltName)...) {
			if n != name && !slices.Contains(aliases, n) {
				aliases = append(aliases, n)
			}
		}
		keys := p.Strs(ActorKey)
		key := KeyOf(id)
		for _, k := range keys {
			if resolve.ActorID(k) == id {
				key = k
			}
		}
		r.KnowActor(id, doc.Actor{
			Key:     key,
			Name:    name,
			Kind:    p.ActorKind(),
			Code:    p.Str(ActorCode),
			Aliases: aliases,
		})
		for _, k := range keys {
			r.KnowActorKey(k, id)
		}
	}
	arts, err := s.placedArticles(ctx)
	if err != nil {
		return err
	}
	placed := placeCache{s: s, m: map[string]articlePlace{}, sentences: r.KeepsSentences()}
	if err := s.loadStories(ctx, r, arts, placed); err != nil {
		return err
	}
	events, err := s.recentEvents(ctx, r.Horizon(), arts, placed)
	if err != nil {
		return err
	}
	types := map[string]doc.EventType{}
	for i, ke := range events {
		ev, err := s.resolverEvent(ctx, ke, types, placed)
		if err != nil {
			return err
		}
		// Sequence numbers are not stored: the events' order is (see
		// eventKey), and the resolver needs only their order and how
		// many events apart they are.
		ev.Seq = int64(i)
		r.KnowEvent(ev)
	}
	return nil
}

// resolverEvent reads a stored event as the resolver knows it: its
// coding and actors, and what its mentions say (articles, story, day
// bounds, lead, phrasal verbs).
func (s *Store) resolverEvent(ctx context.Context, ke knownEvent, types map[string]doc.EventType, placed placeCache) (resolve.Event, error) {
	e := ke.node
	p, err := s.Out(ctx, e)
	if err != nil {
		return resolve.Event{}, err
	}
	typ, err := s.eventType(ctx, p.EventType(), types)
	if err != nil {
		return resolve.Event{}, err
	}
	ev := resolve.Event{
		ID:       IDOf(e),
		Type:     typ,
		Action:   p.EventAction(),
		Modality: doc.Modality(p.EventModality()),
	}
	// As resolve's candidates (resolve.ArgumentRole): descriptions say
	// nothing of identity, places are places whatever their role.
	for _, arg := range []struct {
		pred quad.IRI
		role string
	}{{Agent, doc.RoleAgent}, {Target, doc.RoleTarget}, {HasPlace, doc.RolePlace}} {
		for _, a := range p[arg.pred] {
			ev.AddArgument(arg.role, IDOf(a))
		}
	}
	first := int64(-1) // story sequence number of the first article
	for _, mn := range ke.mentions {
		ev.Articles = append(ev.Articles, strings.TrimPrefix(IDOf(mn.Article), "article/"))
		// The event's story is its first article's (see
		// mapping.event): the one placed first.
		st, err := placed.of(ctx, mn.Article)
		if err != nil {
			return ev, err
		}
		if st.story != "" && (first < 0 || st.seq < first) {
			first, ev.Story = st.seq, st.story
		}
		// Every mention's bounds, whatever their basis, as the
		// resolver narrowed them in memory (resolve.absorb): a
		// resolver reloaded after an interrupted ingest must merge
		// exactly as the uninterrupted one would have.
		if t := ParseDay(mn.Earliest); !t.IsZero() && (ev.Earliest.IsZero() || t.After(ev.Earliest)) {
			ev.Earliest = t
		}
		if t := ParseDay(mn.Latest); !t.IsZero() && (ev.Latest.IsZero() || t.Before(ev.Latest)) {
			ev.Latest = t
		}
		ev.Lead = ev.Lead || mn.Lead
		ev.Headline = ev.Headline || mn.Headline
		ev.AddPhrasal(resolve.PhrasalVerb(mn.Pattern))
		if placed.sentences {
			mn.Resolve(st.text) // its sentence, for resolve's retelling, counts and days
			ev.AddSentence(mn.SentenceText, mn.TrigEnd-mn.SentStart, resolve.ReportTimex(mn.TimexStart, mn.Value))
		}
		// As resolve's candidates: dated by a time expression.
		switch doc.Basis(mn.Basis) {
		case doc.BasisExplicit, doc.BasisRelative:
			if mn.Earliest != "" && mn.Latest != "" {
				ev.Dated = true
			}
		}
	}
	return ev, nil
}

// eventType reads the codes of an event's type node (see typeNode),
// once per node: cache holds those read.
func (s *Store) eventType(ctx context.Context, node quad.Value, cache map[string]doc.EventType) (doc.EventType, error) {
	if node == nil {
		return doc.EventType{}, nil
	}
	k := node.String()
	if t, ok := cache[k]; ok {
		return t, nil
	}
	p, err := s.Out(ctx, node)
	if err != nil {
		return doc.EventType{}, fmt.Errorf("reading event type %s: %w", k, err)
	}
	t := doc.EventType{Code: p.Str(CAMEO), Extension: p.Str(Extension)}
	cache[k] = t
	return t, nil
}

// placedArticle is a stored article and its story sequence number.
type placedArticle struct {
	node quad.Value
	seq  int64
}

// placedArticles returns every stored article with its story sequence
// number, in the order they were placed: one scan of eg:storySeq.
func (s *Store) placedArticles(ctx context.Context) ([]placedArticle, error) {
	var arts []placedArticle
	err := s.eachObject(ctx, StorySeq, func(sub, obj quad.Value) {
		if n, ok := obj.(quad.Int); ok {
			arts = append(arts, placedArticle{node: sub, seq: int64(n)})
		}
	})
	if err != nil {
		return nil, fmt.Errorf("reading story sequence numbers: %w", err)
	}
	sort.Slice(arts, func(i, j int) bool { return arts[i].seq < arts[j].seq })
	return arts, nil
}

// loadStories seeds r with the stories of the latest articles (as many
// as resolve.StoryWindow), in the order they were placed (arts, from
// placedArticles), and notes in places where each was placed.
func (s *Store) loadStories(ctx context.Context, r *resolve.Resolver, arts []placedArticle, places placeCache) error {
	for _, a := range arts[max(0, len(arts)-resolve.StoryWindow):] {
		p, err := s.Out(ctx, a.node)
		if err != nil {
			return err
		}
		st := resolve.ArticleStory{
			Profile: resolve.Profile{
				Article:   strings.TrimPrefix(IDOf(a.node), "article/"),
				Words:     ParseKeywords(p.Str(Keywords)),
				Names:     castOf(p),
				Published: ParseDay(p.Str(Published)),
			},
			Seq:   a.seq,
			Story: strings.TrimPrefix(IDOf(p.First(Story)), "story/"),
		}
		places.m[Str(a.node)] = articlePlace{seq: a.seq, story: st.Story, text: places.text(p), handles: p.Str(Handles)}
		for _, l := range p[SameStoryAs] {
			st.Links = append(st.Links, Str(l))
		}
		sort.Strings(st.Links)
		r.KnowArticle(st)
	}
	return nil
}

// eventKey places an event in the order the resolver numbered events
// (resolve.Event.Seq, which is not stored): by the story sequence number
// of the article that first reported it, then by its first mention's
// place in that article (the article's IRI breaks ties between articles
// stored without a story). The resolver reads articles in the order it
// places them in stories, and an article's mentions in order, numbering
// each new event as it comes.
type eventKey struct {
	storySeq int64
	article  string
	order    int
}

func (k eventKey) less(o eventKey) bool {
	if k.storySeq != o.storySeq {
		return k.storySeq < o.storySeq
	}
	if k.article != o.article {
		return k.article < o.article
	}
	return k.order < o.order
}

// knownEvent is a stored event with its mentions, read once.
type knownEvent struct {
	node     quad.Value
	mentions []EventMention
	key      eventKey
}

// readKnownEvent reads an event's mentions (those in mentions already
// read are not read again) and its key: its earliest mention's.
func (s *Store) readKnownEvent(ctx context.Context, e quad.Value, read map[string]EventMention, placed placeCache) (knownEvent, error) {
	ke := knownEvent{node: e}
	ms, err := s.In(ctx, e, MentionOf)
	if err != nil {
		return ke, err
	}
	for i, m := range ms {
		mn, ok := read[m.String()]
		st, err := placed.of(ctx, MentionArticle(m))
		if err != nil {
			return ke, err
		}
		if !ok {
			if mn, err = s.ReadEventMention(ctx, m, st.handles); err != nil {
				return ke, err
			}
		}
		k := eventKey{storySeq: st.seq, article: Str(mn.Article), order: mn.Order}
		if i == 0 || k.less(ke.key) {
			ke.key = k
		}
		ke.mentions = append(ke.mentions, mn)
	}
	return ke, nil
}

// recentEvents returns the events a resolver with the given horizon knows
// (see resolve.Resolver.SetHorizon), in the order the resolver numbered
// them (eventKey): the last horizon events, or every event when horizon
// <= 0 or the store holds fewer. With a horizon it reads the latest
// articles (arts, in the order they were placed) backwards, each one's
// mentions and the events it reported first, until it has horizon
// events: reloading a resolver costs the horizon, not the store.
func (s *Store) recentEvents(ctx context.Context, horizon int, arts []placedArticle, placed placeCache) ([]knownEvent, error) {
	read := map[string]EventMention{}
	var out []knownEvent
	if horizon > 0 {
		var err error
		if out, err = s.latestEvents(ctx, horizon, arts, read, placed); err != nil {
			return nil, err
		}
	}
	if len(out) < horizon || horizon <= 0 {
		// Everything is within the horizon (events of articles stored
		// without a story sequence number too).
		events, err := s.OfType(ctx, ClassEvent)
		if err != nil {
			return nil, err
		}
		out = out[:0]
		for _, e := range events {
			ke, err := s.readKnownEvent(ctx, e, read, placed)
			if err != nil {
				return nil, err
			}
			out = append(out, ke)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].key.less(out[j].key) })
	if horizon > 0 && len(out) > horizon {
		out = out[len(out)-horizon:]
	}
	return out, nil
}

// latestEvents reads the latest articles (arts, in the order they were
// placed) backwards, each one's mentions and the events it reported
// first, until it has at least horizon events or has read them all.
func (s *Store) latestEvents(ctx context.Context, horizon int, arts []placedArticle, read map[string]EventMention, placed placeCache) ([]knownEvent, error) {
	var out []knownEvent
	seen := map[string]bool{}
	for i := len(arts) - 1; i >= 0 && len(out) < horizon; i-- {
		art := Str(arts[i].node)
		st, err := placed.of(ctx, arts[i].node)
		if err != nil {
			return nil, err
		}
		for _, m := range s.ArticleMentions(strings.TrimPrefix(IDOf(arts[i].node), "article/")) {
			mn, err := s.ReadEventMention(ctx, m, st.handles)
			if err != nil {
				return nil, err
			}
			read[m.String()] = mn
			if mn.Event == nil || seen[mn.Event.String()] {
				continue
			}
			seen[mn.Event.String()] = true
			ke, err := s.readKnownEvent(ctx, mn.Event, read, placed)
			if err != nil {
				return nil, err
			}
			if ke.key.article == art {
				out = append(out, ke) // first reported by this article
			}
		}
	}
	return out, nil
}

// eachObject calls fn with the subject and object of every quad with the
// predicate pred, reading values in batches.
func (s *Store) eachObject(ctx context.Context, pred quad.IRI, fn func(sub, obj quad.Value)) error {
	pref := s.QuadStore.ValueOf(pred)
	if pref == nil {
		return nil
	}
	const batch = 1 << 15
	refs := make([]cgraph.Ref, 0, 2*batch)
	flush := func() error {
		vals, err := cgraph.ValuesOf(ctx, s.QuadStore, refs)
		if err != nil {
			return err
		}
		for i := 0; i+1 < len(vals); i += 2 {
			if vals[i] != nil && vals[i+1] != nil {
				fn(vals[i], vals[i+1])
			}
		}
		refs = refs[:0]
		return nil
	}
	it := s.QuadStore.QuadIterator(quad.Predicate, pref)
	defer it.Close()
	for it.Next(ctx) {
		r := it.Result()
		refs = append(refs, s.QuadStore.QuadDirection(r, quad.Subject), s.QuadStore.QuadDirection(r, quad.Object))
		if len(refs) == 2*batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return flush()
}

// KeyOf turns an actor ID ("actor/person/benjamin-netanyahu") back into a
// resolver key ("person:benjamin-netanyahu"). Keys read back are slugged,
// which is why the resolver also matches by name.
func KeyOf(id string) string {
	const p = "actor/"
	if len(id) > len(p) && id[:len(p)] == p {
		id = id[len(p):]
	}
	for i := 0; i < len(id); i++ {
		if id[i] == '/' {
			return id[:i] + ":" + id[i+1:]
		}
	}
	return id
}

// articlePlace is where an article was placed: its story and the order
// it was placed in (eg:story, eg:storySeq); and its event mentions'
// handles (eg:handles).
type articlePlace struct {
	seq     int64
	story   string
	text    string // schema:text, which mention offsets point into
	handles string
}

// placeCache reads, once per article, where it was placed.
type placeCache struct {
	s *Store
	m map[string]articlePlace
	// sentences: the resolver compares reports' sentences, so the
	// articles' texts are kept (resolve.Resolver.KeepsSentences)
	sentences bool
}

func (c placeCache) of(ctx context.Context, article quad.Value) (articlePlace, error) {
	k := Str(article)
	if v, ok := c.m[k]; ok {
		return v, nil
	}
	p, err := c.s.Out(ctx, article)
	if err != nil {
		return articlePlace{}, fmt.Errorf("reading the story of %s: %w", k, err)
	}
	v := articlePlace{seq: int64(p.Int(StorySeq)), story: strings.TrimPrefix(IDOf(p.First(Story)), "story/"), text: c.text(p), handles: p.Str(Handles)}
	c.m[k] = v
	return v, nil
}

// text is an article's text (schema:text) when the resolver compares
// sentences, "" otherwise.
func (c placeCache) text(p Props) string {
	if !c.sentences {
		return ""
	}
	return p.Str(Text)
}

// castOf reads an article's eg:cast: nil when it names no one, as
// resolve.ProfileOf gives it.
func castOf(p Props) []string {
	names := strings.Fields(p.Str(Cast))
	if len(names) == 0 {
		return nil
	}
	return names
}
