package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
)

func newStatsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count articles, events, mentions, actors, quads and duplicates prevented",
		Args:  cobra.NoArgs,
		RunE:  runStats,
	}
	cmd.Flags().String("format", "table", "table or json")
	return cmd
}

// storeStats are the counts `eventgraph stats` prints.
type storeStats struct {
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

func runStats(cmd *cobra.Command, _ []string) error {
	format, _ := cmd.Flags().GetString("format")
	st, err := openStore(cmd, true)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := cmdContext(cmd)
	var s storeStats
	count := func(class quad.IRI) (int, error) {
		v, err := st.OfType(ctx, class)
		return len(v), err
	}
	for _, c := range []struct {
		dst   *int
		class quad.IRI
	}{{&s.Articles, graph.ClassArticle}, {&s.Events, graph.ClassEvent},
		{&s.Actors, graph.ClassActor}} {
		if *c.dst, err = count(c.class); err != nil {
			return err
		}
	}
	if s.EventMentions, err = st.CountEventMentions(ctx); err != nil {
		return err
	}
	// One node per article and actor holds all its mentions there.
	if s.ActorMentions, err = st.CountActorMentions(ctx); err != nil {
		return err
	}
	events, err := st.OfType(ctx, graph.ClassEvent)
	if err != nil {
		return err
	}
	for _, e := range events {
		ms, err := st.In(ctx, e, graph.MentionOf)
		if err != nil {
			return err
		}
		arts := map[string]bool{}
		for _, m := range ms {
			p, err := st.Out(ctx, m)
			if err != nil {
				return err
			}
			arts[p.Str(graph.DerivedFrom)] = true
		}
		if len(arts) > 1 {
			s.MultiSourceEvents++
		}
	}
	s.DuplicatesPrevented = s.EventMentions - s.Events
	// Exact on SQL stores, whose quick statistics are planner estimates.
	if q, n, err := st.Size(ctx); err == nil {
		s.Quads, s.Nodes = q, n
	}
	if format == "json" {
		enc := json.NewEncoder(cmd.OutOrStdout())
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
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
