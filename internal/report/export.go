package report

import (
	"fmt"
	"io"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/graph"

	_ "github.com/cayleygraph/quad/jsonld"
	_ "github.com/cayleygraph/quad/nquads"
)

// ExportFormats are the formats Export writes.
var ExportFormats = []string{"nquads", "jsonld", "graphml", "dot"}

// Export writes every quad of the store to w in format (one of
// ExportFormats), and returns how many it read. N-Quads and JSON-LD go
// through cayley's writers, IRIs expanded to full IRIs and literals typed
// for RDF tools (graph.ExportQuad) unless short is set (then they stay as
// stored). GraphML and DOT are property graphs (see propGraph): literals
// are attributes of their node, not nodes, and nodes have readable labels.
func Export(st *graph.Store, w io.Writer, format string, short bool) (int, error) {
	switch format {
	case "graphml":
		return writeGraphML(st, w, short)
	case "dot":
		return writeDOT(st, w, short)
	}
	f := quad.FormatByName(format)
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
			q = graph.ExportQuad(q)
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
