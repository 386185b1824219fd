package timeml

import (
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/text"
	"github.com/eventgraph/eventgraph/extract/timex"
)

// Sentences splits text into sentences the way the extractor does.
func Sentences(txt string) []doc.Sentence {
	spans := text.Sentences(txt, doc.Span{Start: 0, End: len(txt)})
	out := make([]doc.Sentence, len(spans))
	for k, s := range spans {
		out[k] = doc.Sentence{Span: s, Index: k, Kind: doc.BlockBody}
	}
	return out
}

// Tag runs the temporal tagger over the document text with its DCT.
func (d *Doc) Tag() []doc.Timex {
	return timex.Tag(d.Text, Sentences(d.Text), d.DCT)
}

// FromTimexes converts tagger output to TimeML annotations.
func FromTimexes(tx []doc.Timex) []Timex {
	out := make([]Timex, len(tx))
	for k, x := range tx {
		out[k] = Timex{Start: x.Start, End: x.End, Type: x.Type, Value: x.Value, Mod: x.Mod, Text: x.Text}
	}
	return out
}
