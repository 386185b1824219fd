package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/report"
)

// storeStats are the counts `eventgraph stats` prints.
type storeStats = report.Stats

// statsOptions are what `eventgraph stats` runs with.
type statsOptions struct {
	Store  graph.Config
	Format string // table or json
}

func newStatsCmd(a *app, runF runner[statsOptions]) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count articles, events, mentions, actors, quads and duplicates prevented",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			format, _ := cmd.Flags().GetString("format")
			return start(cmd, statsOptions{Store: a.set.store(true), Format: format}, runStats, runF)
		},
	}
	enumFlag(cmd, cmd.Flags(), "format", "table", "table or json", []string{"table", "json"})
	return cmd
}

func runStats(ctx context.Context, opts statsOptions, std streams) error {
	st, err := openRead(ctx, opts.Store)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := report.Count(ctx, st)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(std.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	tw := tabwriter.NewWriter(std.Out, 0, 0, 2, ' ', 0)
	for _, row := range []struct {
		k string
		v any
	}{{"articles", s.Articles}, {"events", s.Events}, {"event mentions", s.EventMentions},
		{"duplicates prevented", s.DuplicatesPrevented}, {"events reported by several articles", s.MultiSourceEvents},
		{"actors", s.Actors}, {"actor mentions", s.ActorMentions}, {"quads", s.Quads}, {"nodes", s.Nodes}} {
		fmt.Fprintf(tw, "%s\t%v\n", row.k, row.v)
	}
	return tw.Flush()
}
