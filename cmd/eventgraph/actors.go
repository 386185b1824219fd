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

// actorsOptions are what `eventgraph actors` runs with.
type actorsOptions struct {
	Store  graph.Config
	Format string // table or json
	All    bool   // also actors known only by a description
}

func newActorsCmd(a *app, runF runner[actorsOptions]) *cobra.Command {
	var opts actorsOptions
	cmd := &cobra.Command{
		Use:   "actors",
		Short: "List canonical actors with aliases, roles, and mention counts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Format, _ = cmd.Flags().GetString("format")
			opts.Store = a.set.store(true)
			return start(cmd, opts, runActors, runF)
		},
	}
	enumFlag(cmd, cmd.Flags(), "format", "table", "table or json", []string{"table", "json"})
	cmd.Flags().BoolVar(&opts.All, "all", false, "also list actors known only by a description within one article (\"the police\", \"officials\")")
	return cmd
}

func runActors(ctx context.Context, opts actorsOptions, std streams) error {
	st, err := openRead(ctx, opts.Store)
	if err != nil {
		return err
	}
	defer st.Close()
	actors, err := report.Actors(ctx, st, opts.All)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(std.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(actors)
	}
	tw := tabwriter.NewWriter(std.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tCODE\tROLES\tALIASES\tMENTIONS\tARTICLES\tEVENTS")
	for _, a := range actors {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\n", a.Name, a.Kind, a.Code, strings.Join(a.Roles, "; "),
			strings.Join(a.Aliases, ", "), a.Mentions, a.Articles, a.Events)
	}
	return tw.Flush()
}
