package report

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/graph"
)

// graphML is what the tests read of a GraphML file.
type graphML struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string   `xml:"id,attr"`
			Data []gmData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string   `xml:"source,attr"`
			Target string   `xml:"target,attr"`
			Data   []gmData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type gmData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// TestGraphMLLiteralsAreAttributes: the seeds' GraphML, read back as XML,
// has literals as node attributes (no "asserted" hub), readable labels,
// typed numeric keys, and every edge between declared nodes.
func TestGraphMLLiteralsAreAttributes(t *testing.T) {
	st := seeds(t)
	var buf bytes.Buffer
	n, err := Export(st, &buf, "graphml", false)
	if err != nil {
		t.Fatal(err)
	}
	var g graphML
	if err := xml.Unmarshal(buf.Bytes(), &g); err != nil {
		t.Fatalf("GraphML does not parse: %v", err)
	}
	if g.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault %q", g.Graph.EdgeDefault)
	}
	keyName := map[string]string{}
	keyType := map[string]string{}
	for _, k := range g.Keys {
		keyName[k.ID] = k.Name
		keyType[k.For+" "+k.Name] = k.Type
	}
	for _, tt := range []struct{ key, typ string }{
		{"node label", "string"}, {"node kind", "string"}, {"node eg:modality", "string"},
		{"node eg:goldstein", "double"}, {"node eg:quadClass", "long"}, {"node schema:description", "string"},
		{"edge label", "string"}, {"edge predicate", "string"},
	} {
		if got := keyType[tt.key]; got != tt.typ {
			t.Errorf("key %q: type %q, want %q", tt.key, got, tt.typ)
		}
	}

	nodes := map[string]map[string]string{}
	for _, nd := range g.Graph.Nodes {
		if nodes[nd.ID] != nil {
			t.Errorf("node %s twice", nd.ID)
		}
		d := map[string]string{}
		for _, x := range nd.Data {
			d[keyName[x.Key]] = x.Value
		}
		nodes[nd.ID] = d
	}
	inDegree := map[string]int{}
	for _, e := range g.Graph.Edges {
		if nodes[e.Source] == nil || nodes[e.Target] == nil {
			t.Errorf("edge %s -> %s between undeclared nodes", e.Source, e.Target)
		}
		inDegree[e.Target]++
		if len(e.Data) == 0 || e.Data[0].Value == "" || strings.Contains(e.Data[0].Value, ":") {
			t.Errorf("edge %s -> %s: label %v", e.Source, e.Target, e.Data)
		}
	}
	events, modalities := 0, map[string]int{}
	for id, d := range nodes {
		// Node ids are IRIs or blank nodes; no literal became a node.
		if !strings.Contains(id, "://") && !strings.HasPrefix(id, "_:") {
			t.Errorf("node %q is not an IRI: a literal became a node", id)
		}
		label := d["label"]
		if label == "" || strings.HasPrefix(label, "<") || strings.HasPrefix(label, "http") || strings.HasPrefix(label, "eg:mention") {
			t.Errorf("node %s: unreadable label %q", id, label)
		}
		if d["kind"] == "Event" {
			events++
			// An event without eg:modality is asserted (graph.DefaultModality).
			modalities[cmp.Or(d["eg:modality"], string(graph.DefaultModality))]++
			if label != d["schema:description"] {
				t.Errorf("event %s: label %q, want its summary %q", id, label, d["schema:description"])
			}
			if d["rdf:type"] != "" {
				t.Errorf("event %s: rdf:type %q, want an edge to its type node", id, d["rdf:type"])
			}
		}
		if strings.Contains(id, "#actor/") && (d["kind"] != "Actor" || !strings.HasPrefix(d["rdf:type"], "eg:kind/")) {
			t.Errorf("actor %s: kind %q, rdf:type %q", id, d["kind"], d["rdf:type"])
		}
		if d["kind"] == "mention" && !strings.HasPrefix(label, "mention of ") {
			t.Errorf("mention %s: label %q", id, label)
		}
	}
	typed := 0 // events with an edge to their type node
	for _, e := range g.Graph.Edges {
		for _, x := range e.Data {
			if keyName[x.Key] == "predicate" && x.Value == "rdf:type" && nodes[e.Source]["kind"] == "Event" && strings.Contains(e.Target, "#cameo/") {
				typed++
			}
		}
	}
	if typed != events {
		t.Errorf("%d events, %d with an edge to their type node", events, typed)
	}
	if events == 0 || modalities["asserted"] == 0 {
		t.Fatalf("%d events, modalities %v", events, modalities)
	}
	// The literals that were shared nodes with a hundred edges each are
	// attributes: no node bears them.
	for id, d := range nodes {
		for _, lit := range []string{"asserted", "unknown", "publication", "day"} {
			if d["label"] == lit || strings.HasSuffix(id, "/"+lit) || strings.HasSuffix(id, "#"+lit) {
				t.Errorf("node %s (%q) stands for the literal %q; %d incoming edges", id, d["label"], lit, inDegree[id])
			}
		}
		if d["kind"] == "story" && !strings.HasPrefix(d["label"], "story of ") {
			t.Errorf("story %s: label %q", id, d["label"])
		}
	}
	t.Logf("%d quads: %d nodes, %d edges, %d keys; %d events %v", n, len(nodes), len(g.Graph.Edges), len(g.Keys), events, modalities)
}

