package report

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/eventgraph/eventgraph/graph"
)

// Story is a story as `eventgraph stories` lists it.
type Story struct {
	ID       string         `json:"id"` // story/ARTICLE, the story's first article
	From     string         `json:"from,omitempty"`
	To       string         `json:"to,omitempty"`
	Articles []StoryArticle `json:"articles"`
}

// StoryArticle is an article of a story.
type StoryArticle struct {
	ID        string `json:"id"`
	Headline  string `json:"headline,omitempty"`
	Published string `json:"published,omitempty"`
}

// Stories groups the stored articles by story. Each article names the
// story it started or joined (eg:story) and the earlier articles it was
// found close to (eg:sameStoryAs): an article close to articles of two
// stories joined them, so stories are the connected groups, named (as the
// resolver names them) by the smallest story ID among them.
func Stories(ctx context.Context, st *graph.Store) ([]Story, error) {
	arts, err := st.OfType(ctx, graph.ClassArticle)
	if err != nil {
		return nil, fmt.Errorf("listing articles: %w", err)
	}
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	union := func(a, b string) {
		a, b = find(a), find(b)
		if a == b {
			return
		}
		if b < a {
			a, b = b, a
		}
		parent[b] = a
	}
	storyOf := map[string]string{} // article ID -> its own story ID
	var list []StoryArticle
	links := map[string][]string{}
	for _, a := range arts {
		p, err := st.Out(ctx, a)
		if err != nil {
			return nil, fmt.Errorf("reading article %s: %w", a, err)
		}
		story := strings.TrimPrefix(graph.IDOf(p.First(graph.Story)), "story/")
		if story == "" {
			continue // stored before stories existed, or not an extracted article
		}
		id := strings.TrimPrefix(graph.IDOf(a), "article/")
		storyOf[id] = story
		list = append(list, StoryArticle{ID: id, Headline: p.Str(graph.Headline), Published: p.Str(graph.Published)})
		for _, l := range p[graph.SameStoryAs] {
			links[id] = append(links[id], graph.Str(l))
		}
	}
	for id, ls := range links {
		for _, l := range ls {
			if s, ok := storyOf[l]; ok {
				union(storyOf[id], s)
			}
		}
	}
	byStory := map[string]*Story{}
	var out []*Story
	for _, a := range list {
		root := find(storyOf[a.ID])
		s := byStory[root]
		if s == nil {
			s = &Story{ID: "story/" + root}
			byStory[root] = s
			out = append(out, s)
		}
		s.Articles = append(s.Articles, a)
		if d := a.Published; d != "" {
			if s.From == "" || d < s.From {
				s.From = d
			}
			if d > s.To {
				s.To = d
			}
		}
	}
	stories := make([]Story, 0, len(out))
	for _, s := range out {
		slices.SortFunc(s.Articles, func(a, b StoryArticle) int {
			return strings.Compare(a.Published+a.ID, b.Published+b.ID)
		})
		stories = append(stories, *s)
	}
	slices.SortFunc(stories, func(a, b Story) int {
		if len(a.Articles) != len(b.Articles) {
			return len(b.Articles) - len(a.Articles)
		}
		return strings.Compare(a.ID, b.ID)
	})
	return stories, nil
}
