package graph

import (
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/resolve"
)

// Quads maps an extracted document with its resolution to quads, all
// labelled with the article's IRI. Facts about shared nodes (canonical
// actors and events) are returned separately in shared: the writer stores
// each of those only once, whichever article states it first.
//
// The mapping is in four parts: the article node (quads_article.go), the
// actors with their relations and mentions (quads_actor.go), the events
// with their mentions (quads_event.go), and the temporal links between
// events (quads_link.go).
func Quads(d *doc.Document, as resolve.Assignment) (own, shared []quad.Quad) {
	art := ArticleIRI(d.Article.ID)
	m := mapping{d: d, as: as, art: art, own: quadBuf{label: art}, shared: quadBuf{label: art}}
	m.merges = make(map[int]string, len(as.Merges))
	for _, mg := range as.Merges {
		m.merges[mg.Mention] = strings.Join(mg.Reasons, "; ")
	}
	m.article()
	m.actors()
	m.events()
	m.links()
	return m.own.quads, m.shared.quads
}

// mapping is one document's quads being built.
type mapping struct {
	d   *doc.Document
	as  resolve.Assignment
	art quad.IRI
	// actorIRI[i] is the canonical actor of d.Actors[i].
	actorIRI []quad.IRI
	// merges[i] is why the i-th event mention was merged, if it was.
	merges map[int]string
	// rep maps an event this article creates to the mention of the
	// article that states its coding (see representatives).
	rep map[string]int
	// own are the article's quads, shared the facts of canonical nodes.
	own, shared quadBuf
}
