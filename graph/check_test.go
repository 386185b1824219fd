package graph

import (
	"context"
	"fmt"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/resolve"
)

// writeDoc resolves and writes one document, as the pipeline does.
func writeDoc(t *testing.T, st *Store, r *resolve.Resolver, d *doc.Document) {
	t.Helper()
	own, shared := Quads(d, r.Add(d))
	if _, err := st.WriteArticle(context.Background(), own, shared); err != nil {
		t.Fatal(err)
	}
}

// otherDoc is a second article reporting the same event as sampleDoc.
func otherDoc(id string) *doc.Document {
	d := sampleDoc(id)
	d.Article.Text = "Jane Roe quit the government on Tuesday."
	d.Sentences[0].End = len(d.Article.Text)
	d.Events[0].TriggerText = "quit"
	return d
}

func applyTx(t *testing.T, st *Store, add, del []quad.Quad) {
	t.Helper()
	tx := cgraph.NewTransaction()
	for _, q := range add {
		tx.AddQuad(q)
	}
	for _, q := range del {
		tx.RemoveQuad(q)
	}
	if err := st.QuadWriter.ApplyTransaction(tx); err != nil {
		t.Fatal(err)
	}
}

func TestCheckAndRepair(t *testing.T) {
	a1, a2 := ArticleIRI("a1"), ArticleIRI("a2")
	tests := []struct {
		name  string
		setup func(t *testing.T, st *Store)
		want  map[Problem]int // findings before repair
		// after repair
		wantLeft  map[Problem]int
		articles  int // articles left after repair
		events    int // events left after repair
		noQuadsOf quad.Value
	}{
		{
			name: "clean store",
			setup: func(t *testing.T, st *Store) {
				r := resolve.New(resolve.Rules{})
				writeDoc(t, st, r, sampleDoc("a1"))
				writeDoc(t, st, r, otherDoc("a2"))
			},
			want:     nil,
			articles: 2, events: 1,
		},
		{
			name: "article type lost: orphan label and mentions without article",
			setup: func(t *testing.T, st *Store) {
				writeDoc(t, st, resolve.New(resolve.Rules{}), sampleDoc("a1"))
				applyTx(t, st, nil, []quad.Quad{{Subject: a1, Predicate: Type, Object: ClassArticle, Label: a1}})
			},
			// one event mention points at the lost article; the actor's
			// spans are under its label (the orphan label removes them)
			want:     map[Problem]int{OrphanLabel: 1, MentionWithoutArticle: 1},
			articles: 0, events: 0,
			noQuadsOf: a1,
		},
		{
			name: "event without mention",
			setup: func(t *testing.T, st *Store) {
				writeDoc(t, st, resolve.New(resolve.Rules{}), sampleDoc("a1"))
				ev := quad.IRI("eg:event/lonely")
				other := quad.IRI("eg:event/other")
				applyTx(t, st, []quad.Quad{
					{Subject: ev, Predicate: Type, Object: ClassEvent, Label: a1},
					{Subject: ev, Predicate: Action, Object: quad.String("vanish"), Label: a1},
					{Subject: other, Predicate: After, Object: ev, Label: a1},
				}, nil)
			},
			want:     map[Problem]int{EventWithoutMention: 1},
			articles: 1, events: 1,
			noQuadsOf: quad.IRI("eg:event/lonely"),
		},
		{
			name: "mention of a missing event and actor",
			setup: func(t *testing.T, st *Store) {
				writeDoc(t, st, resolve.New(resolve.Rules{}), sampleDoc("a1"))
				m := quad.IRI("eg:mention/a1/9")
				applyTx(t, st, []quad.Quad{
					{Subject: m, Predicate: MentionOf, Object: quad.IRI("eg:event/ghost"), Label: a1},
					{Subject: m, Predicate: Agent, Object: quad.IRI("eg:actor/person/ghost"), Label: a1},
				}, nil)
			},
			want:     map[Problem]int{MissingNode: 2},
			wantLeft: map[Problem]int{MissingNode: 2}, // not repairable
			articles: 1, events: 1,
		},
		{
			name: "spans naming a missing actor",
			setup: func(t *testing.T, st *Store) {
				writeDoc(t, st, resolve.New(resolve.Rules{}), sampleDoc("a1"))
				applyTx(t, st, []quad.Quad{
					{Subject: quad.IRI("eg:actor/person/ghost"), Predicate: Spans, Object: quad.String("0:0-5"), Label: a1},
				}, nil)
			},
			want:     map[Problem]int{MissingNode: 1},
			wantLeft: map[Problem]int{MissingNode: 1},
			articles: 1, events: 1,
		},
		{
			name: "retracting the first of two articles keeps the shared event whole",
			setup: func(t *testing.T, st *Store) {
				r := resolve.New(resolve.Rules{})
				writeDoc(t, st, r, sampleDoc("a1"))
				writeDoc(t, st, r, otherDoc("a2"))
				if _, err := st.RetractArticle(context.Background(), "a1"); err != nil {
					t.Fatal(err)
				}
			},
			want:     nil,
			articles: 1, events: 1,
			noQuadsOf: a1,
		},
		{
			name: "orphans of a retraction interrupted half way",
			setup: func(t *testing.T, st *Store) {
				r := resolve.New(resolve.Rules{})
				writeDoc(t, st, r, sampleDoc("a1"))
				writeDoc(t, st, r, otherDoc("a2"))
				// a2's article node went, its mentions stayed.
				applyTx(t, st, nil, []quad.Quad{
					{Subject: a2, Predicate: Type, Object: ClassArticle, Label: a2},
				})
			},
			want:     map[Problem]int{OrphanLabel: 1, MentionWithoutArticle: 1},
			articles: 1, events: 1,
			noQuadsOf: a2,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			st := openBolt(t)
			tc.setup(t, st)
			rep, err := st.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			assertFindings(t, "before repair", rep, tc.want)
			if rep.Quads == 0 {
				t.Error("check counted no quads")
			}
			sum, after, err := st.Repair(ctx)
			if err != nil {
				t.Fatal(err)
			}
			assertFindings(t, "after repair", after, tc.wantLeft)
			if sum.Unrepaired != len(after.Findings) {
				t.Errorf("summary says %d unrepaired, report has %d", sum.Unrepaired, len(after.Findings))
			}
			if after.Articles != tc.articles || after.Events != tc.events {
				t.Errorf("after repair: %d articles, %d events; want %d, %d", after.Articles, after.Events, tc.articles, tc.events)
			}
			if tc.noQuadsOf != nil {
				if n := quadsOf(t, st, tc.noQuadsOf); n != 0 {
					t.Errorf("%d quads still use %s", n, tc.noQuadsOf)
				}
			}
			// Repair is idempotent.
			again, _, err := st.Repair(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if again.QuadsRemoved != 0 {
				t.Errorf("second repair removed %d quads", again.QuadsRemoved)
			}
		})
	}
}

