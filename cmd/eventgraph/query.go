package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/query"
	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/querylimit"
)

func newQueryCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "query [QUERY]",
		Short: "Run a Gizmo, GraphQL or MQL query against the store (JSON out)",
		Long: `Run a query through cayley's query engine and print the results as JSON.
The query comes from the argument or from -f FILE. It stops after
query.timeout and returns at most query.limit results (--limit).

  eventgraph query 'g.V().Has("<rdf:type>", "<sem:Event>").Out("<schema:description>").All()'`,
		Args: cobra.MaximumNArgs(1),
		RunE: runQuery,
	}
	enumFlag(cmd, cmd.Flags(), "lang", "gizmo", "query language: "+orList(queryLanguages()), queryLanguages())
	cmd.Flags().StringP("file", "f", "", "read the query from this file")
	cmd.Flags().Int("limit", 0, "maximum number of results (config query.limit)")
	cmd.Flags().Duration("timeout", 0, "time limit (config query.timeout)")
	return cmd
}

func runQuery(cmd *cobra.Command, args []string) error {
	lang, _ := cmd.Flags().GetString("lang")
	file, _ := cmd.Flags().GetString("file")
	var q string
	switch {
	case file != "" && len(args) > 0:
		return errors.New("give the query as an argument or with -f, not both")
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		q = string(b)
	case len(args) == 1:
		q = args[0]
	default:
		return errors.New("no query: give it as an argument or with -f FILE")
	}
	if query.GetLanguage(lang) == nil {
		langs := query.Languages()
		sort.Strings(langs)
		return fmt.Errorf("unknown query language %q (available: %s)", lang, strings.Join(langs, ", "))
	}
	if err := querylimit.Check(lang, q); err != nil {
		return fmt.Errorf("query: %w", err)
	}
	limit, timeout := cfg.Query.Limit, cfg.Query.Timeout
	if lang == "graphql" {
		var err error
		if q, err = querylimit.Limit(q, limit); err != nil {
			return fmt.Errorf("query: %w", err)
		}
	}
	st, err := openStore(cmd, true)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx, cancel := context.WithTimeout(cmdContext(cmd), timeout)
	defer cancel()
	results, err := graph.Query(ctx, st.QuadStore, lang, q, limit)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			return fmt.Errorf("query stopped after %s (query.timeout): %w", timeout, err)
		}
		return fmt.Errorf("query: %w", err)
	}
	enc := json.NewEncoder(cmd.OutOrStdout())
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // nodes print as <eg:event/…>, not \u003ceg:event/…\u003e
	return enc.Encode(results)
}

// queryLanguages are cayley's registered query languages, sorted.
func queryLanguages() []string {
	langs := query.Languages()
	sort.Strings(langs)
	return langs
}
