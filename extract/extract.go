// Package extract turns an article into a doc.Document: sentences and
// tokens, temporal expressions normalized against the publication date,
// actors with their roles and affiliations, and events with their
// arguments, modality, time and temporal links. It knows nothing of the
// store.
package extract

import (
	"github.com/eventgraph/eventgraph/extract/actor"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/event"
	"github.com/eventgraph/eventgraph/extract/text"
	"github.com/eventgraph/eventgraph/extract/timex"
)

// Extract runs every extractor over a.
func Extract(a doc.Article) *doc.Document {
	d := &doc.Document{Article: a}
	d.Sentences = Sentences(a)
	d.Timexes = timex.Tag(a.Text, d.Sentences, a.Published)
	actor.Recognize(d)
	event.Extract(d)
	return d
}

// Sentences splits the article's blocks (all but metadata) into sentences
// with tokens.
func Sentences(a doc.Article) []doc.Sentence {
	var out []doc.Sentence
	blocks := a.Blocks
	if len(blocks) == 0 && a.Text != "" {
		blocks = []doc.Block{{Span: doc.Span{Start: 0, End: len(a.Text)}, Kind: doc.BlockBody}}
	}
	for bi, b := range blocks {
		if b.Kind == doc.BlockMetadata {
			continue
		}
		for _, sp := range text.Sentences(a.Text, b.Span) {
			out = append(out, doc.Sentence{
				Span:   sp,
				Index:  len(out),
				Block:  bi,
				Kind:   b.Kind,
				Tokens: text.Tokens(a.Text, sp),
			})
		}
	}
	return out
}
