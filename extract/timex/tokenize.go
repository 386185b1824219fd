package timex

import (
	"unicode"
	"unicode/utf8"
)

type tkind uint8

const (
	tkWord tkind = iota + 1
	tkNum
	tkPunct
)

type tflag uint16

const (
	fCap       tflag = 1 << iota // first letter upper case
	fSpace                       // whitespace (or text start) before the token
	fComma                       // number with a thousands separator: 2,000
	fDecimal                     // number with a decimal part: 3.5
	fColon                       // clock time hh:mm
	fOrd                         // ordinal suffix: 25th
	fDecade                      // decade suffix: 1990s, 80s
	fPastCue                     // past-tense cue
	fFutureCue                   // future-tense cue
	fAllCaps                     // word entirely upper case
	fNewline                     // a line break before the token
)

// tok is a token of the text. Words carry their lexicon entry (nil when the
// word is not temporal); numbers carry their value.
type tok struct {
	s, e int32
	lx   *lex
	num  int32 // number value (leading integer part); hour for clock times
	num2 int16 // minutes for clock times
	kind tkind
	nd   uint8 // number of digits of the leading digit run
	p    byte  // punctuation character (normalized)
	f    tflag
}

func (t *tok) w() wid {
	if t.lx == nil {
		return wNone
	}
	return t.lx.w
}

func (t *tok) is(c cls) bool { return t.lx != nil && t.lx.c&c != 0 }

var possLex = &lex{w: wOther}
var llLex = &lex{w: wOther, c: cFuture}

