package article

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

func init() {
	parsers[Feed] = ParseFeed
}

// maxFeedItems caps the items read from one feed.
const maxFeedItems = 10000

// ErrEntities refuses XML that declares entities: the way to an
// entity-expansion ("billion laughs") bomb. encoding/xml, which gofeed uses,
// does not expand declared entities, but such a feed is refused outright
// rather than read with literal "&lol;" in its text.
var ErrEntities = errors.New("XML entity declarations are not accepted")

// ParseFeed reads an RSS (0.9x, 1.0/RDF, 2.0) or Atom feed with gofeed. Each
// item is an article: its full content when the feed carries it (HTML read
// like a page, through the HTML path), otherwise its summary, with the item
// link as URL. The item's published time (else its updated time) is
// Published; Source is "<source>#<item link>", or "<source>#<n>" for an
// item without a link (n counts items from 1).
//
// Like every reader that returns several articles, it may return articles
// together with a non-nil error: errors.Join of one error per item that
// could not be read, each naming the source and the item. Only when no item
// is usable is the article slice empty.
func ParseFeed(source string, data []byte) ([]doc.Article, error) {
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("%w (%d bytes, limit %d)", ErrTooLarge, len(data), MaxBytes)
	}
	if bytes.Contains(data, []byte("<!ENTITY")) {
		return nil, ErrEntities
	}
	feed, err := parseFeedSafe(data)
	if err != nil {
		return nil, fmt.Errorf("parsing feed: %w", err)
	}
	if len(feed.Items) == 0 {
		return nil, fmt.Errorf("%w: feed has no items", ErrEmpty)
	}
	var errs []error
	items := feed.Items
	if len(items) > maxFeedItems {
		errs = append(errs, fmt.Errorf("%s: %d items, only the first %d read", source, len(items), maxFeedItems))
		items = items[:maxFeedItems]
	}
	var arts []doc.Article
	for i, it := range items {
		if it == nil {
			continue
		}
		a, err := feedItem(source, feed, it, i)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: item %d: %w", source, i+1, err))
			continue
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("%w: no usable item: %w", ErrEmpty, errors.Join(errs...))
	}
	return arts, errors.Join(errs...)
}

// parseFeedSafe runs gofeed, turning a panic on hostile input into an error.
func parseFeedSafe(data []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("feed parser failed: %v", r)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

var htmlTagRE = regexp.MustCompile(`(?i)<(p|div|br|a|img|figure|figcaption|h[1-6]|ul|ol|li|span|strong|em|b|i|blockquote|table|section|article|iframe|picture)\b[^>]*>`)

// looksLikeHTML reports text with HTML markup in it.
func looksLikeHTML(s string) bool { return htmlTagRE.MatchString(s) }

// plainTitle is a title with any markup removed.
func plainTitle(s string) string {
	if strings.Contains(s, "<") {
		if nodes, err := html.ParseFragment(strings.NewReader(s), nil); err == nil {
			var b strings.Builder
			for _, n := range nodes {
				b.WriteString(textContent(n))
			}
			s = b.String()
		}
	} else {
		s = html.UnescapeString(s)
	}
	return normSpace(s)
}

// articleFromBody builds an article from a title and a body, HTML or plain
// text, as feed items and JSON lines give them. The title and URL given win
// over what an HTML body says.
func articleFromBody(source, title, url, body string, isHTML bool) (doc.Article, error) {
	if isHTML {
		page := "<!DOCTYPE html><html><head><title>" + html.EscapeString(title) +
			"</title></head><body><article>" + body + "</article></body></html>"
		root, err := parseHTMLTree(page)
		if err != nil {
			return doc.Article{}, err
		}
		a, err := htmlArticle(source, root, htmlHints{title: title, url: url, fragment: true})
		if err == nil || !errors.Is(err, ErrEmpty) || title == "" {
			return a, err
		}
		body = "" // markup without text: the title alone remains
	}
	a := doc.Article{Source: source, Title: title, URL: url, Props: map[string]string{}}
	var tb textBuilder
	tb.add(doc.BlockTitle, title)
	tb.addPlain(body)
	if len(tb.blocks) == 0 {
		return a, fmt.Errorf("%w: no title and no text", ErrEmpty)
	}
	a.Text = tb.b.String()
	a.Blocks = tb.blocks
	if url != "" {
		setProp(&a, "url", url)
	}
	setLanguage(&a)
	a.ID = ID(url, a.Text)
	return a, nil
}

func feedItem(source string, f *gofeed.Feed, it *gofeed.Item, i int) (doc.Article, error) {
	link := strings.TrimSpace(it.Link)
	if link == "" && len(it.Links) > 0 {
		link = strings.TrimSpace(it.Links[0])
	}
	if link == "" && (strings.HasPrefix(it.GUID, "http://") || strings.HasPrefix(it.GUID, "https://")) {
		link = strings.TrimSpace(it.GUID)
	}
	ref := link
	if ref == "" {
		ref = strconv.Itoa(i + 1)
	}
	body, summaryOnly := it.Content, false
	if strings.TrimSpace(body) == "" {
		body, summaryOnly = it.Description, true
	}
	// Feed text without markup may still hold entities (&amp;).
	if !looksLikeHTML(body) {
		body = html.UnescapeString(body)
	}
	a, err := articleFromBody(source+"#"+ref, plainTitle(it.Title), link, body, looksLikeHTML(body))
	if err != nil {
		return a, err
	}
	if summaryOnly {
		setProp(&a, "summary_only", "true")
	} else if d := plainTitle(it.Description); d != "" {
		setProp(&a, "summary", d)
	}
	switch {
	case strings.TrimSpace(it.Published) != "" || it.PublishedParsed != nil:
		setPublished(&a, it.Published, nonZero(it.PublishedParsed))
		setProp(&a, "date_source", "feed published")
		if u := nonZero(it.UpdatedParsed); u != nil {
			setProp(&a, doc.PropModified, u.Format(time.RFC3339))
		}
	case strings.TrimSpace(it.Updated) != "" || it.UpdatedParsed != nil:
		setPublished(&a, it.Updated, nonZero(it.UpdatedParsed))
		setProp(&a, "date_source", "feed updated")
	}
	var authors []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			authors = append(authors, strings.TrimSpace(p.Name))
		}
	}
	if len(authors) == 0 && it.DublinCoreExt != nil {
		authors = it.DublinCoreExt.Creator
	}
	setProp(&a, "author", strings.Join(authors, ", "))
	setProp(&a, "guid", it.GUID)
	setProp(&a, "categories", strings.Join(it.Categories, ", "))
	setProp(&a, "feed_title", plainTitle(f.Title))
	setProp(&a, "feed_link", f.Link)
	setProp(&a, "feed_type", f.FeedType)
	if a.Props["site"] == "" {
		setProp(&a, "site", plainTitle(f.Title))
	}
	setProp(&a, "language", f.Language)
	if it.DublinCoreExt != nil && a.Props["language"] == "" && len(it.DublinCoreExt.Language) > 0 {
		setProp(&a, "language", it.DublinCoreExt.Language[0])
	}
	return a, nil
}

// nonZero is t, or nil when gofeed gave no time.
func nonZero(t *time.Time) *time.Time {
	if t == nil || t.IsZero() {
		return nil
	}
	return t
}
