package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/eventgraph/eventgraph/graph"
)

// dotLabelWidth is where DOT labels wrap.
const dotLabelWidth = 28

// writeDOT writes st as a Graphviz digraph (see propGraph): nodes labelled
// readably, shaped and coloured by kind, with their literals as
// attributes; edges labelled with their predicate. The graph asks for
// sfdp (a force-directed layout: dot's ranks draw the store as one long
// strip) without overlaps. It returns how many quads it read.
func writeDOT(st *graph.Store, w io.Writer, short bool) (int, error) {
	g, err := readPropGraph(st, short)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "digraph eventgraph {")
	fmt.Fprintln(bw, `  graph [layout=sfdp, overlap=prism, splines=true, outputorder=edgesfirst, fontname="Helvetica"];`)
	fmt.Fprintln(bw, `  node [shape=box, style="rounded,filled", fillcolor="#eef1f4", fontname="Helvetica", fontsize=10];`)
	fmt.Fprintln(bw, `  edge [fontname="Helvetica", fontsize=8, color="#8894a0"];`)
	for _, n := range g.nodes {
		fmt.Fprintf(bw, "  %s [label=%s", dotID(n.id), dotString(wrap(n.label, dotLabelWidth)))
		kind, _ := n.value(attrKind)
		if s, ok := dotKindStyle[kind]; ok {
			fmt.Fprint(bw, ", ", s)
		}
		for _, k := range g.nodeKeys {
			v, ok := n.value(k.name)
			if !ok {
				continue
			}
			fmt.Fprintf(bw, ", %s=%s", dotID(k.name), dotString(v))
		}
		fmt.Fprint(bw, "];\n")
	}
	for _, e := range g.edges {
		// Attribute names are quoted: "graph" is a DOT keyword.
		fmt.Fprintf(bw, "  %s -> %s [label=%s, %s=%s", dotID(e.from.id), dotID(e.to.id), dotString(edgeLabel(e.pred)), dotID(attrPred), dotString(e.pred))
		if e.graph != "" {
			fmt.Fprintf(bw, ", %s=%s", dotID(attrGraph), dotString(e.graph))
		}
		fmt.Fprint(bw, "];\n")
	}
	fmt.Fprintln(bw, "}")
	if err := bw.Flush(); err != nil {
		return g.quads, fmt.Errorf("writing DOT: %w", err)
	}
	return g.quads, nil
}

// dotKindStyle draws the kinds of nodes apart.
var dotKindStyle = map[string]string{
	"Event":   `shape=ellipse, fillcolor="#fde68a"`,
	"Actor":   `fillcolor="#bfdbfe"`,
	"Place":   `fillcolor="#bbf7d0"`,
	"Article": `shape=note, fillcolor="#ffffff"`,
	"mention": `shape=plain, style="", fontsize=8, fontcolor="#5f6b7a"`,
}

// dotID quotes an ID (a node id or an attribute name).
func dotID(s string) string { return dotString(s) }

// dotString is a DOT quoted string: quotes and backslashes escaped,
// line breaks as \n (which DOT labels draw as breaks).
func dotString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// wrap breaks s into lines of about width runes at spaces.
func wrap(s string, width int) string {
	words := strings.Fields(s)
	var lines []string
	var cur []rune
	for _, w := range words {
		if len(cur) > 0 && len(cur)+1+len([]rune(w)) > width {
			lines = append(lines, string(cur))
			cur = nil
		}
		if len(cur) > 0 {
			cur = append(cur, ' ')
		}
		cur = append(cur, []rune(w)...)
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return strings.Join(lines, "\n")
}
