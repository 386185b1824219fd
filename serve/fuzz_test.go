package serve

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// fuzzHandler is a server over the small test store with tight limits.
func fuzzHandler(f *testing.F) http.Handler {
	f.Helper()
	requireAssets(f)
	h, err := New(Options{
		Handle:       memHandle(f, testQuads...),
		QueryTimeout: 200 * time.Millisecond,
		QueryMaxHeap: 64 << 20,
		Timeline:     fakeTimeline,
		Logger:       slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		f.Fatal(err)
	}
	return h
}

// fuzzAnswerWithin is the longest an endpoint may take to answer one fuzz
// input (the query timeout is 200 ms): the fuzzing engine itself gives a
// whole input 10 s before it reports its worker "hung", without saying
// which endpoint or why.
const fuzzAnswerWithin = 3 * time.Second

// fuzzEndpoints sends q to every query endpoint of lang and checks that
// each answers in time with a status a query may end with.
func fuzzEndpoints(t *testing.T, h http.Handler, lang, q string) {
	for _, path := range []string{"/api/v1/query/" + lang, "/api/v2/query?lang=" + lang, "/api/v1/shape/" + lang} {
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, httptest.NewRequest("POST", path, strings.NewReader(q)))
		if took := time.Since(start); took > fuzzAnswerWithin {
			t.Fatalf("%s %.100q: answered after %v (query timeout 200ms): a query is not stopped", path, q, took.Round(time.Millisecond))
		}
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge,
			http.StatusNotImplemented, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		default:
			t.Fatalf("%s %.100q: status %d: %.200s", path, q, rec.Code, rec.Body.String())
		}
	}
}

func FuzzGizmo(f *testing.F) {
	h := fuzzHandler(f)
	for _, s := range []string{
		`g.V().All()`, `g.V("<eg:actor/org/acme>").Out("<rdfs:label>").All()`,
		`g.V().ForEach(function(d){ g.Emit(d) })`, `g.V().ToArray()`, `while(true){}`,
		`((((((1))))))`, `a:a:a:1`, `/[)]/.test("(")`, `g.V().Out().In().Has("<a>", "b").Tag("t").Back("t").Count()`,
		// Scripts one interrupt does not stop (TestHostileGizmoEscapes).
		`while(true){try{g.V().ForEach(function(d){while(true){}})}catch(e){}}`, `/^(a+)+\1b$/.test("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) { fuzzEndpoints(t, h, "gizmo", q) })
}

func FuzzGraphQL(f *testing.F) {
	h := fuzzHandler(f)
	for _, s := range []string{
		`{nodes{id}}`, `{nodes(first: 3){id <eg:agent>{<rdfs:label>}}}`, `{nodes(id: <eg:event/1>){id <eg:target> @rev {id}}}`,
		`{a{b{c{d}}}}`, `{nodes(<first>: -1){*}}`, "# c\n{x: nodes @opt {id}}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) { fuzzEndpoints(t, h, "graphql", q) })
}

func FuzzMQL(f *testing.F) {
	h := fuzzHandler(f)
	for _, s := range []string{
		`[{"id": null}]`, `[{"id": "<eg:event/1>", "<eg:agent>": null}]`, `[{"id": null, "<rdfs:label>": [{"id": null}]}]`, `{}`, `[[[]]]`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) { fuzzEndpoints(t, h, "mql", q) })
}