// TestPropGraphKeepsEveryQuad: each quad is one edge or one attribute
// value, none lost, none counted twice.
func TestPropGraphKeepsEveryQuad(t *testing.T) {
	for _, short := range []bool{false, true} {
		g, err := readPropGraph(seeds(t), short)
		if err != nil {
			t.Fatal(err)
		}
		values := 0
		for _, n := range g.nodes {
			for k, vs := range n.attrs {
				if k != attrKind {
					values += len(vs)
				}
			}
		}
		if values+len(g.edges) != g.quads {
			t.Errorf("short=%v: %d attribute values + %d edges, want %d quads", short, values, len(g.edges), g.quads)
		}
		for _, n := range g.nodes {
			if short && strings.Contains(n.id, "://") {
				t.Errorf("short=%v: node %s expanded", short, n.id)
			}
		}
	}
}

var (
	dotNodeRE = regexp.MustCompile(`^  ("(?:[^"\\]|\\.)*") \[label=("(?:[^"\\]|\\.)*")`)
	dotEdgeRE = regexp.MustCompile(`^  ("(?:[^"\\]|\\.)*") -> ("(?:[^"\\]|\\.)*") \[label=("(?:[^"\\]|\\.)*")`)
)

// TestDOTLiteralsAreAttributes: the seeds' DOT has the GraphML's nodes and
// edges, labelled readably, every quoted string closed.
func TestDOTLiteralsAreAttributes(t *testing.T) {
	st := seeds(t)
	var gm, dot bytes.Buffer
	if _, err := Export(st, &gm, "graphml", false); err != nil {
		t.Fatal(err)
	}
	if _, err := Export(st, &dot, "dot", false); err != nil {
		t.Fatal(err)
	}
	var g graphML
	if err := xml.Unmarshal(gm.Bytes(), &g); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(dot.String()), "\n")
	if lines[0] != "digraph eventgraph {" || lines[len(lines)-1] != "}" {
		t.Fatalf("not a digraph: %q … %q", lines[0], lines[len(lines)-1])
	}
	unquote := func(s string) string {
		s = s[1 : len(s)-1]
		return strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, " ").Replace(s)
	}
	nodes, edges := map[string]string{}, 0
	for _, l := range lines[1 : len(lines)-1] {
		if m := dotEdgeRE.FindStringSubmatch(l); m != nil {
			edges++
			for _, end := range m[1:3] {
				if _, ok := nodes[unquote(end)]; !ok {
					t.Errorf("edge before its node or to an undeclared node: %s", l)
				}
			}
			continue
		}
		if m := dotNodeRE.FindStringSubmatch(l); m != nil {
			nodes[unquote(m[1])] = unquote(m[2])
			if !strings.HasSuffix(l, "];") {
				t.Errorf("node line not closed: %.200s", l)
			}
			continue
		}
		if !strings.HasPrefix(l, "  graph [") && !strings.HasPrefix(l, "  node [") && !strings.HasPrefix(l, "  edge [") {
			t.Errorf("unexpected line: %.200s", l)
		}
	}
	if len(nodes) != len(g.Graph.Nodes) || edges != len(g.Graph.Edges) {
		t.Errorf("DOT has %d nodes and %d edges, GraphML %d and %d", len(nodes), edges, len(g.Graph.Nodes), len(g.Graph.Edges))
	}
	for id, label := range nodes {
		if !strings.Contains(id, "://") && !strings.HasPrefix(id, "_:") {
			t.Errorf("node %q is not an IRI", id)
		}
		if label == "" || strings.HasPrefix(label, "http") {
			t.Errorf("node %s: label %q", id, label)
		}
	}
}

