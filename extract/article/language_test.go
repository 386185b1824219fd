package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
)

func TestSetLanguage(t *testing.T) {
	en := strings.Repeat("The minister resigned on Tuesday after losing a vote on the budget in parliament. ", 4)
	de := strings.Repeat("Der Minister ist am Dienstag nach einer verlorenen Abstimmung über den Haushalt zurückgetreten. ", 4)
	tests := []struct {
		name, text, declared, want string
	}{
		{"English", en, "", "en"},
		{"German declared English", de, "en-US", "de"},
		{"English declared German", en, "de", "en"},
		{"too short keeps the declared", "Der Minister tritt zurück.", "de-DE", "de"},
		{"too short, none declared", "Minister resigns.", "", ""},
	}
	for _, tt := range tests {
		a := doc.Article{Text: tt.text, Blocks: []doc.Block{{Span: doc.Span{End: len(tt.text)}, Kind: doc.BlockBody}}, Props: map[string]string{}}
		if tt.declared != "" {
			a.Props[doc.PropLanguage] = tt.declared
		}
		setLanguage(&a)
		if got := LanguageOf(a); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func BenchmarkSetLanguage(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "pages", "us_evening_utc.html"))
	if err != nil {
		b.Fatal(err)
	}
	a, err := ParseHTML("page.html", data, "")
	if err != nil {
		b.Fatal(err)
	}
	long := strings.Repeat(a.Text+"\n\n", 20) // past languageSample
	a.Text = long
	a.Blocks = []doc.Block{{Span: doc.Span{End: len(long)}, Kind: doc.BlockBody}}
	b.SetBytes(languageSample)
	for b.Loop() {
		setLanguage(&a)
	}
}
