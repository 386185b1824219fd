package report

import (
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"

	"github.com/eventgraph/eventgraph/graph"
)

// propGraph is the store as a property graph, for GraphML and DOT: the
// nodes are the IRIs and blank nodes, literals are attributes of their
// subject (not shared nodes: "asserted" is a modality, not a hub), and
// rdf:type is an attribute too (the classes would be hubs of every node).
// Every node has a readable label: its rdfs:label, an event's summary, an
// article's headline (else the name of its file or URL), "mention of …"
// for a mention, "story of …" for a story.
type propGraph struct {
	nodes []*pgNode
	index map[string]*pgNode
	edges []pgEdge
	// nodeKeys and edgeKeys are the attribute names in use, in order.
	nodeKeys []pgKey
	quads    int
}

type pgNode struct {
	id    string
	label string
	// attrs are the literal values by attribute name (a predicate's
	// prefixed form), in the order read.
	attrs map[string][]quad.Value
	// class is an event's class when its rdf:type is an edge to its
	// type node (a subclass of sem:Event, graph.IsEventType).
	class quad.IRI
}

type pgEdge struct {
	from, to *pgNode
	pred     string // prefixed form
	graph    string // the quad's label, if any
}

// pgKey is an attribute and the type its values share.
type pgKey struct {
	name string
	typ  string // GraphML attr.type: string, long or double
}

// Attribute names every node and edge carry, beside the predicates.
const (
	attrLabel = "label"
	attrKind  = "kind"
	attrPred  = "predicate"
	attrGraph = "graph"
)

// readPropGraph reads every quad of st. Node ids are expanded IRIs (as the
// RDF exports write them) unless short is set; attribute names stay
// prefixed (rdfs:label) so that graph tools show them readably.
func readPropGraph(st *graph.Store, short bool) (*propGraph, error) {
	g := &propGraph{index: map[string]*pgNode{}}
	node := func(v quad.Value) *pgNode {
		id := graph.Str(v)
		switch v := v.(type) {
		case quad.IRI:
			if !short {
				id = voc.FullIRI(string(v))
			}
		case quad.BNode:
			id = v.String()
		}
		n := g.index[id]
		if n == nil {
			n = &pgNode{id: id, attrs: map[string][]quad.Value{}}
			g.index[id] = n
			g.nodes = append(g.nodes, n)
		}
		return n
	}
	r := cgraph.NewQuadStoreReader(st.QuadStore)
	defer r.Close()
	short2node := map[*pgNode]string{} // the stored (prefixed) IRI of each node
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading quads: %w", err)
		}
		g.quads++
		s := node(q.Subject)
		short2node[s] = graph.Str(q.Subject)
		pred := graph.Str(q.Predicate)
		if q.Predicate == graph.Spans && q.Label != nil {
			// An article's mentions of an actor: an edge from the
			// article to the actor (the offsets mean nothing here).
			a := node(q.Label)
			short2node[a] = graph.Str(q.Label)
			g.edges = append(g.edges, pgEdge{from: a, to: s, pred: pred, graph: graph.Str(q.Label)})
			continue
		}
		switch o := q.Object.(type) {
		case quad.IRI, quad.BNode:
			if q.Predicate == graph.SubClassOf && !graph.IsEventType(o) {
				s.attrs[pred] = append(s.attrs[pred], o)
				continue
			}
			if q.Predicate == graph.Type {
				if _, _, ok := graph.EventClass(o); !ok {
					s.attrs[pred] = append(s.attrs[pred], o)
					continue
				}
				// An event's class, its action's, is a node with
				// its action, linked to its type node (with the
				// type's codes and label): an edge to it, the
				// event's kind sem:Event.
				s.class = graph.ClassEvent
			}
			t := node(o)
			short2node[t] = graph.Str(o)
			e := pgEdge{from: s, to: t, pred: pred}
			if q.Label != nil {
				e.graph = graph.Str(q.Label)
			}
			g.edges = append(g.edges, e)
		default:
			s.attrs[pred] = append(s.attrs[pred], graph.TypedLiteral(q.Predicate, o))
		}
	}
	g.label(short2node)
	g.keys()
	return g, nil
}

