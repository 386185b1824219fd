package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/timeline"
)

func newTimelineCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "timeline",
		Short: "Print the events in chronological order",
		Long: `Print the stored events in chronological order: by their time bounds, then
by explicit relations between events ("after", "prompting"), then by where
they were first reported. Formats: table (default on a terminal), json (the
eventgraph/timeline/v1 contract, default in pipes), timelinejs (Knight Lab
TimelineJS), csv.`,
		Args: cobra.NoArgs,
		RunE: runTimeline,
	}
	f := cmd.Flags()
	f.String("actor", "", "only events of this actor (name, alias or ID)")
	f.String("from", "", "only events that can fall on or after this date (YYYY[-MM[-DD]])")
	f.String("to", "", "only events that can fall on or before this date (YYYY[-MM[-DD]])")
	f.String("type", "", "only events of this CAMEO code prefix, action or type label")
	f.Float64("min-salience", 0, "only events at least this salient, 0-1 (default: config timeline.min_salience)")
	f.Bool("all", false, "every stored event, however little salient")
	cmd.MarkFlagsMutuallyExclusive("min-salience", "all")
	enumFlag(cmd, f, "format", "", orList(timeline.Formats)+" (default: table on a terminal, json otherwise)", timeline.Formats)
	f.StringP("output", "o", "", "write to this file instead of stdout")
	return cmd
}

func runTimeline(cmd *cobra.Command, _ []string) (err error) {
	f := cmd.Flags()
	var flt timeline.Filter
	flt.Actor, _ = f.GetString("actor")
	flt.From, _ = f.GetString("from")
	flt.To, _ = f.GetString("to")
	flt.Type, _ = f.GetString("type")
	if err := dateFlagRange(flt.From, flt.To); err != nil {
		return err
	}
	flt.MinSalience = minSalience(cmd)
	format, _ := f.GetString("format")
	out, _ := f.GetString("output")

	st, err := openStore(cmd, true)
	if err != nil {
		return err
	}
	defer st.Close()
	tl, err := timeline.BuildFrom(cmdContext(cmd), st, flt)
	if err != nil {
		return err
	}
	var w io.Writer = cmd.OutOrStdout()
	if out != "" {
		file, err := os.Create(out)
		if err != nil {
			return err
		}
		defer file.Close()
		w = file
	}
	if format == "" {
		format = "json"
		if out == "" && isTerminal(cmd.OutOrStdout()) {
			format = "table"
		}
	}
	if err := timeline.Write(w, tl, format); err != nil {
		return fmt.Errorf("writing timeline: %w", err)
	}
	return nil
}

// minSalience is the salience floor: 0 with --all, else
// timeline.min_salience (which --min-salience overrides, bindings).
func minSalience(cmd *cobra.Command) float64 {
	if all, _ := cmd.Flags().GetBool("all"); all {
		return 0
	}
	return cfg.Timeline.MinSalience
}
