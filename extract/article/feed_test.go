package article

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

func TestParseFeed(t *testing.T) {
	type item struct {
		source, title, url, published string
		body, captions, headings      []string
		props                         map[string]string
	}
	tests := []struct {
		file  string
		items []item
	}{
		{
			file: "rss.xml",
			items: []item{
				{
					source: "rss.xml#https://news.example.com/politics/2024/minister-resigns",
					title:  "Minister resigns after budget vote", url: "https://news.example.com/politics/2024/minister-resigns",
					published: "2024-03-26T13:05:00Z",
					body: []string{
						"The finance minister resigned on Tuesday evening, hours after parliament rejected the government's budget by 312 votes to 290.",
						"In a short statement outside the ministry, she said she took full responsibility for the outcome and would remain a member of parliament.",
						"Opposition leaders called for early elections, arguing that the government had lost its majority on the most important vote of the year.",
					},
					captions: []string{"The minister leaves parliament. Photo: John Roe/Example Agency"},
					headings: []string{"Coalition under pressure"},
					props: map[string]string{"author": "Jane Doe", "site": "The Daily Example - Politics", "language": "en-gb",
						"categories": "Politics", "summary": "The finance minister resigned hours after parliament rejected the budget."},
				},
				{
					source: "rss.xml#https://news.example.com/politics/2024/coalition-meeting",
					title:  "Coalition partners to meet on Wednesday", url: "https://news.example.com/politics/2024/coalition-meeting",
					published: "2024-03-26T18:30:00Z",
					body:      []string{"Two junior coalition partners will decide on Wednesday whether to stay in government after the budget defeat & the minister's resignation."},
					props:     map[string]string{"summary_only": "true"},
				},
				{
					// No link: the index names it. February 30 is no date.
					source: "rss.xml#3", title: "Budget defeat: what happens next",
					body:  []string{"The government has two weeks to present a new budget.", "Markets reacted calmly."},
					props: map[string]string{"published": "Fri, 30 Feb 2024 09:00:00 GMT", "date_error": `unparseable date "Fri, 30 Feb 2024 09:00:00 GMT"`},
				},
			},
		},
		{
			file: "atom.xml",
			items: []item{
				{
					source: "atom.xml#https://wire.example.org/2024/03/talks-resume",
					title:  "Talks resume in Geneva", url: "https://wire.example.org/2024/03/talks-resume",
					published: "2024-03-25T07:30:00Z",
					body: []string{
						"Negotiators returned to Geneva on Monday for a third round of talks on a ceasefire, the mediators said in a statement.",
						"The previous round ended without agreement on March 12.",
					},
					props: map[string]string{"author": "Sam Roe", "modified": "2024-03-25T09:00:00Z", "site": "Example Wire", "feed_type": "atom"},
				},
				{
					// Only <updated>: it dates the entry (gofeed's Atom
					// translator already falls back to it).
					source: "atom.xml#https://wire.example.org/2024/03/envoy-arrives",
					title:  "Envoy arrives for consultations", url: "https://wire.example.org/2024/03/envoy-arrives",
					published: "2024-03-26T14:00:00Z",
					body:      []string{"The special envoy arrived on Tuesday for two days of consultations."},
					props:     map[string]string{"summary_only": "true"},
				},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data := readTestdata(t, tt.file)
			if f := Detect(tt.file, data); f != Feed {
				t.Errorf("detected %q", f)
			}
			arts, err := Parse(tt.file, data, Auto)
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != len(tt.items) {
				t.Fatalf("%d articles, want %d", len(arts), len(tt.items))
			}
			for i, want := range tt.items {
				a := arts[i]
				checkBlocks(t, a)
				if a.Source != want.source || a.Title != want.title || a.URL != want.url {
					t.Errorf("item %d: source %q title %q url %q", i, a.Source, a.Title, a.URL)
				}
				if got := fmtUTC(a.Published); got != want.published {
					t.Errorf("item %d: published %q, want %q", i, got, want.published)
				}
				if got := blocksOf(a, doc.BlockBody); strings.Join(got, "|") != strings.Join(want.body, "|") {
					t.Errorf("item %d: body %q, want %q", i, got, want.body)
				}
				if got := blocksOf(a, doc.BlockCaption); strings.Join(got, "|") != strings.Join(want.captions, "|") {
					t.Errorf("item %d: captions %q, want %q", i, got, want.captions)
				}
				if got := blocksOf(a, doc.BlockHeading); strings.Join(got, "|") != strings.Join(want.headings, "|") {
					t.Errorf("item %d: headings %q, want %q", i, got, want.headings)
				}
				for k, v := range want.props {
					if a.Props[k] != v {
						t.Errorf("item %d: props[%q] = %q, want %q", i, k, a.Props[k], v)
					}
				}
				if a.ID != ID(want.url, a.Text) {
					t.Errorf("item %d: id from neither url nor text", i)
				}
			}
		})
	}
}

