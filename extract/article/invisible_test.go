package article

import (
	"strings"
	"testing"
)

// TestDropInvisible: soft hyphens and zero-width characters inside words
// are gone from an article's text, its blocks still cover their words, and
// the article keeps the identity of its clean text.
func TestDropInvisible(t *testing.T) {
	clean := "The company confirmed in a statement.\n\nIt was a technical issue."
	soft := "The com\u00adpa\u00adny con\u00adfirmed in a state\u00adment.\n\nIt was a tech\u00adni\u00adcal is\u200bsue."
	arts, err := Parse("t.txt", []byte(soft), Text)
	if err != nil || len(arts) != 1 {
		t.Fatalf("Parse: %v, %d articles", err, len(arts))
	}
	a := arts[0]
	if a.Text != clean {
		t.Errorf("text %q, want %q", a.Text, clean)
	}
	var words []string
	for _, b := range a.Blocks {
		words = append(words, a.Text[b.Start:b.End])
	}
	if got := strings.Join(words, "|"); got != "The company confirmed in a statement.|It was a technical issue." {
		t.Errorf("blocks %q", got)
	}
	ref, err := Parse("t.txt", []byte(clean), Text)
	if err != nil || ref[0].ID != a.ID {
		t.Errorf("ID %s, clean text's %s (%v)", a.ID, ref[0].ID, err)
	}
	page := "<html><head><title>T</title></head><body><article><p>The com&shy;pa&shy;ny con&shy;firmed in a state&shy;ment sent to the media on Monday, its chief said.</p><p>It was a tech&shy;ni&shy;cal is&shy;sue that stopped every sale at its stores for hours.</p></article></body></html>"
	h, err := ParseHTML("t.html", []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(h.Text, invisible) || !strings.Contains(h.Text, "company confirmed") {
		t.Errorf("HTML text %q", h.Text)
	}
}
