package querylimit

import "strings"

// scanGraphQL pre-scans GraphQL as cayley's lexer reads it: names may
// hold IRIs (<eg:ns#term>, with "#", "[" or ":" inside), so "#" starts a
// comment only where a token starts.
func scanGraphQL(q string) scan {
	var s scan
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',':
			i++
		case strings.HasPrefix(q[i:], "\uFEFF"):
			i += len("\uFEFF")
		case c == '#':
			for i < len(q) && q[i] != '\n' && q[i] != '\r' {
				i++
			}
		case strings.HasPrefix(q[i:], `"""`):
			if end := strings.Index(q[i+3:], `"""`); end >= 0 {
				i += 3 + end + 3
			} else {
				i = len(q)
			}
		case c == '"':
			i = skipQuoted(q, i, false)
		case c == '(' || c == '[' || c == '{':
			s.open(i)
			i++
		case c == ')' || c == ']' || c == '}':
			s.close()
			i++
		case strings.HasPrefix(q[i:], "..."):
			i += 3
		case strings.IndexByte("!$:=@|", c) >= 0:
			i++
		case c == '-' || '0' <= c && c <= '9':
			for i++; i < len(q) && strings.IndexByte("0123456789.eE+-", q[i]) >= 0; i++ {
			}
		default: // a name: letters and, in cayley, most other printable characters
			for i++; i < len(q) && isNameByte(q[i]); i++ {
			}
		}
	}
	return s
}

// isNameByte reports the bytes cayley's GraphQL lexer accepts inside a
// name (graphql.allowedNameRune, with multi-byte characters taken as
// letters).
func isNameByte(c byte) bool {
	return c > 0x20 && strings.IndexByte("\"{}()|^`", c) < 0
}

// scanJSON pre-scans JSON (MQL): strings are skipped.
func scanJSON(q string) scan {
	var s scan
	for i := 0; i < len(q); {
		if q[i] == '"' {
			i = skipQuoted(q, i, false)
			continue
		}
		s.bracket(q[i], i)
		i++
	}
	return s
}
