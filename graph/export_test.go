package graph_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad/nquads"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/pipeline"
)

// rdflibCheck reads an N-Quads file with rdflib (an RDF parser independent
// of cayley's) and prints: the number of quads, the events whose CAMEO
// type has a negative Goldstein score (a SPARQL numeric FILTER, which
// matches only typed numbers), the datatypes of eg:goldstein,
// eg:quadClass and schema:datePublished, and the subjects, predicates or
// objects that are not absolute http(s) IRIs, literals or blank nodes.
const rdflibCheck = `
import sys, rdflib
ds = rdflib.ConjunctiveGraph()
ds.parse(sys.argv[1], format="nquads")
print(len(list(ds.quads((None, None, None, None)))))
q = """PREFIX eg: <https://eventgraph.dev/ns#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?c . ?c rdfs:subClassOf sem:Event . ?c rdfs:subClassOf* ?t . ?t eg:goldstein ?s FILTER(?s < 0) }"""
print([int(r[0]) for r in ds.query(q)][0])
for p in ["https://eventgraph.dev/ns#goldstein", "https://eventgraph.dev/ns#quadClass", "https://schema.org/datePublished"]:
    print(" ".join(sorted({str(o.datatype) for _, _, o, _ in ds.quads((None, rdflib.URIRef(p), None, None))})))
bad = 0
for s, p, o, g in ds.quads((None, None, None, None)):
    for v in (s, p, o, g):
        if isinstance(v, rdflib.URIRef) and not str(v).startswith(("http://", "https://", "file:")):
            bad += 1
print(bad)
`

// The N-Quads export of the seeds parses with rdflib, and a SPARQL
// numeric filter on Goldstein scores finds every event of a negative
// score: numbers are xsd:integer/xsd:decimal, days xsd:date, IRIs expanded.
func TestExportRoundTripRDFLib(t *testing.T) {
	python := ""
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import rdflib").Run() == nil {
			python = p
			break
		}
	}
	if python == "" {
		t.Skip("SKIP: no python3 with rdflib (apt-get install python3-rdflib)")
	}
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := pipeline.Run(ctx, st, []string{filepath.Join("..", "seeds")}, pipeline.Options{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := nquads.NewWriter(&buf)
	it := st.QuadsAllIterator()
	n := 0
	for it.Next(ctx) {
		if err := w.WriteQuad(graph.ExportQuad(st.Quad(it.Result()))); err != nil {
			t.Fatal(err)
		}
		n++
	}
	it.Close()
	w.Close()
	path := filepath.Join(t.TempDir(), "seeds.nq")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	// What the store says: events whose type has a negative score.
	negative := 0
	events, err := st.OfType(ctx, graph.ClassEvent)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		p, err := st.Out(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		tp, err := st.Out(ctx, p.EventType())
		if err != nil {
			t.Fatal(err)
		}
		if tp.Float(graph.Goldstein) < 0 {
			negative++
		}
	}
	if negative == 0 {
		t.Fatal("no event of a negative Goldstein score in the seeds")
	}

	out, err := exec.Command(python, "-c", rdflibCheck, path).CombinedOutput()
	if err != nil {
		t.Fatalf("rdflib: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 6 {
		t.Fatalf("rdflib printed %q", out)
	}
	xsd := "http://www.w3.org/2001/XMLSchema#"
	for i, want := range []string{strconv.Itoa(n), strconv.Itoa(negative), xsd + "decimal", xsd + "integer", xsd + "date", "0"} {
		if lines[i] != want {
			t.Errorf("rdflib line %d: %q, want %q", i+1, lines[i], want)
		}
	}
}
