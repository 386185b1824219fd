package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
)

func init() {
	parsers[JSONL] = ParseJSONL
}

// maxJSONLErrors caps the per-line errors kept for one file.
const maxJSONLErrors = 100

// JSON-lines fields eventgraph reads, each with the names news-API dumps
// use for it; the first present wins. Every other field is kept in Props.
var (
	jsonTitle     = []string{"title", "headline"}
	jsonText      = []string{"text", "body", "content", "article"}
	jsonHTML      = []string{"html", "content_html", "body_html"}
	jsonURL       = []string{"url", "link", "canonical_url"}
	jsonPublished = []string{"published", "published_at", "publishedAt", "datePublished", "pubDate", "date"}
	jsonSource    = []string{"source", "site", "publisher"}
)

// ParseJSONL reads JSON lines, one article per line: a JSON object with a
// title, a text (plain) or html (read like a page), a url, a published date
// and a source (the outlet, a string or an object with a name), each under
// the usual names news APIs give them; any other field is kept in Props
// (strings as they are, other values as compact JSON). An article's Source
// is "<source>#<line number>".
//
// Error contract: a broken line (invalid JSON, not an object, no text)
// does not stop the reading. ParseJSONL returns the articles of the good
// lines together with a non-nil error, errors.Join of one error per bad line
// that names the file and the line ("dump.jsonl:7: invalid JSON: ...").
// Callers must use the articles even when the error is non-nil. The slice is
// empty only when no line is good.
func ParseJSONL(source string, data []byte) ([]doc.Article, error) {
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("%w (%d bytes, limit %d)", ErrTooLarge, len(data), MaxBytes)
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if looksBinary(data) {
		return nil, ErrBinary
	}
	var arts []doc.Article
	var errs []error
	bad := 0
	for lineNo := 1; len(data) > 0; lineNo++ {
		var ln []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			ln, data = data[:i], data[i+1:]
		} else {
			ln, data = data, nil
		}
		ln = bytes.TrimSpace(ln)
		if len(ln) == 0 {
			continue
		}
		a, err := jsonLine(fmt.Sprintf("%s#%d", source, lineNo), ln)
		if err != nil {
			bad++
			if len(errs) < maxJSONLErrors {
				errs = append(errs, fmt.Errorf("%s:%d: %w", source, lineNo, err))
			}
			continue
		}
		arts = append(arts, a)
	}
	if bad > len(errs) {
		errs = append(errs, fmt.Errorf("%s: %d more bad lines", source, bad-len(errs)))
	}
	if len(arts) == 0 {
		if len(errs) == 0 {
			return nil, fmt.Errorf("%w: no JSON lines", ErrEmpty)
		}
		return nil, fmt.Errorf("%w: no valid line: %w", ErrEmpty, errors.Join(errs...))
	}
	return arts, errors.Join(errs...)
}

// jsonLine reads one line.
func jsonLine(source string, ln []byte) (doc.Article, error) {
	if !utf8.Valid(ln) {
		return doc.Article{}, errors.New("invalid UTF-8")
	}
	if ln[0] != '{' {
		return doc.Article{}, errors.New("not a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(ln))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return doc.Article{}, fmt.Errorf("invalid JSON: %v", err)
	}
	if m == nil {
		return doc.Article{}, errors.New("not a JSON object")
	}
	if _, err := dec.Token(); err != io.EOF {
		return doc.Article{}, errors.New("invalid JSON: data after the object")
	}
	used := map[string]bool{}
	str := func(keys []string) string {
		for _, k := range keys {
			switch v := m[k].(type) {
			case string:
				if strings.TrimSpace(v) != "" {
					used[k] = true
					return strings.TrimSpace(v)
				}
			case map[string]any: // "source": {"id": "...", "name": "..."}
				if name, ok := v["name"].(string); ok && strings.TrimSpace(name) != "" {
					used[k] = true
					return strings.TrimSpace(name)
				}
			}
		}
		return ""
	}
	title := normSpace(str(jsonTitle))
	url := str(jsonURL)
	body, isHTML := str(jsonText), false
	if body == "" {
		body, isHTML = str(jsonHTML), true
	}
	if body == "" && title == "" {
		return doc.Article{}, errors.New("no title, text or html")
	}
	a, err := articleFromBody(source, title, url, body, isHTML)
	if err != nil {
		return doc.Article{}, err
	}
	site := str(jsonSource)
	rawDate := str(jsonPublished)
	var numDate time.Time
	hasNum := false
	if rawDate == "" {
		numDate, hasNum = numericDate(m, jsonPublished, used)
	}
	// Extra fields first, so eventgraph's own props win on a clash.
	extra := map[string]string{}
	for k, v := range m {
		if used[k] {
			continue
		}
		if s := jsonString(v); s != "" {
			extra[k] = s
		}
	}
	for k, v := range a.Props {
		extra[k] = v
	}
	a.Props = extra
	setProp(&a, "site", site)
	if rawDate != "" {
		setPublished(&a, rawDate, nil)
	} else if hasNum {
		setPublished(&a, strconv.FormatInt(numDate.Unix(), 10), &numDate)
	}
	if len(a.Props) == 0 {
		a.Props = nil
	}
	return a, nil
}

// jsonString renders a JSON value for Props.
func jsonString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}

// numericDate reads a Unix time in seconds (or milliseconds) from a date
// field given as a number.
func numericDate(m map[string]any, keys []string, used map[string]bool) (time.Time, bool) {
	for _, k := range keys {
		n, ok := m[k].(json.Number)
		if !ok {
			continue
		}
		used[k] = true
		f, err := n.Float64()
		if err != nil || f != f || f > 1e15 || f < -1e15 {
			return time.Time{}, false
		}
		if f > 1e11 || f < -1e11 { // milliseconds
			f /= 1000
		}
		return time.Unix(int64(f), 0).UTC(), true
	}
	return time.Time{}, false
}
