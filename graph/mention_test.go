package graph

import (
	"context"
	"slices"
	"testing"

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
