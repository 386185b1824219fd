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

// seed is one of the two seed articles: its headline and publication day
// ("" when it has none) and its body.
type seed struct {
	headline, body, published string
	blocks                    []block // the body's blocks, as the text reader finds them
}

type block struct {
	kind doc.BlockKind
	text string
}

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
		// The first line is a headline when it does not end a sentence;
		// otherwise the article has none and begins with its lead.
		first, rest, _ := strings.Cut(s, "\n")
		if strings.ContainsAny(first[len(first)-1:], ".!?\"") {
			sd.body = s
		} else {
			sd.headline, sd.body = first, rest
		}
		arts, err := article.Parse(p, []byte(sd.body), article.Text)
		if err != nil || len(arts) != 1 {
			t.Fatalf("%s: %v", p, err)
		}
		for _, bl := range arts[0].Blocks {
			sd.blocks = append(sd.blocks, block{bl.Kind, arts[0].Text[bl.Start:bl.End]})
		}
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
		text := s.body
		if s.headline != "" {
			text = s.headline + "\n\n" + text
		}
		if s.published != "" {
			text = "date " + s.published + "\n\n" + text
		}
		return text
	}},
	{"html", "a.html", func(s seed) string {
		var b strings.Builder
		title := "Netanyahu scraps Washington delegation"
		fmt.Fprintf(&b, "<!DOCTYPE html><html><head><title>%s</title>", title)
		if s.published != "" {
			fmt.Fprintf(&b, `<meta property="article:published_time" content="%sT09:00:00Z">`, s.published)
		}
		fmt.Fprintf(&b, "</head><body><nav><a href=\"/\">Home</a></nav><article><h1>%s</h1>", title)
		// The blocks as the plain-text reader finds them: a photo
		// caption is a figure's caption on a page.
		for _, p := range s.blocks {
			switch p.kind {
			case doc.BlockCaption:
				fmt.Fprintf(&b, "<figure><img src=\"photo.jpg\"><figcaption>%s</figcaption></figure>\n", html.EscapeString(p.text))
			case doc.BlockHeading:
				fmt.Fprintf(&b, "<h2>%s</h2>\n", html.EscapeString(p.text))
			case doc.BlockBody:
				fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p.text))
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
		title := s.headline
		if title == "" {
			title = "Netanyahu calls off delegation"
		}
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>World</title><link>https://news.example/</link><item><title>` +
			html.EscapeString(title) + `</title><link>https://news.example/` + fmt.Sprint(len(s.body)) + `</link>` + date +
			`<description>` + html.EscapeString(strings.ReplaceAll(s.body, "\n", "<br>")) + `</description></item></channel></rss>`
	}},
	{"jsonl", "a.jsonl", func(s seed) string {
		b, _ := json.Marshal(map[string]string{"title": s.headline, "text": s.body, "published": s.published})
		return string(b) + "\n"
	}},
}

// The seeds' cancellation and abstention each end as one event with both
// articles, whatever format each article comes in (another headline
// included) and whichever comes first; so does the visit the cancellation
// called off ("Cancels Washington Trip" / "cancellation of the
// delegation's visit") when both articles tell it.
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
					// The HTML page's headline names no trip: there only the
					// seed that says "the delegation's visit" tells a visit.
					visits := 2
					if formats[fa].name == "html" {
						visits = 1
					}
					for _, want := range []struct {
						action   string
						articles int
					}{{"cancel", 2}, {"abstain", 2}, {"visit", visits}} {
						var events []string
						for id, act := range actions {
							if act == want.action {
								events = append(events, id)
							}
						}
						if len(events) != 1 || len(articles[events[0]]) != want.articles {
							var got []string
							for _, id := range events {
								got = append(got, fmt.Sprintf("%s (%d articles)", id, len(articles[id])))
							}
							t.Errorf("%s: want one event with %d articles, got %v", want.action, want.articles, got)
						}
					}
				})
			}
		}
	}
}
