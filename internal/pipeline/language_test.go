package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/graph"
)

// A German page is stored with its language and nothing extracted from
// it, and the summary counts it; an undated text takes --published.
func TestOtherLanguageAndPublished(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	pages := "../../extract/article/testdata/pages"
	undated := filepath.Join(t.TempDir(), "undated.txt")
	if err := os.WriteFile(undated, []byte("The minister resigned on Tuesday after losing a budget vote in parliament.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2024, 3, 26, 0, 0, 0, 0, time.UTC)
	sum, err := Run(ctx, st, []string{filepath.Join(pages, "german.html"), filepath.Join(pages, "us_evening_utc.html"), undated}, Options{Published: &pub})
	if err != nil {
		t.Fatalf("%v (%+v)", err, sum)
	}
	if sum.Ingested != 3 || sum.OtherLanguages["de"] != 1 || len(sum.OtherLanguages) != 1 {
		t.Fatalf("summary %+v", sum)
	}
	arts, err := st.OfType(ctx, graph.ClassArticle)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, a := range arts {
		p, err := st.Out(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		mentions := st.ArticleMentions(strings.TrimPrefix(graph.IDOf(a), "article/"))
		src := filepath.Base(p.Str(graph.Source))
		seen[src] = true
		switch src {
		case "german.html":
			if p.Str(graph.InLanguage) != "de" || len(mentions) != 0 {
				t.Errorf("German page: language %q, %d mentions", p.Str(graph.InLanguage), len(mentions))
			}
		case "us_evening_utc.html":
			if p.Str(graph.Published) != "2023-11-08" || p.Str(graph.PublishedAt) != "2023-11-08T18:09:55-07:00" ||
				p.Str(graph.Publisher) != "Mountain Post" || p.Str(graph.InLanguage) != "en" || len(mentions) == 0 {
				t.Errorf("US evening story: %v, %d mentions", p, len(mentions))
			}
		case "undated.txt":
			if p.Str(graph.Published) != "2024-03-26" {
				t.Errorf("--published: datePublished %q", p.Str(graph.Published))
			}
		}
	}
	if len(seen) != 3 {
		t.Errorf("articles stored: %v", seen)
	}
}
