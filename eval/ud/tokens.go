package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/syntax"
	"github.com/eventgraph/eventgraph/extract/syntax/conllu"
	"github.com/eventgraph/eventgraph/extract/text"
)

// tokenScore compares Tokenize on each sentence's text with the treebank's
// words, as byte spans; misses, when not nil, gets the sentences that
// differ.
func tokenScore(sents []conllu.Sentence, misses io.Writer) evalkit.PRF {
	var c evalkit.PRF
	for i := range sents {
		s := &sents[i]
		gold, _ := s.Spans()
		toks := syntax.Tokenize(s.Text, 0, len(s.Text))
		sys := make([]int, 0, 2*len(toks))
		for _, t := range toks {
			sys = append(sys, t.Start, t.End)
		}
		p := matchSpans(sys, gold)
		c.Add(p)
		if misses != nil && (p.TP != p.Gold || p.TP != p.Sys) {
			fmt.Fprintf(misses, "%s\n  gold %s\n  sys  %s\n", s.Text, spell(s.Text, gold), spell(s.Text, sys))
		}
	}
	return c
}

// matchSpans counts the spans (start, end pairs) of sys that are in gold.
func matchSpans(sys, gold []int) evalkit.PRF {
	in := make(map[[2]int]bool, len(gold)/2)
	for i := 0; i < len(gold); i += 2 {
		in[[2]int{gold[i], gold[i+1]}] = true
	}
	c := evalkit.PRF{Sys: len(sys) / 2, Gold: len(gold) / 2}
	for i := 0; i < len(sys); i += 2 {
		if in[[2]int{sys[i], sys[i+1]}] {
			c.TP++
		}
	}
	return c
}

func spell(text string, spans []int) string {
	parts := make([]string, 0, len(spans)/2)
	for i := 0; i < len(spans); i += 2 {
		parts = append(parts, text[spans[i]:spans[i+1]])
	}
	return strings.Join(parts, " | ")
}

// sentenceScore rebuilds each document's text from its sentences (one
// space between sentences, a blank line between paragraphs), splits it
// with text.Sentences and counts the sentences found exactly.
func sentenceScore(sents []conllu.Sentence) evalkit.PRF {
	var c evalkit.PRF
	for start := 0; start < len(sents); {
		end := start + 1
		for end < len(sents) && !sents[end].NewDoc && sents[end].Doc == sents[start].Doc {
			end++
		}
		var b strings.Builder
		var gold []int
		for i := start; i < end; i++ {
			if i > start {
				if sents[i].NewPar {
					b.WriteString("\n\n")
				} else {
					b.WriteByte(' ')
				}
			}
			gold = append(gold, b.Len(), b.Len()+len(sents[i].Text))
			b.WriteString(sents[i].Text)
		}
		doctext := b.String()
		var sys []int
		for _, sp := range text.Sentences(doctext, doc.Span{Start: 0, End: len(doctext)}) {
			sys = append(sys, sp.Start, sp.End)
		}
		c.Add(matchSpans(sys, gold))
		start = end
	}
	return c
}
