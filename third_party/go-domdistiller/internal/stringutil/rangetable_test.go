package stringutil

import (
	"testing"
	"unicode"

	"golang.org/x/text/unicode/rangetable"
)

// The tables built from the ranges hold the same runes as those that
// rangetable.New built from every rune of them (the code before the patch).
func TestCreateRangeTable(t *testing.T) {
	for _, pairs := range []string{
		"azAZ09__\u00C0\u1FFF\uAC00\uD7AF",
		"\u3040\uA4CF",
		"azAZ09__\u00C0\u1FFF",
		"za\U0001F600\U0001F64F\uFFF0\U00010010",
	} {
		runes := []rune(pairs)
		var all []rune
		for i := 0; i < len(runes); i += 2 {
			lo, hi := runes[i], runes[i+1]
			if hi < lo {
				lo, hi = hi, lo
			}
			for r := lo; r <= hi; r++ {
				all = append(all, r)
			}
		}
		want := rangetable.New(all...)
		got := createRangeTable([]rune(pairs))
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if unicode.Is(got, r) != unicode.Is(want, r) {
				t.Fatalf("%q: rune %U: got %v, want %v", pairs, r, unicode.Is(got, r), unicode.Is(want, r))
			}
		}
	}
}
