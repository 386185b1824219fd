// Package timeline reads events back from the graph and orders them into a
// chronological timeline: by their time bounds, then by explicit temporal
// relations between events ("came after", "prompting"), then by where they
// were first reported. It never calls the extractors.
package timeline

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"golang.org/x/sync/errgroup"

	"github.com/eventgraph/eventgraph/graph"
)

// Schema names the JSON contract of a Timeline.
const Schema = "eventgraph/timeline/v1"

// Timeline is the ordered list of events, the JSON contract
// eventgraph/timeline/v1.
type Timeline struct {
	Schema    string    `json:"schema"`
	Generated time.Time `json:"generated"`
	Filter    Filter    `json:"filter"`
	Events    []Event   `json:"events"`
}

// Event is one real-world event with every mention that reports it.
type Event struct {
	ID      string  `json:"id"`
	Action  string  `json:"action"`
	Summary string  `json:"summary"`
	When    When    `json:"when"`
	Type    Type    `json:"type"`
	Actors  []Actor `json:"actors"`
	// Places are where the event happened (sem:hasPlace).
	Places   []Actor `json:"places,omitempty"`
	Modality string  `json:"modality"`
	// Salience in [0, 1]: how much an analyst would want this row (see
	// Salience); the default timeline shows events from MinSalience up.
	Salience float64   `json:"salience"`
	Mentions []Mention `json:"mentions"`
	// After lists events this one is stated to come after.
	After []string `json:"after,omitempty"`
	// Simultaneous lists events stated to happen at the same time
	// ("coincided with", "the same day").
	Simultaneous []string `json:"simultaneous,omitempty"`

	// own is When before a simultaneous event lent it a date (order.go).
	own When
	// first is the event's first report, key its place in the timeline
	// (order.go), next the events stated to come after it.
	first *firstReport
	key   string
	next  []string
}

// firstReport is where an event was first reported: its first mention's
// publication day, article and position.
type firstReport struct {
	published, article string
	order              int
}

// When is an event's time: a TIMEX3-style value when one is known, and day
// bounds with the evidence they rest on.
type When struct {
	Value       *string `json:"value"`
	Earliest    *string `json:"earliest"`
	Latest      *string `json:"latest"`
	Granularity string  `json:"granularity"`
	Basis       string  `json:"basis"`
	Text        string  `json:"text"`
}

// Type is an event's CAMEO type.
type Type struct {
	Code      string  `json:"code"`
	Label     string  `json:"label"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
	Extension string  `json:"extension,omitempty"`
}

// Actor is an actor taking part in an event.
type Actor struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
}

// Mention is one report of the event in one article.
type Mention struct {
	Article   string  `json:"article"`
	Source    string  `json:"source"`
	Published *string `json:"published"`
	// The article's metadata, when its source gives it.
	Headline string   `json:"headline,omitempty"`
	Site     string   `json:"site,omitempty"`
	Authors  []string `json:"authors,omitempty"`
	URL      string   `json:"url,omitempty"`
	Language string   `json:"language,omitempty"`
	Sentence string   `json:"sentence"`
	Trigger  string   `json:"trigger"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Modality string   `json:"modality"`
	Pattern  string   `json:"pattern,omitempty"`
	// Earliest/Latest are the mention's own bounds, Basis their evidence.
	Earliest *string `json:"earliest"`
	Latest   *string `json:"latest"`
	Basis    string  `json:"basis"`
	TimeText string  `json:"time_text,omitempty"`
	Value    string  `json:"value,omitempty"`
	Gran     string  `json:"granularity,omitempty"`
	Merge    string  `json:"merge_reason,omitempty"`
	// Salience is the mention's own (package event).
	Salience float64 `json:"salience"`

	order int
	sent  int
}

// Filter selects events.
type Filter struct {
	// MinSalience keeps events at least this salient; 0 keeps all.
	MinSalience float64 `json:"min_salience,omitempty"`
	Actor       string  `json:"actor,omitempty"` // name, alias or ID of an actor
	From        string  `json:"from,omitempty"`  // YYYY, YYYY-MM or YYYY-MM-DD
	To          string  `json:"to,omitempty"`
	Type        string  `json:"type,omitempty"` // CAMEO code prefix, action, or label words
}

