package article

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
	htmldate "github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// setPageDate settles a page's publication date: the date its metadata
// declares (meta tags, JSON-LD, a <time> marked as the publication date),
// else, when there is none, it does not parse or it gives only a year,
// go-htmldate in its fast mode (no free-text search, which picks dates
// out of tickers and boilerplate) and original-date mode (the first
// publication, not the last update). A metadata time given in UTC is
// moved to the publisher's offset when the page states the same instant
// with one (a story published at 9 p.m. in New York is dated that day,
// not the next).
func setPageDate(a *doc.Article, root *html.Node, url string) {
	raw, src, modified := metaDate(root)
	if m, err := parseDate(modified); err == nil {
		if m.gran == doc.GranTime {
			m.t = localTime(root, m.t)
		}
		setProp(a, doc.PropModified, formatDate(m))
	}
	if raw != "" {
		setPublished(a, raw, nil)
		setProp(a, "date_source", src)
		if t := a.Published; t != nil && a.Props[doc.PropPublishedTime] != "" {
			usePublished(a, pubDate{localTime(root, *t), doc.GranTime})
		}
	}
	if a.Published != nil {
		return
	}
	res, err := htmldate.FromDocument(root, htmldate.Options{
		UseOriginalDate:     true,
		SkipExtensiveSearch: true,
		ExtractTime:         true,
		DeferUrlExtractor:   true,
		URL:                 url,
	})
	if err != nil || res.IsZero() || checkYear(res.DateTime) != nil {
		return
	}
	if raw != "" && strings.TrimSpace(res.SrcString) == raw {
		return // the metadata date that did not parse, read loosely ("2024-02-30" as February)
	}
	gran := doc.GranDay
	if clockRE.MatchString(res.SrcString) {
		gran = doc.GranTime
	}
	usePublished(a, pubDate{res.DateTime, gran})
	if raw != "" {
		setProp(a, "published_meta", raw)
	}
	setProp(a, "published", res.SrcString)
	setProp(a, "date_source", "htmldate")
}

// isoOffsetRE matches ISO 8601 times with a UTC offset, as pages repeat
// them in scripts and attributes.
var isoOffsetRE = regexp.MustCompile(`\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?[+-]\d\d:?\d\d\b`)

// localTime is t in the publisher's offset when t is in UTC and the page
// states the same instant with another offset somewhere (scripts,
// attributes, text); otherwise t itself.
func localTime(root *html.Node, t time.Time) time.Time {
	if _, off := t.Zone(); off != 0 {
		return t
	}
	var found time.Time
	check := func(s string) bool {
		for _, m := range isoOffsetRE.FindAllString(s, -1) {
			u, err := parseOffsetTime(m)
			if err != nil || !u.Equal(t) {
				continue
			}
			if _, off := u.Zone(); off != 0 {
				found = u
				return true
			}
		}
		return false
	}
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch n.Type {
		case html.TextNode:
			if strings.Contains(n.Data, ":") && check(n.Data) {
				return found
			}
		case html.ElementNode:
			for _, at := range n.Attr {
				if len(at.Val) >= 20 && check(at.Val) {
					return found
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return t
}

// parseOffsetTime parses a match of isoOffsetRE.
func parseOffsetTime(s string) (time.Time, error) {
	s = strings.Replace(s, " ", "T", 1)
	if n := len(s); s[n-3] != ':' {
		s = s[:n-2] + ":" + s[n-2:]
	}
	if strings.Count(s, ":") == 2 { // no seconds
		s = s[:16] + ":00" + s[16:]
	}
	return time.Parse(time.RFC3339Nano, s)
}

// Publication date metadata, most specific first.
var (
	publishedMeta = []string{
		"article:published_time", "og:article:published_time", "datepublished",
		"og:published_time", "published_time", "article.published", "publishdate",
		"publish-date", "publish_date", "pubdate", "publication_date", "dc.date.issued",
		"dcterms.issued", "dc.date.created", "dcterms.created", "sailthru.date",
		"parsely-pub-date", "date", "dc.date", "dcterms.date",
	}
	modifiedMeta = []string{"article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified"}
)

// metaDate reads the publication date the page declares: <meta> tags
// (property, name, itemprop), JSON-LD datePublished, then a <time> marked
// as the publication date. It returns the raw value, where it came from,
// and the modification date.
func metaDate(root *html.Node) (raw, src, modified string) {
	metas := map[string]string{}
	var times []*html.Node
	var scripts []string
	for _, n := range elements(root) {
		switch n.DataAtom {
		case atom.Meta:
			content := attr(n, "content")
			if content == "" {
				continue
			}
			for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
				if key := strings.ToLower(attr(n, k)); key != "" {
					if _, ok := metas[key]; !ok {
						metas[key] = content
					}
				}
			}
		case atom.Time:
			times = append(times, n)
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				scripts = append(scripts, n.FirstChild.Data)
			}
		}
	}
	for _, k := range modifiedMeta {
		if v := metas[k]; v != "" {
			modified = v
			break
		}
	}
	for _, k := range publishedMeta {
		if v := metas[k]; v != "" {
			return v, "meta " + k, modified
		}
	}
	for _, s := range scripts {
		var v any
		if json.Unmarshal([]byte(s), &v) != nil {
			continue
		}
		if d := jsonLDDate(v, "datePublished", 0); d != "" {
			if modified == "" {
				modified = jsonLDDate(v, "dateModified", 0)
			}
			return d, "json-ld datePublished", modified
		}
		if d := jsonLDDate(v, "dateCreated", 0); d != "" {
			return d, "json-ld dateCreated", modified
		}
	}
	for _, n := range times {
		if _, pub := attrOK(n, "pubdate"); pub || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
			if d := attr(n, "datetime"); d != "" {
				return d, "time element", modified
			}
		}
	}
	return "", "", modified
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

// jsonLDDate finds a string value for key anywhere in decoded JSON-LD.
func jsonLDDate(v any, key string, depth int) string {
	if depth > 32 {
		return ""
	}
	switch v := v.(type) {
	case map[string]any:
		if s, ok := v[key].(string); ok && strings.TrimSpace(s) != "" {
			return s
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if d := jsonLDDate(v[k], key, depth+1); d != "" {
				return d
			}
		}
	case []any:
		for _, e := range v {
			if d := jsonLDDate(e, key, depth+1); d != "" {
				return d
			}
		}
	}
	return ""
}

// markCaptions replaces each figure caption (a <figcaption>, or an element
// whose class says caption) by a paragraph holding captionMark and the
// caption text, in place of its figure, so that the extractor keeps it
// where it stood and the walker can make it a caption block.
