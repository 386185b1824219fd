package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"

	// Query languages offered by eventgraph query and serve.
	_ "github.com/cayleygraph/cayley/query/gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql"
	_ "github.com/cayleygraph/cayley/query/mql"
)

// Query runs a query in lang (gizmo, graphql, mql) through cayley's engine
// and returns at most limit results collated as JSON values. The context's
// deadline bounds it.
func Query(ctx context.Context, qs cgraph.QuadStore, lang, q string, limit int) ([]any, error) {
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil {
		return nil, fmt.Errorf("unknown query language %q", lang)
	}
	it, err := l.Session(qs).Execute(ctx, q, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	out := []any{}
	for it.Next(ctx) {
		out = append(out, it.Result())
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	if err := it.Err(); err != nil {
		return out, err
	}
	return out, ctx.Err()
}
