package article

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/araddon/dateparse"
	"github.com/eventgraph/eventgraph/extract/doc"
)

// line is one line of a plain-text article with its byte range.
type line struct {
	doc.Span
	text string // trimmed
}

// ParseText reads a plain-text article: an optional title (a first line
// followed by a blank line), optional metadata lines or prefixes such as
// "date 2024-03-26" or "Published: March 26, 2024", photo captions (lines
// with a photo credit, and a short name-only line next to one) and
// headings, all kept apart from body paragraphs.
func ParseText(source string, data []byte) (doc.Article, error) {
	text, err := DecodeText(data)
	if err != nil {
		return doc.Article{}, err
	}
	if strings.TrimSpace(text) == "" {
		return doc.Article{}, ErrEmpty
	}
	a := doc.Article{Source: source, Text: text, Props: map[string]string{}}
	paras := paragraphs(text)
	bodySeen := false
	var updated *pubDate
	for pi, para := range paras {
		for li := 0; li < len(para); li++ {
			ln := para[li]
			afterMeta := false
			if !bodySeen {
				if d, key, ok := dateLine(ln.text); ok {
					a.Blocks = append(a.Blocks, doc.Block{Span: ln.Span, Kind: doc.BlockMetadata})
					if key == "updated" {
						updated = &d
						setProp(&a, "updated", ln.text)
						setProp(&a, doc.PropModified, formatDate(d))
					} else {
						datedBy(&a, ln.text, d)
					}
					continue
				}
				if meta, rest, ok := metadataPrefix(a.Props, ln); ok {
					if v := a.Props["published"]; v != "" && a.Published == nil && a.Props[doc.PropPublishedYear] == "" {
						setPublished(&a, v, nil)
					}
					a.Blocks = append(a.Blocks, doc.Block{Span: meta, Kind: doc.BlockMetadata})
					if rest.Len() == 0 {
						continue
					}
					ln = line{Span: rest, text: text[rest.Start:rest.End]}
					afterMeta = true
				}
			}
			switch {
			case pi == 0 && li == 0 && !afterMeta && len(para) == 1 && len(paras) > 1 && looksLikeTitle(ln.text) && !strings.HasSuffix(ln.text, "."):
				a.Title = ln.text
				a.Blocks = append(a.Blocks, doc.Block{Span: ln.Span, Kind: doc.BlockTitle})
			case isBoilerplate(ln.text):
				a.Blocks = append(a.Blocks, doc.Block{Span: ln.Span, Kind: doc.BlockMetadata})
			case isCaption(ln.text):
				a.Blocks = append(a.Blocks, doc.Block{Span: ln.Span, Kind: doc.BlockCaption})
			case isLabel(ln.text) && li+1 < len(para) && isCaption(para[li+1].text):
				// A name alone above a captioned photo belongs to the caption.
				a.Blocks = append(a.Blocks, doc.Block{Span: ln.Span, Kind: doc.BlockCaption})
			case len(para) == 1 && !afterMeta && looksLikeTitle(ln.text) && !endsWithTerminal(ln.text):
				a.Blocks = append(a.Blocks, doc.Block{Span: ln.Span, Kind: doc.BlockHeading})
			default:
				if d, n, ok := wireDateline(ln.text); ok && !bodySeen {
					// "WASHINGTON, March 26, 2024 (AP) — The president..."
					dl := doc.Span{Start: ln.Start, End: ln.Start + n}
					a.Blocks = append(a.Blocks, doc.Block{Span: dl, Kind: doc.BlockMetadata})
					datedBy(&a, strings.TrimSpace(text[dl.Start:dl.End]), d)
					ln = line{Span: doc.Span{Start: dl.End, End: ln.End}, text: text[dl.End:ln.End]}
				}
				// Consecutive body lines of a paragraph form one block.
				if n := len(a.Blocks); n > 0 && a.Blocks[n-1].Kind == doc.BlockBody && li > 0 && a.Blocks[n-1].End == para[li-1].End {
					a.Blocks[n-1].End = ln.End
				} else {
					a.Blocks = append(a.Blocks, doc.Block{Span: ln.Span, Kind: doc.BlockBody})
				}
				bodySeen = true
			}
		}
	}
	if !bodySeen {
		// A text made only of short lines is still an article: its lines
		// are its body, not headings.
		for i := range a.Blocks {
			if a.Blocks[i].Kind == doc.BlockHeading {
				a.Blocks[i].Kind = doc.BlockBody
				bodySeen = true
			}
		}
	}
	if !bodySeen && a.Title == "" {
		return doc.Article{}, ErrEmpty
	}
	if updated != nil && a.Published == nil && a.Props[doc.PropPublishedYear] == "" {
		datedBy(&a, a.Props["updated"], *updated) // the only date the text gives
	}
	if t, ok := a.Props["title"]; ok && a.Title == "" {
		a.Title = t
	}
	a.URL = a.Props["url"]
	setLanguage(&a)
	a.ID = ID(a.URL, text)
	return a, nil
}

// datedBy records the date of a text's head as its publication date,
// unless an earlier line dated it.
func datedBy(a *doc.Article, raw string, d pubDate) {
	if a.Published != nil || a.Props[doc.PropPublishedYear] != "" {
		return
	}
	setProp(a, "published", raw)
	setProp(a, "date_source", "dateline")
	usePublished(a, d)
}

// paragraphs splits text into runs of non-blank lines.
func paragraphs(text string) [][]line {
	var out [][]line
	var cur []line
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if s == e {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
		} else {
			cur = append(cur, line{Span: doc.Span{Start: s, End: e}, text: text[s:e]})
		}
		start = end + 1
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }

