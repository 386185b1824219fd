package report

import (
	"fmt"
	"io"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"

	"github.com/eventgraph/eventgraph/graph"

	_ "github.com/cayleygraph/quad/dot"
	_ "github.com/cayleygraph/quad/graphml"
	_ "github.com/cayleygraph/quad/jsonld"
	_ "github.com/cayleygraph/quad/nquads"
)

// ExportFormats are the formats Export writes.
var ExportFormats = []string{"nquads", "jsonld", "graphml", "dot"}

// Export writes every quad of the store to w in format (one of
// ExportFormats) through cayley's writers, and returns how many it wrote.
// IRIs are expanded to full IRIs with eventgraph's prefixes unless short
// is set (then they stay prefixed as stored).
func Export(st *graph.Store, w io.Writer, format string, short bool) (int, error) {
	name := format
	if name == "dot" {
		name = "graphviz" // cayley's name for DOT
	}
	f := quad.FormatByName(name)
	if f == nil || f.Writer == nil {
		return 0, fmt.Errorf("unknown export format %q (want nquads, jsonld, graphml or dot)", format)
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
			return n, fmt.Errorf("reading quads: %w", err)
		}
		if !short {
			q = FullQuad(q)
		}
		if err := qw.WriteQuad(q); err != nil {
			return n, fmt.Errorf("writing quad %d: %w", n, err)
		}
		n++
	}
	if err := qw.Close(); err != nil {
		return n, fmt.Errorf("closing the %s writer: %w", format, err)
	}
	return n, nil
}

// FullQuad expands the quad's prefixed IRIs (eg:, schema:…) to full IRIs.
func FullQuad(q quad.Quad) quad.Quad {
	full := func(v quad.Value) quad.Value {
		if iri, ok := v.(quad.IRI); ok {
			return quad.IRI(voc.FullIRI(string(iri)))
		}
		return v
	}
	q.Subject, q.Predicate, q.Object = full(q.Subject), full(q.Predicate), full(q.Object)
	if q.Label != nil {
		q.Label = full(q.Label)
	}
	return q
}
