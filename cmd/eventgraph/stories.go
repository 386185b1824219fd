package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
)

// storiesOptions are what `eventgraph stories` runs with.
type storiesOptions struct {
	Store  graph.Config
	Format string // table or json
}

func newStoriesCmd(a *app, runF runner[storiesOptions]) *cobra.Command {
	var opts storiesOptions
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List the stories: the articles that tell of the same happenings, with their date span",
		Long: `List the stories the resolver placed the stored articles in (events merge
across articles only inside a story, or on strong evidence across stories):
each story with its articles, their headlines and the span of their
publication days, the largest stories first. A story is named by its first
article; stories that an article later joined are listed as one.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Format, _ = cmd.Flags().GetString("format")
			opts.Store = a.set.store(true)
			return start(cmd, opts, runStories, runF)
		},
	}
	enumFlag(cmd, cmd.Flags(), "format", "table", "table or json", []string{"table", "json"})
	return cmd
}

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

func runStories(ctx context.Context, opts storiesOptions, std streams) error {
	st, err := openRead(ctx, opts.Store)
	if err != nil {
		return err
	}
	defer st.Close()
	stories, err := readStories(ctx, st)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(std.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(stories)
	}
	tw := tabwriter.NewWriter(std.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tARTICLES\tFROM\tTO\tHEADLINES")
	for _, s := range stories {
		var heads []string
		for _, a := range s.Articles {
			if a.Headline != "" {
				heads = append(heads, a.Headline)
			}
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", s.ID, len(s.Articles), orDash(s.From), orDash(s.To), clipText(strings.Join(heads, " | "), 120))
	}
	return tw.Flush()
}

// readStories groups the stored articles by story. Each article names the
// story it started or joined (eg:story) and the earlier articles it was
// found close to (eg:sameStoryAs): an article close to articles of two
// stories joined them, so stories are the connected groups, named (as the
// resolver names them) by the smallest story ID among them.
func readStories(ctx context.Context, st *graph.Store) ([]Story, error) {
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

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clipText cuts s to n runes, marking the cut.
func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
