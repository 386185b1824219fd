package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
)

func newCheckCmd(a *app, runF runner[checkOptions]) *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Verify the store's integrity; --repair removes orphans and events without mentions",
		Long: `Verify the store's integrity:

  event_without_mention    every event has at least one mention
  mention_without_article  every mention's article is stored
  orphan_label             no quads are left under the label of an article
                           that is not stored (no rdf:type schema:NewsArticle)
  missing_node             every event and actor a mention refers to is stored

It prints counts and a few examples of each problem, and exits with status 1
when it finds any. --repair removes the quads under orphan labels, mentions
of missing articles and events without mentions, each in its own transaction,
then checks again. Missing nodes cannot be repaired: re-ingest the articles
that mention them with --replace.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Format, _ = cmd.Flags().GetString("format")
			opts.Store = a.set.store(!opts.Repair)
			return start(cmd, opts, runCheck, runF)
		},
	}
	cmd.Flags().BoolVar(&opts.Repair, "repair", false, "remove orphan quads, mentions of missing articles and events without mentions")
	enumFlag(cmd, cmd.Flags(), "format", "table", "table or json", []string{"table", "json"})
	cmd.Flags().IntVar(&opts.Examples, "examples", 5, "examples shown per problem")
	return cmd
}

// checkOptions are what `eventgraph check` runs with.
type checkOptions struct {
	Store    graph.Config // read-only unless Repair
	Repair   bool
	Format   string // table or json
	Examples int    // examples shown per problem
}

// checkOutput is what `eventgraph check --format json` prints.
type checkOutput struct {
	OK       bool                 `json:"ok"`
	Before   *graph.CheckReport   `json:"before,omitempty"` // with --repair
	Repair   *graph.RepairSummary `json:"repair,omitempty"`
	Report   *graph.CheckReport   `json:"report"`
	Problems map[string]int       `json:"problems"`
}

func runCheck(ctx context.Context, opts checkOptions, std streams) error {
	repair, format, examples := opts.Repair, opts.Format, opts.Examples
	st, err := openExisting(ctx, opts.Store)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := st.Check(ctx)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	out := checkOutput{Report: rep}
	if repair && !rep.OK() {
		sum, after, err := st.Repair(ctx)
		if err != nil {
			return fmt.Errorf("repair: %w", err)
		}
		out.Before, out.Repair, out.Report = rep, &sum, after
	}
	out.OK = out.Report.OK()
	out.Problems = map[string]int{}
	for _, p := range graph.Problems {
		out.Problems[string(p)] = out.Report.Count(p)
	}
	w := std.Out
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		if out.Before != nil {
			fmt.Fprintln(w, "before repair:")
			printCheck(w, out.Before, examples)
			s := out.Repair
			fmt.Fprintf(w, "repaired: removed %d quad(s): %d orphan label(s), %d mention(s) without article, %d event(s) without mention (%d pass(es))\n\nafter repair:\n",
				s.QuadsRemoved, s.OrphanLabels, s.Mentions, s.Events, s.Passes)
		}
		printCheck(w, out.Report, examples)
	}
	if !out.OK {
		if format == "table" && !repair {
			fmt.Fprintln(std.Err, "eventgraph: integrity problems found; run `eventgraph check --repair` to remove what can be removed")
		}
		return exitError{code: 1}
	}
	return nil
}

func printCheck(w io.Writer, r *graph.CheckReport, examples int) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "articles\t%d\nevents\t%d\nevent mentions\t%d\nactors\t%d\nactor mentions\t%d\nquads\t%d\narticle labels\t%d\n",
		r.Articles, r.Events, r.EventMentions, r.Actors, r.ActorMentions, r.Quads, r.Labels)
	if r.Unlabelled > 0 {
		fmt.Fprintf(tw, "unlabelled quads (not eventgraph's)\t%d\n", r.Unlabelled)
	}
	for _, p := range graph.Problems {
		fmt.Fprintf(tw, "%s\t%d\n", p, r.Count(p))
	}
	_ = tw.Flush()
	for _, p := range graph.Problems {
		for _, f := range r.Examples(p, examples) {
			extra := ""
			if f.Quads > 0 {
				extra = fmt.Sprintf(" (%d quads)", f.Quads)
			}
			fmt.Fprintf(w, "  %s: %s%s: %s\n", p, f.Node, extra, f.Detail)
		}
		if n := r.Count(p); n > examples && examples > 0 {
			fmt.Fprintf(w, "  %s: … and %d more\n", p, n-examples)
		}
	}
	if r.OK() {
		fmt.Fprintln(w, "ok: no integrity problems")
	}
}
