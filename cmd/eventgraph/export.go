package main

import (
	"fmt"
	"io"
	"os"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	_ "github.com/cayleygraph/quad/dot"
	_ "github.com/cayleygraph/quad/graphml"
	_ "github.com/cayleygraph/quad/jsonld"
	_ "github.com/cayleygraph/quad/nquads"

	"github.com/eventgraph/eventgraph/graph"
)

func newExportCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the whole graph as N-Quads, JSON-LD, GraphML or DOT",
		Long: `Write every quad of the store through cayley's writers. IRIs are expanded
to full IRIs with eventgraph's prefixes (rdf, rdfs, schema, sem, prov, eg);
--short keeps them prefixed as stored.`,
		Args: cobra.NoArgs,
		RunE: runExport,
	}
	cmd.Flags().String("format", "nquads", "nquads, jsonld, graphml or dot")
	cmd.Flags().StringP("output", "o", "", "write to this file instead of stdout")
	cmd.Flags().Bool("short", false, "keep prefixed IRIs as stored")
	return cmd
}

func runExport(cmd *cobra.Command, _ []string) error {
	name, _ := cmd.Flags().GetString("format")
	out, _ := cmd.Flags().GetString("output")
	short, _ := cmd.Flags().GetBool("short")
	f := quad.FormatByName(name)
	if name == "dot" {
		f = quad.FormatByName("graphviz") // cayley's name for DOT
	}
	if f == nil || f.Writer == nil {
		return fmt.Errorf("unknown export format %q (want nquads, jsonld, graphml or dot)", name)
	}
	st, err := openStore(cmd, true)
	if err != nil {
		return err
	}
	defer st.Close()
	var w io.Writer = cmd.OutOrStdout()
	if out != "" {
		file, err := os.Create(out)
		if err != nil {
			return err
		}
		defer file.Close()
		w = file
	}
	qw := f.Writer(w)
	r := cgraph.NewQuadStoreReader(st.QuadStore)
	defer r.Close()
	n := 0
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("reading quads: %w", err)
		}
		if !short {
			q = graph.ExportQuad(q)
		}
		if err := qw.WriteQuad(q); err != nil {
			return fmt.Errorf("writing quad %d: %w", n, err)
		}
		n++
	}
	if err := qw.Close(); err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "exported %d quads as %s\n", n, name)
	return nil
}
