package syntax

import (
	"strings"
	"testing"
)

func TestChunkEnd(t *testing.T) {
	comma := func(at ...int) func(int) bool {
		return func(i int) bool {
			for _, a := range at {
				if i == a {
					return true
				}
			}
			return false
		}
	}
	for _, tt := range []struct {
		name    string
		from, n int
		clause  func(int) bool
		want    int
	}{
		{"short sentence whole", 0, 40, comma(10), 40},
		{"exactly MaxTokens whole", 0, MaxTokens, comma(), MaxTokens},
		{"rest fits", 1000, 1000 + MaxTokens, comma(), 1000 + MaxTokens},
		{"no clause: cut at MaxTokens", 0, 1000, comma(), MaxTokens},
		{"after the last clause in the second half", 0, 1000, comma(MaxTokens/2+3, MaxTokens-10, MaxTokens+5), MaxTokens - 9},
		{"clause in the first half only: cut at MaxTokens", 0, 1000, comma(10, MaxTokens/2-1), MaxTokens},
		{"from an offset", 300, 1000, comma(300 + MaxTokens - 2), 300 + MaxTokens - 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := ChunkEnd(tt.from, tt.n, tt.clause); got != tt.want {
				t.Errorf("ChunkEnd(%d, %d) = %d, want %d", tt.from, tt.n, got, tt.want)
			}
		})
	}
}

// An over-long sentence is tagged and parsed in chunks of at most
// MaxTokens that still make one tree: one root, every head inside the
// sentence, no cycle; a sentence under the cap is analyzed as before.
func TestAnalyzeLongSentence(t *testing.T) {
	clause := "the minister said on Monday that talks with Freedonia would resume in Geneva, and "
	for _, tt := range []struct {
		name  string
		text  string
		whole bool // under the cap: one chunk
	}{
		{"under the cap", strings.Repeat(clause, 10) + "officials agreed.", true},
		{"run-on sentence", strings.Repeat(clause, 200) + "officials agreed.", false},
		{"comma-joined words", strings.Repeat("talks,Geneva,Monday,", 3000), false},
		{"no clause boundary", strings.Repeat("very ", 2000) + "long.", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			toks := Analyze(tt.text, 0, len(tt.text))
			roots, parataxis := 0, 0
			for i, tok := range toks {
				if tok.Head < 0 {
					roots++
					continue
				}
				if tok.Head >= len(toks) || tok.Head == i {
					t.Fatalf("token %d %q: head %d outside the sentence of %d tokens", i, tok.Form, tok.Head, len(toks))
				}
				// Every token reaches the root within len(toks) steps.
				h, n := i, 0
				for ; h >= 0 && n <= len(toks); h, n = toks[h].Head, n+1 {
				}
				if h >= 0 {
					t.Fatalf("token %d %q is on a cycle", i, tok.Form)
				}
			}
			if roots != 1 {
				t.Errorf("%d roots, want 1", roots)
			}
			// The tree is the same as tagging and parsing each chunk alone,
			// each chunk's root but the first joined to the first's.
			want := 0
			for from := 0; from < len(toks); from = ChunkEnd(from, len(toks), func(i int) bool { return Clause(toks[i].Form) }) {
				want++
			}
			for _, tok := range toks {
				if tok.Rel == "parataxis" {
					parataxis++
				}
			}
			if want > 1 && parataxis < want-1 {
				t.Errorf("%d chunks but %d parataxis arcs: chunk roots not joined", want, parataxis)
			}
			if tt.whole != (want == 1) {
				t.Errorf("%d tokens in %d chunks; want one chunk: %v", len(toks), want, tt.whole)
			}
			t.Logf("%d tokens, %d chunk(s)", len(toks), want)
		})
	}
}