// Build reads the events of the store that pass f, in timeline order.
func Build(ctx context.Context, qs cgraph.QuadStore, f Filter) (*Timeline, error) {
	return BuildFrom(ctx, graph.Wrap(qs), f)
}

// BuildFrom is Build over an open eventgraph store. With a fresh index
// (index.go), the events are placed and filtered by their index records
// and only those kept are read (the default timeline: some 40 % of the
// store's events); else it is BuildWhole.
func BuildFrom(ctx context.Context, s *graph.Store, f Filter) (*Timeline, error) {
	if _, _, err := f.bounds(); err != nil {
		return nil, err
	}
	// The records keep salience in whole percents: they can tell a floor
	// of whole percents only.
	if wholePercent(f.MinSalience) {
		ix, err := OpenIndex(ctx, s)
		if err != nil {
			return nil, err
		}
		if ix != nil && f.Actor == "" {
			return ix.all(ctx, s, f)
		}
		if ix != nil {
			nodes, err := candidates(ctx, s, f)
			if err != nil {
				return nil, err
			}
			return ix.build(ctx, s, nodes, f)
		}
	}
	return BuildWhole(ctx, s, f)
}

// wholePercent tells whether a salience floor is a whole number of
// percents.
func wholePercent(min float64) bool {
	return math.Abs(min*100-math.Round(min*100)) < 1e-9
}

// BuildWhole reads every event the filter can reach (without an actor
// filter: the whole store) and places them among themselves, as the
// index places them, whether or not the store keeps an index: the
// reference the index's timelines are checked against.
func BuildWhole(ctx context.Context, s *graph.Store, f Filter) (*Timeline, error) {
	from, to, err := f.bounds()
	if err != nil {
		return nil, err
	}
	nodes, err := candidates(ctx, s, f)
	if err != nil {
		return nil, err
	}
	events, err := readEvents(ctx, newReader(s), nodes, func(e *Event) bool { return f.keeps(e) })
	if err != nil {
		return nil, err
	}
	Place(events)
	kept := events[:0]
	for _, e := range events {
		if len(e.Mentions) > 0 && f.matches(e, from, to) {
			kept = append(kept, e)
		}
	}
	return finish(slices.Clip(kept), f, time.Now().UTC()), nil
}

