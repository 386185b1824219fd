package syntax

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/text"
)

// benchSentences are the sentences of the seed articles, as offsets into
// their text.
func benchSentences(b *testing.B) (string, []doc.Span) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Skipf("SKIP: no seed articles: %v", err)
	}
	var all []byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		all = append(append(all, data...), "\n\n"...)
	}
	s := string(all)
	return s, text.Sentences(s, doc.Span{Start: 0, End: len(s)})
}

func sentenceBytes(sents []doc.Span) int64 {
	n := 0
	for _, s := range sents {
		n += s.Len()
	}
	return int64(n)
}

// BenchmarkTokenize measures tokenization in MB/s of sentence text.
func BenchmarkTokenize(b *testing.B) {
	s, sents := benchSentences(b)
	b.SetBytes(sentenceBytes(sents))
	b.ReportAllocs()
	for b.Loop() {
		for _, sp := range sents {
			Tokenize(s, sp.Start, sp.End)
		}
	}
}

// BenchmarkTag measures tagging (with lemmas) of tokenized sentences in
// MB/s of sentence text.
func BenchmarkTag(b *testing.B) {
	s, sents := benchSentences(b)
	toks := make([][]Token, len(sents))
	for i, sp := range sents {
		toks[i] = Tokenize(s, sp.Start, sp.End)
	}
	loadTagger()
	b.SetBytes(sentenceBytes(sents))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range toks {
			Tag(t)
		}
	}
}
