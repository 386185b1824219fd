// Package article reads news articles from their sources (plain text here;
// HTML pages, RSS/Atom feeds and JSON lines in sibling files) into
// doc.Article values: text, title, publication date, and blocks that keep
// captions apart from body text.
package article

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
	encunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// MaxBytes is the default largest source accepted; larger ones are refused
// rather than read into memory.
const MaxBytes = 16 << 20

// MaxArticleBytes bounds the text of one article. Extraction and the
// article's single store transaction grow with its text (a 100 KiB text of
// dense news prose yields some 100,000 quads), so a multi-megabyte "article"
// (a book, a log, a dump) would hold ingestion for hours and take gigabytes:
// it is refused with ErrTooLarge. 512 KiB is several times the longest news
// feature. A feed or JSON-lines source may still be up to MaxBytes.
const MaxArticleBytes = 512 << 10

// Format names a source format.
type Format string

// Formats. Auto detects the format from the content.
const (
	Auto  Format = "auto"
	Text  Format = "text"
	HTML  Format = "html"
	Feed  Format = "feed"
	JSONL Format = "jsonl"
)

// Errors that say why a source holds no article.
var (
	ErrEmpty    = errors.New("empty: no text")
	ErrBinary   = errors.New("binary content, not text")
	ErrTooLarge = errors.New("too large")
)

// Parse reads the articles in one source. A plain-text or HTML source holds
// one article; a feed or a JSON-lines file may hold many. source names the
// file or URL in errors and in the articles' Source. A feed or JSON-lines
// file with some bad items returns its good articles together with an
// error naming the bad ones: callers use both.
func Parse(source string, data []byte, format Format) ([]doc.Article, error) {
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("%s: %w (%d bytes, limit %d)", source, ErrTooLarge, len(data), MaxBytes)
	}
	if format == "" || format == Auto {
		format = Detect(source, data)
	}
	parse, ok := parsers[format]
	if !ok {
		return nil, fmt.Errorf("%s: format %q is not supported", source, format)
	}
	arts, err := parse(source, data)
	for i := range arts {
		dropInvisible(&arts[i])
	}
	if kept := tooLong(arts); len(kept) < len(arts) {
		var errs []error
		for _, a := range arts {
			if len(a.Text) > MaxArticleBytes {
				errs = append(errs, fmt.Errorf("%s: article text %w (%d bytes, limit %d)", a.Source, ErrTooLarge, len(a.Text), MaxArticleBytes))
			}
		}
		if len(kept) == 0 && len(arts) == 1 && err == nil {
			return nil, fmt.Errorf("%s: article text %w (%d bytes, limit %d)", source, ErrTooLarge, len(arts[0].Text), MaxArticleBytes)
		}
		arts, err = kept, errors.Join(append([]error{err}, errs...)...)
	}
	if err != nil {
		// A JSON-lines file (or a feed) may hold good articles beside bad
		// ones: keep them, and report the rest. Errors that already name
		// the source ("dump.jsonl:3: ...") are not prefixed again.
		if !strings.HasPrefix(err.Error(), source+":") {
			err = fmt.Errorf("%s: %w", source, err)
		}
		return arts, err
	}
	return arts, nil
}

// parsers maps each format to its reader; sibling files register theirs.
var parsers = map[Format]func(source string, data []byte) ([]doc.Article, error){
	Text: func(source string, data []byte) ([]doc.Article, error) {
		a, err := ParseText(source, data)
		if err != nil {
			return nil, err
		}
		return []doc.Article{a}, nil
	},
}

// detectors guess a format from content; sibling files register theirs.
// The first that answers wins; plain text is the fallback.
var detectors []func(name string, data []byte) (Format, bool)

// Detect guesses the format of a source from its content, then its name.
func Detect(name string, data []byte) Format {
	for _, d := range detectors {
		if f, ok := d(name, data); ok {
			return f
		}
	}
	return Text
}

// DecodeText turns raw bytes into valid UTF-8 text: it removes a UTF-8 BOM,
// decodes UTF-16 with a BOM, and refuses binary data and invalid UTF-8 with
// an error that says where.
func DecodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := encunicode.UTF16(encunicode.LittleEndian, encunicode.ExpectBOM).NewDecoder()
		out, _, err := transform.Bytes(dec, data)
		if err != nil {
			return "", fmt.Errorf("decoding UTF-16: %w", err)
		}
		data = out
	}
	if looksBinary(data) {
		return "", ErrBinary
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return "", fmt.Errorf("invalid UTF-8 at byte %d", off)
	}
	return string(data), nil
}

// looksBinary reports content that is not text: NUL bytes, or many control
// characters, in the first 8 KiB.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return len(head) > 0 && ctrl*20 > len(head)
}

// ID derives a stable article identifier: from the canonical URL when the
// article has one, otherwise from its normalized text (case, spacing and
// typographic quotes folded), so the same article read twice gets one ID.
func ID(url, text string) string {
	h := sha256.New()
	if url != "" {
		h.Write([]byte("url\x00"))
		h.Write([]byte(strings.TrimRight(strings.TrimSpace(url), "/")))
	} else {
		h.Write([]byte("text\x00"))
		h.Write([]byte(Normalize(text)))
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// Normalize folds text for identity: lower case, one space between words,
// straight quotes, no invisible characters.
func Normalize(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for _, r := range text {
		switch {
		case isInvisible(r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == '’' || r == '‘':
			r = '\''
		case r == '“' || r == '”':
			r = '"'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// tooLong returns the articles whose text is within MaxArticleBytes.
func tooLong(arts []doc.Article) []doc.Article {
	kept := arts[:0:0]
	for _, a := range arts {
		if len(a.Text) <= MaxArticleBytes {
			kept = append(kept, a)
		}
	}
	return kept
}