// dotKeywordAttr is an unquoted DOT keyword used as an attribute name,
// which Graphviz refuses ("syntax error near 'graph'").
var dotKeywordAttr = regexp.MustCompile(`[\[ ,](?i:graph|node|edge|digraph|subgraph|strict)=`)

// TestDOTLoadsInGraphviz: the DOT export is a graph Graphviz reads (it
// refused the seeds' export at the first edge with a graph attribute);
// without Graphviz installed, the keyword check alone runs.
func TestDOTLoadsInGraphviz(t *testing.T) {
	var dot bytes.Buffer
	if _, err := Export(seeds(t), &dot, "dot", false); err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(dot.String(), "\n") {
		if m := dotKeywordAttr.FindString(l); m != "" && !strings.HasPrefix(l, "  graph [") {
			t.Fatalf("line %d: the DOT keyword %q is an unquoted attribute name: %.200s", i+1, m, l)
		}
	}
	// nop parses and prints the graph back, without a layout.
	bin, err := exec.LookPath("nop")
	if err != nil {
		t.Skip("Graphviz is not installed (apt-get install graphviz): checked the keywords only")
	}
	cmd := exec.Command(bin)
	cmd.Stdin = &dot
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("Graphviz refuses the DOT export: %v\n%s", err, stderr.String())
	}
}

func TestWrapAndDOTString(t *testing.T) {
	tests := []struct {
		in, wrapped, quoted string
	}{
		{"Benjamin Netanyahu cancels Washington Trip", "Benjamin Netanyahu cancels\nWashington Trip", `"Benjamin Netanyahu cancels\nWashington Trip"`},
		{`say "no" \ now`, `say "no" \ now`, `"say \"no\" \\ now"`},
		{"", "", `""`},
	}
	for _, tt := range tests {
		w := wrap(tt.in, dotLabelWidth)
		if w != tt.wrapped {
			t.Errorf("wrap(%q) = %q, want %q", tt.in, w, tt.wrapped)
		}
		if q := dotString(w); q != tt.quoted {
			t.Errorf("dotString(%q) = %s, want %s", w, q, tt.quoted)
		}
	}
}

// TestRoleLabels: a role node is named by its title, whose it is and who
// holds it, not by its id (role/b319…).
func TestRoleLabels(t *testing.T) {
	g, err := readPropGraph(seeds(t), true)
	if err != nil {
		t.Fatal(err)
	}
	roles := 0
	for _, n := range g.nodes {
		titles := n.attrs["eg:title"]
		if len(titles) == 0 {
			continue
		}
		roles++
		title := graph.Str(titles[0])
		if !strings.HasPrefix(n.label, title) || strings.Contains(n.label, "role/") {
			t.Errorf("role %s: label %q, want its title %q first", n.id, n.label, title)
		}
	}
	if roles == 0 {
		t.Fatal("no role among the seeds")
	}
	want := regexp.MustCompile(`^[a-z ]+ of .+: Benjamin Netanyahu$`)
	found := false
	for _, n := range g.nodes {
		found = found || len(n.attrs["eg:title"]) > 0 && want.MatchString(n.label)
	}
	if !found {
		t.Errorf("no role held by Benjamin Netanyahu named like %s", want)
	}
}