func assertFindings(t *testing.T, when string, rep *CheckReport, want map[Problem]int) {
	t.Helper()
	for _, p := range Problems {
		if got := rep.Count(p); got != want[p] {
			t.Errorf("%s: %d %s, want %d; findings: %+v", when, got, p, want[p], rep.Findings)
		}
	}
	if rep.OK() != (len(want) == 0) {
		t.Errorf("%s: OK() = %v", when, rep.OK())
	}
}

// quadsOf counts the quads that use v in any position.
func quadsOf(t *testing.T, st *Store, v quad.Value) int {
	t.Helper()
	ctx := context.Background()
	it := st.QuadStore.QuadsAllIterator()
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		q := st.QuadStore.Quad(it.Result())
		for _, x := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if x != nil && x.String() == v.String() {
				n++
				break
			}
		}
	}
	return n
}

// Retracting the article that first stated a shared event hands its facts
// over to the article that still reports it; retracting that one too
// leaves nothing behind.
func TestRetractHandsOverSharedFacts(t *testing.T) {
	ctx := context.Background()
	st := openBolt(t)
	r := resolve.New(resolve.Rules{})
	d1, d2 := sampleDoc("a1"), otherDoc("a2")
	own, shared := Quads(d1, r.Add(d1))
	if _, err := st.WriteArticle(ctx, own, shared); err != nil {
		t.Fatal(err)
	}
	as2 := r.Add(d2)
	if as2.New[0] {
		t.Fatal("the second article's event did not merge")
	}
	own, shared = Quads(d2, as2)
	if _, err := st.WriteArticle(ctx, own, shared); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RetractArticle(ctx, "a1"); err != nil {
		t.Fatal(err)
	}
	ev := NodeIRI(as2.Events[0])
	p, err := st.Out(ctx, ev)
	if err != nil {
		t.Fatal(err)
	}
	if p.EventAction() != "resign" || p.EventType() != quad.IRI("eg:cameo/0874") {
		t.Errorf("event facts after retracting the first article: %v", p)
	}
	if tp, _ := st.Out(ctx, quad.IRI("eg:cameo/0874")); tp.Str(CAMEO) != "0874" || tp.First(SubClassOf) != ClassEvent {
		t.Errorf("type node facts after retracting the first article: %v", tp)
	}
	ap, _ := st.Out(ctx, NodeIRI("actor/person/jane-roe"))
	if ap.Str(Label) != "Jane Roe" {
		t.Errorf("actor facts after retracting the first article: %v", ap)
	}
	if n := quadsOf(t, st, ArticleIRI("a1")); n != 0 {
		t.Errorf("%d quads still use a1", n)
	}
	if _, err := st.RetractArticle(ctx, "a2"); err != nil {
		t.Fatal(err)
	}
	if n := count(t, st); n != 1 { // the store's vocabulary version
		t.Errorf("%d quads left after retracting both articles, want 1", n)
	}
}

// InAll reads in one scan what In reads predicate by predicate.
func TestInAllMatchesIn(t *testing.T) {
	ctx := context.Background()
	st := openBolt(t)
	r := resolve.New(resolve.Rules{})
	writeDoc(t, st, r, sampleDoc("a1"))
	writeDoc(t, st, r, otherDoc("a2"))
	events, err := st.OfType(ctx, ClassEvent)
	if err != nil || len(events) != 1 {
		t.Fatalf("%d events (%v), want 1", len(events), err)
	}
	for _, node := range append(events, ArticleIRI("a1"), quad.IRI("eg:nosuch")) {
		all, err := st.InAll(ctx, node)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []quad.IRI{MentionOf, Agent, Same, Before, Type} {
			one, err := st.In(ctx, node, p)
			if err != nil {
				t.Fatal(err)
			}
			if got := all[p]; fmt.Sprint(got) != fmt.Sprint(one) {
				t.Errorf("%s %s: InAll %v, In %v", node, p, got, one)
			}
		}
		if node == events[0] && len(all[MentionOf]) != 2 {
			t.Errorf("event: %d mentions, want 2", len(all[MentionOf]))
		}
	}
}
