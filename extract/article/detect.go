package article

import (
	"bytes"
	"encoding/json"
	"mime"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// This file detects formats by content and holds the helpers the structured
// readers (HTML, feeds, JSON lines) share: date checks and the assembly of
// Article.Text from blocks.

func init() {
	detectors = append(detectors, detectContent, detectExtension)
}

// detectHead is how much of a source content detection looks at.
const detectHead = 64 << 10

// detectContent recognizes HTML, RSS/Atom/RDF feeds and JSON lines from the
// first bytes of a source, whatever its name.
func detectContent(_ string, data []byte) (Format, bool) {
	head := data
	if len(head) > detectHead {
		head = head[:detectHead]
	}
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	head = bytes.TrimLeft(head, " \t\r\n\f")
	switch {
	case len(head) == 0:
		return "", false
	case head[0] == '<':
		return detectMarkup(head)
	case head[0] == '{':
		if bytes.Contains(head[:min(len(head), 4096)], []byte(`"https://jsonfeed.org/version/`)) {
			return Feed, true // a JSON Feed, which gofeed reads
		}
		if isJSONLines(data) {
			return JSONL, true
		}
	}
	return "", false
}

// htmlStartTags are element names that, first in a source, make it HTML.
var htmlStartTags = map[string]bool{
	"html": true, "head": true, "body": true, "article": true, "main": true, "section": true,
	"p": true, "div": true, "span": true, "meta": true, "title": true, "link": true, "base": true,
	"script": true, "style": true, "header": true, "nav": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "table": true, "ul": true, "ol": true,
	"figure": true, "img": true, "a": true, "br": true, "blockquote": true, "pre": true,
	"b": true, "i": true, "em": true, "strong": true, "font": true, "center": true,
}

// detectMarkup reads past an XML declaration, comments and a doctype to the
// root element and names the format it implies.
func detectMarkup(head []byte) (Format, bool) {
	rest := head
	for i := 0; i < 64; i++ { // bounded: each step consumes input
		rest = bytes.TrimLeft(rest, " \t\r\n\f")
		switch {
		case hasPrefixFold(rest, "<?"):
			end := bytes.Index(rest, []byte("?>"))
			if end < 0 {
				return "", false
			}
			rest = rest[end+2:]
		case hasPrefixFold(rest, "<!--"):
			end := bytes.Index(rest, []byte("-->"))
			if end < 0 {
				return "", false
			}
			rest = rest[end+3:]
		case hasPrefixFold(rest, "<!doctype"):
			end := bytes.IndexByte(rest, '>')
			decl := rest
			if end >= 0 {
				decl = rest[:end]
			}
			fields := strings.Fields(strings.ToLower(string(decl[len("<!doctype"):])))
			if len(fields) > 0 && fields[0] == "html" {
				return HTML, true
			}
			if len(fields) > 0 && (fields[0] == "rss" || strings.HasPrefix(fields[0], "rdf")) {
				return Feed, true
			}
			if end < 0 {
				return "", false
			}
			rest = rest[end+1:]
		case len(rest) > 1 && rest[0] == '<':
			name := tagName(rest[1:])
			switch {
			case name == "rss" || name == "rdf:rdf":
				return Feed, true
			case name == "feed":
				return Feed, true // Atom: <feed xmlns="http://www.w3.org/2005/Atom">
			case htmlStartTags[name]:
				return HTML, true
			}
			// An unknown first element: HTML if the head shows HTML structure.
			low := bytes.ToLower(head)
			if bytes.Contains(low, []byte("<html")) || bytes.Contains(low, []byte("<body")) {
				return HTML, true
			}
			return "", false
		default:
			return "", false
		}
	}
	return "", false
}

// tagName reads the lower-cased element name at the start of b, which
// follows a '<'; it is empty unless a space, '>' or '/' ends it.
func tagName(b []byte) string {
	n := 0
	for n < len(b) && n < 32 {
		c := b[n]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '-' || c == '_' {
			n++
			continue
		}
		break
	}
	if n == 0 || n == len(b) {
		return ""
	}
	switch b[n] {
	case ' ', '\t', '\r', '\n', '\f', '>', '/':
		return strings.ToLower(string(b[:n]))
	}
	return ""
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// isJSONLines reports JSON lines: the first non-empty line is a complete JSON
// object and most of the next few non-empty lines at least start like one
// (a broken line among them is reported by the reader, not hidden as text).
func isJSONLines(data []byte) bool {
	seen, objects := 0, 0
	for len(data) > 0 && seen < 6 {
		var ln []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			ln, data = data[:i], data[i+1:]
		} else {
			ln, data = data, nil
		}
		ln = bytes.TrimSpace(bytes.TrimPrefix(ln, []byte{0xEF, 0xBB, 0xBF}))
		if len(ln) == 0 {
			continue
		}
		if seen == 0 && (ln[0] != '{' || !json.Valid(ln)) {
			return false
		}
		seen++
		if ln[0] == '{' {
			objects++
		}
	}
	return seen > 0 && objects*3 > seen*2
}

// detectExtension names the format from the file name or URL path when the
// content did not say.
func detectExtension(name string, data []byte) (Format, bool) {
	if i := strings.IndexAny(name, "?#"); i >= 0 && strings.Contains(name, "://") {
		name = name[:i]
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return HTML, true
	case ".rss", ".atom":
		return Feed, true
	case ".jsonl", ".ndjson", ".jsonlines":
		return JSONL, true
	case ".xml":
		if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '<' {
			return Feed, true
		}
	}
	return "", false
}

// FormatFromContentType maps an HTTP Content-Type to a format; Auto when the
// type does not decide it (text/plain is often mislabelled, so content
// detection decides then).
func FormatFromContentType(contentType string) Format {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return Auto
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return HTML
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml":
		return Feed
	case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return JSONL
	}
	return Auto
}

