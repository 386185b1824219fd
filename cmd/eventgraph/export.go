package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/report"
)

// exportOptions are what `eventgraph export` runs with.
type exportOptions struct {
	Store  graph.Config
	Format string // one of report.ExportFormats
	Output string // a file, or "" for stdout
	Short  bool   // keep prefixed IRIs as stored
}

func newExportCmd(a *app, runF runner[exportOptions]) *cobra.Command {
	var opts exportOptions
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the whole graph as N-Quads, JSON-LD, GraphML or DOT",
		Long: `Write every quad of the store through cayley's writers. IRIs are expanded
to full IRIs with eventgraph's prefixes (rdf, rdfs, schema, sem, prov, eg);
--short keeps them prefixed as stored.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Format, _ = cmd.Flags().GetString("format")
			opts.Store = a.set.store(true)
			return start(cmd, opts, runExport, runF)
		},
	}
	enumFlag(cmd, cmd.Flags(), "format", "nquads", "nquads, jsonld, graphml or dot", exportFormats)
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file instead of stdout")
	cmd.Flags().BoolVar(&opts.Short, "short", false, "keep prefixed IRIs as stored")
	return cmd
}

// exportFormats are the formats of `export --format`.
var exportFormats = report.ExportFormats

func runExport(ctx context.Context, opts exportOptions, std streams) error {
	st, err := openRead(ctx, opts.Store)
	if err != nil {
		return err
	}
	defer st.Close()
	w, done, err := output(opts.Output, std)
	if err != nil {
		return err
	}
	n, err := report.Export(st, w, opts.Format, opts.Short)
	if err != nil {
		done()
		return err
	}
	if err := done(); err != nil {
		return err
	}
	fmt.Fprintf(std.Err, "exported %d quads as %s\n", n, opts.Format)
	return nil
}
