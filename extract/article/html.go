package article

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
	htmldate "github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

func init() {
	parsers[HTML] = func(source string, data []byte) ([]doc.Article, error) {
		a, err := ParseHTML(source, data, "")
		if err != nil {
			return nil, err
		}
		return []doc.Article{a}, nil
	}
}

// Limits on HTML handed to the extractor. golang.org/x/net/html refuses
// more than 512 open elements itself; the checks here hold whatever the
// parser does, so that deep or huge trees fail fast with a clear error
// instead of exhausting the extractor's recursion.
//
// The extractor's time grows faster than linearly with the page's text
// (about 2 s for 512 KiB, 6 s for 1 MiB), so pages with more visible text
// than maxHTMLText (scripts and styles do not count) are refused: no news
// page comes near it, and a longer article would be refused as too long
// anyway. A hundred thousand elements take the extractor a few seconds;
// heavy news pages have some ten thousand.
const (
	maxHTMLDepth = 512
	maxHTMLNodes = 150_000
	maxHTMLText  = 512 << 10
)

// Errors for HTML that is refused before extraction.
var (
	ErrTooDeep = errors.New("HTML nested too deeply")
	ErrTooMany = errors.New("HTML has too many nodes")
)

// ParseHTML reads a news web page: its main text without navigation,
// footers and related links (go-trafilatura), title, author, site, canonical
// URL, language and publication date (page metadata first, then go-htmldate
// in its fast, original-date mode). Photo captions become caption blocks.
// contentType, when known (an HTTP header), may name the charset; otherwise
// a BOM, a meta charset or an XML declaration does, and undeclared bytes
// that are not UTF-8 are read as Windows-1252.
func ParseHTML(source string, data []byte, contentType string) (doc.Article, error) {
	if len(data) > MaxBytes {
		return doc.Article{}, fmt.Errorf("%w (%d bytes, limit %d)", ErrTooLarge, len(data), MaxBytes)
	}
	if looksBinary(data) {
		return doc.Article{}, ErrBinary
	}
	text, cs, err := decodeHTML(data, contentType)
	if err != nil {
		return doc.Article{}, err
	}
	root, err := parseHTMLTree(text)
	if err != nil {
		return doc.Article{}, err
	}
	a, err := htmlArticle(source, root, htmlHints{})
	if err != nil {
		return doc.Article{}, err
	}
	if cs != "" && cs != "utf-8" {
		setProp(&a, "charset", cs)
	}
	dropInvisible(&a)
	return a, nil
}

// decodeHTML turns page bytes into UTF-8 following, in order, a BOM, the
// Content-Type charset, a <meta> charset or XML declaration in the first
// 64 KiB; without any, UTF-8 when the bytes are valid UTF-8, else
// Windows-1252 (what browsers do for Latin-1 pages). Invalid UTF-8 that is
// left becomes U+FFFD.
func decodeHTML(data []byte, contentType string) (string, string, error) {
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if !certain {
		enc, name = declaredCharset(data)
		if enc == nil {
			if utf8.Valid(data) {
				enc, name = encoding.Nop, "utf-8"
			} else {
				enc, name = charset.Lookup("windows-1252")
			}
		}
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if name == "utf-8" || enc == encoding.Nop {
		return strings.ToValidUTF8(string(data), "\uFFFD"), "utf-8", nil
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return "", "", fmt.Errorf("decoding %s: %w", name, err)
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), name, nil
}

var (
	metaCharsetRE = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)
	xmlEncodingRE = regexp.MustCompile(`(?i)^\s*<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_:.\-]+)`)
)

// declaredCharset finds a charset declared in the head of a page. A
// declared UTF-16 is ignored, as browsers do, since the bytes read so far
// were ASCII.
func declaredCharset(data []byte) (encoding.Encoding, string) {
	head := data
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	for _, re := range []*regexp.Regexp{xmlEncodingRE, metaCharsetRE} {
		if m := re.FindSubmatch(head); m != nil {
			if e, name := charset.Lookup(string(m[1])); e != nil && !strings.HasPrefix(name, "utf-16") {
				return e, name
			}
		}
	}
	return nil, ""
}

