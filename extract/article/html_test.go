package article

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// checkBlocks verifies the layout contract: blocks in order, inside the
// text, separated by blank lines, the title first.
func checkBlocks(t *testing.T, a doc.Article) {
	t.Helper()
	prev := -2
	for i, b := range a.Blocks {
		if b.Start < 0 || b.End > len(a.Text) || b.Start >= b.End {
			t.Fatalf("block %d %+v outside text of %d bytes", i, b, len(a.Text))
		}
		if b.Start != prev+2 || (i > 0 && a.Text[prev:b.Start] != "\n\n") {
			t.Errorf("block %d does not follow the previous after a blank line", i)
		}
		if strings.Contains(a.Text[b.Start:b.End], "\n\n") {
			t.Errorf("block %d holds a blank line", i)
		}
		if b.Kind == doc.BlockTitle && (i != 0 || a.Text[b.Start:b.End] != a.Title) {
			t.Errorf("title block %d %q, title %q", i, a.Text[b.Start:b.End], a.Title)
		}
		prev = b.End
	}
	if len(a.Blocks) > 0 && prev != len(a.Text) {
		t.Errorf("text goes on after the last block")
	}
	if strings.Contains(a.Text, captionMark) {
		t.Errorf("caption marker left in text")
	}
}

func TestParseHTML(t *testing.T) {
	tests := []struct {
		name, file, contentType string
		title, url, published   string // published in RFC 3339
		props                   map[string]string
		body                    []string // body blocks, in order
		captions, headings      []string
		absent                  []string // text that must not be in the article
	}{
		{
			name: "news page", file: "news.html",
			title: "Minister resigns after budget vote", url: "https://news.example.com/politics/2024/minister-resigns",
			published: "2024-03-26T14:05:00+01:00",
			props: map[string]string{
				"author": "Jane Doe", "site": "The Daily Example", "language": "en",
				"modified": "2024-03-27T09:00:00+01:00", "date_source": "meta article:published_time",
			},
			body: []string{
				"The finance minister resigned on Tuesday evening, hours after parliament rejected the government's budget by 312 votes to 290, a defeat that leaves the coalition without a spending plan for the coming year.",
				"In a short statement outside the ministry, she said she took full responsibility for the outcome and would remain a member of parliament. The prime minister accepted the resignation and thanked her for her service.",
				"Opposition leaders called for early elections, arguing that the government had lost its majority on the most important vote of the parliamentary year. Two junior coalition partners said they would meet on Wednesday to decide whether to stay in government.",
				"Analysts said the defeat was the first on a budget in more than three decades and could delay planned tax cuts until at least the autumn.",
			},
			captions: []string{"The finance minister leaves parliament on Tuesday. Photo: John Roe/Example Agency"},
			headings: []string{"Coalition under pressure"},
			absent:   []string{"Politics\n", "Sport", "Related stories", "Coalition talks stall", "All rights reserved", "Privacy", "Markets:", "2019", "dataLayer"},
		},
		{
			name: "blog page with JSON-LD, wrapped caption and in-body links", file: "blog.html",
			title: "Ceasefire talks resume in Geneva", url: "https://wire.example.org/2024/03/25/ceasefire-talks-resume/",
			published: "2024-03-25T07:30:00Z",
			props: map[string]string{
				"author": "Sam Roe", "site": "Example Wire", "language": "en",
				"date_source": "json-ld datePublished", "modified": "2024-03-25T11:02:00Z",
			},
			body: []string{
				"Negotiators returned to Geneva on Monday for a third round of talks on a ceasefire, the mediators said in a statement, after a week in which fighting spread to two more provinces.",
				"The previous round ended without agreement on March 12, when one delegation walked out over the sequencing of prisoner releases and the withdrawal of heavy weapons.",
				"Mediators said both sides had agreed to stay in Geneva until Friday and that a joint statement could follow if progress was made on humanitarian access.",
			},
			captions: []string{"Delegates arrive at the Palais des Nations on Monday. Photo: Example Wire"},
			absent:   []string{"Storm warning", "2021", "Share on", "Sign up", "You may also like", "Aid convoy", "Great article", "Powered by", "Subscribe"},
		},
		{
			name: "latin-1 page declared in a meta tag", file: "latin1.html",
			title: "Le ministre démissionne après le vote du budget", published: "2024-03-26T00:00:00Z",
			props: map[string]string{"charset": "windows-1252", "language": "fr"},
			body: []string{
				"Le ministre des Finances a démissionné mardi soir, quelques heures après le rejet du budget par l'Assemblée, une défaite qui laisse la coalition sans plan de dépenses pour l'année à venir.",
				"« J'assume l'entière responsabilité de ce résultat », a-t-il déclaré devant le ministère. Le Premier ministre a accepté sa démission et l'a remercié pour son travail à la tête de l'économie française.",
				"Les chefs de l'opposition ont réclamé des élections anticipées, estimant que le gouvernement avait perdu sa majorité lors du vote le plus important de l'année parlementaire.",
			},
			absent: []string{"Accueil", "droits", "\uFFFD"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := readTestdata(t, tt.file)
			arts, err := Parse(tt.file, data, Auto)
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 1 {
				t.Fatalf("%d articles, want 1", len(arts))
			}
			a := arts[0]
			checkBlocks(t, a)
			if a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			if a.URL != tt.url {
				t.Errorf("url %q, want %q", a.URL, tt.url)
			}
			if got := fmtTime(a.Published); got != tt.published {
				t.Errorf("published %q, want %q", got, tt.published)
			}
			for k, v := range tt.props {
				if a.Props[k] != v {
					t.Errorf("props[%q] = %q, want %q", k, a.Props[k], v)
				}
			}
			if got := blocksOf(a, doc.BlockBody); strings.Join(got, "|") != strings.Join(tt.body, "|") {
				t.Errorf("body\n%q\nwant\n%q", got, tt.body)
			}
			if got := blocksOf(a, doc.BlockCaption); strings.Join(got, "|") != strings.Join(tt.captions, "|") {
				t.Errorf("captions %q, want %q", got, tt.captions)
			}
			if got := blocksOf(a, doc.BlockHeading); strings.Join(got, "|") != strings.Join(tt.headings, "|") {
				t.Errorf("headings %q, want %q", got, tt.headings)
			}
			for _, s := range tt.absent {
				if strings.Contains(a.Text, s) {
					t.Errorf("text holds %q", s)
				}
			}
			if want := ID(tt.url, a.Text); a.ID != want {
				t.Errorf("id %s, want %s", a.ID, want)
			}
			if a.Source != tt.file {
				t.Errorf("source %q", a.Source)
			}
		})
	}
}

func fmtTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.RFC3339)
}

const lorem = "The delegation met officials from both sides in the capital on Monday and said it would report to the council by the end of the week. "

func TestParseHTMLEdgeCases(t *testing.T) {
	body := "<p>" + lorem + "</p><p>" + lorem + "</p>"
	tests := []struct {
		name        string
		in          string
		contentType string
		want        error  // errors.Is target
		published   string // RFC 3339, "" for none
		dateErr     bool
		text        string // substring the text must hold
		captions    []string
	}{
		{name: "charset from content type", in: "<html><body><article><p>Caf\xe9 cr\xe8me. " + lorem + "</p></article></body></html>",
			contentType: "text/html; charset=ISO-8859-1", text: "Café crème."},
		{name: "undeclared latin-1 read as windows-1252", in: "<html><body><article><p>Caf\xe9 \x93quoted\x94. " + lorem + "</p></article></body></html>",
			text: "Café “quoted”."},
		{name: "xml declaration encoding", in: "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><html><body><p>Na\xefve. " + lorem + "</p></body></html>",
			text: "Naïve."},
		{name: "json-ld date", in: `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2023-11-02T08:00:00Z"}]}</script></head><body><article>` + body + `</article></body></html>`,
			published: "2023-11-02T08:00:00Z"},
		{name: "impossible meta date is recorded, not used", in: `<html><head><meta property="article:published_time" content="2024-02-30"></head><body><article>` + body + `</article></body></html>`,
			dateErr: true},
		{name: "implausible meta year", in: `<html><head><meta property="article:published_time" content="2999-01-01"></head><body><article>` + body + `</article></body></html>`,
			dateErr: true},
		{name: "time element", in: `<html><body><article><time datetime="2022-05-04T10:00:00+02:00" pubdate>4 May</time>` + body + `</article></body></html>`,
			published: "2022-05-04T10:00:00+02:00"},
		// A boilerplate ticker date is not the publication date: htmldate
		// runs in fast mode only.
		{name: "no date from a ticker", in: `<html><body><div class="ticker">Markets closed. Last updated 12 June 2019</div><article>` + body + `</article></body></html>`},
		{name: "malformed", in: "<html><body><p>Unclosed <b>bold <i>italic</p><div><p>" + lorem + "</span></td></table><p>" + lorem, text: "Unclosed bold italic"},
		{name: "no text", in: "<html><body><nav><a href='/'>Home</a></nav></body></html>", want: ErrEmpty},
		{name: "deep divs", in: "<html><body>" + strings.Repeat("<div>", 100000) + "x", want: ErrTooDeep},
		{name: "deep spans", in: "<html><body><p>" + strings.Repeat("<span>", 100000) + "x", want: ErrTooDeep},
		{name: "deep but harmless", in: "<html><body>" + strings.Repeat("<p>", 100000) + lorem, text: "The delegation"},
		{name: "class caption", in: `<html><body><article>` + body + `<div class="image"><img src="a.jpg"><p class="image-caption">Rescuers search the rubble. Photo: Example Agency</p></div><p>` + lorem + `</p></article></body></html>`,
			captions: []string{"Rescuers search the rubble. Photo: Example Agency"}},
		{name: "container with caption in its class is not a caption", in: `<html><body><article><div class="has-caption">` + body + `</div></article></body></html>`,
			text: "The delegation"},
		{name: "binary", in: "\x00\x01\x02<html>", want: ErrBinary},
		{name: "too much text", in: "<html><body><article>" + strings.Repeat("<p>"+lorem+"</p>", maxHTMLText/len(lorem)+1), want: ErrTooLarge},
		{name: "too many elements", in: "<html><body><p>" + lorem + strings.Repeat("<b></b>", maxHTMLNodes), want: ErrTooMany},
		{name: "big script is no text", in: "<html><head><script>" + strings.Repeat("var x = 1;", maxHTMLText/5) + "</script></head><body><article>" + body + "</article></body></html>", text: "The delegation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			a, err := ParseHTML("page.html", []byte(tt.in), tt.contentType)
			if d := time.Since(start); d > 30*time.Second { // generous: CI machines are small
				t.Errorf("took %v", d)
			}
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("err %v, want %v", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkBlocks(t, a)
			if got := fmtTime(a.Published); got != tt.published {
				t.Errorf("published %q, want %q (props %v)", got, tt.published, a.Props)
			}
			if (a.Props["date_error"] != "") != tt.dateErr {
				t.Errorf("date_error %q", a.Props["date_error"])
			}
			if !strings.Contains(a.Text, tt.text) {
				t.Errorf("text %q lacks %q", a.Text, tt.text)
			}
			if got := blocksOf(a, doc.BlockCaption); strings.Join(got, "|") != strings.Join(tt.captions, "|") {
				t.Errorf("captions %q, want %q", got, tt.captions)
			}
			if len(blocksOf(a, doc.BlockBody)) == 0 {
				t.Errorf("no body")
			}
		})
	}
}

func FuzzParseHTML(f *testing.F) {
	f.Add(readTestdata(f, "news.html"))
	f.Add(readTestdata(f, "latin1.html"))
	f.Add([]byte("<html><body><figure><figcaption>Photo: x</figcaption></figure><p>text</p>"))
	f.Add([]byte("<p>" + strings.Repeat("<div>", 600)))
	f.Add([]byte(`<html><head><meta charset="utf-16"><script type="application/ld+json">[{"datePublished":"2024-01-01"}]</script></head><body><article><h1>T</h1><p>x</p></article>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseHTML("fuzz.html", data, "")
		if err != nil {
			return
		}
		for _, b := range a.Blocks {
			if b.Start < 0 || b.End > len(a.Text) || b.Start > b.End {
				t.Fatalf("block %+v outside text of %d bytes", b, len(a.Text))
			}
		}
	})
}

// The readers hold no shared state: pages parse concurrently.
func TestParseHTMLConcurrent(t *testing.T) {
	data := readTestdata(t, "news.html")
	want, err := ParseHTML("news.html", data, "")
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() {
			a, err := ParseHTML("news.html", data, "")
			if err == nil && a.Text != want.Text {
				err = errors.New("different text")
			}
			errs <- err
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
