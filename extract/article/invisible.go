package article

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// invisible holds the characters that a page may put inside words and that
// a reader never sees: the soft hyphen (a Trinidad newspaper hyphenates
// every word with it: "con\u00adfirmed"), the zero-width space, the word
// joiner and a stray byte-order mark. They would split words for every
// extractor after this one.
const invisible = "\u00ad\u200b\u2060\ufeff"

func isInvisible(r rune) bool { return strings.ContainsRune(invisible, r) }

// dropInvisible removes the invisible characters from a's text and moves
// its blocks with the text.
func dropInvisible(a *doc.Article) {
	if !strings.ContainsAny(a.Text, invisible) {
		return
	}
	var b strings.Builder
	b.Grow(len(a.Text))
	// cut holds the old offsets of the removed characters, shift the bytes
	// removed up to and including each.
	var cut, shift []int
	total := 0
	for i, r := range a.Text {
		if isInvisible(r) {
			total += utf8.RuneLen(r)
			cut, shift = append(cut, i), append(shift, total)
			continue
		}
		b.WriteRune(r)
	}
	moved := func(off int) int {
		if k := sort.SearchInts(cut, off); k > 0 {
			return off - shift[k-1] // less the characters before off
		}
		return off
	}
	for i := range a.Blocks {
		a.Blocks[i].Start, a.Blocks[i].End = moved(a.Blocks[i].Start), moved(a.Blocks[i].End)
	}
	a.Text = b.String()
}