// parseHTMLTree parses a page and refuses trees too deep or too large to
// hand to the extractor.
func parseHTMLTree(text string) (*html.Node, error) {
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		if strings.Contains(err.Error(), "open stack") {
			return nil, fmt.Errorf("%w: more than %d open elements", ErrTooDeep, maxHTMLDepth)
		}
		return nil, fmt.Errorf("parsing HTML: %w", err)
	}
	// Iterative walk: the tree's depth is what is being checked.
	type item struct {
		n     *html.Node
		depth int
	}
	nodes, textBytes := 0, 0
	stack := []item{{root, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nodes++
		if nodes > maxHTMLNodes {
			return nil, fmt.Errorf("%w: more than %d", ErrTooMany, maxHTMLNodes)
		}
		if it.depth > maxHTMLDepth {
			return nil, fmt.Errorf("%w: deeper than %d elements", ErrTooDeep, maxHTMLDepth)
		}
		switch it.n.Type {
		case html.TextNode:
			if textBytes += len(it.n.Data); textBytes > maxHTMLText {
				return nil, fmt.Errorf("page text %w: more than %d bytes", ErrTooLarge, maxHTMLText)
			}
		case html.ElementNode:
			if it.n.DataAtom == atom.Script || it.n.DataAtom == atom.Style || it.n.DataAtom == atom.Svg {
				continue // not text; scripts hold JSON-LD metadata
			}
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, it.depth + 1})
		}
	}
	return root, nil
}

// htmlHints are what a feed item or a JSON line already says about an
// HTML body; they win over what the page says.
type htmlHints struct {
	title string
	url   string
	// fragment marks HTML from a feed item or a JSON line: the container
	// dates it, so the page date search is skipped.
	fragment bool
}

// minRescuedText is the least text go-trafilatura's result must have to
// be used: its last rescue returns whatever text a page has, a lone menu
// item included. Shorter pages are walked instead (see blocksFrom).
const minRescuedText = 100

// captionMark prefixes the placeholder paragraph that stands for a photo
// caption while the extractor runs, so captions found in the main content
// can be told from body text afterwards. Captions outside the main content
// (teasers, galleries in sidebars) are dropped with it.
const captionMark = "egcaption\u2060"

// htmlArticle extracts the article from a parsed page.
func htmlArticle(source string, root *html.Node, hints htmlHints) (doc.Article, error) {
	a := doc.Article{Source: source, Props: map[string]string{}}
	lang := htmlLang(root)

	if !hints.fragment {
		setPageDate(&a, root, hints.url)
	}
	unwrapPageForms(root)
	markCaptions(root)
	markSpaces(root)

	// A page goes through go-trafilatura with its defaults, rescue of a
	// short result included (paragraphs outside the main content, then
	// its baseline). A fragment from a feed or a JSON line is the content
	// already: no rescue, which would only run its paragraphs together.
	cfg := trafilatura.DefaultConfig()
	if hints.fragment {
		cfg.MinExtractedSize = 0
	}
	opts := trafilatura.Options{
		Config:           cfg,
		ExcludeComments:  true,
		IncludeLinks:     true,               // for the link density of paragraphs
		HtmlDateOverride: &htmldate.Result{}, // the date is settled above
		Focus:            trafilatura.Balanced,
	}
	var meta trafilatura.Metadata
	var content *html.Node
	res, err := extractSafe(root, opts)
	if err == nil && res != nil {
		content, meta = res.ContentNode, cleanMetadata(res.Metadata)
		if utf8.RuneCountInString(res.ContentText) < minRescuedText {
			content = nil // the dregs of the rescue: a menu, a cookie notice
		}
	}
	title := firstNonEmpty(hints.title, meta.Title)
	if title == "" && !hints.fragment { // a page, not a fragment
		title = pageTitle(root)
	}
	if hints.title == "" {
		title = headline(title, meta.Sitename, firstNonEmpty(meta.Hostname, hostOf(firstNonEmpty(hints.url, meta.URL, canonicalURL(root)))))
	}
	tb := blocksFrom(content, title, false)
	if !tb.has(doc.BlockBody) {
		tb = blocksFrom(mainRegion(root), title, true)
	}
	if !tb.has(doc.BlockBody) && !tb.has(doc.BlockCaption) && !hints.fragment && len(meta.Description) >= minRescuedText {
		// A page built by scripts holds no text but its description,
		// which is the publisher's own summary of the article.
		tb = blocksFrom(nil, title, false)
		tb.add(doc.BlockBody, meta.Description)
		setProp(&a, "text_source", "description")
	}
	if !tb.has(doc.BlockBody) && !tb.has(doc.BlockCaption) {
		return a, fmt.Errorf("%w: no main text found", ErrEmpty)
	}

	a.Text = tb.b.String()
	a.Blocks = tb.blocks
	a.Title = title
	a.URL = firstNonEmpty(hints.url, meta.URL)
	if a.URL == "" && !hints.fragment {
		a.URL = canonicalURL(root)
	}
	setProp(&a, "author", meta.Author)
	setProp(&a, "site", meta.Sitename)
	setProp(&a, "hostname", meta.Hostname)
	setProp(&a, "description", meta.Description)
	setProp(&a, doc.PropLanguage, firstNonEmpty(lang, meta.Language))
	setLanguage(&a)
	setProp(&a, "categories", strings.Join(meta.Categories, ", "))
	setProp(&a, "tags", strings.Join(meta.Tags, ", "))
	setProp(&a, "image", meta.Image)
	if a.URL != "" {
		setProp(&a, "url", a.URL)
	}
	a.ID = ID(a.URL, a.Text)
	return a, nil
}

