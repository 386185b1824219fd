package article

import (
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, in string
		want     Format
	}{
		{"page.txt", "<!DOCTYPE html>\n<html><body>x</body></html>", HTML},
		{"x", "  \n<html lang=en>", HTML},
		{"x", "\xEF\xBB\xBF<!-- saved page --><!doctype HTML><p>x", HTML},
		{"x", "<article><p>x</p></article>", HTML},
		{"x", "<p class=lead>The minister resigned.</p>", HTML},
		{"x", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`, HTML},
		{"x", "<custom-el>x</custom-el><body>y</body>", HTML},
		{"x", `<?xml version="1.0" encoding="utf-8"?>` + "\n<!-- feed -->\n<rss version=\"2.0\"><channel/></rss>", Feed},
		{"x", `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`, Feed},
		{"x", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>`, Feed},
		{"x", "{\"title\":\"a\",\"text\":\"b\"}\n{\"title\":\"c\"}\n", JSONL},
		{"x", "{\"title\":\"a\"}\n{broken\n{\"title\":\"c\"}", JSONL},
		{"x", "{\n  \"title\": \"pretty JSON is not JSON lines\"\n}", Text},
		{"x", `{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}`, Feed},
		{"x", "{\"title\":\"a\"}\nplain text line", Text},
		{"x", "The minister resigned on Monday.\n\n<p>quoted markup</p>", Text},
		{"x", "<3 this article", Text},
		{"x", "", Text},
		{"story.html", "The minister resigned.", HTML},
		{"https://news.example.com/a/story.htm?utm=1", "The minister resigned.", HTML},
		{"feed.rss", "not really", Feed},
		{"data.ndjson", "", JSONL},
		{"seeds/article.txt", "The minister resigned.", Text},
	}
	for _, tt := range tests {
		if got := Detect(tt.name, []byte(tt.in)); got != tt.want {
			t.Errorf("Detect(%q, %.40q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestFormatFromContentType(t *testing.T) {
	tests := map[string]Format{
		"text/html; charset=utf-8": HTML,
		"application/rss+xml":      Feed,
		"application/atom+xml":     Feed,
		"application/x-ndjson":     JSONL,
		"text/plain":               Auto,
		"":                         Auto,
		"garbage;;":                Auto,
	}
	for ct, want := range tests {
		if got := FormatFromContentType(ct); got != want {
			t.Errorf("%q: %q, want %q", ct, got, want)
		}
	}
}
