package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/querylimit"
)

// queryOptions are what `eventgraph query` runs with.
type queryOptions struct {
	Store   graph.Config
	Lang    string // one of queryLanguages()
	Query   string
	Limit   int           // query.limit (--limit)
	Timeout time.Duration // query.timeout (--timeout)
}

func newQueryCmd(a *app, runF runner[queryOptions]) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "query [QUERY]",
		Short: "Run a Gizmo, GraphQL or MQL query against the store (JSON out)",
		Long: `Run a query through cayley's query engine and print the results as JSON.
The query comes from the argument or from -f FILE. It stops after
query.timeout and returns at most query.limit results (--limit).

  eventgraph query 'g.V("<sem:Event>").In("<rdfs:subClassOf>").In("<rdf:type>").Out("<schema:description>").All()'`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, _ := cmd.Flags().GetString("lang")
			file, _ := cmd.Flags().GetString("file")
			q, err := queryText(file, args)
			if err != nil {
				return err
			}
			opts := queryOptions{Store: a.set.store(true), Lang: lang, Query: q, Limit: a.set.Query.Limit, Timeout: a.set.Query.Timeout}
			return start(cmd, opts, runQuery, runF)
		},
	}
	enumFlag(cmd, cmd.Flags(), "lang", "gizmo", "query language: "+orList(queryLanguages()), queryLanguages())
	cmd.Flags().StringP("file", "f", "", "read the query from this file")
	cmd.Flags().Int("limit", 0, "maximum number of results (config query.limit)")
	cmd.Flags().Duration("timeout", 0, "time limit (config query.timeout)")
	return cmd
}

// queryText is the query of the argument or of -f FILE.
func queryText(file string, args []string) (string, error) {
	switch {
	case file != "" && len(args) > 0:
		return "", errors.New("give the query as an argument or with -f, not both")
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("query: %w", err)
		}
		return string(b), nil
	case len(args) == 1:
		return args[0], nil
	}
	return "", errors.New("no query: give it as an argument or with -f FILE")
}

func runQuery(ctx context.Context, opts queryOptions, std streams) error {
	q := opts.Query
	if err := querylimit.Check(opts.Lang, q); err != nil {
		return fmt.Errorf("query: %w", err)
	}
	if opts.Lang == "graphql" {
		var err error
		if q, err = querylimit.Limit(q, opts.Limit); err != nil {
			return fmt.Errorf("query: %w", err)
		}
	}
	st, err := openRead(ctx, opts.Store)
	if err != nil {
		return err
	}
	defer st.Close()
	qctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	results, err := graph.Query(qctx, st.QuadStore, opts.Lang, q, opts.Limit)
	if err != nil {
		switch {
		case ctx.Err() != nil: // SIGINT
			return fmt.Errorf("query interrupted (%v): %w", context.Cause(ctx), err)
		case errors.Is(err, context.DeadlineExceeded) || qctx.Err() != nil:
			return fmt.Errorf("query stopped after %s (query.timeout): %w", opts.Timeout, err)
		}
		return fmt.Errorf("query: %w", err)
	}
	enc := json.NewEncoder(std.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // nodes print as <eg:event/…>, not \u003ceg:event/…\u003e
	if err := enc.Encode(results); err != nil {
		return err
	}
	if opts.Lang != "graphql" && opts.Limit > 0 && len(results) >= opts.Limit {
		// The results stop at the limit: there may be more.
		fmt.Fprintf(std.Err, "eventgraph: the results stopped at query.limit (%d); there may be more: raise it with --limit\n", opts.Limit)
	}
	return nil
}

// queryLanguages are cayley's registered query languages, sorted.
func queryLanguages() []string {
	langs := query.Languages()
	sort.Strings(langs)
	return langs
}
