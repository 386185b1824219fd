package querylimit

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dennwc/graphql/language/ast"
)

// FuzzCheck holds the pre-scan to what the real parsers read: whenever
// Check accepts a GraphQL query or a JSON (MQL) document that parses, the
// parsed nesting is no deeper than the limit.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		`{nodes(first: 10){id <eg:agent>{<rdfs:label>}}}`,
		`{a(x: [[1], {b: [2]}]) @rev(first: 3) {id}}`,
		"# {{{\n{<a#b>{c}}",
		`[{"id": null, "<eg:agent>": [{"id": null}]}]`,
		`g.V("((").Out(/[)]/).All() // ((`,
		`"\"{{{"`,
		strings.Repeat("{a", 70) + strings.Repeat("}", 70),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_ = Check("gizmo", q)
		_ = Check("other", q)
		if Check("graphql", q) == nil {
			if doc, err := parseGraphQL(q); err == nil {
				if d := docDepth(doc); d > MaxDepth {
					t.Fatalf("GraphQL nests %d deep, past the check (limit %d)", d, MaxDepth)
				}
			}
		}
		if Check("mql", q) == nil {
			var v any
			if json.Unmarshal([]byte(q), &v) == nil {
				if d := jsonDepth(v); d > MaxDepth {
					t.Fatalf("JSON nests %d deep, past the check (limit %d)", d, MaxDepth)
				}
			}
		}
	})
}

func jsonDepth(v any) int {
	d := 0
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			d = max(d, jsonDepth(e))
		}
		return d + 1
	case map[string]any:
		for _, e := range v {
			d = max(d, jsonDepth(e))
		}
		return d + 1
	}
	return 0
}

// docDepth is the bracket nesting of a GraphQL document: selection sets,
// argument lists, list and object values.
func docDepth(doc *ast.Document) int {
	d := 0
	for _, def := range doc.Definitions {
		if op, ok := def.(*ast.OperationDefinition); ok {
			d = max(d, setDepth(op.SelectionSet))
		}
	}
	return d
}

func setDepth(ss *ast.SelectionSet) int {
	if ss == nil {
		return 0
	}
	d := 0
	for _, sel := range ss.Selections {
		f, ok := sel.(*ast.Field)
		if !ok {
			d = max(d, setDepth(sel.GetSelectionSet()))
			continue
		}
		d = max(d, setDepth(f.SelectionSet), argsDepth(f.Arguments))
		for _, dir := range f.Directives {
			d = max(d, argsDepth(dir.Arguments))
		}
	}
	return d + 1
}

func argsDepth(args []*ast.Argument) int {
	if len(args) == 0 {
		return 0
	}
	d := 0
	for _, a := range args {
		d = max(d, valueDepth(a.Value))
	}
	return d + 1
}

func valueDepth(v ast.Value) int {
	d := 0
	switch v := v.(type) {
	case *ast.ListValue:
		for _, e := range v.Values {
			d = max(d, valueDepth(e))
		}
		return d + 1
	case *ast.ObjectValue:
		for _, f := range v.Fields {
			d = max(d, valueDepth(f.Value))
		}
		return d + 1
	}
	return 0
}
