package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
)

func blocksOf(a doc.Article, kind doc.BlockKind) []string {
	var out []string
	for _, b := range a.Blocks {
		if b.Kind == kind {
			out = append(out, a.Text[b.Start:b.End])
		}
	}
	return out
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		title     string
		published string
		captions  int
		headings  int
		body      []string
	}{
		{
			name:  "title caption body",
			in:    "A Title Here\n\njane doe\nJane Doe speaks in Paris May 2, 2019. John Roe/AP Photo\n\nBody one. More.\n\nA Heading\n\nBody two.",
			title: "A Title Here", captions: 2, headings: 1,
			body: []string{"Body one. More.", "Body two."},
		},
		{
			name: "date prefix", in: " date 2024-03-26 The minister resigned on Monday.\n\nSecond paragraph.",
			published: "2024-03-26", body: []string{"The minister resigned on Monday.", "Second paragraph."},
		},
		{
			name: "published line", in: "Headline\n\nPublished: March 26, 2024\nBy Jane Doe\n\nThe minister resigned.",
			title: "Headline", published: "2024-03-26", body: []string{"The minister resigned."},
		},
		{
			name: "invalid date is not invented", in: "date 2024-02-30 The minister resigned.",
			body: []string{"date 2024-02-30 The minister resigned."},
		},
		{
			name: "AP dateline", in: "Senate passes budget\n\nWASHINGTON, March 26, 2024 (AP) — The Senate passed the budget on Tuesday.\n\nIt goes to the House.",
			title: "Senate passes budget", published: "2024-03-26", body: []string{"The Senate passed the budget on Tuesday.", "It goes to the House."},
		},
		{
			name: "updated line", in: "Senate passes budget\n\nUpdated 5:02 PM EDT, Tue March 26, 2024\n\nThe Senate passed the budget.",
			title: "Senate passes budget", published: "2024-03-26", body: []string{"The Senate passed the budget."},
		},
		{
			name: "evening time keeps the publisher's day", in: "Updated 11:30 PM PDT, March 26, 2024\n\nThe Senate passed the budget.",
			published: "2024-03-26", body: []string{"The Senate passed the budget."},
		},
		{
			name: "numeric date line, two-digit year", in: "10/30/89\n\nNashua Corp., rumored a potential takeover target for six months, said a Dutch company sought approval.",
			published: "1989-10-30", body: []string{"Nashua Corp., rumored a potential takeover target for six months, said a Dutch company sought approval."},
		},
		{
			name: "AP wire stamp", in: "08-15-90 1337EDT\n\nThe Indonesian stock market fell by twelve percent.",
			published: "1990-08-15", body: []string{"The Indonesian stock market fell by twelve percent."},
		},
		{
			name: "wire stamp", in: "19980108\n\nThe Indonesian stock market fell by twelve percent.",
			published: "1998-01-08", body: []string{"The Indonesian stock market fell by twelve percent."},
		},
		{
			name: "European date header", in: "Date: 26.03.2024\nBy Jane Doe\n\nThe minister resigned.",
			published: "2024-03-26", body: []string{"The minister resigned."},
		},
		{
			name: "date in the body is not the publication date", in: "The minister resigned.\n\nMarch 26, 2024\n\nHe said nothing.",
			headings: 1, body: []string{"The minister resigned.", "He said nothing."},
		},
		{
			name: "prose starting with by", in: "By the time the vote came, the minister had resigned.",
			body: []string{"By the time the vote came, the minister had resigned."},
		},
		{
			name: "lede is not a title", in: "The minister resigned on Monday.\n\nHe said nothing.",
			body: []string{"The minister resigned on Monday.", "He said nothing."},
		},
		{
			name: "wrapped paragraph", in: "Title\n\nThe minister resigned\non Monday after a vote.\n\nEnd.",
			title: "Title", body: []string{"The minister resigned\non Monday after a vote.", "End."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseText("x.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			got := ""
			if a.Published != nil {
				got = a.Published.Format("2006-01-02")
			}
			if got != tt.published {
				t.Errorf("published %q, want %q", got, tt.published)
			}
			if n := len(blocksOf(a, doc.BlockCaption)); n != tt.captions {
				t.Errorf("%d captions, want %d: %q", n, tt.captions, blocksOf(a, doc.BlockCaption))
			}
			if n := len(blocksOf(a, doc.BlockHeading)); n != tt.headings {
				t.Errorf("%d headings, want %d", n, tt.headings)
			}
			if body := blocksOf(a, doc.BlockBody); strings.Join(body, "|") != strings.Join(tt.body, "|") {
				t.Errorf("body %q, want %q", body, tt.body)
			}
		})
	}
}

func TestParseTextBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"whitespace", []byte(" \n\t\n"), ErrEmpty},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary},
		{"elf", []byte("\x7fELF\x02\x01\x01\x00\x00\x00"), ErrBinary},
	}
	for _, tt := range tests {
		if _, err := ParseText(tt.name, tt.in); !errors.Is(err, tt.want) {
			t.Errorf("%s: err %v, want %v", tt.name, err, tt.want)
		}
	}
	if _, err := ParseText("bad", []byte("caf\xe9 au lait")); err == nil || !strings.Contains(err.Error(), "invalid UTF-8 at byte 3") {
		t.Errorf("invalid UTF-8: err %v", err)
	}
	utf16 := []byte{0xFF, 0xFE, 'H', 0, 'i', 0, '.', 0}
	if a, err := ParseText("utf16", utf16); err != nil || a.Text != "Hi." {
		t.Errorf("UTF-16: %q, %v", a.Text, err)
	}
}

func TestIDIgnoresTypography(t *testing.T) {
	if ID("", "Netanyahu’s  decision\n") != ID("", "netanyahu's decision") {
		t.Error("IDs differ for the same normalized text")
	}
	if ID("", "a") == ID("", "b") {
		t.Error("IDs equal for different texts")
	}
}

// The seed articles: the caption and its name label are captions, the
// undated article stays undated, the date prefix dates the other.
func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob("../../seeds/*.txt")
	if len(files) == 0 {
		t.Skip("no seeds")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ParseText(f, data)
		if err != nil {
			t.Fatal(err)
		}
		caps := blocksOf(a, doc.BlockCaption)
		t.Logf("%s: title %q published %v captions %q headings %q", f, a.Title, a.Published, caps, blocksOf(a, doc.BlockHeading))
		for _, b := range blocksOf(a, doc.BlockBody) {
			if isCaption(b) {
				t.Errorf("caption left in body: %q", b)
			}
		}
	}
}
