package syntax

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/depparse"
)

// parserModel is the dependency parser trained by `make train`
// (internal/trainparse) on UD_English-EWT and UD_English-GUM.
//
//go:embed model/parser.bin
var parserModel []byte

// parser decodes the embedded parser once.
var parser = sync.OnceValue(func() *depparse.Model {
	m, err := depparse.Decode(parserModel)
	if err != nil {
		panic(fmt.Sprintf("syntax: embedded parser model: %v", err))
	}
	return m
})

// wordBufs holds the parser's copies of a sentence's words.
var wordBufs = sync.Pool{New: func() any { return new([]depparse.Word) }}

// Parse sets Head and Rel of every token: a labeled dependency tree with one
// root (Head -1, Rel "root"). It reads Form, Lemma, UPOS and XPOS, so Tag
// must have run first.
func Parse(toks []Token) {
	if len(toks) == 0 {
		return
	}
	m := parser()
	buf := wordBufs.Get().(*[]depparse.Word)
	defer wordBufs.Put(buf)
	words := (*buf)[:0]
	for _, t := range toks {
		words = append(words, depparse.Word{Form: t.Form, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS})
	}
	m.Parse(words)
	for i, w := range words {
		toks[i].Head, toks[i].Rel = w.Head, w.Rel
	}
	*buf = words
	repairDays(toks)
	repairVocative(toks)
	repairMainVerb(toks)
	repairReducedSubject(toks)
	repairClauseAfter(toks)
	repairRelative(toks)
	repairPastTense(toks)
}
