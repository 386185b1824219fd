// Package extract turns an article into a doc.Document: sentences and
// tokens, temporal expressions normalized against the publication date,
// actors with their roles and affiliations, and events with their
// arguments, modality, time and temporal links. It knows nothing of the
// store.
package extract

import (
	"context"
	"sync"

	"github.com/eventgraph/eventgraph/extract/actor"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/event"
	"github.com/eventgraph/eventgraph/extract/syntax"
	"github.com/eventgraph/eventgraph/extract/text"
	"github.com/eventgraph/eventgraph/extract/timex"
)

// Extract runs every extractor over a. The extractors read English: an
// article in another language (doc.Article.English) gets a document with
// nothing extracted.
func Extract(a doc.Article) *doc.Document {
	d, _ := ExtractContext(context.Background(), a)
	return d
}

// ExtractContext is Extract that stops when ctx is done: it checks ctx
// before each sentence it parses (parsing is most of extraction's time)
// and between the extractors, and returns ctx's cause with a document
// that must not be used. Sentences are capped at syntax.MaxTokens tokens,
// so the time between two checks is bounded whatever the text: about a
// millisecond a sentence, and each later extractor takes a fraction of a
// second over a 512 KiB article.
func ExtractContext(ctx context.Context, a doc.Article) (*doc.Document, error) {
	d := &doc.Document{Article: a}
	if !a.English() {
		return d, nil
	}
	d.Sentences = Sentences(a)
	return d, sentenced(ctx, d)
}

// Load loads every extractor's models and tables, which otherwise load
// on first use (about a second of CPU): callers that time extraction
// call it first, so the first article is not charged for them.
var Load = sync.OnceFunc(func() {
	Extract(doc.Article{Text: "The foreign minister of France met officials in Geneva on Monday, a spokesman said."})
})

// Sentenced runs every extractor over d, whose Article and Sentences (with
// tokens) are set: parsing, temporal expressions, actors and events. It is
// Extract for documents that come split already (the gold tokens of an
// annotated corpus).
func Sentenced(d *doc.Document) {
	_ = sentenced(context.Background(), d)
}

// sentenced is Sentenced that stops when ctx is done (ExtractContext).
func sentenced(ctx context.Context, d *doc.Document) error {
	a := d.Article
	if err := parse(ctx, a.Text, d.Sentences); err != nil {
		return err
	}
	for _, step := range []func(){
		func() { d.Timexes = inSentences(timex.Tag(a.Text, d.Sentences, a.Published), d.Sentences) },
		func() { actor.Recognize(d) },
		func() { event.Extract(d) },
	} {
		if err := stopped(ctx); err != nil {
			return err
		}
		step()
	}
	return nil
}

// stopped returns why ctx is done, nil while it is not.
func stopped(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	return context.Cause(ctx)
}

// Sentences splits the article's blocks (all but metadata) into sentences
// with tokens.
func Sentences(a doc.Article) []doc.Sentence {
	var out []doc.Sentence
	blocks := a.Blocks
	if len(blocks) == 0 && a.Text != "" {
		blocks = []doc.Block{{Span: doc.Span{Start: 0, End: len(a.Text)}, Kind: doc.BlockBody}}
	}
	// The sentences' spans first, then the sentences in an array of their
	// number.
	type blockSents struct{ block, from, to int }
	var spans []doc.Span
	var bs []blockSents
	for bi, b := range blocks {
		if b.Kind == doc.BlockMetadata {
			continue
		}
		from := len(spans)
		spans = text.AppendSentences(spans, a.Text, b.Span)
		bs = append(bs, blockSents{bi, from, len(spans)})
	}
	if len(spans) > 0 {
		out = make([]doc.Sentence, 0, len(spans))
	}
	// The sentences' tokens share one array (each sentence's slice capped
	// at its own end): news runs at a bit less than one token per 5 bytes
	// (more in 1.5% of the benchmark's articles, for which it grows).
	toks := make([]doc.Token, 0, len(a.Text)/5+16)
	for _, x := range bs {
		b := blocks[x.block]
		for _, sp := range spans[x.from:x.to] {
			k := len(toks)
			toks = text.AppendTokens(toks, a.Text, sp)
			// A sentence of more than syntax.MaxTokens tokens becomes
			// several, cut where syntax.Analyze cuts (at a clause boundary
			// when there is one): every extractor's work per sentence
			// then stays bounded, and an article's extraction linear in
			// its length.
			n := len(toks)
			if n-k <= syntax.MaxTokens {
				out = append(out, doc.Sentence{Span: sp, Index: len(out), Block: x.block, Kind: b.Kind, Tokens: toks[k:n:n]})
				continue
			}
			for from := k; from < n; {
				to := syntax.ChunkEnd(from, n, func(i int) bool { return syntax.Clause(toks[i].Text) })
				cut := sp
				if from > k {
					cut.Start = toks[from].Start
				}
				if to < n {
					cut.End = toks[to-1].End
				}
				out = append(out, doc.Sentence{
					Span:   cut,
					Index:  len(out),
					Block:  x.block,
					Kind:   b.Kind,
					Tokens: toks[from:to:to],
				})
				from = to
			}
		}
	}
	return out
}

// inSentences keeps the expressions that lie inside a sentence: a date in
// the article's metadata is its publication date, not an event's.
func inSentences(ts []doc.Timex, sents []doc.Sentence) []doc.Timex {
	out := ts[:0]
	j := 0
	for _, t := range ts {
		for j < len(sents) && sents[j].End <= t.Start {
			j++
		}
		if j < len(sents) && sents[j].Contains(t.Span) {
			out = append(out, t)
		}
	}
	return out
}
