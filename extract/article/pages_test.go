package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// The pages in testdata/pages reproduce, one each, the ways real pages
// and text files were misread: a body wrapped in an ASP.NET <form>,
// spaces at inline boundaries, a JSON-LD date in ISO basic format, a
// timestamp near midnight in its own offset, UTC metadata on a US evening
// story, a year-only date, a German page, boilerplate boxes, and a text
// file with an AP dateline.
func TestPages(t *testing.T) {
	tests := []struct {
		file      string
		published string // the publisher's day; "-" for none
		time      string // doc.PropPublishedTime
		year      string // doc.PropPublishedYear
		title     string
		language  string
		body      []string // in the text the extractors read
		notBody   []string // not in it
	}{
		{file: "aspnet_form.html", title: "County opens flood relief centre in Riverside",
			body: []string{"The county opened a relief centre in Riverside on Tuesday", "The state emergency agency has promised"}},
		{file: "inline_links.html", published: "2024-03-26",
			body:    []string{"the regulator said in a statement.", "call the Harbour customer helpline at 0800 123 456. The Information Commissioner's Office and Citizens Advice also give advice."},
			notBody: []string{"helplineat", "Officeand"}},
		{file: "jsonld_basic.html", published: "2020-09-24", time: "2020-09-24T15:04:34Z"},
		{file: "late_evening_offset.html", published: "2024-03-27", time: "2024-03-27T00:30:00+08:00"},
		{file: "us_evening_utc.html", published: "2023-11-08", time: "2023-11-08T18:09:55-07:00",
			title: "City council approves new light rail line"},
		{file: "year_only.html", published: "-", year: "1988"},
		{file: "german.html", language: "de"},
		{file: "newsletter.html", published: "2024-03-26",
			body:    []string{"voted on Monday to strike", "would meet union leaders on Thursday."},
			notBody: []string{"Advertisement", "Morning Briefing", "delivered to your inbox", "news app", "community guidelines"}},
		{file: "ap_dateline.txt", published: "2024-03-26", title: "Senate passes stopgap spending bill",
			body:    []string{"The Senate passed a stopgap spending bill late on Tuesday"},
			notBody: []string{"WASHINGTON, March 26, 2024 (AP)"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "pages", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			arts, err := Parse(tt.file, data, Auto)
			if err != nil || len(arts) != 1 {
				t.Fatalf("%d articles, err %v", len(arts), err)
			}
			a := arts[0]
			pub := "-"
			if a.Published != nil {
				pub = a.Published.Format(time.DateOnly)
			}
			if tt.published != "" && pub != tt.published {
				t.Errorf("published %s, want %s (props %v)", pub, tt.published, a.Props)
			}
			if tt.time != "" && a.Props[doc.PropPublishedTime] != tt.time {
				t.Errorf("published time %q, want %q", a.Props[doc.PropPublishedTime], tt.time)
			}
			if a.Props[doc.PropPublishedYear] != tt.year {
				t.Errorf("published year %q, want %q", a.Props[doc.PropPublishedYear], tt.year)
			}
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			lang := tt.language
			if lang == "" {
				lang = "en"
			}
			if got := LanguageOf(a); got != lang || a.English() != (lang == "en") {
				t.Errorf("language %q (English %v), want %q", got, a.English(), lang)
			}
			text := readText(a)
			for _, s := range tt.body {
				if !strings.Contains(text, s) {
					t.Errorf("text lacks %q:\n%s", s, text)
				}
			}
			for _, s := range tt.notBody {
				if strings.Contains(text, s) {
					t.Errorf("text has %q:\n%s", s, text)
				}
			}
		})
	}
}

// readText is the text of the blocks the extractors read (all but
// metadata), one line each.
func readText(a doc.Article) string {
	var b strings.Builder
	for _, bl := range a.Blocks {
		if bl.Kind != doc.BlockMetadata {
			b.WriteString(normSpace(a.Text[bl.Start:bl.End]))
			b.WriteByte('\n')
		}
	}
	return b.String()
}
