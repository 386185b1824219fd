package extract

import (
	"context"
	"sort"

	"github.com/eventgraph/eventgraph/extract/detect"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/syntax"
)

// parse analyzes each sentence with the tagger, the parser and the TimeML
// event detector, and projects the result onto the sentence's tokens;
// title-case sentences are analyzed truecased. It
// checks ctx before each sentence and returns its cause when it is done.
func parse(ctx context.Context, text string, sents []doc.Sentence) error {
	text = truecased(text, sents)
	for i := range sents {
		if err := stopped(ctx); err != nil {
			return err
		}
		s := &sents[i]
		words, err := syntax.AnalyzeContext(ctx, text, s.Start, s.End)
		if err != nil {
			return err
		}
		syntax.Project(s.Tokens, words)
		markEvents(s.Tokens, detect.Detect(words))
	}
	return nil
}

// markEvents sets the TimeML class of the tokens that hold an event's
// head word.
func markEvents(toks []doc.Token, evs []detect.Event) {
	for _, e := range evs {
		i := sort.Search(len(toks), func(i int) bool { return toks[i].End > e.Start })
		if i < len(toks) && toks[i].Start < e.End {
			toks[i].Event = e.Class
		}
	}
}
