package syntax

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

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
	cpu := cpuTime()
	for b.Loop() {
		for _, sp := range sents {
			Tokenize(s, sp.Start, sp.End)
		}
	}
	reportCPU(b, cpu, sentenceBytes(sents))
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
	cpu := cpuTime()
	for b.Loop() {
		for _, t := range toks {
			Tag(t)
		}
	}
	reportCPU(b, cpu, sentenceBytes(sents))
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports throughput per second of CPU time since start, the
// figure that holds on a machine shared with other work (wall-clock MB/s
// falls with the load).
func reportCPU(b *testing.B, start time.Duration, bytes int64) {
	if d := cpuTime() - start; d > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/d.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkTagParseEWT measures tagging and parsing of the words of UD EWT
// dev (25,000 words: steadier than the seed articles' 941), in MB/s of
// their forms and the spaces between them.
func BenchmarkTagParseEWT(b *testing.B) {
	gold := devSentences(b)
	toks := make([][]Token, len(gold))
	size := int64(0)
	for i, s := range gold {
		toks[i] = make([]Token, len(s))
		for j, w := range s {
			toks[i][j] = Token{Form: w.Form}
			size += int64(len(w.Form) + 1)
		}
	}
	loadTagger()
	parser()
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for _, t := range toks {
			Tag(t)
			Parse(t)
		}
	}
	reportCPU(b, cpu, size)
}
