package report

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/graph"
)

// Stats are the counts `eventgraph stats` prints.
type Stats struct {
	Articles      int `json:"articles"`
	Events        int `json:"events"`
	EventMentions int `json:"event_mentions"`
	// DuplicatesPrevented counts mentions merged into an event that another
	// mention already stood for: events a per-mention coder would have
	// counted twice.
	DuplicatesPrevented int   `json:"duplicates_prevented"`
	MultiSourceEvents   int   `json:"multi_article_events"`
	Actors              int   `json:"actors"`
	ActorMentions       int   `json:"actor_mentions"`
	Quads               int64 `json:"quads"`
	Nodes               int64 `json:"nodes"`
}

// Count counts the store's articles, events, mentions and actors, the
// events reported by several articles, and its quads and nodes (exact
// on SQL stores too, whose quick statistics are planner estimates).
func Count(ctx context.Context, st *graph.Store) (Stats, error) {
	var s Stats
	var events []quad.Value
	for _, c := range []struct {
		dst   *int
		class quad.IRI
	}{{&s.Articles, graph.ClassArticle}, {&s.Events, graph.ClassEvent}, {&s.Actors, graph.ClassActor}} {
		v, err := st.OfType(ctx, c.class)
		if err != nil {
			return s, fmt.Errorf("counting %s: %w", c.class, err)
		}
		*c.dst = len(v)
		if c.class == graph.ClassEvent {
			events = v
		}
	}
	var err error
	if s.EventMentions, err = st.CountEventMentions(ctx); err != nil {
		return s, fmt.Errorf("counting event mentions: %w", err)
	}
	// One eg:spans per article and actor holds all its mentions there.
	if s.ActorMentions, err = st.CountActorMentions(ctx); err != nil {
		return s, fmt.Errorf("counting actor mentions: %w", err)
	}
	for _, e := range events {
		ms, err := st.In(ctx, e, graph.MentionOf)
		if err != nil {
			return s, fmt.Errorf("reading the mentions of %s: %w", graph.IDOf(e), err)
		}
		if eventArticles(ms) > 1 {
			s.MultiSourceEvents++
		}
	}
	s.DuplicatesPrevented = s.EventMentions - s.Events
	if q, n, err := st.Size(ctx); err == nil {
		s.Quads, s.Nodes = q, n
	}
	return s, nil
}

// eventArticles counts the articles event mentions come from (named by
// their IRIs).
func eventArticles(mentions []quad.Value) int {
	arts := map[quad.IRI]bool{}
	for _, m := range mentions {
		arts[graph.MentionArticle(m)] = true
	}
	return len(arts)
}