// cleanMetadata collapses the white space (and space marks) in the
// metadata the extractor read from the page.
func cleanMetadata(m trafilatura.Metadata) trafilatura.Metadata {
	for _, f := range []*string{&m.Title, &m.Author, &m.Sitename, &m.Description, &m.Hostname, &m.URL, &m.Language, &m.Image} {
		*f = normSpace(*f)
	}
	for _, l := range [][]string{m.Categories, m.Tags} {
		for i := range l {
			l[i] = normSpace(l[i])
		}
	}
	return m
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// extractSafe runs trafilatura, turning a panic on hostile input into an
// error.
func extractSafe(root *html.Node, opts trafilatura.Options) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("extractor failed: %v", r)
		}
	}()
	return trafilatura.ExtractDocument(root, opts)
}

// blocksFrom builds the text of an article from its title and the content
// under n. With skipChrome, navigation, headers, footers, asides and forms
// are left out (for a page the extractor did not reduce to its content).
func blocksFrom(n *html.Node, title string, skipChrome bool) *textBuilder {
	tb := &textBuilder{}
	if title != "" {
		tb.add(doc.BlockTitle, title)
	}
	if n == nil {
		return tb
	}
	w := blockWalker{tb: tb, title: normSpace(title), skipChrome: skipChrome}
	w.walk(n, "")
	w.flush("")
	return tb
}

// mainRegion is the <article>, else the <main>, else the <body> of a page.
func mainRegion(root *html.Node) *html.Node {
	for _, tag := range []atom.Atom{atom.Article, atom.Main, atom.Body} {
		if n := findElement(root, tag); n != nil {
			return n
		}
	}
	return root
}

// canonicalURL is the page's absolute canonical link or og:url.
func canonicalURL(root *html.Node) string {
	for _, n := range elements(root) {
		var u string
		switch {
		case n.DataAtom == atom.Link && strings.EqualFold(attr(n, "rel"), "canonical"):
			u = attr(n, "href")
		case n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "property"), "og:url"):
			u = attr(n, "content")
		}
		if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
			return u
		}
	}
	return ""
}

// pageTitle is the page's og:title, else its first <h1>, else its <title>.
func pageTitle(root *html.Node) string {
	for _, n := range elements(root) {
		if n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "property"), "og:title") {
			if t := normSpace(attr(n, "content")); t != "" {
				return t
			}
		}
	}
	for _, tag := range []atom.Atom{atom.H1, atom.Title} {
		if n := findElement(root, tag); n != nil {
			if t := normSpace(textContent(n)); t != "" {
				return t
			}
		}
	}
	return ""
}

