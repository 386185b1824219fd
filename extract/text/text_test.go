package text

import (
	"reflect"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
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
