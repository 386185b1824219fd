package timex

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestReadLexicon checks the reading of data/lexicon.tsv: a word's entry
// is the union of its lines with the calendar's names, and lines that do
// not fit their class or disagree with another are errors.
func TestReadLexicon(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		word       string
		want       lex
		wantErr    string
	}{
		{"a class and an id", "last\trel\nlast\tword\tlast\n", "last", lex{w: wLast, c: cRel}, ""},
		{"a number", "twenty\tnum tens\t20\n", "twenty", lex{w: wOther, c: cNum | cTens, v: 20}, ""},
		{"a counted unit", "fortnight\tunit\tweek\tn=2\n", "fortnight", lex{w: wOther, c: cUnit, u: uWeek, v: 2}, ""},
		{"a part of the day", "nights\tunit\tnight\tplural\nnights\tpod\tNI\tplural\n", "nights",
			lex{w: wOther, c: cUnit | cPOD, u: uNight, v: podNI, plural: true}, ""},
		{"a class with an id", "est\ttz\t\tid=tz\n", "est", lex{w: wTZ, c: cTZ}, ""},
		{"the calendar's names", "may\tfuture\n", "may", lex{w: wOther, c: cMonth | cFuture, v: 5}, ""},
		{"the calendar's abbreviations", "", "sept", lex{w: wOther, c: cMonth, v: 9, abbr: true}, ""},
		{"unknown class", "x\tnoun\n", "", lex{}, `unknown class "noun"`},
		{"unknown id", "x\tword\txyzzy\n", "", lex{}, `unknown id "xyzzy"`},
		{"unknown unit", "x\tunit\tfortnight\n", "", lex{}, `value "fortnight" does not fit`},
		{"a value for a class that takes none", "x\tdet\t3\n", "", lex{}, `value "3" does not fit`},
		{"unknown attribute", "x\tdet\t\tsingular\n", "", lex{}, `unknown attribute "singular"`},
		{"disagreeing numbers", "x\tnum\t2\nx\tnum\t3\n", "", lex{}, `"x": entries that disagree`},
		{"disagreeing ids", "x\tword\tlast\nx\tword\tnext\n", "", lex{}, `"x": entries that disagree`},
		{"a month number", "june\tnum\t7\n", "", lex{}, `"june": entries that disagree`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := readLexicon(fstest.MapFS{"data/lexicon.tsv": {Data: []byte(tc.data)}})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := m[tc.word]; got == nil || *got != tc.want {
				t.Errorf("%q: %+v, want %+v", tc.word, got, tc.want)
			}
		})
	}
}

// TestLexicon checks entries of the embedded lexicon that the matchers
// rely on.
func TestLexicon(t *testing.T) {
	for _, tc := range []struct {
		word string
		want lex
	}{
		{"march", lex{start: true, w: wOther, c: cMonth, v: 3}},
		{"mondays", lex{start: true, w: wOther, c: cWeekday, v: 1, plural: true}},
		{"thur", lex{start: true, w: wOther, c: cWeekday, v: 4, abbr: true}},
		{"second", lex{start: true, w: wOther, c: cNum | cUnit | cYearNoun, v: 2, u: uSecond, ord: true}},
		{"till", lex{w: wUntil, c: cYearPrep}},
		{"led", lex{w: wOther, c: notEd}},
		{"was", lex{w: wBe, c: cPast}},
		{"p.m.", lex{w: wPM}},
	} {
		if got := lexicon[tc.word]; got == nil || *got != tc.want {
			t.Errorf("%q: %+v, want %+v", tc.word, got, tc.want)
		}
	}
	for _, w := range []string{"marchs", "mays", "tomorrowed"} {
		if lexicon[w] != nil {
			t.Errorf("%q is in the lexicon", w)
		}
	}
}

// BenchmarkLoad reads the lexicon from the embedded data and the
// calendar, as the package's initialization does.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readLexicon(dataFS); err != nil {
			b.Fatal(err)
		}
	}
}
