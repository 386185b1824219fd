package querylimit

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
)

func TestLimitRewrites(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{nodes{id}}`, `{nodes(first: 10){id}}`},
		{`{nodes(first: 5){id}}`, `{nodes(first: 5){id}}`},
		{`{nodes(first: 100000){id}}`, `{nodes(first: 10){id}}`},
		{`{nodes(<first>: -1){id}}`, `{nodes(<first>: 10){id}}`},
		{`{nodes(~first: 99, first: 3){id}}`, `{nodes(~first: 10, first: 3){id}}`},
		{`{nodes(<eg:modality>: "negated"){id <eg:agent> @opt {id}}}`, `{nodes(first: 10, <eg:modality>: "negated"){id <eg:agent>(first: 10) @opt {id}}}`},
		{`{nodes{id a @rev(first: 50) {id}}}`, `{nodes(first: 10){id a @rev(first: 10) {id}}}`},
		{"{x: nodes # c\n (id: <a>) {id}}", "{x: nodes # c\n (first: 10, id: <a>) {id}}"},
		{`{nodes(name: "José") {id}}`, `{nodes(first: 10, name: "José") {id}}`},
		{`{nodes{`, `{nodes{`}, // does not parse: left to cayley
	} {
		got, err := Limit(tc.in, 10)
		if err != nil || got != tc.want {
			t.Errorf("Limit(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// Run through cayley, a limited query returns at most the limit at every
// level, where the query as written returns everything.
func TestLimitBoundsResults(t *testing.T) {
	qs, err := graph.NewQuadStore("memstore", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := graph.NewQuadWriter("single", qs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var quads []quad.Quad
	for i := 0; i < 50; i++ {
		for j := 0; j < 30; j++ {
			quads = append(quads, quad.MakeIRI(fmt.Sprintf("n%d", i), "follows", fmt.Sprintf("m%d", j), ""))
		}
	}
	if err := w.AddQuadSet(quads); err != nil {
		t.Fatal(err)
	}
	run := func(q string) map[string]any {
		it, err := query.GetLanguage("graphql").Session(qs).Execute(context.Background(), q, query.Options{Collation: query.JSON})
		if err != nil {
			t.Fatal(err)
		}
		defer it.Close()
		if !it.Next(context.Background()) {
			t.Fatalf("%s: no result: %v", q, it.Err())
		}
		return it.Result().(map[string]any)
	}
	q := `{nodes(<follows>: <m1>){id <follows>{id}}}`
	if n := len(run(q)["nodes"].([]map[string]any)); n != 50 {
		t.Fatalf("unlimited query: %d nodes, want 50", n)
	}
	lq, err := Limit(q, 7)
	if err != nil {
		t.Fatal(err)
	}
	nodes := run(lq)["nodes"].([]map[string]any)
	if len(nodes) != 7 {
		t.Errorf("%s: %d nodes, want 7", lq, len(nodes))
	}
	for _, n := range nodes {
		if f, ok := n["<follows>"].([]map[string]any); !ok || len(f) != 7 {
			t.Errorf("%s: nested field holds %v, want 7 nodes", lq, n["<follows>"])
			break
		}
	}
	if !strings.Contains(lq, "first: 7") {
		t.Errorf("rewritten query %q", lq)
	}
}
