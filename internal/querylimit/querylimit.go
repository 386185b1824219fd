// Package querylimit bounds what a query may cost before cayley's query
// languages see it.
//
// cayley's parsers are recursive: a Gizmo script of 500,000 "(" or a
// GraphQL query nested a million deep overflows the goroutine stack, a fatal
// error that no recover catches, and goja (Gizmo's JavaScript engine) takes
// time cubic in the length of some inputs (800 repeated labels, 1.6 KB,
// parse in 5 s). Check is a cheap linear pre-scan that refuses such queries
// with a clear error: it bounds the size of a query per language, the
// nesting of brackets, braces and parentheses outside strings and comments,
// and, in Gizmo, the number of colons (labels). The size bound is the hard
// guarantee: whatever the pre-scan misjudges, a query within it cannot nest
// deep enough to exhaust the stack.
//
// GraphQL bounds its results with a "first" argument on each field and has
// no global limit; Limit rewrites a GraphQL query so that every object
// field returns at most a given number of results.
package querylimit

import (
	"errors"
	"fmt"
	"strings"
)

// MaxDepth is how deeply brackets, braces and parentheses may nest in any
// query language: far more than any hand-written query needs, far less
// than what strains a parser.
const MaxDepth = 64

// maxColons bounds the colons of a Gizmo script (labels, object keys,
// conditionals): goja checks every label against all enclosing ones and
// locates each error by scanning the source, so n nested duplicate labels
// cost n³ (128 labels in 16 KiB: 0.3 s).
const maxColons = 128

// Sizes are the largest queries accepted per language, in bytes. Gizmo's
// is smallest: goja's compile time grows with the square of some inputs
// (8,000 additions in 16 KiB compile in about 1.6 s).
var Sizes = map[string]int{
	"gizmo":   16 << 10,
	"graphql": 64 << 10,
	"mql":     64 << 10,
}

// defaultSize bounds a language missing from Sizes.
const defaultSize = 16 << 10

// ErrTooLarge and ErrTooDeep are the reasons Check refuses a query
// (wrapped in an *Error).
var (
	ErrTooLarge = errors.New("query too large")
	ErrTooDeep  = errors.New("query too deeply nested")
)

// Error says why a query was refused and where.
type Error struct {
	Lang   string
	Reason error  // ErrTooLarge or ErrTooDeep
	Detail string // what was found and the limit
}

func (e *Error) Error() string { return e.Lang + ": " + e.Reason.Error() + ": " + e.Detail }
func (e *Error) Unwrap() error { return e.Reason }

// MaxBytes is the largest query accepted in lang.
func MaxBytes(lang string) int {
	if n, ok := Sizes[strings.ToLower(lang)]; ok {
		return n
	}
	return defaultSize
}

// Check refuses a query in lang that is larger than MaxBytes(lang), nests
// deeper than MaxDepth, or (Gizmo) holds more than 128 colons. It reads the
// query once and allocates nothing.
func Check(lang, q string) error {
	lang = strings.ToLower(lang)
	if n := MaxBytes(lang); len(q) > n {
		return &Error{Lang: lang, Reason: ErrTooLarge, Detail: fmt.Sprintf("%d bytes, the limit is %d", len(q), n)}
	}
	var s scan
	switch lang {
	case "gizmo":
		s = scanJS(q)
	case "graphql":
		s = scanGraphQL(q)
	case "mql":
		s = scanJSON(q)
	default:
		s = scanAny(q)
	}
	if s.depth > MaxDepth {
		return &Error{Lang: lang, Reason: ErrTooDeep, Detail: fmt.Sprintf("brackets nest %d levels deep at byte %d, the limit is %d", s.depth, s.at, MaxDepth)}
	}
	if lang == "gizmo" && s.colons > maxColons {
		return &Error{Lang: lang, Reason: ErrTooDeep, Detail: fmt.Sprintf("%d colons (labels, object keys, conditionals), the limit is %d", s.colons, maxColons)}
	}
	return nil
}

// scan is what a pre-scan found: the deepest nesting (and where it was
// first reached) and the colons outside strings and comments.
type scan struct {
	depth, at int
	colons    int
	cur       int
}

func (s *scan) open(i int) {
	s.cur++
	if s.cur > s.depth {
		s.depth, s.at = s.cur, i
	}
}

func (s *scan) close() {
	if s.cur > 0 {
		s.cur--
	}
}

// bracket counts c when it opens or closes a nesting level.
func (s *scan) bracket(c byte, i int) {
	switch c {
	case '(', '[', '{':
		s.open(i)
	case ')', ']', '}':
		s.close()
	}
}

// scanAny counts every bracket: it never underestimates, whatever the
// language.
func scanAny(q string) scan {
	var s scan
	for i := 0; i < len(q); i++ {
		s.bracket(q[i], i)
	}
	return s
}

// isLineEnd reports a JavaScript line terminator at q[i:] and its length.
func isLineEnd(q string, i int) (bool, int) {
	switch {
	case q[i] == '\n' || q[i] == '\r':
		return true, 1
	case strings.HasPrefix(q[i:], "\u2028") || strings.HasPrefix(q[i:], "\u2029"):
		return true, 3
	}
	return false, 0
}

// skipQuoted returns the index after the string literal opening at q[i]:
// at its closing quote, or at an unescaped line end (where goja and the
// GraphQL lexer end it with an error). With continuation (JavaScript), a
// backslash before a line end continues the string on the next line.
func skipQuoted(q string, i int, continuation bool) int {
	quote := q[i]
	for i++; i < len(q); i++ {
		if end, _ := isLineEnd(q, i); end {
			return i
		}
		switch q[i] {
		case quote:
			return i + 1
		case '\\':
			if i+1 >= len(q) {
				return len(q)
			}
			end, n := isLineEnd(q, i+1)
			switch {
			case !end:
				i++
			case !continuation:
				return i + 1
			case strings.HasPrefix(q[i+1:], "\r\n"):
				i += 2
			default:
				i += n
			}
		}
	}
	return i
}

// skipLine returns the index of the line end after q[i].
func skipLine(q string, i int) int {
	for ; i < len(q); i++ {
		if end, _ := isLineEnd(q, i); end {
			return i
		}
	}
	return i
}
