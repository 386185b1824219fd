package syntax

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/eventgraph/eventgraph/extract/syntax/conllu"
	"github.com/eventgraph/eventgraph/extract/syntax/internal/depparse"
)

// tagParse tokenizes, tags and parses text.
func tagParse(text string) []Token {
	toks := Tokenize(text, 0, len(text))
	Tag(toks)
	Parse(toks)
	return toks
}

// findArc returns the first token whose form is dep.
func findArc(toks []Token, dep string) (Token, bool) {
	for _, t := range toks {
		if t.Form == dep {
			return t, true
		}
	}
	return Token{}, false
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		// "dependent rel head", ROOT for the root; rel and head may list
		// alternatives: "Force obl:agent|obl awarded".
		arcs []string
	}{
		{"The GAO upheld Boeing's protest.", []string{
			"upheld root ROOT", "GAO nsubj upheld", "protest obj upheld", "Boeing nmod:poss protest", "'s case Boeing"}},
		{"Boeing challenged the award.", []string{
			"challenged root ROOT", "Boeing nsubj challenged", "award obj challenged"}},
		// EWT heads a date by its day: "on February 29" is 29 obl, February
		// nmod:unmarked of 29.
		{"When the Air Force selected Northrop Grumman on February 29, Boeing protested.", []string{
			"protested root ROOT", "selected advcl protested", "When advmod|mark selected", "Force nsubj selected",
			"Northrop obj selected", "29 obl selected", "February nmod:unmarked 29", "Boeing nsubj protested"}},
		{"The contract was awarded by the Air Force in February.", []string{
			"awarded root ROOT", "contract nsubj:pass awarded", "was aux:pass awarded", "Force obl:agent|obl awarded", "by case Force"}},
		{"Netanyahu planned to urge Israel to delay the offensive.", []string{
			"planned root ROOT", "Netanyahu nsubj planned", "urge xcomp planned", "Israel obj urge", "delay xcomp urge", "offensive obj delay"}},
		{"Ryanair exercises options on five Boeing 737s.", []string{
			"exercises root ROOT", "Ryanair nsubj exercises", "options obj exercises"}},
		{"Israel's defense minister said talks had stalled.", []string{
			"said root ROOT", "minister nsubj said", "Israel nmod:poss minister", "stalled ccomp said", "talks nsubj stalled", "had aux stalled"}},
	} {
		toks := tagParse(tc.sentence)
		for _, a := range tc.arcs {
			f := strings.Fields(a)
			dep, rels, heads := f[0], strings.Split(f[1], "|"), strings.Split(f[2], "|")
			tok, ok := findArc(toks, dep)
			if !ok {
				t.Errorf("%q: no token %q", tc.sentence, dep)
				continue
			}
			head := "ROOT"
			if tok.Head >= 0 {
				head = toks[tok.Head].Form
			}
			if !slices.Contains(rels, tok.Rel) || !slices.Contains(heads, head) {
				t.Errorf("%q: %s %s %s, want %s", tc.sentence, dep, tok.Rel, head, a)
			}
		}
	}
}

// Parse from many goroutines at once gives a lone caller's trees.
func TestParseConcurrent(t *testing.T) {
	sentences := []string{
		"The GAO upheld Boeing's protest on Wednesday, officials said.",
		"Netanyahu planned to urge Israel to delay the offensive.",
		"The contract was awarded by the Air Force in February.",
	}
	want := make([][]Token, len(sentences))
	for i, s := range sentences {
		want[i] = tagParse(s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			for range 20 {
				for i, s := range sentences {
					if got := tagParse(s); !slices.Equal(got, want[i]) {
						errs <- fmt.Sprintf("%q: %v, want %v", s, got, want[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// devSentences reads EWT dev as tokens with the gold analysis, skipping
// the test when the treebank is missing.
func devSentences(t testing.TB) [][]Token {
	path := filepath.Join("..", "..", "..", "shared", "data", "ud", "en_ewt-ud-dev.conllu.gz")
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Skipf("SKIP: UD EWT dev missing: %v", err)
	}
	out := make([][]Token, len(sents))
	for i, s := range sents {
		toks := make([]Token, len(s.Words))
		for j, w := range s.Words {
			toks[j] = Token{Form: w.Form, Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS, Head: w.Head - 1, Rel: w.Rel}
		}
		out[i] = toks
	}
	return out
}

// Every EWT dev sentence, tagged by the tagger, gets a well-formed tree:
// heads in range, exactly one root labelled root, no cycle. Attachment
// scores against the gold trees stay near the figures of the model's
// README.
func TestParseTrees(t *testing.T) {
	var sc depparse.Score
	for _, gold := range devSentences(t) {
		toks := make([]Token, len(gold))
		for i, g := range gold {
			toks[i] = Token{Form: g.Form}
		}
		Tag(toks)
		Parse(toks)
		if err := checkTree(toks); err != nil {
			t.Fatalf("%v: %v", forms(toks), err)
		}
		got, want := make([]depparse.Word, len(toks)), make([]depparse.Word, len(toks))
		for i := range toks {
			got[i] = depparse.Word{Head: toks[i].Head, Rel: toks[i].Rel}
			want[i] = depparse.Word{Head: gold[i].Head, Rel: gold[i].Rel}
		}
		sc.Add(got, want)
	}
	t.Logf("EWT dev, predicted tags: %v", sc)
	if sc.UAS() < 85 || sc.LAS() < 82 {
		t.Errorf("EWT dev, predicted tags: %v; want UAS >= 85, LAS >= 82", sc)
	}
}

func checkTree(toks []Token) error {
	roots := 0
	for i, t := range toks {
		switch {
		case t.Head < -1 || t.Head >= len(toks) || t.Head == i:
			return fmt.Errorf("word %d: head %d", i, t.Head)
		case t.Head == -1:
			roots++
			if t.Rel != "root" {
				return fmt.Errorf("root word %d labelled %q", i, t.Rel)
			}
		case t.Rel == "" || t.Rel == "root":
			return fmt.Errorf("word %d labelled %q", i, t.Rel)
		}
		for h, steps := t.Head, 0; h >= 0; h, steps = toks[h].Head, steps+1 {
			if steps > len(toks) {
				return fmt.Errorf("cycle through word %d", i)
			}
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d roots", roots)
	}
	return nil
}

func forms(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Form)
	}
	return b.String()
}

// BenchmarkParse measures parsing of tagged sentences in MB/s of sentence
// text.
func BenchmarkParse(b *testing.B) {
	s, sents := benchSentences(b)
	toks := make([][]Token, len(sents))
	for i, sp := range sents {
		toks[i] = Tokenize(s, sp.Start, sp.End)
		Tag(toks[i])
	}
	parser()
	b.SetBytes(sentenceBytes(sents))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for _, t := range toks {
			Parse(t)
		}
	}
	reportCPU(b, cpu, sentenceBytes(sents))
}

// BenchmarkTagParse measures tagging and parsing together (the package
// promises at least 2 MB/s per core).
func BenchmarkTagParse(b *testing.B) {
	s, sents := benchSentences(b)
	toks := make([][]Token, len(sents))
	for i, sp := range sents {
		toks[i] = Tokenize(s, sp.Start, sp.End)
	}
	loadTagger()
	parser()
	b.SetBytes(sentenceBytes(sents))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for _, t := range toks {
			Tag(t)
			Parse(t)
		}
	}
	reportCPU(b, cpu, sentenceBytes(sents))
}

// BenchmarkParserLoad measures the first-use cost of the embedded parser
// (the package promises at most 150 ms).
func BenchmarkParserLoad(b *testing.B) {
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := depparse.Decode(parserModel); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
}