func setProp(a *doc.Article, key, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	if a.Props == nil {
		a.Props = map[string]string{}
	}
	a.Props[key] = value
}

// Text assembly.

// textBuilder assembles Article.Text from blocks: each block one paragraph,
// blocks separated by a blank line, with Blocks pointing into the text.
type textBuilder struct {
	b      strings.Builder
	blocks []doc.Block
}

var blankLines = regexp.MustCompile(`\n[ \t\r\f\v]*\n[\s]*`)

// add appends a block; empty text is skipped, and blank lines inside a block
// become single line breaks so blocks stay paragraphs.
func (t *textBuilder) add(kind doc.BlockKind, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	s = blankLines.ReplaceAllString(s, "\n")
	if t.b.Len() > 0 {
		t.b.WriteString("\n\n")
	}
	start := t.b.Len()
	t.b.WriteString(s)
	t.blocks = append(t.blocks, doc.Block{Span: doc.Span{Start: start, End: t.b.Len()}, Kind: kind})
}

// joinWords end a phrase that the next words complete: a body block that
// ends with one goes on in the next.
var joinWords = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "but": true, "of": true, "to": true,
	"in": true, "at": true, "on": true, "for": true, "with": true, "by": true, "from": true, "as": true,
	"call": true, "visit": true, "see": true, "via": true, "said": true, "told": true,
}

// continues reports a body paragraph that goes on from the last block:
// the last is body text without a sentence end, and s starts in lower
// case or with closing punctuation, or the last ends with a word that needs more
// ("call the").
// go-trafilatura cuts a paragraph written as a <div> with inline links
// into one paragraph per link.
func (t *textBuilder) continues(s string) bool {
	n := len(t.blocks)
	if n == 0 || t.blocks[n-1].Kind != doc.BlockBody {
		return false
	}
	last := t.b.String()[t.blocks[n-1].Start:t.blocks[n-1].End]
	if endsWithTerminal(last) || strings.ContainsAny(last, "\n") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsLower(r) || strings.ContainsRune(".,;:!?)", r) {
		return true
	}
	words := strings.Fields(last)
	return joinWords[strings.ToLower(words[len(words)-1])]
}

// extend appends s to the last block, after sep.
func (t *textBuilder) extend(s, sep string) {
	t.b.WriteString(sep)
	t.b.WriteString(blankLines.ReplaceAllString(strings.TrimSpace(s), "\n"))
	t.blocks[len(t.blocks)-1].End = t.b.Len()
}

// has reports whether any block of the kind was added.
func (t *textBuilder) has(kind doc.BlockKind) bool {
	for _, b := range t.blocks {
		if b.Kind == kind {
			return true
		}
	}
	return false
}

// addPlain adds plain text as paragraphs: split at blank lines when it has
// any, else at line breaks; photo credit lines become captions.
func (t *textBuilder) addPlain(text string) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var paras []string
	if blankLines.MatchString(text) {
		paras = blankLines.Split(text, -1)
	} else {
		paras = strings.Split(text, "\n")
	}
	for _, p := range paras {
		p = strings.TrimSpace(p)
		switch {
		case isBoilerplate(p):
			t.add(doc.BlockMetadata, p)
		case isCaption(p):
			t.add(doc.BlockCaption, p)
		default:
			t.add(doc.BlockBody, p)
		}
	}
}
