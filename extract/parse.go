package extract

import (
	"sort"

	"github.com/eventgraph/eventgraph/extract/detect"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/syntax"
)

// parse analyzes each sentence with the tagger, the parser and the TimeML
// event detector, and projects the result onto the sentence's tokens.
func parse(text string, sents []doc.Sentence) {
	for i := range sents {
		s := &sents[i]
		words := syntax.Analyze(text, s.Start, s.End)
		syntax.Project(s.Tokens, words)
		markEvents(s.Tokens, detect.Detect(words))
	}
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
