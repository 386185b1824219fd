package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/timeline"
)

// timelineOptions are what `eventgraph timeline` runs with.
type timelineOptions struct {
	Store  graph.Config
	Filter timeline.Filter
	Format string // one of timeline.Formats; "" for table on a terminal, json otherwise
	Group  string // TimelineJS lanes: one of timeline.GroupBys
	Output string // a file, or "" for stdout
}

func newTimelineCmd(a *app, runF runner[timelineOptions]) *cobra.Command {
	var opts timelineOptions
	var all bool
	cmd := &cobra.Command{
		Use:   "timeline",
		Short: "Print the events in chronological order",
		Long: `Print the stored events in chronological order: by their time bounds, then
by explicit relations between events ("after", "prompting"), then by where
they were first reported. Formats: table (default on a terminal), json (the
eventgraph/timeline/v1 contract, default in pipes), timelinejs (Knight Lab
TimelineJS), csv.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := dateFlagRange(opts.Filter.From, opts.Filter.To); err != nil {
				return err
			}
			// --min-salience is bound to timeline.min_salience;
			// --all takes every event.
			opts.Filter.MinSalience = a.set.Timeline.MinSalience
			if all {
				opts.Filter.MinSalience = 0
			}
			opts.Format, _ = cmd.Flags().GetString("format")
			opts.Group, _ = cmd.Flags().GetString("group")
			opts.Store = a.set.store(true)
			return start(cmd, opts, runTimeline, runF)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Filter.Actor, "actor", "", "only events of this actor (name, alias or ID)")
	f.StringVar(&opts.Filter.From, "from", "", "only events that can fall on or after this date (YYYY[-MM[-DD]])")
	f.StringVar(&opts.Filter.To, "to", "", "only events that can fall on or before this date (YYYY[-MM[-DD]])")
	f.StringVar(&opts.Filter.Type, "type", "", "only events of this CAMEO code prefix, action or type label")
	f.Float64("min-salience", 0, "only events at least this salient, 0-1 (default: config timeline.min_salience)")
	f.BoolVar(&all, "all", false, "every stored event, however little salient")
	cmd.MarkFlagsMutuallyExclusive("min-salience", "all")
	enumFlag(cmd, f, "format", "", orList(timeline.Formats)+" (default: table on a terminal, json otherwise)", timeline.Formats)
	enumFlag(cmd, f, "group", timeline.GroupClass, "TimelineJS lanes: "+orList(timeline.GroupBys)+" (CAMEO quad class, first agent, one lane)", timeline.GroupBys)
	f.StringVarP(&opts.Output, "output", "o", "", "write to this file instead of stdout")
	return cmd
}

func runTimeline(ctx context.Context, opts timelineOptions, std streams) error {
	st, err := openRead(ctx, opts.Store)
	if err != nil {
		return err
	}
	defer st.Close()
	tl, err := timeline.BuildFrom(ctx, st, opts.Filter)
	if err != nil {
		return err
	}
	format := opts.Format
	if format == "" {
		format = "json"
		if opts.Output == "" && std.OutIsTerminal() {
			format = "table"
		}
	}
	w, done, err := output(opts.Output, std)
	if err != nil {
		return err
	}
	if err := timeline.WriteGrouped(w, tl, format, opts.Group); err != nil {
		done()
		return fmt.Errorf("writing timeline: %w", err)
	}
	return done()
}
