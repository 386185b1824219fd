package text

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/internal/benchdata"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "He left. She stayed.", []string{"He left.", "She stayed."}},
		{"abbreviation", "The U.S. abstained on Monday. Israel objected.", []string{"The U.S. abstained on Monday.", "Israel objected."}},
		{"abbreviation ends sentence", "He flew to the U.S. The trip was short.", []string{"He flew to the U.S.", "The trip was short."}},
		{"title", "Dr. Smith met Gen. Jones in Jan. 2020 talks.", []string{"Dr. Smith met Gen. Jones in Jan. 2020 talks."}},
		{"initial", "John F. Kennedy spoke. Then he left.", []string{"John F. Kennedy spoke.", "Then he left."}},
		{"decimal and quote", `Growth was 3.5 percent. "We won," he said. Next.`, []string{"Growth was 3.5 percent.", `"We won," he said.`, "Next."}},
		{"paragraph", "A headline without period\n\nBody text here.", []string{"A headline without period", "Body text here."}},
		{"question", "Why now? Nobody knows!", []string{"Why now?", "Nobody knows!"}},
		{"lowercase after period", "the co. was sold. it closed.", []string{"the co. was sold. it closed."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Sentences(tt.in, doc.Span{Start: 0, End: len(tt.in)}) {
				got = append(got, tt.in[s.Start:s.End])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Netanyahu’s decision", []string{"Netanyahu", "’s", "decision"}},
		{"Gideon Sa’ar resigned.", []string{"Gideon", "Sa’ar", "resigned", "."}},
		{"the U.S. abstained", []string{"the", "U.S.", "abstained"}},
		{"2,000 troops, 3.5%", []string{"2,000", "troops", ",", "3.5", "%"}},
		{"US-Israel ties", []string{"US-Israel", "ties"}},
		{"'quoted' text", []string{"'", "quoted", "'", "text"}},
		{"Israel's", []string{"Israel", "'s"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokens(tt.in, doc.Span{Start: 0, End: len(tt.in)}) {
			if tok.Text != tt.in[tok.Start:tok.End] {
				t.Fatalf("token text %q does not match its span", tok.Text)
			}
			got = append(got, tok.Text)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// tokensRef is Tokens as it was written before its ASCII fast path: the
// reference the fast path must equal.
func tokensRef(text string, span doc.Span) []doc.Token {
	out := make([]doc.Token, 0, span.Len()/5+1)
	i := span.Start
	for i < span.End {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		start := i
		if isWordRune(r) {
			i += n
			for i < span.End {
				r, n = utf8.DecodeRuneInString(text[i:])
				if isWordRune(r) {
					i += n
					continue
				}
				if isJoiner(r) && i+n < span.End {
					r2, _ := utf8.DecodeRuneInString(text[i+n:])
					if isWordRune(r2) && !possessiveAt(text, i, n, span.End) {
						i += n
						continue
					}
				}
				break
			}
			if i < span.End && text[i] == '.' && strings.Contains(text[start:i], ".") {
				i++
			}
			out = append(out, doc.Token{Span: doc.Span{Start: start, End: i}, Text: text[start:i]})
			continue
		}
		if isApostrophe(r) && possessiveAt(text, i, n, span.End) {
			i += n + 1
			out = append(out, doc.Token{Span: doc.Span{Start: start, End: i}, Text: text[start:i]})
			continue
		}
		i += n
		out = append(out, doc.Token{Span: doc.Span{Start: start, End: i}, Text: text[start:i]})
	}
	return out
}

func TestTokensFastPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "Z", "7", " ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u2009", "’", "'", "s", "S", ".", ",", "-", "&", "é", "Ж", "٣", "\xff", "\xe2\x80", "!", "\"", "“"}
	var cases []string
	for n := 0; n < 20000; n++ {
		var sb strings.Builder
		for k := rng.IntN(16); k > 0; k-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, sb.String())
	}
	if arts, _, err := benchdata.Articles(1 << 20); err == nil {
		for _, a := range arts {
			cases = append(cases, a.Text)
		}
	}
	for _, c := range cases {
		for _, sp := range []doc.Span{{Start: 0, End: len(c)}, {Start: min(1, len(c)), End: len(c) - min(1, len(c))}} {
			if sp.Start > sp.End {
				continue
			}
			got, want := Tokens(c, sp), tokensRef(c, sp)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("Tokens(%q, %v) = %v, want %v", c, sp, got, want)
			}
		}
	}
}

func TestIsAbbreviation(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"mr", true}, {"gen", true}, {"u.s", true}, {"etc", true},
		{"sept", true}, {"thurs", true}, {"jan", true}, // the calendar's
		{"may", false}, {"march", false}, {"the", false}, {"", false},
	} {
		if got := IsAbbreviation(tc.word); got != tc.want {
			t.Errorf("IsAbbreviation(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}
