package article

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzParseText: ParseText never panics; an article it returns has valid
// UTF-8 text, blocks in order inside the text, and a stable ID.
func FuzzParseText(f *testing.F) {
	for _, s := range []string{
		"",
		"   \n\t\n",
		"Minister resigns\n\ndate 2024-03-26\n\nThe minister resigned on Tuesday.\n",
		"Published: March 26, 2024 10:00 a.m. EDT\nBy Jane Roe\nThe minister resigned.",
		"date 2024-03-26 Israeli Prime Minister Benjamin Netanyahu cancelled the visit.",
		"Title\n\nJane Roe\nJane Roe speaks in Paris. (AP Photo/John Doe)\n\nBody text here.",
		"\xef\xbb\xbfBOM text\n\nbody.",
		"\xff\xfeT\x00i\x00t\x00l\x00e\x00\n\x00",
		"date 0000-01-01\n\nyear zero", "Published: 99999-12-31\n\nfar", "date 2024-02-30\n\nno such day",
		"مصر تستضيف المحادثات 🔥 ‏עם הנציגים‎\n\n😀👍🏽 body.",
		"a\x00b", "\xc3\x28 invalid", "title\r\n\r\nbody\r\nmore\r\n",
		"url: https://example.com/a\ntitle: T\n\nBody.",
	} {
		f.Add([]byte(s))
	}
	for _, glob := range []string{"../../seeds/*.txt", "../../testdata/bad/*.txt"} {
		files, _ := filepath.Glob(glob)
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseText("fuzz.txt", data)
		if err != nil {
			if a.Text != "" || a.ID != "" {
				t.Fatalf("error %v with an article", err)
			}
			return
		}
		if a.Text == "" || !utf8.ValidString(a.Text) {
			t.Fatalf("article text empty or invalid UTF-8: %q", a.Text)
		}
		if a.ID == "" || a.Source != "fuzz.txt" {
			t.Fatalf("id %q source %q", a.ID, a.Source)
		}
		body := false
		prev := 0
		for _, b := range a.Blocks {
			if b.Start < prev || b.End < b.Start || b.End > len(a.Text) {
				t.Fatalf("block %+v out of order or outside the text (%d bytes), after %d", b, len(a.Text), prev)
			}
			if !utf8.ValidString(a.Text[b.Start:b.End]) {
				t.Fatalf("block %+v splits a character", b)
			}
			prev = b.End
			body = body || b.Kind == "body"
		}
		if !body && a.Title == "" {
			t.Fatalf("article with neither body nor title: %+v", a.Blocks)
		}
		if a.Published != nil && (a.Published.Year() < 1 || a.Published.Year() > 9999) {
			t.Fatalf("publication date %v", a.Published)
		}
		again, err := ParseText("fuzz.txt", data)
		if err != nil || again.ID != a.ID {
			t.Fatalf("second parse: %v, id %q vs %q", err, again.ID, a.ID)
		}
	})
}
