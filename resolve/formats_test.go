package resolve_test

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/internal/pipeline"
	"github.com/eventgraph/eventgraph/resolve"
)

// seed is one of the two seed articles: its headline, its body and its
// publication day ("" when it has none).
type seed struct{ headline, body, published string }

// readSeeds reads the seed articles: the first line of each is its
// headline; a "date YYYY-MM-DD" prefix is its publication date.
func readSeeds(t *testing.T) []seed {
	t.Helper()
	paths, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(paths) != 2 {
		t.Fatalf("want the two seed articles in ../seeds: %v %v", paths, err)
	}
	var out []seed
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.TrimSpace(string(b))
		var sd seed
		if rest, ok := strings.CutPrefix(s, "date "); ok {
			sd.published, s = rest[:10], strings.TrimSpace(rest[10:])
		}
		sd.headline, sd.body, _ = strings.Cut(s, "\n")
		out = append(out, sd)
	}
	return out
}

// formats renders a seed as each format a reader can meet it in; the
// HTML page carries another headline, as a site that rewrites headlines.
var formats = []struct {
	name, file string
	render     func(s seed) string
}{
	{"text", "a.txt", func(s seed) string {
		if s.published != "" {
			return "date " + s.published + "\n\n" + s.headline + "\n\n" + s.body
		}
		return s.headline + "\n\n" + s.body
	}},
	{"html", "a.html", func(s seed) string {
		var b strings.Builder
		title := "Netanyahu scraps Washington delegation"
		fmt.Fprintf(&b, "<!DOCTYPE html><html><head><title>%s</title>", title)
		if s.published != "" {
			fmt.Fprintf(&b, `<meta property="article:published_time" content="%sT09:00:00Z">`, s.published)
		}
		fmt.Fprintf(&b, "</head><body><nav><a href=\"/\">Home</a></nav><article><h1>%s</h1>", title)
		for _, p := range strings.Split(s.body, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
			}
		}
		b.WriteString("</article><footer>Copyright 2024</footer></body></html>")
		return b.String()
	}},
	{"rss", "a.xml", func(s seed) string {
		date := ""
		if s.published != "" {
			date = "<pubDate>" + s.published + "T09:00:00Z</pubDate>"
		}
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>World</title><link>https://news.example/</link><item><title>` +
			html.EscapeString(s.headline) + `</title><link>https://news.example/` + fmt.Sprint(len(s.body)) + `</link>` + date +
			`<description>` + html.EscapeString(strings.ReplaceAll(s.body, "\n", "<br>")) + `</description></item></channel></rss>`
	}},
	{"jsonl", "a.jsonl", func(s seed) string {
		b, _ := json.Marshal(map[string]string{"title": s.headline, "text": s.body, "published": s.published})
		return string(b) + "\n"
	}},
}

// The seeds' cancellation and abstention each end as one event with both
// articles, whatever format each article comes in (another headline
// included) and whichever comes first.
func TestHeadlineAndFormatInvariance(t *testing.T) {
	seeds := readSeeds(t)
	// Each seed in each format, extracted once.
	docs := make([][]*doc.Document, len(seeds))
	for i, s := range seeds {
		for _, f := range formats {
			arts, err := article.Parse(f.file, []byte(f.render(s)), article.Auto)
			if err != nil || len(arts) != 1 {
				t.Fatalf("seed %d as %s: %d articles, %v", i, f.name, len(arts), err)
			}
			docs[i] = append(docs[i], extract.Extract(arts[0]))
		}
	}
	for fa := range formats {
		for fb := range formats {
			for _, first := range []int{0, 1} {
				name := fmt.Sprintf("%s+%s/seed%d-first", formats[fa].name, formats[fb].name, first)
				t.Run(name, func(t *testing.T) {
					pair := []*doc.Document{docs[0][fa], docs[1][fb]}
					if first == 1 {
						pair[0], pair[1] = pair[1], pair[0]
					}
					r := resolve.New(pipeline.Rules())
					articles := map[string]map[string]bool{} // event -> articles
					actions := map[string]string{}
					for _, d := range pair {
						as := r.Add(d)
						for k, e := range d.Events {
							id := as.Events[k]
							if articles[id] == nil {
								articles[id] = map[string]bool{}
							}
							articles[id][d.Article.ID] = true
							actions[id] = e.Action
						}
					}
					if a, b := r.StoryOf(pair[0].Article.ID), r.StoryOf(pair[1].Article.ID); a != b {
						t.Errorf("the articles are in two stories, %s and %s", a, b)
					}
					for _, want := range []string{"cancel", "abstain"} {
						var events []string
						for id, act := range actions {
							if act == want {
								events = append(events, id)
							}
						}
						if len(events) != 1 || len(articles[events[0]]) != 2 {
							var got []string
							for _, id := range events {
								got = append(got, fmt.Sprintf("%s (%d articles)", id, len(articles[id])))
							}
							t.Errorf("%s: want one event with both articles, got %v", want, got)
						}
					}
				})
			}
		}
	}
}
