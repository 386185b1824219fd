package graph

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/resolve"
)

// An article's mentions of an actor are one eg:spans quad on the actor
// under the article's label: two articles with the same spans keep one
// each, and retracting one leaves the other's.
func TestActorMentions(t *testing.T) {
	ctx := context.Background()
	for _, backend := range []string{"bolt", "memstore"} {
		t.Run(backend, func(t *testing.T) {
			st := openBolt(t)
			if backend == "memstore" {
				var err error
				if st, err = Open(ctx, Config{Backend: "memstore"}); err != nil {
					t.Fatal(err)
				}
				defer st.Close()
			}
			r := resolve.New(resolve.Rules{})
			writeDoc(t, st, r, sampleDoc("a1"))
			writeDoc(t, st, r, otherDoc("a2"))
			jane := NodeIRI("actor/person/jane-roe")
			tests := []struct {
				retract  string
				articles []string
			}{
				{"", []string{"eg:article/a1", "eg:article/a2"}},
				{"a1", []string{"eg:article/a2"}},
				{"a2", nil},
			}
			for _, tc := range tests {
				if tc.retract != "" {
					if _, err := st.RetractArticle(ctx, tc.retract); err != nil {
						t.Fatal(err)
					}
				}
				ms, err := st.ActorMentions(ctx, jane)
				if err != nil {
					t.Fatal(err)
				}
				var arts []string
				for _, m := range ms {
					if m.Spans != "0:0-8" || CountSpans(m.Spans) != 1 {
						t.Errorf("after retracting %q: spans %q, want \"0:0-8\"", tc.retract, m.Spans)
					}
					arts = append(arts, Str(m.Article))
				}
				slices.Sort(arts)
				if !slices.Equal(arts, tc.articles) {
					t.Errorf("after retracting %q: Jane Roe is named by %v, want %v", tc.retract, arts, tc.articles)
				}
			}
		})
	}
}

// A mention's article is the one its IRI names: no quad states it.
func TestMentionArticle(t *testing.T) {
	for _, tt := range []struct {
		in   quad.Value
		want quad.IRI
	}{
		{mentionIRI("5c4b5d9175adb94357eb", 12), "eg:article/5c4b5d9175adb94357eb"},
		{quad.IRI("eg:mention/a1/0"), "eg:article/a1"},
		{quad.IRI("eg:mention/a/b/3"), "eg:article/a/b"},
		{quad.IRI("eg:mention/a1/x"), ""},
		{quad.IRI("eg:mention/7"), ""},
		{quad.IRI("eg:event/a1/0"), ""},
		{quad.String("eg:mention/a1/0"), ""},
	} {
		if got := MentionArticle(tt.in); got != tt.want {
			t.Errorf("MentionArticle(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// An asserted event states no modality; its readers take asserted.
// ArticleMentions lists an article's mentions, which name it.
func TestDerivedFacts(t *testing.T) {
	ctx := context.Background()
	st := openBolt(t)
	r := resolve.New(resolve.Rules{})
	neg := sampleDoc("a2")
	neg.Events[0].Modality = doc.Negated
	neg.Article.Text = "Jane Roe did not resign from the government."
	writeDoc(t, st, r, sampleDoc("a1"))
	writeDoc(t, st, r, neg)
	events, err := st.OfType(ctx, ClassEvent)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, e := range events {
		p, err := st.Out(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		got[p.EventModality()] += 10
		got[p.EventModality()] += len(p[Modality])
		for _, pred := range []quad.IRI{quad.IRI("eg:seq"), quad.IRI("prov:wasDerivedFrom")} {
			if len(p[pred]) > 0 {
				t.Errorf("%s states %s", e, pred)
			}
		}
	}
	// tens: events; units: eg:modality quads
	if want := map[string]int{"asserted": 10, "negated": 11}; len(events) != 2 || !maps.Equal(got, want) {
		t.Errorf("%d events, modalities %v, want %v", len(events), got, want)
	}
	for _, id := range []string{"a1", "a2", "nosuch"} {
		ms := st.ArticleMentions(id)
		want := 1
		if id == "nosuch" {
			want = 0
		}
		if len(ms) != want {
			t.Errorf("article %s: %d mentions, want %d", id, len(ms), want)
		}
		for _, m := range ms {
			hs, err := st.ArticleHandles(ctx, ArticleIRI(id))
			if err != nil {
				t.Fatal(err)
			}
			mn, err := st.ReadEventMention(ctx, m, hs)
			if err != nil || mn.Article != ArticleIRI(id) {
				t.Errorf("mention %s: article %v (%v), want %s", m, mn.Article, err, ArticleIRI(id))
			}
		}
	}
}
