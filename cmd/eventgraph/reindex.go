package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/timeline"
)

// reindexOptions are what `eventgraph reindex` runs with.
type reindexOptions struct {
	Store graph.Config
}

func newReindexCmd(a *app, runF runner[reindexOptions]) *cobra.Command {
	var opts reindexOptions
	return &cobra.Command{
		Use:   "reindex",
		Short: "Rebuild the store's timeline index (after a crash, an older eventgraph, or writes through cayley)",
		Long: `Rebuild the store's timeline index (timeline.index beside a bolt store, the
table eventgraph_timeline in a PostgreSQL database): the
store's events in timeline order, from which 'serve' pages the timeline and
'timeline --actor' reads an actor's events. 'ingest' keeps it up to date; it
goes stale when something else writes to the store (cayley's APIs, an older
eventgraph, --replace, a crash between a batch and its index update), and
timelines are then built from the whole store until this command rebuilds it.
It reads every event of the store once.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Store = a.set.store(false)
			return start(cmd, opts, runReindex, runF)
		},
	}
}

func runReindex(ctx context.Context, opts reindexOptions, std streams) error {
	st, err := openExisting(ctx, opts.Store)
	if err != nil {
		return err
	}
	defer st.Close()
	begin := time.Now()
	n, err := timeline.Rebuild(ctx, st)
	if err != nil {
		return err
	}
	fmt.Fprintf(std.Out, "indexed %d event(s) in %s\n", n, time.Since(begin).Round(time.Millisecond))
	return nil
}
