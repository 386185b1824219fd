package querylimit

import (
	"errors"
	"strings"
	"testing"
)

// The queries of the README, and other hand-written ones, pass.
func TestCheckAcceptsRealQueries(t *testing.T) {
	for _, tc := range []struct{ lang, q string }{
		{"gizmo", `g.V("<eg:actor/person/benjamin-netanyahu>").In(["<eg:agent>", "<eg:target>", "<eg:participant>"]).Tag("event").Out("<schema:description>").Tag("summary").Back("event").In("<eg:mentionOf>").ForEach(function(m) { g.V("<eg:article/" + m.id.split("/")[1] + ">").Out("<schema:datePublished>").ForEach(function(p) { m.published = p.id; g.Emit(m) }) })`},
		{"gizmo", `var n = 0; g.V("<sem:Event>").In("<rdfs:subClassOf>").In("<rdf:type>").ForEach(function(d) { if (n++ < 5) { g.Emit({id: d.id, ok: /^<eg:(event|actor)\//.test(d.id) ? "yes" : "no"}) } })`},
		{"gizmo", "// a comment with ((((\n/* and [[[[ */ g.V(\"((((((\").All()"},
		{"graphql", `{ nodes(<eg:modality>: "negated", first: 10) { id <rdf:type> { <eg:action> } @opt <eg:agent> { <rdfs:label> } } }`},
		{"graphql", "# a comment {{{{\n{ nodes(id: \"<eg:ns#term>\") { id } }"},
		{"mql", `[{"id": null, "<eg:modality>": "negated", "<eg:agent>": [{"id": null, "<rdfs:label>": null}]}]`},
	} {
		if err := Check(tc.lang, tc.q); err != nil {
			t.Errorf("%s %.60q: %v", tc.lang, tc.q, err)
		}
	}
}

// The hostile queries of issue 23, and others of the same kinds, are
// refused before any parser sees them, with the reason.
func TestCheckRefusesHostileQueries(t *testing.T) {
	rep := strings.Repeat
	deep := MaxDepth + 1
	for _, tc := range []struct {
		name, lang, q string
		want          error
	}{
		{"gizmo ( x500k", "gizmo", rep("(", 500_000), ErrTooLarge},
		{"gizmo [ x1M", "gizmo", rep("[", 1_000_000), ErrTooLarge},
		{"gizmo {a: x1M", "gizmo", rep("{a:", 1_000_000), ErrTooLarge},
		{"gizmo 100k .Out()", "gizmo", "g.V()" + rep(".Out()", 100_000) + ".All()", ErrTooLarge},
		{"graphql nested 1M", "graphql", rep("{a", 1_000_000) + rep("}", 1_000_000), ErrTooLarge},
		{"mql nested 1M", "mql", rep("[", 1_000_000), ErrTooLarge},
		{"gizmo parens", "gizmo", rep("(", deep) + "1" + rep(")", deep), ErrTooDeep},
		{"gizmo arrays", "gizmo", rep("[", deep) + rep("]", deep), ErrTooDeep},
		{"gizmo objects", "gizmo", "x=" + rep("{a:", deep) + "1" + rep("}", deep), ErrTooDeep},
		{"gizmo functions", "gizmo", rep("function(){", deep) + rep("}", deep), ErrTooDeep},
		{"gizmo label chain", "gizmo", rep("a:", 200) + "1", ErrTooDeep},
		{"gizmo closers hidden in strings", "gizmo", rep("(", 40) + `")))))))))))))))))))))))))))))))))))))))))"` + rep("(", 40), ErrTooDeep},
		{"gizmo closers hidden in a regexp", "gizmo", rep("(/[)]/", deep), ErrTooDeep},
		{"gizmo closers in a regexp after if", "gizmo", rep("(", 40) + "if(x)/[)))))))))))))))))))))))))))))))))))))))))]/" + rep("(", 40), ErrTooDeep},
		{"gizmo division is not a regexp", "gizmo", rep("(a/", deep), ErrTooDeep},
		{"gizmo string ends at line end", "gizmo", rep("(", 40) + "\"\\\n" + rep(")", 40) + "\"" + rep("(", 40), ErrTooDeep},
		{"gizmo template literal is code", "gizmo", "`" + rep("(", deep) + "`", ErrTooDeep},
		{"graphql selections", "graphql", rep("{a", deep) + rep("}", deep), ErrTooDeep},
		{"graphql list values", "graphql", "{a(x: " + rep("[", deep) + rep("]", deep) + "){id}}", ErrTooDeep},
		{"graphql object values", "graphql", "{a(x:" + rep("{a:", deep) + "1" + rep("}", deep) + "){id}}", ErrTooDeep},
		{"graphql names hold brackets", "graphql", "{a(x:" + rep("[", deep) + rep("]", deep) + "){id}}", nil},
		{"graphql # inside a name is no comment", "graphql", "{<a#b>" + rep("{a", deep) + rep("}", deep) + "}", ErrTooDeep},
		{"graphql closers in a string", "graphql", rep("{a", 40) + `(x: "}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}")` + rep("{a", 40), ErrTooDeep},
		{"mql nested", "mql", rep(`[{"a":`, deep) + "null" + rep("}]", deep), ErrTooDeep},
		{"unknown language", "sexp", rep("(", deep), ErrTooDeep},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Check(tc.lang, tc.q)
			if !errors.Is(err, tc.want) || (err == nil) != (tc.want == nil) {
				t.Fatalf("Check = %v, want %v", err, tc.want)
			}
			if err == nil {
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Lang != tc.lang || !strings.Contains(err.Error(), "limit") {
				t.Errorf("error %q does not name the language and the limit", err)
			}
		})
	}
}

// The pre-scan is linear: a query at the size limit is read in well under
// a millisecond per KiB.
func BenchmarkCheckGizmo(b *testing.B) {
	q := strings.Repeat(`g.V("<a>").Out("((").Tag("x") /* ]] */ `, MaxBytes("gizmo")/40)[:MaxBytes("gizmo")]
	b.SetBytes(int64(len(q)))
	for b.Loop() {
		_ = Check("gizmo", q)
	}
}