// kindOf is what a node is: the last part of its rdf:type (Event, Actor,
// Article...; an event's is the superclass of its type node), else the first segment of its eventgraph IRI (mention,
// story...), else "resource".
func kindOf(n *pgNode, stored string) string {
	ts := n.attrs[string(graph.Type)]
	switch {
	case n.class != "":
		ts = []quad.Value{n.class}
	case len(ts) > 0 && graph.KindOf(ts[0]) != "":
		ts = []quad.Value{graph.ClassActor} // an actor's class is its kind's
	}
	if len(ts) > 0 {
		t := graph.Str(ts[0])
		if i := strings.LastIndexAny(t, ":/#"); i >= 0 {
			t = t[i+1:]
		}
		return t
	}
	if rest, ok := strings.CutPrefix(stored, "eg:"); ok {
		if i := strings.IndexByte(rest, '/'); i > 0 {
			return rest[:i]
		}
		return rest
	}
	return "resource"
}

// label gives every node a readable label.
func (g *propGraph) label(stored map[*pgNode]string) {
	first := func(n *pgNode, preds ...quad.IRI) string {
		for _, p := range preds {
			if vs := n.attrs[string(p)]; len(vs) > 0 {
				if s := strings.TrimSpace(graph.Str(vs[0])); s != "" {
					return s
				}
			}
		}
		return ""
	}
	for _, n := range g.nodes {
		n.label = first(n, graph.Label, graph.Description, graph.Headline, graph.Action)
		if n.label == "" {
			// An article without a headline: where it came from.
			if src := first(n, graph.URL, graph.Source); src != "" {
				n.label = "article " + path.Base(src)
			}
		}
	}
	// Mentions after what they mention, stories after the article that
	// began them, other unlabelled nodes by their id.
	out, in := map[*pgNode][]pgEdge{}, map[*pgNode][]pgEdge{}
	for _, e := range g.edges {
		out[e.from] = append(out[e.from], e)
		in[e.to] = append(in[e.to], e)
	}
	for _, n := range g.nodes {
		if n.label != "" {
			continue
		}
		for _, e := range out[n] {
			if e.pred == string(graph.MentionOf) && e.to.label != "" {
				n.label = "mention of " + e.to.label
				break
			}
		}
		if title := first(n, graph.Title); title != "" {
			n.label = roleLabel(title, out[n])
		}
		for _, e := range in[n] {
			if n.label != "" {
				break
			}
			if e.pred == string(graph.Story) && len(e.from.attrs[string(graph.Headline)]) > 0 {
				n.label = "story of " + e.from.label
			}
		}
		if n.label == "" {
			id := stored[n]
			if id == "" {
				id = n.id
			}
			n.label = strings.TrimPrefix(id, "eg:")
		}
	}
	for _, n := range g.nodes {
		n.attrs[attrKind] = []quad.Value{quad.String(kindOf(n, stored[n]))}
	}
}

// keys lists the node attributes in use with the GraphML type of their
// values: long when every value is an integer, double when every value is
// a number, string otherwise (and for an attribute with several values on
// a node, written joined).
func (g *propGraph) keys() {
	typ := map[string]string{}
	for _, n := range g.nodes {
		for k, vs := range n.attrs {
			t := typ[k]
			if len(vs) > 1 {
				typ[k] = "string"
				continue
			}
			vt := literalType(vs[0])
			switch {
			case t == "":
				t = vt
			case t != vt && (t == "string" || vt == "string"):
				t = "string"
			case t != vt:
				t = "double"
			}
			typ[k] = t
		}
	}
	names := make([]string, 0, len(typ))
	for k := range typ {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		g.nodeKeys = append(g.nodeKeys, pgKey{name: k, typ: typ[k]})
	}
}

func literalType(v quad.Value) string {
	if ts, ok := v.(quad.TypedString); ok {
		switch ts.Type {
		case graph.XSDInteger:
			return "long"
		case graph.XSDDecimal, graph.XSDDouble:
			return "double"
		}
	}
	return "string"
}

// value is an attribute's text: its values joined by " | ".
func (n *pgNode) value(key string) (string, bool) {
	vs, ok := n.attrs[key]
	if !ok {
		return "", false
	}
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = graph.Str(v)
	}
	return strings.Join(parts, " | "), true
}

// roleLabel names a role by its title, whose it is and who holds it:
// "defense minister of Israel government: Yoav Gallant".
func roleLabel(title string, out []pgEdge) string {
	var of, holder string
	for _, e := range out {
		switch e.pred {
		case string(graph.Of):
			of = e.to.label
		case string(graph.Holder):
			holder = e.to.label
		}
	}
	if of != "" {
		title += " of " + of
	}
	if holder != "" {
		title += ": " + holder
	}
	return title
}