// readEvents reads the events of nodes concurrently, in nodes' order.
// Each event is kept whole only when keep says so: the others keep what
// placing needs (their dates, relations, first report) without their
// mentions, so that the build holds the timeline's mentions, not the
// store's (the default timeline keeps about 40 % of the events).
func readEvents(ctx context.Context, r *reader, nodes []quad.Value, keep func(*Event) bool) ([]Event, error) {
	read := make([]*Event, len(nodes))
	g, gctx := errgroup.WithContext(ctx)
	// Reads wait on the disk more than on the CPU when the store is larger
	// than the page cache: a few more readers than cores keep it busy.
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	for i, n := range nodes {
		if gctx.Err() != nil {
			break // cancelled, or a read failed: start no more
		}
		g.Go(func() error {
			e, err := r.event(gctx, n)
			if err != nil {
				return fmt.Errorf("reading %s: %w", graph.Str(n), err)
			}
			if len(e.Mentions) == 0 {
				return nil
			}
			if !keep(&e) {
				e.Mentions = nil
			}
			read[i] = &e
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("building the timeline: %w", err)
	}
	events := make([]Event, 0, len(read))
	for _, e := range read {
		if e != nil {
			events = append(events, *e)
		}
	}
	return events, nil
}

// candidates returns the event nodes to read: with an actor filter, only
// that actor's events, so the work grows with the actor's events and not
// with the store.
func candidates(ctx context.Context, s *graph.Store, f Filter) ([]quad.Value, error) {
	if f.Actor == "" {
		return s.OfType(ctx, graph.ClassEvent)
	}
	actors, err := findActors(ctx, s, f.Actor)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []quad.Value
	for _, a := range actors {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		// One scan of the actor's incoming quads.
		evs, err := s.InAny(ctx, a, graph.Agent, graph.Target, graph.Participant, graph.HasPlace)
		if err != nil {
			return nil, err
		}
		for _, e := range evs {
			if k := e.String(); !seen[k] && strings.HasPrefix(graph.Str(e), "eg:event/") {
				seen[k] = true
				out = append(out, e)
			}
		}
	}
	return out, nil
}

// findActors resolves an actor filter: an exact ID, label or alias first
// (index lookups), else a case-insensitive substring over actor names.
func findActors(ctx context.Context, s *graph.Store, q string) ([]quad.Value, error) {
	if strings.HasPrefix(q, "actor/") || strings.HasPrefix(q, "eg:actor/") {
		return []quad.Value{graph.NodeIRI(strings.TrimPrefix(q, "eg:"))}, nil
	}
	var out []quad.Value
	for _, p := range []quad.IRI{graph.Label, graph.AltName} {
		subs, err := s.In(ctx, quad.String(q), p)
		if err != nil {
			return nil, err
		}
		out = append(out, subs...)
	}
	if len(out) > 0 {
		return out, nil
	}
	all, err := s.OfType(ctx, graph.ClassActor)
	if err != nil {
		return nil, err
	}
	lq := strings.ToLower(q)
	for _, a := range all {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, err := s.Out(ctx, a)
		if err != nil {
			return nil, err
		}
		names := append(p.Strs(graph.Label), p.Strs(graph.AltName)...)
		for _, n := range names {
			if strings.Contains(strings.ToLower(n), lq) {
				out = append(out, a)
				break
			}
		}
	}
	return out, nil
}

// reader reads events with caches for articles and actors they share; it
// is safe for concurrent use.
type reader struct {
	s        *graph.Store
	mu       sync.Mutex
	articles map[string]graph.Props
	actors   map[string]graph.Props
}

func newReader(s *graph.Store) *reader {
	return &reader{s: s, articles: map[string]graph.Props{}, actors: map[string]graph.Props{}}
}

func (r *reader) props(ctx context.Context, cache map[string]graph.Props, v quad.Value) (graph.Props, error) {
	k := v.String()
	r.mu.Lock()
	p, ok := cache[k]
	r.mu.Unlock()
	if ok {
		return p, nil
	}
	p, err := r.s.Out(ctx, v)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	cache[k] = p
	r.mu.Unlock()
	return p, nil
}

// eventReads counts the events read whole from a store (tests read it).
var eventReads atomic.Int64

func (r *reader) event(ctx context.Context, node quad.Value) (Event, error) {
	eventReads.Add(1)
	p, err := r.s.Out(ctx, node)
	if err != nil {
		return Event{}, err
	}
	e := Event{
		ID:       graph.IDOf(node),
		Action:   p.EventAction(),
		Summary:  p.Str(graph.Description),
		Modality: p.EventModality(),
		Actors:   []Actor{},
	}
	if t := p.EventType(); t != nil {
		// The type node: its codes, label, quad class and Goldstein score.
		lp, err := r.props(ctx, r.actors, t)
		if err != nil {
			return e, err
		}
		e.Type.Code = lp.Str(graph.CAMEO)
		e.Type.Extension = lp.Str(graph.Extension)
		e.Type.Label = lp.Str(graph.Label)
		e.Type.QuadClass = lp.Int(graph.QuadClass)
		e.Type.Goldstein = lp.Float(graph.Goldstein)
	}
	roles := []struct {
		pred quad.IRI
		role string
	}{{graph.Agent, "agent"}, {graph.Target, "target"}, {graph.Participant, "participant"}, {graph.HasPlace, "place"}}
	roleRank := map[string]int{"agent": 0, "target": 1, "participant": 2}
	seen := map[string]bool{}
	for _, rl := range roles {
		for _, a := range p[rl.pred] {
			id := graph.IDOf(a)
			if seen[id] {
				continue
			}
			seen[id] = true
			ap, err := r.props(ctx, r.actors, a)
			if err != nil {
				return e, err
			}
			a := Actor{ID: id, Name: ap.Name(), Role: rl.role}
			if rl.pred == graph.HasPlace {
				e.Places = append(e.Places, a)
				continue
			}
			e.Actors = append(e.Actors, a)
		}
	}
	// Within a role, actors come from the store in the order they were
	// written, which concurrent writers change: by ID, every store and
	// every run agrees.
	slices.SortStableFunc(e.Actors, func(a, b Actor) int {
		if c := cmp.Compare(roleRank[a.Role], roleRank[b.Role]); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	slices.SortFunc(e.Places, func(a, b Actor) int { return cmp.Compare(a.ID, b.ID) })
	for _, a := range p[graph.After] {
		e.After = append(e.After, graph.IDOf(a))
	}
	for _, o := range p[graph.Same] {
		e.Simultaneous = append(e.Simultaneous, graph.IDOf(o))
	}
	in, err := r.s.InAll(ctx, node)
	if err != nil {
		return e, err
	}
	for _, o := range in[graph.Same] {
		e.Simultaneous = append(e.Simultaneous, graph.IDOf(o))
	}
	for _, o := range in[graph.Before] {
		e.After = append(e.After, graph.IDOf(o))
	}
	for _, o := range in[graph.After] {
		e.next = append(e.next, graph.IDOf(o))
	}
	for _, o := range p[graph.Before] {
		e.next = append(e.next, graph.IDOf(o))
	}
	slices.Sort(e.next)
	e.next = slices.Compact(e.next)
	// The store returns them in an order that depends on how they were
	// written (batch boundaries): sorted, the timeline does not.
	slices.Sort(e.After)
	e.After = slices.Compact(e.After)
	slices.Sort(e.Simultaneous)
	e.Simultaneous = slices.Compact(e.Simultaneous)
	for _, m := range in[graph.MentionOf] {
		if err := ctx.Err(); err != nil {
			return e, err
		}
		// The article (cached): its text and its mentions' handles.
		ap, err := r.props(ctx, r.articles, graph.MentionArticle(m))
		if err != nil {
			return e, err
		}
		mn, err := r.s.ReadEventMention(ctx, m, ap.Str(graph.Handles))
		if err != nil {
			return e, err
		}
		mn.Resolve(ap.Str(graph.Text))
		e.Mentions = append(e.Mentions, Mention{
			Article:   graph.Str(mn.Article),
			Source:    ap.Str(graph.Source),
			Published: optional(ap.Str(graph.Published)),
			Headline:  ap.Str(graph.Headline),
			Site:      ap.Str(graph.Publisher),
			Authors:   authors(ap),
			URL:       ap.Str(graph.URL),
			Language:  ap.Str(graph.InLanguage),
			Sentence:  mn.SentenceText,
			Trigger:   mn.Trigger,
			Start:     mn.SentStart,
			End:       mn.SentEnd,
			Modality:  mn.Modality,
			Pattern:   mn.Pattern,
			Earliest:  optional(mn.Earliest),
			Latest:    optional(mn.Latest),
			Basis:     mn.Basis,
			TimeText:  mn.TimeText,
			Value:     mn.Value,
			Gran:      mn.Gran,
			Merge:     mn.Merge,
			Salience:  mn.Salience,
			order:     mn.Order,
			sent:      mn.Sentence,
		})
	}
	sort.SliceStable(e.Mentions, func(i, j int) bool { return mentionLess(e.Mentions[i], e.Mentions[j]) })
	if e.Summary == "" && len(e.Mentions) > 0 {
		e.Summary = e.Mentions[0].Sentence
	}
	e.When = when(e.Mentions)
	e.own = e.When
	if len(e.Mentions) > 0 {
		m := e.Mentions[0]
		e.first = &firstReport{published: deref(m.Published), article: m.Article, order: m.order}
	}
	e.Salience = salience(e)
	return e, nil
}

// authors returns an article's authors, nil when none.
func authors(ap graph.Props) []string {
	if len(ap[graph.Author]) == 0 {
		return nil
	}
	as := ap.Strs(graph.Author)
	slices.Sort(as)
	return as
}

// mentionLess orders mentions by publication (undated last), article and
// position in the article.
func mentionLess(a, b Mention) bool {
	pa, pb := deref(a.Published), deref(b.Published)
	if pa != pb {
		if pa == "" || pb == "" {
			return pb == ""
		}
		return pa < pb
	}
	if a.Article != b.Article {
		return a.Article < b.Article
	}
	return a.order < b.order
}

// when combines the mentions' dates: explicit and relative dates first,
// intersected; then the bounds that tense and publication dates give. An
// undated mention thus borrows the bounds of a coreferent dated one.
func when(ms []Mention) When {
	w := When{Granularity: "unknown", Basis: "unknown"}
	var lo, hi string
	apply := func(m Mention) bool {
		e, l := deref(m.Earliest), deref(m.Latest)
		if e == "" && l == "" {
			return false
		}
		// Skip a mention whose bounds contradict what is known already.
		if (e != "" && hi != "" && e > hi) || (l != "" && lo != "" && l < lo) {
			return false
		}
		if e != "" && (lo == "" || e > lo) {
			lo = e
		}
		if l != "" && (hi == "" || l < hi) {
			hi = l
		}
		return true
	}
	for _, m := range ms {
		if m.Basis != "explicit" && m.Basis != "relative" {
			continue
		}
		if apply(m) && w.Value == nil {
			if m.Value != "" {
				v := m.Value
				w.Value = &v
			}
			w.Text, w.Basis, w.Granularity = m.TimeText, m.Basis, orUnknown(m.Gran)
		}
	}
	if w.Basis == "unknown" {
		for _, m := range ms {
			if apply(m) {
				w.Basis, w.Granularity = orUnknown(m.Basis), orUnknown(m.Gran)
			}
		}
	}
	w.Earliest, w.Latest = optional(lo), optional(hi)
	if lo != "" && lo == hi && w.Granularity == "unknown" {
		w.Granularity = "day"
	}
	if w.Value == nil {
		placeOnPublication(&w, ms)
	}
	return w
}

// placeOnPublication gives an event that no mention dates a value: the
// first day it was reported on, from the mentions placed on their
// article's publication day (the bounds stay as they are: on or before).
func placeOnPublication(w *When, ms []Mention) {
	lo, hi := deref(w.Earliest), deref(w.Latest)
	best := ""
	for _, m := range ms {
		if m.Basis != "publication" || len(m.Value) != len(time.DateOnly) {
			continue
		}
		if lo != "" && m.Value < lo || hi != "" && m.Value > hi {
			continue
		}
		if best == "" || m.Value < best {
			best = m.Value
		}
	}
	if best == "" {
		return
	}
	w.Value = &best
	if w.Basis == "unknown" || w.Basis == "publication" {
		w.Basis, w.Granularity = "publication", "day"
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// bounds parses the From/To filter into inclusive day strings.
func (f Filter) bounds() (from, to string, err error) {
	if f.From != "" {
		if from, _, err = dayRange(f.From); err != nil {
			return "", "", fmt.Errorf("--from: %w", err)
		}
	}
	if f.To != "" {
		if _, to, err = dayRange(f.To); err != nil {
			return "", "", fmt.Errorf("--to: %w", err)
		}
	}
	return from, to, nil
}

// dayRange turns YYYY, YYYY-MM or YYYY-MM-DD into its first and last day.
func dayRange(s string) (string, string, error) {
	for _, l := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t.Format("2006-01-02"), l.next(t).Format("2006-01-02"), nil
		}
	}
	return "", "", fmt.Errorf("%q is not a date (want YYYY, YYYY-MM or YYYY-MM-DD)", s)
}

// matches applies the date and type filters. An event passes a date filter
// when its bounds can overlap the range; undated events do not pass one.
func (f Filter) matches(e Event, from, to string) bool {
	lo, hi := deref(e.When.Earliest), deref(e.When.Latest)
	if from != "" || to != "" {
		if lo == "" && hi == "" {
			return false
		}
		if from != "" && hi != "" && hi < from {
			return false
		}
		if to != "" && lo != "" && lo > to {
			return false
		}
	}
	return f.keeps(&e)
}

// keeps applies the filters that do not depend on dates: salience and
// type.
func (f Filter) keeps(e *Event) bool {
	if e.Salience < f.MinSalience {
		return false
	}
	if f.Type != "" {
		t := strings.ToLower(f.Type)
		if !strings.HasPrefix(e.Type.Code, f.Type) && e.Action != t && !strings.Contains(strings.ToLower(e.Type.Label), t) && !strings.EqualFold(e.Type.Extension, f.Type) {
			return false
		}
	}
	return true
}

// Get reads one event by its ID ("event/…" or "eg:event/…").
func Get(ctx context.Context, s *graph.Store, id string) (Event, error) {
	node := graph.NodeIRI(strings.TrimPrefix(id, "eg:"))
	p, err := s.Out(ctx, node)
	if err != nil {
		return Event{}, err
	}
	if len(p[graph.Type]) == 0 {
		return Event{}, fmt.Errorf("no event %q in the store (see the ids in 'eventgraph timeline --format json')", id)
	}
	r := newReader(s)
	return r.event(ctx, node)
}
