package querylimit

import "strings"

// regexAfter are the keywords after which a "/" starts a regular
// expression rather than a division.
var regexAfter = map[string]bool{
	"return": true, "typeof": true, "instanceof": true, "in": true, "of": true, "new": true,
	"delete": true, "void": true, "throw": true, "case": true, "do": true, "else": true,
}

// control are the keywords whose parenthesized condition may be followed
// by a regular expression: if (x) /re/.test(y).
var control = map[string]bool{"if": true, "while": true, "for": true, "with": true}

// scanJS pre-scans JavaScript (Gizmo): strings, comments and regular
// expression literals are skipped, except that a regular expression's own
// groups count toward the depth. Whether a "/" divides or starts a regular
// expression depends on the token before it; when that is unclear it is
// taken as a division, which never hides brackets from the count.
func scanJS(q string) scan {
	var s scan
	operand := false  // the last token ends an operand: "/" divides
	var parens []bool // open parentheses: whether each is a control condition
	lastWord := ""
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			i++
			continue
		case c == '/' && i+1 < len(q) && q[i+1] == '/':
			i = skipLine(q, i)
			continue
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			if end := strings.Index(q[i+2:], "*/"); end >= 0 {
				i += 2 + end + 2
			} else {
				i = len(q)
			}
			continue
		case c == '/' && !operand:
			i = s.regex(q, i)
			operand, lastWord = true, ""
			continue
		case c == '"' || c == '\'':
			i = skipQuoted(q, i, true)
			operand, lastWord = true, ""
			continue
		case isWordByte(c):
			j := i
			for j < len(q) && isWordByte(q[j]) {
				j++
			}
			w := q[i:j]
			operand, lastWord = !regexAfter[w], w
			i = j
			continue
		}
		switch c {
		case '(':
			s.open(i)
			parens = append(parens, control[lastWord])
			operand = false
		case ')':
			s.close()
			cond := false
			if n := len(parens); n > 0 {
				cond, parens = parens[n-1], parens[:n-1]
			}
			operand = !cond
		case '[', '{':
			s.open(i)
			operand = false
		case ']', '}':
			s.close()
			operand = true
		case ':':
			s.colons++
			operand = false
		case '+', '-':
			// a++ / 2 divides: a postfix ++ or -- keeps the operand.
			if !(operand && i+1 < len(q) && q[i+1] == c) {
				operand = false
			} else {
				i++
			}
		default:
			operand = false
		}
		lastWord = ""
		i++
	}
	return s
}

// regex skips the regular expression literal at q[i] and returns the index
// after it (and its flags). Its groups count toward the depth from the
// current level, but its closing brackets never lower the count outside
// it. It ends at its closing slash or at the end of the line.
func (s *scan) regex(q string, i int) int {
	saved := s.cur
	defer func() { s.cur = saved }()
	class := false
	for i++; i < len(q); i++ {
		if end, _ := isLineEnd(q, i); end {
			return i
		}
		switch c := q[i]; {
		case c == '\\':
			if i+1 < len(q) {
				if end, _ := isLineEnd(q, i+1); !end {
					i++
				}
			}
		case class:
			class = c != ']'
		case c == '[':
			class = true
		case c == '(':
			s.open(i)
		case c == ')':
			s.close()
		case c == '/':
			i++
			for i < len(q) && isWordByte(q[i]) {
				i++
			}
			return i
		}
	}
	return i
}

// isWordByte reports bytes of identifiers, keywords and numbers (and any
// byte of a multi-byte character).
func isWordByte(c byte) bool {
	return c == '_' || c == '$' || c == '\\' || c >= 0x80 ||
		'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
