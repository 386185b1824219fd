package graph

import (
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/resolve"
)

// The article node keeps the publisher's day (not the UTC day), the time
// with its offset as an xsd:dateTime, a year alone as a year, and what the
// source says of the article.
func TestArticleMetadata(t *testing.T) {
	late := time.Date(2024, 3, 27, 0, 30, 0, 0, time.FixedZone("", 8*3600)) // the 26th in UTC
	tests := []struct {
		name string
		a    doc.Article
		want map[quad.IRI]quad.Value
	}{
		{"offset near midnight", doc.Article{ID: "a", Published: &late, Props: map[string]string{
			doc.PropPublishedTime: "2024-03-27T00:30:00+08:00", doc.PropSite: "Island Daily", doc.PropAuthor: "Li Wei",
			doc.PropLanguage: "en", doc.PropModified: "2024-03-27T02:00:00+08:00"}},
			map[quad.IRI]quad.Value{
				Published:   quad.String("2024-03-27"),
				PublishedAt: quad.TypedString{Value: "2024-03-27T00:30:00+08:00", Type: XSDDateTime},
				Publisher:   quad.String("Island Daily"), Author: quad.String("Li Wei"), InLanguage: quad.String("en"),
				Modified: quad.String("2024-03-27T02:00:00+08:00"),
			}},
		{"year only", doc.Article{ID: "b", Props: map[string]string{doc.PropPublishedYear: "1988"}},
			map[quad.IRI]quad.Value{Published: quad.String("1988"), PublishedAt: nil}},
		{"undated", doc.Article{ID: "c"}, map[quad.IRI]quad.Value{Published: nil, PublishedAt: nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			own, _ := Quads(&doc.Document{Article: tt.a}, resolve.Assignment{})
			got := map[quad.IRI]quad.Value{}
			for _, q := range own {
				if q.Subject == ArticleIRI(tt.a.ID) {
					got[q.Predicate.(quad.IRI)] = q.Object
				}
			}
			for p, want := range tt.want {
				if g := got[p]; g != want {
					t.Errorf("%s = %v, want %v", p, g, want)
				}
			}
		})
	}
}