// findElement returns the first element with the tag, breadth-first.
func findElement(root *html.Node, tag atom.Atom) *html.Node {
	queue := []*html.Node{root}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if n.Type == html.ElementNode && n.DataAtom == tag {
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			queue = append(queue, c)
		}
	}
	return nil
}

// elements lists the elements under root in document order, iteratively.
func elements(root *html.Node) []*html.Node {
	var out []*html.Node
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			out = append(out, n)
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func htmlLang(root *html.Node) string {
	if h := findElement(root, atom.Html); h != nil {
		return attr(h, "lang")
	}
	return ""
}

// markCaptions replaces each figure caption (a <figcaption>, or an element
// whose class says caption) by a paragraph holding captionMark and the
// caption text, in place of its figure, so that the extractor keeps it
// where it stood and the walker can make it a caption block.
func markCaptions(root *html.Node) {
	for _, n := range elements(root) {
		if n.Parent == nil {
			continue // already detached with an ancestor
		}
		isCap := n.DataAtom == atom.Figcaption
		if !isCap {
			cls := strings.ToLower(attr(n, "class"))
			isCap = (n.DataAtom == atom.P || n.DataAtom == atom.Div || n.DataAtom == atom.Span) &&
				(strings.Contains(cls, "caption") && !strings.Contains(cls, "captioned"))
		}
		if !isCap || detached(n) {
			continue
		}
		text := normSpace(textContent(n))
		if n.DataAtom != atom.Figcaption && (len(text) > 600 || hasBlockDescendant(n)) {
			continue // a container that only mentions captions in its class
		}
		if text == "" {
			continue
		}
		// Replace the caption's figure, else the wrappers that hold
		// nothing but it (and its image): extractors drop such wrappers
		// whole, placeholder included.
		target := n
		for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
			if p.DataAtom == atom.Body || p.DataAtom == atom.Article || p.DataAtom == atom.Main {
				break
			}
			if normSpace(textContent(p)) != text {
				break
			}
			target = p
		}
		for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
			if p.DataAtom == atom.Figure {
				target = p
				break
			}
		}
		p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		p.AppendChild(&html.Node{Type: html.TextNode, Data: captionMark + text})
		target.Parent.InsertBefore(p, target)
		target.Parent.RemoveChild(target)
	}
}

// hasBlockDescendant reports a paragraph, division or heading under n.
func hasBlockDescendant(n *html.Node) bool {
	for _, e := range elements(n) {
		if e != n && (e.DataAtom == atom.P || e.DataAtom == atom.Div || e.DataAtom == atom.Article || e.DataAtom == atom.Section || isHeading(e.DataAtom)) {
			return true
		}
	}
	return false
}

// detached reports a node no longer connected to a document.
func detached(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.Type == html.DocumentNode {
			return false
		}
	}
	return true
}

// textContent is the text under n, iteratively.
func textContent(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
		case html.ElementNode:
			if c.DataAtom == atom.Script || c.DataAtom == atom.Style {
				continue
			}
			if c.DataAtom == atom.Br {
				b.WriteByte(' ')
			}
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return b.String()
}

// normSpace collapses runs of white space (and space marks) into one
// space.
func normSpace(s string) string { return strings.Join(strings.FieldsFunc(s, isSpaceOrMark), " ") }

// Block-level elements: text before, inside and after each is its own block.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true,
	atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tr: true,
	atom.Ul: true, atom.Html: true,
}

// Paragraph-like elements: their text is body text.
var paraTags = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Dd: true,
	atom.Dt: true, atom.Tr: true, atom.Address: true, atom.Summary: true,
}

var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Title: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true,
}

// chromeTags hold page chrome rather than article text.
var chromeTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Menu: true,
}

// blockWalker turns an HTML subtree into blocks.
type blockWalker struct {
	tb    *textBuilder
	buf   strings.Builder
	title string // the title already added, so a repeated <h1> is skipped
	depth int
	// skipChrome leaves out page chrome: nav, header, footer, aside, form.
	skipChrome bool
	inLink     int // depth of <a> elements around the walk
	linkBytes  int // bytes of link text gathered since the last flush
}

const lineBreak = "\x00"

