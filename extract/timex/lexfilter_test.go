package timex

import (
	"strings"
	"testing"
)

// TestLexFilter checks that the filter in front of the lexicon lookup never
// hides a word: every lexicon word, in any case and with ’ for ', gets its
// entry from tokenize.
func TestLexFilter(t *testing.T) {
	checked := 0
	for w, want := range lexicon {
		if w == "" || strings.ContainsAny(w, " -") {
			continue
		}
		b := lexBit(len(w), w[0], w[len(w)-1])
		if lexFilter[b/64]&(1<<(b%64)) == 0 {
			t.Fatalf("%q: filter bit clear", w)
		}
		for _, form := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], strings.ReplaceAll(w, "'", "’")} {
			toks := tokenize("x "+form+" x", nil)
			for _, tk := range toks {
				if tk.s == 2 && int(tk.e) == 2+len(form) && tk.kind == tkWord {
					checked++
					if tk.lx != want {
						t.Errorf("%q: lexicon entry %p, want %p", form, tk.lx, want)
					}
				}
			}
		}
	}
	if checked < 3*len(lexicon) {
		t.Errorf("only %d forms of %d words checked", checked, len(lexicon))
	}
}
