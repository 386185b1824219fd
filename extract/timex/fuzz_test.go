package timex

import (
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"The minister resigned on Monday, March 25, 2024 at 2:30 p.m.",
		"the past three months; 2 1/2 years; the 1990s; 'Q1 2024'; Ramzan; Black Friday",
		"mid-1996, the year-earlier quarter, third-quarter, fiscal 1989's first half",
		"https://x.org/2020/05/24/ 12/31/1999 2024-02-29T24:00 10:35 a.m. EDT Thursday",
		"a minute and a half later, twenty-four hours, nineteen ninety-seven, the year two thousand",
		"’80s — Valentine’s Day – New Year’s Eve; Eid al-Fitr; 3rd of May",
	} {
		f.Add(s, int64(0))
		f.Add(s, int64(1711411200))
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		var dct *time.Time
		if unix != 0 {
			d := time.Unix(unix%(1<<34), 0).UTC()
			dct = &d
		}
		tx := Tag(s, nil, dct)
		prev := 0
		for _, x := range tx {
			if x.Start < prev || x.End <= x.Start || x.End > len(s) {
				t.Fatalf("bad span %d-%d after %d in %q", x.Start, x.End, prev, s)
			}
			prev = x.End
			if x.Text != s[x.Start:x.End] {
				t.Fatalf("text mismatch")
			}
			if x.Value == "" {
				t.Fatalf("empty value for %q", x.Text)
			}
			if utf8.ValidString(s) && !utf8.ValidString(x.Text) {
				t.Fatalf("span splits a rune: %q", x.Text)
			}
		}
	})
}
