package article

import (
	"strings"
	"testing"
)

// Regression: Parse used to drop every article of a JSON-lines file (or a
// feed) when one line (item) was bad, although ParseJSONL returns the good
// ones with the error; and it named the file twice in the error.
func TestParseKeepsGoodLinesBesideBadOnes(t *testing.T) {
	data := strings.Join([]string{
		`{"url": "https://news.example/1", "title": "Minister resigns", "date": "2024-03-12", "text": "The transport minister resigned on Tuesday after a vote of no confidence."}`,
		`{"url": "https://news.example/3", "title": "Broken", "text": "This line is cut off`,
		`{"url": "https://news.example/4", "title": "Strike ends", "date": "2024-03-14", "text": "Dock workers in Rotterdam ended their strike on Thursday."}`,
	}, "\n") + "\n"
	arts, err := Parse("dump.jsonl", []byte(data), Auto)
	if err == nil {
		t.Fatal("no error for the broken line")
	}
	if len(arts) != 2 {
		t.Fatalf("%d articles, want the 2 good lines", len(arts))
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "dump.jsonl:2:") || strings.Count(msg, "dump.jsonl") != 1 || strings.Contains(msg, "\n") {
		t.Errorf("error %q: want one line naming the file once, with the line number", msg)
	}
	// A source that yields nothing still fails with its name first.
	if _, err := Parse("empty.txt", nil, Auto); err == nil || !strings.HasPrefix(err.Error(), "empty.txt: ") {
		t.Errorf("empty source: %v", err)
	}
}

// Regression: a multi-megabyte text was accepted as one article and held
// ingestion for hours (its quads go in one transaction). It is refused
// with a one-line error; a JSON-lines file keeps its other articles.
func TestParseRefusesOverlongArticles(t *testing.T) {
	long := strings.Repeat("The minister said on Tuesday that talks would resume. ", MaxArticleBytes/50)
	_, err := Parse("book.txt", []byte("A book\n\n"+long), Auto)
	if err == nil || !strings.HasPrefix(err.Error(), "book.txt: ") || !strings.Contains(err.Error(), "too large") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("overlong article: %v", err)
	}
	data := `{"url": "https://news.example/1", "title": "Short", "text": "The minister resigned on Tuesday."}` + "\n" +
		`{"url": "https://news.example/2", "title": "Long", "text": "` + long + `"}` + "\n"
	arts, err := Parse("dump.jsonl", []byte(data), Auto)
	if len(arts) != 1 || err == nil || !strings.Contains(err.Error(), "dump.jsonl#2") {
		t.Fatalf("jsonl with an overlong line: %d articles, %v", len(arts), err)
	}
}
