package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Problem names a kind of integrity problem found by Check.
type Problem string

// Problems Check looks for.
const (
	// EventWithoutMention is a sem:Event that no eg:EventMention points at.
	EventWithoutMention Problem = "event_without_mention"
	// MentionWithoutArticle is an event mention whose article (the one
	// its IRI names, MentionArticle) is not stored. (An actor's spans are
	// under the label of their article: OrphanLabel when it is gone.)
	MentionWithoutArticle Problem = "mention_without_article"
	// OrphanLabel is a label <eg:article/ID> whose article is not stored
	// (no rdf:type schema:NewsArticle quad): its quads are left over from a
	// retraction or an interrupted write.
	OrphanLabel Problem = "orphan_label"
	// MissingNode is an event or actor that a mention points at (through
	// eg:mentionOf or an argument edge), or an actor an article's spans
	// name, that is not stored.
	MissingNode Problem = "missing_node"
)

// Problems lists every problem kind in report order.
var Problems = []Problem{EventWithoutMention, MentionWithoutArticle, OrphanLabel, MissingNode}

// Repairable reports whether Repair fixes the problem.
func (p Problem) Repairable() bool { return p != MissingNode }

// Finding is one integrity problem.
type Finding struct {
	Problem Problem `json:"problem"`
	// Node is the offending node (event, mention or label) in prefixed
	// form, e.g. eg:event/…
	Node string `json:"node"`
	// Detail explains it in a few words.
	Detail string `json:"detail,omitempty"`
	// Quads counts the quads involved (orphan labels).
	Quads int `json:"quads,omitempty"`
}

// CheckReport is the result of Check.
type CheckReport struct {
	Articles      int       `json:"articles"`
	Events        int       `json:"events"`
	EventMentions int       `json:"event_mentions"`
	Actors        int       `json:"actors"`
	ActorMentions int       `json:"actor_mentions"`
	Quads         int       `json:"quads"`
	Labels        int       `json:"labels"`     // distinct article labels
	Unlabelled    int       `json:"unlabelled"` // quads without a label (written by hand, not by eventgraph)
	Findings      []Finding `json:"findings"`
}

// Count returns the number of findings of problem p.
func (r *CheckReport) Count(p Problem) int {
	n := 0
	for _, f := range r.Findings {
		if f.Problem == p {
			n++
		}
	}
	return n
}

// Examples returns up to n findings of problem p.
func (r *CheckReport) Examples(p Problem, n int) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Problem == p && len(out) < n {
			out = append(out, f)
		}
	}
	return out
}

// OK reports a store without problems.
func (r *CheckReport) OK() bool { return len(r.Findings) == 0 }

