package extract

import (
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// TestTruecased: a title-case headline is lowered where the article's
// prose does not write a word capitalized; prose, names and acronyms keep
// their case, and offsets hold.
func TestTruecased(t *testing.T) {
	tests := []struct{ text, want string }{
		{
			"Lindsay Lohan Checks Into Rehab, Checks Out Two Minutes Later\n\nLindsay Lohan checked into a facility in Newport Beach.",
			"Lindsay Lohan checks into rehab, checks out two minutes later\n\nLindsay Lohan checked into a facility in Newport Beach.",
		},
		{
			"UN Security Council Demands Immediate Ceasefire\n\nThe UN Security Council voted on Monday.",
			"UN Security Council demands immediate ceasefire\n\nThe UN Security Council voted on Monday.",
		},
		{
			"Lindsay Lohan Checks Into Rehab At Betty Ford\n\nLohan checked in on Thursday. After that, the judge spoke.",
			"Lindsay Lohan checks into rehab at betty ford\n\nLohan checked in on Thursday. After that, the judge spoke.",
		},
		{
			"The Air Force selected Northrop Grumman on February 29.",
			"The Air Force selected Northrop Grumman on February 29.",
		},
	}
	for _, tt := range tests {
		a := doc.Article{Text: tt.text, Blocks: blocks(tt.text)}
		if got := truecased(tt.text, Sentences(a)); got != tt.want {
			t.Errorf("truecased:\n got %q\nwant %q", got, tt.want)
		}
	}
}

// blocks splits text into paragraphs at blank lines, the first a title.
func blocks(text string) []doc.Block {
	var bs []doc.Block
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || i+1 < len(text) && text[i] == '\n' && text[i+1] == '\n' {
			k := doc.BlockBody
			if len(bs) == 0 && i < len(text) {
				k = doc.BlockTitle
			}
			bs = append(bs, doc.Block{Span: doc.Span{Start: start, End: i}, Kind: k})
			start = i + 2
			i++
		}
	}
	return bs
}
