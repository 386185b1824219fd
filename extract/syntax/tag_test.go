package syntax

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/tagger"
)

func TestTag(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		want     []string // form/UPOS/XPOS/lemma of the words to check
	}{
		{"Boeing challenged the award.", []string{"Boeing/PROPN/NNP/Boeing", "challenged/VERB/VBD/challenge", "award/NOUN/NN/award"}},
		{"The GAO upheld Boeing's protest.", []string{"GAO/PROPN/NNP/GAO", "upheld/VERB/VBD/uphold", "'s/PART/POS/'s", "protest/NOUN/NN/protest"}},
		{"When the Air Force selected Northrop Grumman on February 29, Boeing protested.", []string{"When/ADV/WRB/when", "selected/VERB/VBD/select", "February/PROPN/NNP/February", "29/NUM/CD/29", "protested/VERB/VBD/protest"}},
		{"Ryanair exercises options on five Boeing 737s.", []string{"exercises/VERB/VBZ/exercise", "options/NOUN/NNS/option", "five/NUM/CD/five"}},
		{"Israel has been criticized, and talks were suspended.", []string{"has/AUX/VBZ/have", "been/AUX/VBN/be", "criticized/VERB/VBN/criticize", "were/AUX/VBD/be", "suspended/VERB/VBN/suspend"}},
		{"The scandal toppled the president and doubled the debt.", []string{"toppled/VERB/VBD/topple", "doubled/VERB/VBD/double"}},
		{"She didn't resign; he's leaving.", []string{"did/AUX/VBD/do", "n't/PART/RB/not", "resign/VERB/VB/resign", "'s/AUX/VBZ/be", "leaving/VERB/VBG/leave"}},
	} {
		toks := Analyze(tc.sentence, 0, len(tc.sentence))
		got := make(map[string]string)
		for _, tok := range toks {
			got[tok.Form] = strings.Join([]string{tok.Form, tok.UPOS, tok.XPOS, tok.Lemma}, "/")
		}
		for _, w := range tc.want {
			form := w[:strings.IndexByte(w, '/')]
			if got[form] != w {
				t.Errorf("%q: %s, want %s", tc.sentence, got[form], w)
			}
		}
	}
}

func ExampleAnalyze() {
	text := "Boeing challenged the award."
	for _, tok := range Analyze(text, 0, len(text)) {
		fmt.Println(tok.Form, tok.UPOS, tok.XPOS, tok.Lemma)
	}
	// Output:
	// Boeing PROPN NNP Boeing
	// challenged VERB VBD challenge
	// the DET DT the
	// award NOUN NN award
	// . PUNCT . .
}

// BenchmarkModelLoad measures the first-use cost of the embedded tagger
// (the package promises at most 150 ms).
func BenchmarkModelLoad(b *testing.B) {
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := tagger.Decode(taggerModel); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// TestTagAllocs checks that tagging allocates nothing per word: at most
// one string a sentence, for the lemmas that are not a part of their form.
func TestTagAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items")
	}
	text := "Officials said the Air Force had selected Northrop Grumman, whose tankers were cheaper, and that Boeing protested the decision on Tuesday."
	toks := Tokenize(text, 0, len(text))
	Tag(toks)
	if toks[0].Lemma != "official" {
		t.Fatalf("lemma of %s: %s", toks[0].Form, toks[0].Lemma)
	}
	if n := testing.AllocsPerRun(50, func() { Tag(toks) }); n > 1 {
		t.Errorf("%v allocations tagging a sentence of %d words", n, len(toks))
	}
}

// TestTagConcurrent tags the same sentences from several goroutines at
// once (run with -race) and expects the answers of a lone caller.
func TestTagConcurrent(t *testing.T) {
	sentences := []string{
		"Boeing challenged the award.",
		"The GAO upheld Boeing's protest on Wednesday, officials said.",
		"Ryanair exercises options on five Boeing 737s.",
	}
	want := make([][]Token, len(sentences))
	for i, s := range sentences {
		want[i] = Analyze(s, 0, len(s))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			for range 20 {
				for i, s := range sentences {
					if got := Analyze(s, 0, len(s)); !slices.Equal(got, want[i]) {
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
