package extract_test

import (
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/syntax"
)

// A sentence of more than syntax.MaxTokens tokens is split into
// sentences of at most that many, cut after a comma when there is one in
// the second half of the chunk; together they hold the same tokens, in
// order, and shorter sentences are left whole.
func TestSentencesCapped(t *testing.T) {
	clause := "the minister said on Monday that talks with Freedonia would resume in Geneva, and "
	for _, tt := range []struct {
		name  string
		text  string
		sents int
	}{
		{"ordinary sentences", "Talks resumed on Monday. Then " + strings.Repeat(clause, 12) + "officials agreed. They left.", 3},
		{"run-on sentence", "Talks resumed. Then " + strings.Repeat(clause, 100) + "officials agreed. They left.", 2 + 6}, // 1,504 tokens: 5 × 255 (17 clauses of 15) and 229,
		{"numbers", strings.Repeat("12 345 ", 600), 5}, // 1,200 tokens, no comma: 4 × 256 and 176,
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := doc.Article{Text: tt.text}
			sents := extract.Sentences(a)
			whole := strings.Fields(tt.text)
			var got []string
			for i, s := range sents {
				if s.Index != i {
					t.Errorf("sentence %d has index %d", i, s.Index)
				}
				if len(s.Tokens) > syntax.MaxTokens {
					t.Errorf("sentence %d: %d tokens, cap %d", i, len(s.Tokens), syntax.MaxTokens)
				}
				if len(s.Tokens) > 0 && (s.Start > s.Tokens[0].Start || s.End < s.Tokens[len(s.Tokens)-1].End) {
					t.Errorf("sentence %d %v does not hold its tokens", i, s.Span)
				}
				if i > 0 && s.Start < sents[i-1].End {
					t.Errorf("sentence %d starts at %d, before %d ends at %d", i, s.Start, i-1, sents[i-1].End)
				}
				got = append(got, strings.Fields(tt.text[s.Start:s.End])...)
				if i+1 < len(sents) && len(s.Tokens) == syntax.MaxTokens {
					continue
				}
				if last := s.Tokens[len(s.Tokens)-1].Text; i+1 < len(sents) && !syntax.Clause(last) && !strings.ContainsAny(last, ".!?") && len(s.Tokens) < syntax.MaxTokens {
					t.Errorf("sentence %d cut after %q, not at a clause boundary", i, last)
				}
			}
			if len(sents) != tt.sents {
				t.Errorf("%d sentences, want %d", len(sents), tt.sents)
			}
			if strings.Join(got, " ") != strings.Join(whole, " ") {
				t.Errorf("the sentences do not hold the text's words in order")
			}
		})
	}
}