func fmtUTC(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func TestParseFeedBad(t *testing.T) {
	bomb := `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>`
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"entity bomb", bomb, ErrEntities},
		{"no items", `<rss version="2.0"><channel><title>Empty</title></channel></rss>`, ErrEmpty},
		{"empty item", `<rss version="2.0"><channel><title>x</title><item></item></channel></rss>`, ErrEmpty},
		{"not a feed", `<rss`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			arts, err := ParseFeed("feed.xml", []byte(tt.in))
			if err == nil || len(arts) != 0 {
				t.Fatalf("%d articles, err %v", len(arts), err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err %v, want %v", err, tt.want)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
		})
	}

	// An undeclared entity is left as it is, never expanded.
	arts, err := ParseFeed("feed.xml", []byte(`<rss version="2.0"><channel><title>x</title><item><title>A &lol9; B</title><description>Text.</description></item></channel></rss>`))
	if err != nil || len(arts) != 1 || len(arts[0].Text) > 100 {
		t.Errorf("undeclared entity: %v %+v", err, arts)
	}

	// One bad item among good ones: the good come through with an error
	// naming the bad one.
	arts, err = ParseFeed("feed.xml", []byte(`<rss version="2.0"><channel><title>x</title>
<item><title>Good</title><description>Fine text.</description></item>
<item><description></description></item>
</channel></rss>`))
	if len(arts) != 1 || err == nil || !strings.Contains(err.Error(), "feed.xml: item 2") {
		t.Errorf("mixed items: %d articles, err %v", len(arts), err)
	}
}

func FuzzParseFeed(f *testing.F) {
	f.Add(readTestdata(f, "rss.xml"))
	f.Add(readTestdata(f, "atom.xml"))
	f.Add([]byte(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><title>t</title><link>http://x</link><description>d</description></item></rdf:RDF>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></content><updated>2024-13-45</updated></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, _ := ParseFeed("fuzz.xml", data)
		for _, a := range arts {
			for _, b := range a.Blocks {
				if b.Start < 0 || b.End > len(a.Text) || b.Start > b.End {
					t.Fatalf("block %+v outside text of %d bytes", b, len(a.Text))
				}
			}
			if a.Published != nil && checkYear(*a.Published) != nil {
				t.Fatalf("implausible date %v", a.Published)
			}
		}
	})
}

func TestParseFeedFormats(t *testing.T) {
	tests := []struct {
		name, in        string
		title, text     string
		published, link string
	}{
		{
			name:  "json feed",
			in:    `{"version": "https://jsonfeed.org/version/1.1", "title": "Wire", "items": [{"id": "1", "url": "https://wire.example.org/1", "title": "Talks resume", "content_text": "Negotiators returned on Monday.", "date_published": "2024-03-25T07:30:00Z"}]}`,
			title: "Talks resume", text: "Talks resume\n\nNegotiators returned on Monday.", published: "2024-03-25T07:30:00Z", link: "https://wire.example.org/1",
		},
		{
			name: "rss 1.0 rdf",
			in: `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://x.example/"><title>X</title><link>https://x.example/</link></channel>
<item rdf:about="https://x.example/1"><title>Envoy arrives</title><link>https://x.example/1</link><description>The envoy arrived on Tuesday.</description><dc:date>2024-03-26T16:00:00+02:00</dc:date></item></rdf:RDF>`,
			title: "Envoy arrives", text: "Envoy arrives\n\nThe envoy arrived on Tuesday.", published: "2024-03-26T14:00:00Z", link: "https://x.example/1",
		},
		{
			name: "atom xhtml content",
			in: `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>Vote delayed</title><link href="https://a.example/v"/><updated>2024-03-01T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The vote was delayed by a week.</p><p>Members objected.</p></div></content></entry></feed>`,
			title: "Vote delayed", text: "Vote delayed\n\nThe vote was delayed by a week.\n\nMembers objected.", published: "2024-03-01T10:00:00Z", link: "https://a.example/v",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if f := Detect("feed", []byte(tt.in)); f != Feed {
				t.Errorf("detected %q", f)
			}
			arts, err := Parse("feed", []byte(tt.in), Auto)
			if err != nil {
				t.Fatal(err)
			}
			a := arts[0]
			checkBlocks(t, a)
			if a.Title != tt.title || a.Text != tt.text || a.URL != tt.link || fmtUTC(a.Published) != tt.published {
				t.Errorf("got title %q text %q url %q published %v", a.Title, a.Text, a.URL, a.Published)
			}
		})
	}
}