// tokenize appends the tokens of text to out. URLs and e-mail addresses are
// skipped entirely so that dates inside them are never tagged.
func tokenize(text string, out []tok) []tok {
	n := len(text)
	i := 0
	space := true
	newline := false
	var buf [24]byte
	chunkStart, chunkTok := 0, 0
	for i < n {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			if c == '\n' {
				newline = true
			}
			space = true
			i++
			continue
		}
		if space {
			// Start of a whitespace-delimited chunk. URLs are recognized
			// lazily (at their first '/', '@' or ':'), or here by "www.".
			chunkStart, chunkTok = i, len(out)
			if (c == 'w' || c == 'W') && hasPrefixFold(text[i:], "www.") {
				end, _ := urlChunk(text, i)
				i = end
				continue
			}
		}
		if c == '/' || c == '@' || c == ':' {
			if end, ok := urlChunk(text, chunkStart); ok {
				out = out[:chunkTok]
				i = end
				space = false
				continue
			}
		}
		var f tflag
		if space {
			f |= fSpace
		}
		if newline {
			f |= fNewline
		}
		space = false
		newline = false
		start := i
		switch {
		case c >= '0' && c <= '9':
			t := tok{s: int32(start), kind: tkNum}
			v := 0
			j := i
			for j < n && text[j] >= '0' && text[j] <= '9' {
				if v < 1e8 {
					v = v*10 + int(text[j]-'0')
				}
				j++
			}
			t.nd = uint8(min(j-i, 255))
			for {
				if j < n && text[j] == ',' && isDigits(text, j+1, 3) && (j+4 >= n || !isDigit(text[j+4])) {
					for k := j + 1; k < j+4; k++ {
						if v < 1e8 {
							v = v*10 + int(text[k]-'0')
						}
					}
					f |= fComma
					j += 4
					continue
				}
				break
			}
			if j+1 < n && text[j] == '.' && isDigit(text[j+1]) && f&fComma == 0 {
				f |= fDecimal
				j++
				for j < n && isDigit(text[j]) {
					j++
				}
			} else if j+2 < n && text[j] == ':' && isDigits(text, j+1, 2) && (j+3 >= n || !isDigit(text[j+3])) && t.nd <= 2 && f&fComma == 0 {
				f |= fColon
				t.num2 = int16((text[j+1]-'0')*10 + text[j+2] - '0')
				j += 3
				if j+2 < n && text[j] == ':' && isDigits(text, j+1, 2) {
					j += 3
				}
			}
			// Letter suffixes.
			k := j
			for k < n && isASCIILetter(text[k]) {
				k++
			}
			if k > j {
				suf := lowerASCII(buf[:0], text[j:k])
				switch string(suf) {
				case "th", "st", "nd", "rd":
					f |= fOrd
					j = k
				case "s":
					if t.nd == 4 || t.nd == 2 {
						f |= fDecade
						j = k
					}
				case "am", "pm", "a", "p", "h", "hrs", "gmt", "utc", "z", "t":
					// split: the number ends here, the suffix becomes a word
				default:
					// "3D", "G7x", "4x4": a word, not a number.
					for k < n && (isASCIILetter(text[k]) || isDigit(text[k])) {
						k++
					}
					out = append(out, tok{s: int32(start), e: int32(k), kind: tkWord, f: f})
					i = k
					continue
				}
			}
			t.num = int32(v)
			t.e = int32(j)
			t.f = f
			out = append(out, t)
			i = j
		case isASCIILetter(c) || c >= 0x80:
			r, sz := rune(c), 1
			if c >= 0x80 {
				r, sz = utf8.DecodeRuneInString(text[i:])
				if !unicode.IsLetter(r) {
					// punctuation outside ASCII
					p := byte('?')
					switch r {
					case '’', '‘':
						p = '\''
					case '–', '—', '‐', '‑':
						p = '-'
					case '“', '”':
						p = '"'
					}
					if p == '\'' && i+sz < n && (text[i+sz] == 's' || text[i+sz] == 'S') && (i+sz+1 >= n || !isWordByte(text[i+sz+1])) && start > 0 && isWordByte(text[start-1]) {
						out = append(out, tok{s: int32(start), e: int32(i + sz + 1), kind: tkWord, lx: possLex, f: f})
						i += sz + 1
						continue
					}
					if p == '\'' && i+sz+1 < n && text[i+sz] == 'l' && text[i+sz+1] == 'l' && start > 0 && isWordByte(text[start-1]) {
						out = append(out, tok{s: int32(start), e: int32(i + sz + 2), kind: tkWord, lx: llLex, f: f | fFutureCue})
						i += sz + 2
						continue
					}
					out = append(out, tok{s: int32(start), e: int32(i + sz), kind: tkPunct, p: p, f: f})
					i += sz
					continue
				}
			}
			if unicode.IsUpper(r) {
				f |= fCap
			}
			allCaps := true
			ascii := c < 0x80 // the word's bytes so far
			j := i
			seg := 0
			for j < n {
				b := text[j]
				if isASCIILetter(b) {
					// the run of ASCII letters; a lowercase letter has 0x20
					k, or := j+1, b
					for k < n && isASCIILetter(text[k]) {
						or |= text[k]
						k++
					}
					if or&0x20 != 0 {
						allCaps = false
					}
					seg += k - j
					j = k
					continue
				}
				if b >= 0x80 {
					ascii = false
					r2, sz2 := utf8.DecodeRuneInString(text[j:])
					if unicode.IsLetter(r2) {
						if unicode.IsLower(r2) {
							allCaps = false
						}
						j += sz2
						seg++
						continue
					}
					if (r2 == '’') && j+sz2 < n && isASCIILetter(text[j+sz2]) && !possessiveAt(text, j+sz2) && !llAt(text, j+sz2) {
						j += sz2
						continue
					}
					break
				}
				if b == '\'' && j+1 < n && isASCIILetter(text[j+1]) && !possessiveAt(text, j+1) && !llAt(text, j+1) {
					j++
					continue
				}
				if b == '.' && seg == 1 && j+1 < n && isASCIILetter(text[j+1]) && (j+2 >= n || !isASCIILetter(text[j+2])) {
					// a.m, U.S
					j++
					seg = 0
					continue
				}
				break
			}
			_ = sz
			// "a.m." keeps its final period.
			if j < n && text[j] == '.' && j-start >= 3 && text[j-2] == '.' {
				j++
			}
			if allCaps && j-start > 1 {
				f |= fAllCaps
			}
			t := tok{s: int32(start), e: int32(j), kind: tkWord}
			if j-start <= len(buf) {
				// The lexicon key is the word lowercased (’ as '); most
				// words are ruled out by maybeLex before it is built.
				var ed bool // the key ends in "ed" and has 4 bytes or more
				if ascii {
					kn, last := j-start, lowerByte(text[j-1])
					if kn <= 7 {
						key := uint64(kn) << 56
						for k := kn - 1; k >= 0; k-- {
							key |= uint64(lowerByte(text[start+k])) << (8 * k)
						}
						t.lx = lookupShort(key)
					} else if maybeLex(kn, lowerByte(text[start]), last) {
						t.lx = lexicon[string(lowerKey(buf[:0], text[start:j]))]
					}
					ed = kn >= 4 && last == 'd' && lowerByte(text[j-2]) == 'e'
				} else {
					key := lowerKey(buf[:0], text[start:j])
					if maybeLex(len(key), key[0], key[len(key)-1]) {
						t.lx = lexicon[string(key)]
					}
					ed = len(key) >= 4 && key[len(key)-1] == 'd' && key[len(key)-2] == 'e'
				}
				if t.lx != nil {
					if t.lx.c&cPast != 0 {
						f |= fPastCue
					}
					if t.lx.c&cFuture != 0 {
						f |= fFutureCue
					}
				}
				if (t.lx == nil || t.lx.c&notEd == 0) && ed && f&fCap == 0 {
					f |= fPastCue
				}
			}
			t.f = f
			out = append(out, t)
			i = j
		default:
			if c == '\'' && i+1 < n && (text[i+1] == 's' || text[i+1] == 'S') && (i+2 >= n || !isWordByte(text[i+2])) && i > 0 && isWordByte(text[i-1]) {
				out = append(out, tok{s: int32(i), e: int32(i + 2), kind: tkWord, lx: possLex, f: f})
				i += 2
				continue
			}
			if c == '\'' && i+2 < n && text[i+1] == 'l' && text[i+2] == 'l' && i > 0 && isWordByte(text[i-1]) {
				out = append(out, tok{s: int32(i), e: int32(i + 3), kind: tkWord, lx: llLex, f: f | fFutureCue})
				i += 3
				continue
			}
			out = append(out, tok{s: int32(i), e: int32(i + 1), kind: tkPunct, p: c, f: f})
			i++
		}
	}
	return out
}