// walk adds the text under n; kind is the kind of the innermost enclosing
// block ("" outside any paragraph-like element).
func (w *blockWalker) walk(n *html.Node, kind doc.BlockKind) {
	if n == nil || w.depth > maxHTMLDepth+8 {
		return
	}
	w.depth++
	defer func() { w.depth-- }()
	switch n.Type {
	case html.TextNode:
		s := strings.ReplaceAll(n.Data, spaceMark, " ")
		w.buf.WriteString(s)
		if w.inLink > 0 {
			w.linkBytes += len(strings.TrimSpace(s))
		}
		return
	case html.ElementNode:
	case html.DocumentNode:
	default:
		return
	}
	if n.Type == html.ElementNode {
		tag := tagOf(n)
		if skipTags[tag] || w.skipChrome && chromeTags[tag] {
			return
		}
		switch tag {
		case atom.Br:
			w.buf.WriteString(lineBreak)
			return
		case atom.Td, atom.Th:
			w.buf.WriteString(" ")
		case atom.A:
			w.inLink++
			defer func() { w.inLink-- }()
		}
		if blockTags[tag] {
			w.flush(kind)
			inner := kind
			switch {
			case isHeading(tag):
				inner = doc.BlockHeading
			case tag == atom.Figcaption || tag == atom.Caption:
				inner = doc.BlockCaption
			case paraTags[tag] && inner == "":
				inner = doc.BlockBody
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				w.walk(c, inner)
			}
			w.flush(inner)
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, kind)
	}
}

// tagOf is an element's tag, by its name: elements the extractor creates
// carry their name alone, and those it renames (a <div> made a <p>) keep
// their old atom.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom != 0 && n.DataAtom.String() == n.Data {
		return n.DataAtom
	}
	if a := atom.Lookup([]byte(n.Data)); a != 0 {
		return a
	}
	return n.DataAtom // a name of the extractor's own, such as "done"
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// flush adds the text gathered so far as a block of the kind. Loose text
// outside any paragraph is body when it reads like prose, metadata (bylines,
// datelines, leftovers of removed elements) when it is a short fragment.
func (w *blockWalker) flush(kind doc.BlockKind) {
	s := w.buf.String()
	w.buf.Reset()
	linkBytes := w.linkBytes
	w.linkBytes = 0
	var lines []string
	for _, ln := range strings.Split(s, lineBreak) {
		if ln = normSpace(ln); ln != "" {
			lines = append(lines, ln)
		}
	}
	s = strings.Join(lines, "\n")
	if s == "" {
		return
	}
	if strings.HasPrefix(s, captionMark) {
		s = strings.TrimSpace(strings.TrimPrefix(s, captionMark))
		if isBoilerplate(s) {
			w.tb.add(doc.BlockMetadata, s) // "Advertisement" in a caption's style
			return
		}
		w.tb.add(doc.BlockCaption, s)
		return
	}
	s = strings.ReplaceAll(s, captionMark, "")
	if len(s) <= 3 && strings.IndexFunc(s, isLetter) < 0 && w.tb.continues(".") {
		w.tb.extend(s, "") // the full stop after a link the extractor cut off
		return
	}
	if kind != doc.BlockTitle && isBoilerplate(s) {
		w.tb.add(doc.BlockMetadata, s)
		return
	}
	switch kind {
	case "":
		if len(s) < 80 && !endsWithTerminal(s) || strings.IndexFunc(s, isLetter) < 0 {
			kind = doc.BlockMetadata
		} else {
			kind = doc.BlockBody
		}
	case doc.BlockHeading:
		if len(w.tb.blocks) <= 1 && strings.EqualFold(s, w.title) {
			return // the title repeated as the page's <h1>
		}
	case doc.BlockBody:
		switch {
		case isCaption(s) && len(s) < 200:
			kind = doc.BlockCaption // a credit line set as a paragraph
		case len(s) < 300 && linkBytes*10 >= len(s)*6:
			// "Read more: <link>", a list of related links: not prose.
			kind = doc.BlockMetadata
		}
	}
	if kind == doc.BlockBody && w.tb.continues(s) {
		w.tb.extend(s, " ") // a sentence the extractor cut at an inline element
		return
	}
	w.tb.add(kind, s)
}

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 && r != utf8.RuneError
}
