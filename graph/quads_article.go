package graph

import (
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// article adds the article node: its headline, source, metadata and story.
func (m *mapping) article() {
	art, a, w := m.art, m.d.Article, &m.own
	w.add(art, Type, ClassArticle)
	if a.Title != "" {
		w.add(art, Headline, quad.String(a.Title))
	}
	articleMeta(w, art, a)
	if a.Text != "" {
		// Once: mentions point into it by byte offsets.
		w.add(art, Text, quad.String(a.Text))
	}
	if a.URL != "" {
		w.add(art, URL, quad.IRI(a.URL))
	}
	if a.Source != "" {
		w.add(art, Source, quad.String(a.Source))
	}
	if st := m.as.Story; st.Story != "" {
		w.add(art, Story, StoryIRI(st.Story))
		w.add(art, StorySeq, quad.Int(st.Seq))
		if kw := FormatKeywords(st.Words); kw != "" {
			w.add(art, Keywords, quad.String(kw))
		}
		if len(st.Names) > 0 {
			w.add(art, Cast, quad.String(strings.Join(st.Names, " ")))
		}
		for _, l := range st.Links {
			// The article's ID, not its IRI: retracting the earlier
			// article leaves no quad naming it.
			w.add(art, SameStoryAs, quad.String(l))
		}
	}
}

// articleMeta adds what the source says of the article: its publication
// day as the publisher dated it (in the source's own offset, not UTC),
// the time when known, the year alone when that is all the source gave,
// the last modification, author, site and language.
func articleMeta(w *quadBuf, art quad.IRI, a doc.Article) {
	switch {
	case a.Published != nil:
		w.add(art, Published, quad.String(a.Published.Format(time.DateOnly)))
	case a.Props[doc.PropPublishedYear] != "":
		w.add(art, Published, quad.String(a.Props[doc.PropPublishedYear]))
	}
	if t := a.Props[doc.PropPublishedTime]; t != "" {
		w.add(art, PublishedAt, quad.TypedString{Value: quad.String(t), Type: XSDDateTime})
	}
	for _, p := range []struct {
		key  string
		pred quad.IRI
	}{{doc.PropModified, Modified}, {doc.PropAuthor, Author}, {doc.PropSite, Publisher}, {doc.PropLanguage, InLanguage}} {
		if v := a.Props[p.key]; v != "" {
			w.add(art, p.pred, quad.String(v))
		}
	}
}
