package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/report"
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

func runStories(ctx context.Context, opts storiesOptions, std streams) error {
	st, err := openRead(ctx, opts.Store)
	if err != nil {
		return err
	}
	defer st.Close()
	stories, err := report.Stories(ctx, st)
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