// Check verifies the store's integrity: every event has at least one
// mention, every mention's article is stored, no quads are left under the
// label of an article that is not stored, and every event or actor a
// mention refers to is stored. It reads the whole store once.
func (s *Store) Check(ctx context.Context) (*CheckReport, error) {
	rep := &CheckReport{}
	typed := map[string]map[quad.IRI]bool{} // node → its classes
	super := map[string][]quad.IRI{}        // class → its superclasses
	labels := map[string]int{}              // label → quads under it
	type edge struct{ s, p, o quad.Value }
	var edges []edge // mention edges to check, read in the same pass

	it := s.QuadStore.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		q := s.QuadStore.Quad(it.Result())
		rep.Quads++
		if q.Label == nil {
			if q.Subject != StoreNode { // the store's vocabulary version is eventgraph's
				rep.Unlabelled++
			}
		} else {
			labels[q.Label.String()]++
		}
		p, _ := q.Predicate.(quad.IRI)
		switch p {
		case Type:
			if c, ok := q.Object.(quad.IRI); ok {
				k := q.Subject.String()
				if typed[k] == nil {
					typed[k] = map[quad.IRI]bool{}
				}
				typed[k][c] = true
			}
		case SubClassOf:
			if c, ok := q.Object.(quad.IRI); ok {
				k := q.Subject.String()
				super[k] = append(super[k], c)
			}
		case Spans:
			rep.ActorMentions += CountSpans(Str(q.Object))
			edges = append(edges, edge{q.Subject, p, q.Object})
		case MentionOf, Agent, Target, HasPlace, Participant:
			edges = append(edges, edge{q.Subject, p, q.Object})
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("reading quads: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// An event's class is its action's, an actor's its kind's: each a
	// subclass of sem:Event or sem:Actor.
	for _, cs := range typed {
		for c := range cs {
			for _, sc := range super[quad.Value(c).String()] {
				cs[sc] = true
			}
		}
	}
	is := func(v quad.Value, c quad.IRI) bool { return typed[v.String()][c] }
	// Mentions have no rdf:type: their IRI says what they are.
	mentions := map[string]quad.Value{}
	for _, e := range edges {
		if isEventMention(e.s) {
			mentions[e.s.String()] = e.s
		}
	}
	for k := range mentions {
		if strings.HasPrefix(k, "<eg:mention/") {
			rep.EventMentions++
		}
	}
	for _, cs := range typed {
		for c := range cs {
			switch c {
			case ClassArticle:
				rep.Articles++
			case ClassEvent:
				rep.Events++
			case ClassActor:
				rep.Actors++
			}
		}
	}

	// Mentions: their article and the nodes they refer to.
	mentioned := map[string]bool{} // events some stored mention points at
	var findings []Finding
	seen := map[[2]string]bool{}
	add := func(f Finding) {
		k := [2]string{string(f.Problem), f.Node}
		if !seen[k] {
			seen[k] = true
			findings = append(findings, f)
		}
	}
	for _, e := range edges {
		m := e.s
		if e.p == Spans {
			if !is(m, ClassActor) {
				add(Finding{Problem: MissingNode, Node: Str(m), Detail: "actor named by an article's spans is not stored"})
			}
			continue
		}
		if !isEventMention(m) {
			continue // an edge of an event (eg:agent …) or of a node without type
		}
		switch e.p {
		case MentionOf:
			if is(e.o, ClassEvent) {
				mentioned[e.o.String()] = true
			} else {
				add(Finding{Problem: MissingNode, Node: Str(e.o), Detail: "event referred to by " + Str(m) + " is not stored"})
			}
		default: // argument edges of event mentions
			if !is(e.o, ClassActor) {
				add(Finding{Problem: MissingNode, Node: Str(e.o), Detail: fmt.Sprintf("actor referred to by %s (%s) is not stored", Str(m), Str(e.p))})
			}
		}
	}
	for _, m := range mentions {
		if a := MentionArticle(m); !is(a, ClassArticle) {
			add(Finding{Problem: MentionWithoutArticle, Node: Str(m), Detail: "article " + Str(a) + " is not stored"})
		}
	}
	for k, cs := range typed {
		if cs[ClassEvent] && !mentioned[k] {
			add(Finding{Problem: EventWithoutMention, Node: strings.Trim(k, "<>"), Detail: "no stored mention points at it"})
		}
	}
	for l, n := range labels {
		if !strings.HasPrefix(l, "<eg:article/") {
			continue // not eventgraph's: leave it alone
		}
		rep.Labels++
		if !typed[l][ClassArticle] {
			add(Finding{Problem: OrphanLabel, Node: strings.Trim(l, "<>"), Detail: "quads left under the label of an article that is not stored", Quads: n})
		}
	}
	order := map[Problem]int{}
	for i, p := range Problems {
		order[p] = i
	}
	sort.Slice(findings, func(i, j int) bool {
		a, b := findings[i], findings[j]
		if a.Problem != b.Problem {
			return order[a.Problem] < order[b.Problem]
		}
		return a.Node < b.Node
	})
	rep.Findings = findings
	return rep, nil
}

// RepairSummary counts what Repair removed.
type RepairSummary struct {
	OrphanLabels int `json:"orphan_labels"`
	Mentions     int `json:"mentions"`
	Events       int `json:"events"`
	QuadsRemoved int `json:"quads_removed"`
	Passes       int `json:"passes"`
	Unrepaired   int `json:"unrepaired"` // findings Repair cannot fix (missing nodes)
}

// Repair removes what Check finds and can fix, one transaction per
// orphan label, mention or event: the quads under orphan labels, mentions
// of articles that are not stored, and events without mentions (with the
// edges that point at them). Removing some may leave others without
// mentions, so it checks again until nothing repairable is left (at most
// a few passes). Missing nodes are reported, not repaired: re-ingest the
// articles that mention them with --replace.
func (s *Store) Repair(ctx context.Context) (RepairSummary, *CheckReport, error) {
	var sum RepairSummary
	for pass := 0; pass < 5; pass++ {
		rep, err := s.Check(ctx)
		if err != nil {
			return sum, nil, err
		}
		fixed := 0
		for _, f := range rep.Findings {
			if err := ctx.Err(); err != nil {
				return sum, rep, err
			}
			var n int
			switch f.Problem {
			case OrphanLabel:
				n, err = s.removeLabel(ctx, quad.IRI(f.Node))
				if n > 0 {
					sum.OrphanLabels++
				}
			case MentionWithoutArticle:
				n, err = s.removeNode(ctx, quad.IRI(f.Node))
				if n > 0 {
					sum.Mentions++
				}
			case EventWithoutMention:
				n, err = s.removeNode(ctx, quad.IRI(f.Node))
				if n > 0 {
					sum.Events++
				}
			default:
				continue
			}
			if err != nil {
				return sum, rep, fmt.Errorf("repairing %s %s: %w", f.Problem, f.Node, err)
			}
			sum.QuadsRemoved += n
			fixed += n
		}
		sum.Passes = pass + 1
		if fixed == 0 {
			sum.Unrepaired = len(rep.Findings)
			return sum, rep, nil
		}
	}
	rep, err := s.Check(ctx)
	if err != nil {
		return sum, nil, err
	}
	sum.Unrepaired = len(rep.Findings)
	return sum, rep, nil
}

// removeLabel removes every quad under label in one transaction.
func (s *Store) removeLabel(ctx context.Context, label quad.Value) (int, error) {
	ref := s.QuadStore.ValueOf(label)
	if ref == nil {
		return 0, nil
	}
	it := s.QuadStore.QuadIterator(quad.Label, ref)
	defer it.Close()
	var qs []quad.Quad
	for it.Next(ctx) {
		qs = append(qs, s.QuadStore.Quad(it.Result()))
	}
	if err := it.Err(); err != nil {
		return 0, err
	}
	return s.remove(qs)
}

// removeNode removes every quad with node as subject or object, whatever
// its label, in one transaction.
func (s *Store) removeNode(ctx context.Context, node quad.Value) (int, error) {
	ref := s.QuadStore.ValueOf(node)
	if ref == nil {
		return 0, nil
	}
	var qs []quad.Quad
	seen := map[string]bool{}
	for _, d := range []quad.Direction{quad.Subject, quad.Object} {
		it := s.QuadStore.QuadIterator(d, ref)
		for it.Next(ctx) {
			q := s.QuadStore.Quad(it.Result())
			if k := q.String(); !seen[k] {
				seen[k] = true
				qs = append(qs, q)
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return 0, err
		}
	}
	return s.remove(qs)
}

func (s *Store) remove(qs []quad.Quad) (int, error) {
	if len(qs) == 0 {
		return 0, nil
	}
	tx := cgraph.NewTransaction()
	for _, q := range qs {
		tx.RemoveQuad(q)
	}
	if err := s.QuadWriter.ApplyTransaction(tx); err != nil {
		return 0, err
	}
	return len(qs), nil
}

// isEventMention tells event mention nodes by their IRI.
func isEventMention(v quad.Value) bool {
	iri, ok := v.(quad.IRI)
	return ok && strings.HasPrefix(string(iri), mentionPrefix)
}