// metaKeys are the metadata keys recognized at the top of a text article.
var metaKeys = map[string]string{
	"date": "published", "published": "published", "updated": "updated", "dateline": "published",
	"author": "author", "by": "author", "source": "site", "url": "url", "link": "url", "title": "title",
}

var metaLine = regexp.MustCompile(`^(?i)(date|published|updated|dateline|author|by|source|url|link|title)\s*[:=]?\s+`)

// metadataPrefix recognizes a metadata line ("Published: 2024-03-26") or a
// metadata prefix in front of body text ("date 2024-03-26 Israeli Prime
// Minister..."). Date values are parsed and must be real dates; other keys
// take the whole line. It returns the metadata span and the rest of the line.
func metadataPrefix(props map[string]string, ln line) (meta, rest doc.Span, ok bool) {
	m := metaLine.FindStringSubmatchIndex(ln.text)
	if m == nil {
		return meta, rest, false
	}
	key := metaKeys[strings.ToLower(ln.text[m[2]:m[3]])]
	value := ln.text[m[1]:]
	if key == "published" || key == "updated" {
		n, ok := datePrefix(value)
		if !ok {
			return meta, rest, false
		}
		props[key] = strings.TrimSpace(value[:n])
		end := ln.Start + m[1] + n
		restStart := end
		for restStart < ln.End && isSpaceByte(ln.text[restStart-ln.Start]) {
			restStart++
		}
		return doc.Span{Start: ln.Start, End: end}, doc.Span{Start: restStart, End: ln.End}, true
	}
	if key == "author" && len(strings.Fields(value)) > 6 {
		return meta, rest, false // "By the time..." is prose, not a byline
	}
	props[key] = value
	return ln.Span, doc.Span{Start: ln.End, End: ln.End}, true
}

// datePrefix finds the longest run of leading words of s (up to six) that
// parses as a calendar date with a plausible year, returning its byte length.
func datePrefix(s string) (int, bool) {
	ends := wordEnds(s, 6)
	// Only date-like words may be part of the date: dateparse accepts
	// "2024-03-26 The minister" as a date.
	prev := 0
	for i, e := range ends {
		if !dateWord(strings.Trim(s[prev:e], " \t,.")) {
			ends = ends[:i]
			break
		}
		prev = e
	}
	for i := len(ends) - 1; i >= 0; i-- {
		cand := strings.TrimRight(s[:ends[i]], ",.;")
		if !hasYear(cand) {
			continue
		}
		t, err := dateparse.ParseIn(cand, time.UTC)
		if err == nil && t.Year() >= 1800 && t.Year() <= 2200 {
			return ends[i], true
		}
	}
	return 0, false
}

var dateWordRE = regexp.MustCompile(`^(?i)([0-9][0-9:/.\-tTzZ+]*(st|nd|rd|th)?|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(sday)?|wed(nesday)?|thu(rsday)?|fri(day)?|sat(urday)?|sun(day)?|at|[ap]\.?m\.?|utc|gmt|[ecmp][sd]?t|)$`)

// dateWord reports a word that can be part of a written date or time.
func dateWord(w string) bool { return dateWordRE.MatchString(w) }

func wordEnds(s string, max int) []int {
	var ends []int
	in := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			if in {
				ends = append(ends, i)
				if len(ends) == max {
					return ends
				}
			}
			in = false
		} else {
			in = true
		}
	}
	if in {
		ends = append(ends, len(s))
	}
	return ends
}

var yearRE = regexp.MustCompile(`\b(1[89]|2[01])\d\d\b`)

func hasYear(s string) bool { return yearRE.MatchString(s) }

// creditRE matches photo credits: "via REUTERS", "AP Photo/...", "Getty
// Images", "Photo: ...", "/Pool", "File photo".
var creditRE = regexp.MustCompile(`(?i)(\bvia\s+(reuters|afp|ap|getty|epa|bloomberg|anadolu)\b|\b(ap|afp|reuters|epa|xinhua|anadolu)\s*(photo|/)|\bgetty\s+images\b|^(photo|image|picture|file photo|photograph)\s*(:|by|credit|courtesy)|\(photo\b|/pool\b|\bpool\s+photo\b|\bfile\s+photo\b|\bphoto\s*:\s*|\bphoto\s+by\b|\bimages?\s+via\b|©)`)

// isCaption reports a photo caption or credit line.
func isCaption(s string) bool {
	if len(s) > 600 || !mayBeCredit(s) {
		return false
	}
	return creditRE.MatchString(s)
}

// creditHints are substrings every photo credit has one of; checking them
// first spares the case-insensitive regexp on ordinary lines.
var creditHints = []string{"via", "photo", "image", "picture", "/", "getty", "pool", "©", "(photo"}

func mayBeCredit(s string) bool {
	low := strings.ToLower(s)
	for _, h := range creditHints {
		if strings.Contains(low, h) {
			return true
		}
	}
	return false
}

// isLabel reports a short line that is only a name or label: up to four
// words, no sentence punctuation.
func isLabel(s string) bool {
	if len(s) > 60 || endsWithTerminal(s) {
		return false
	}
	n := len(strings.Fields(s))
	return n >= 1 && n <= 4
}

// looksLikeTitle reports a line short enough to be a title or a heading.
func looksLikeTitle(s string) bool {
	if utf8.RuneCountInString(s) > 200 {
		return false
	}
	return len(strings.Fields(s)) <= 25 && !strings.HasSuffix(s, ",")
}

func endsWithTerminal(s string) bool {
	s = strings.TrimRight(s, "\"'”’)")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":")
}
