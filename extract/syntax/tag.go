package syntax

import (
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
// their forms.
func Tag(toks []Token) {
	if len(toks) == 0 {
		return
	}
	t := loadTagger()
	var (
		formBuf  [64]string
		classBuf [64]int
	)
	forms, classes := formBuf[:0], classBuf[:0]
	if len(toks) > len(formBuf) {
		forms, classes = make([]string, 0, len(toks)), make([]int, 0, len(toks))
	}
	for _, tok := range toks {
		forms = append(forms, tok.Form)
	}
	classes = classes[:len(toks)]
	t.Tag(forms, classes)
	for i := range toks {
		tag := t.Tags[classes[i]]
		toks[i].UPOS, toks[i].XPOS = tag.UPOS, tag.XPOS
		toks[i].Lemma = lemma(t.Lemmas, toks[i].Form, tag.XPOS)
	}
}

// Analyze tokenizes, tags and parses the sentence text[start:end]
// (Tokenize, Tag, Parse).
func Analyze(text string, start, end int) []Token {
	toks := Tokenize(text, start, end)
	Tag(toks)
	Parse(toks)
	return toks
}
