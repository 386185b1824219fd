package syntax

import (
	"context"
	_ "embed"
	"fmt"
	"sync"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/tagger"
)

//go:embed model/tagger.bin
var taggerModel []byte

// loadTagger decodes the embedded tagger once.
var loadTagger = sync.OnceValue(func() *tagger.Tagger {
	t, err := tagger.Decode(taggerModel)
	if err != nil {
		panic(fmt.Sprintf("syntax: embedded model/tagger.bin: %v", err))
	}
	return t
})

// Tag sets the UPOS, XPOS and Lemma of each token of one sentence, from
// their forms. Lemmas are learned from the treebanks (an exception table,
// then suffix rewrites by tag; see tagger.Lemmatizer): proper nouns keep
// their case, other words are lower case.
func Tag(toks []Token) {
	if len(toks) == 0 {
		return
	}
	t := loadTagger()
	var (
		formBuf  [64]string
		classBuf [64]int
		lemmaBuf [64]string
	)
	forms, classes, lemmas := formBuf[:0], classBuf[:], lemmaBuf[:]
	if len(toks) > len(formBuf) {
		forms, classes, lemmas = make([]string, 0, len(toks)), make([]int, len(toks)), make([]string, len(toks))
	}
	for _, tok := range toks {
		forms = append(forms, tok.Form)
	}
	t.TagLemmas(forms, classes, lemmas)
	for i := range toks {
		tag := t.Tags[classes[i]]
		toks[i].UPOS, toks[i].XPOS, toks[i].Lemma = tag.UPOS, tag.XPOS, lemmas[i]
	}
}

// Analyze tokenizes, tags and parses the sentence text[start:end]
// (Tokenize, Tag, Parse). A sentence of more than MaxTokens tokens is
// tagged and parsed in chunks (ChunkEnd): the root of each chunk after the
// first depends on the first chunk's root as "parataxis", so the sentence
// still has one tree.
func Analyze(text string, start, end int) []Token {
	toks, _ := AnalyzeContext(context.Background(), text, start, end)
	return toks
}

// AnalyzeContext is Analyze that checks ctx before each chunk of
// MaxTokens tokens and returns its cause, with tokens that must not be
// used, when it is done: a "sentence" of one 16 MiB word split by commas
// holds thousands of chunks.
func AnalyzeContext(ctx context.Context, text string, start, end int) ([]Token, error) {
	toks := Tokenize(text, start, end)
	root := -1
	for from := 0; from < len(toks); {
		if ctx.Err() != nil {
			return toks, context.Cause(ctx)
		}
		to := ChunkEnd(from, len(toks), func(i int) bool { return Clause(toks[i].Form) })
		c := toks[from:to]
		Tag(c)
		Parse(c)
		if from > 0 {
			for i := range c {
				switch {
				case c[i].Head >= 0:
					c[i].Head += from
				case root >= 0:
					c[i].Head, c[i].Rel = root, "parataxis"
				}
			}
		}
		if root < 0 {
			for i := range c {
				if c[i].Head < 0 {
					root = from + i
					break
				}
			}
		}
		from = to
	}
	return toks, nil
}
