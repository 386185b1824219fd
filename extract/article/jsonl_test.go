package article

import (
	"errors"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
)

func TestParseJSONL(t *testing.T) {
	data := readTestdata(t, "articles.jsonl")
	if f := Detect("articles.jsonl", data); f != JSONL {
		t.Errorf("detected %q", f)
	}
	if f := Detect("dump.txt", data); f != JSONL {
		t.Errorf("detected %q by content", f)
	}
	arts, err := ParseJSONL("articles.jsonl", data)

	// The contract: good lines come through, bad ones are named in the error.
	if err == nil {
		t.Fatal("no error for the broken lines")
	}
	for _, want := range []string{"articles.jsonl:2: invalid JSON", "articles.jsonl:6: not a JSON object"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	tests := []struct {
		source, title, url, published string
		body, captions                []string
		props                         map[string]string
	}{
		{
			source: "articles.jsonl#1", title: "Minister resigns after budget vote",
			url: "https://news.example.com/politics/2024/minister-resigns", published: "2024-03-26T14:05:00+01:00",
			body:  []string{"The finance minister resigned on Tuesday evening, hours after parliament rejected the budget.", "The prime minister accepted the resignation."},
			props: map[string]string{"site": "The Daily Example", "author": "Jane Doe", "keywords": `["budget","parliament"]`, "word_count": "42"},
		},
		{
			source: "articles.jsonl#3", title: "Talks resume in Geneva",
			url: "https://wire.example.org/2024/03/talks-resume", published: "2024-03-25T07:30:00Z",
			body:     []string{"Negotiators returned to Geneva on Monday for a third round of talks.", "The previous round ended without agreement."},
			captions: []string{"Delegates arrive. Photo: Example Wire"},
			props:    map[string]string{"site": "Example Wire"},
		},
		{
			source: "articles.jsonl#5", title: "Old story", body: []string{"A story with an impossible year."},
			props: map[string]string{"date_error": `implausible year 1492 in "1492-10-12"`},
		},
		{
			source: "articles.jsonl#7", title: "Feb 30", body: []string{"A story dated on a day that does not exist."},
			props: map[string]string{"date_error": `unparseable date "2024-02-30"`},
		},
	}
	if len(arts) != len(tests) {
		t.Fatalf("%d articles, want %d", len(arts), len(tests))
	}
	for i, want := range tests {
		a := arts[i]
		checkBlocks(t, a)
		if a.Source != want.source || a.Title != want.title || a.URL != want.url {
			t.Errorf("%d: source %q title %q url %q", i, a.Source, a.Title, a.URL)
		}
		if got := fmtTime(a.Published); got != want.published {
			t.Errorf("%d: published %q, want %q", i, got, want.published)
		}
		if got := blocksOf(a, doc.BlockBody); strings.Join(got, "|") != strings.Join(want.body, "|") {
			t.Errorf("%d: body %q, want %q", i, got, want.body)
		}
		if got := blocksOf(a, doc.BlockCaption); strings.Join(got, "|") != strings.Join(want.captions, "|") {
			t.Errorf("%d: captions %q, want %q", i, got, want.captions)
		}
		for k, v := range want.props {
			if a.Props[k] != v {
				t.Errorf("%d: props[%q] = %q, want %q", i, k, a.Props[k], v)
			}
		}
		if a.ID != ID(want.url, a.Text) {
			t.Errorf("%d: id from neither url nor text", i)
		}
	}
}

func TestParseJSONLLines(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		n         int
		want      error  // errors.Is target
		errText   string // substring of the error
		published string // first article, RFC 3339 UTC
		text      string // first article's text
	}{
		{name: "unix seconds", in: `{"title":"T","text":"Body.","published_at":1711457100}`, n: 1, published: "2024-03-26T12:45:00Z", text: "T\n\nBody."},
		{name: "unix milliseconds", in: `{"title":"T","text":"Body.","date":1711457100000}`, n: 1, published: "2024-03-26T12:45:00Z"},
		{name: "crlf and bom", in: "\xEF\xBB\xBF{\"title\":\"A\",\"text\":\"x\"}\r\n{\"title\":\"B\",\"text\":\"y\"}\r\n", n: 2},
		{name: "text lines become paragraphs", in: `{"text":"One.\nTwo.\nPhoto: AP"}`, n: 1, text: "One.\n\nTwo.\n\nPhoto: AP"},
		{name: "no text nor title", in: `{"url":"https://x.example/a"}`, want: ErrEmpty, errText: "x.jsonl:1: no title, text or html"},
		{name: "trailing data", in: `{"title":"T","text":"x"} {"a":1}`, want: ErrEmpty, errText: "x.jsonl:1: invalid JSON"},
		{name: "invalid utf-8", in: "{\"title\":\"caf\xe9\",\"text\":\"x\"}\n{\"title\":\"ok\",\"text\":\"y\"}", n: 1, errText: "x.jsonl:1: invalid UTF-8"},
		{name: "empty", in: "\n\n", want: ErrEmpty},
		{name: "binary", in: "\x00\x00{}", want: ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := ParseJSONL("x.jsonl", []byte(tt.in))
			if len(arts) != tt.n {
				t.Fatalf("%d articles, want %d (err %v)", len(arts), tt.n, err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err %v, want %v", err, tt.want)
			}
			if tt.errText != "" && (err == nil || !strings.Contains(err.Error(), tt.errText)) {
				t.Errorf("err %v, want %q", err, tt.errText)
			}
			if tt.want == nil && tt.errText == "" && err != nil {
				t.Errorf("err %v", err)
			}
			if tt.n == 0 {
				return
			}
			if got := fmtUTC(arts[0].Published); tt.published != "" && got != tt.published {
				t.Errorf("published %q, want %q", got, tt.published)
			}
			if tt.text != "" && arts[0].Text != tt.text {
				t.Errorf("text %q, want %q", arts[0].Text, tt.text)
			}
			for _, a := range arts {
				checkBlocks(t, a)
			}
		})
	}
}

func FuzzParseJSONL(f *testing.F) {
	f.Add(readTestdata(f, "articles.jsonl"))
	f.Add([]byte(`{"title":"T","html":"<p>x</p><figure><figcaption>c</figcaption></figure>","published":1e300}`))
	f.Add([]byte(`{"text":"a\n\n\nb","published":"2024-02-30","source":{"name":1}}` + "\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := ParseJSONL("fuzz.jsonl", data)
		if len(arts) == 0 && err == nil {
			t.Fatal("no article and no error")
		}
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
