package main

import (
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/timex"
)

// tagTimes runs the temporal tagger over the document.
func tagTimes(d *doc.Document) {
	d.Timexes = timex.Tag(d.Article.Text, d.Sentences, d.Article.Published)
}