func possessiveAt(text string, j int) bool {
	return j < len(text) && (text[j] == 's' || text[j] == 'S') && (j+1 >= len(text) || !isWordByte(text[j+1]))
}

func llAt(text string, j int) bool {
	return j+1 < len(text) && text[j] == 'l' && text[j+1] == 'l' && (j+2 >= len(text) || !isWordByte(text[j+2]))
}

func isDigit(b byte) bool       { return b >= '0' && b <= '9' }
func isASCIILetter(b byte) bool { return (b|0x20)-'a' < 26 }
func isWordByte(b byte) bool    { return isASCIILetter(b) || isDigit(b) || b >= 0x80 }

func isDigits(s string, i, k int) bool {
	if i+k > len(s) {
		return false
	}
	for j := i; j < i+k; j++ {
		if !isDigit(s[j]) {
			return false
		}
	}
	return true
}

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

func lowerASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// lowerKey lower-cases s for a lexicon lookup, mapping ’ to '.
func lowerKey(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99:
			dst = append(dst, '\'')
			i += 2
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// urlChunk reports whether the whitespace-delimited chunk at i is a URL, an
// e-mail address or a file path, and returns its end.
func urlChunk(text string, i int) (int, bool) {
	j := i
	slash, at, scheme, domainDot := false, false, false, false
	for j < len(text) {
		c := text[j]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		switch c {
		case '/':
			slash = true
		case '@':
			if j > i && j+1 < len(text) && isASCIILetter(text[j+1]) {
				at = true
			}
		case ':':
			if j+2 < len(text) && text[j+1] == '/' && text[j+2] == '/' {
				scheme = true
			}
		case '.':
			if j > i && isASCIILetter(text[j-1]) && j+2 < len(text) && isASCIILetter(text[j+1]) && isASCIILetter(text[j+2]) {
				domainDot = true
			}
		}
		j++
	}
	if scheme || at {
		return j, true
	}
	if j-i > 4 && (text[i] == 'w' || text[i] == 'W') && (hasPrefixFold(text[i:j], "www.")) {
		return j, true
	}
	if slash && domainDot {
		return j, true
	}
	return j, false
}

func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		c := s[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[k] {
			return false
		}
	}
	return true
}
