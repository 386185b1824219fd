package report

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"

	"github.com/eventgraph/eventgraph/graph"
)

// writeGraphML writes st as a GraphML property graph (see propGraph):
// nodes with a label, a kind and their literals as data, edges with their
// predicate as label. It returns how many quads it read.
func writeGraphML(st *graph.Store, w io.Writer, short bool) (int, error) {
	g, err := readPropGraph(st, short)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(w)
	esc := func(s string) {
		// EscapeText writes to a bufio.Writer, which keeps its error.
		_ = xml.EscapeText(bw, []byte(s))
	}
	attr := func(s string) string {
		var b xmlBuf
		_ = xml.EscapeText(&b, []byte(s))
		return string(b)
	}
	fmt.Fprint(bw, xml.Header)
	fmt.Fprintln(bw, `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`)
	keyID := map[string]string{}
	for i, k := range g.nodeKeys {
		id := fmt.Sprintf("n%d", i)
		keyID[k.name] = id
		fmt.Fprintf(bw, "  <key id=%q for=\"node\" attr.name=\"%s\" attr.type=%q/>\n", id, attr(k.name), k.typ)
	}
	fmt.Fprintf(bw, "  <key id=\"nlabel\" for=\"node\" attr.name=%q attr.type=\"string\"/>\n", attrLabel)
	fmt.Fprintf(bw, "  <key id=\"elabel\" for=\"edge\" attr.name=%q attr.type=\"string\"/>\n", attrLabel)
	fmt.Fprintf(bw, "  <key id=\"epred\" for=\"edge\" attr.name=%q attr.type=\"string\"/>\n", attrPred)
	fmt.Fprintf(bw, "  <key id=\"egraph\" for=\"edge\" attr.name=%q attr.type=\"string\"/>\n", attrGraph)
	fmt.Fprintln(bw, `  <graph id="eventgraph" edgedefault="directed">`)
	for _, n := range g.nodes {
		fmt.Fprintf(bw, "    <node id=\"%s\">\n      <data key=\"nlabel\">", attr(n.id))
		esc(n.label)
		fmt.Fprint(bw, "</data>\n")
		for _, k := range g.nodeKeys {
			v, ok := n.value(k.name)
			if !ok {
				continue
			}
			fmt.Fprintf(bw, "      <data key=%q>", keyID[k.name])
			esc(v)
			fmt.Fprint(bw, "</data>\n")
		}
		fmt.Fprint(bw, "    </node>\n")
	}
	for i, e := range g.edges {
		fmt.Fprintf(bw, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\">", i, attr(e.from.id), attr(e.to.id))
		fmt.Fprint(bw, "<data key=\"elabel\">")
		esc(edgeLabel(e.pred))
		fmt.Fprint(bw, "</data><data key=\"epred\">")
		esc(e.pred)
		fmt.Fprint(bw, "</data>")
		if e.graph != "" {
			fmt.Fprint(bw, "<data key=\"egraph\">")
			esc(e.graph)
			fmt.Fprint(bw, "</data>")
		}
		fmt.Fprint(bw, "</edge>\n")
	}
	fmt.Fprintln(bw, "  </graph>\n</graphml>")
	if err := bw.Flush(); err != nil {
		return g.quads, fmt.Errorf("writing GraphML: %w", err)
	}
	return g.quads, nil
}

// xmlBuf collects escaped text.
type xmlBuf []byte

func (b *xmlBuf) Write(p []byte) (int, error) {
	*b = append(*b, p...)
	return len(p), nil
}

// edgeLabel is a predicate without its prefix: "agent", "mentionOf".
func edgeLabel(pred string) string {
	for i := len(pred) - 1; i >= 0; i-- {
		switch pred[i] {
		case ':', '/', '#':
			return pred[i+1:]
		}
	}
	return pred
}
