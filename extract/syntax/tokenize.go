package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/text"
)

// Tokenize splits the sentence text[start:end] into tokens the way the UD
// English treebanks (EWT, GUM) do, with byte offsets into text:
// punctuation is split off ("Israel ." but "U.S." and "3.5" stay whole),
// clitics are split ("do n't", "ca n't", "Netanyahu 's", "U.S. 's", "gon
// na", "can not"), hyphenated compounds are split ("U.S. - Israel", "long -
// term") unless the first part is a prefix ("e-mail", "re-elected"),
// currency signs and percent signs are tokens ("$ 1.5", "50 %"), and URLs
// and e-mail addresses are one token each. Only Start, End and Form are set.
func Tokenize(text string, start, end int) []Token {
	t := tokenizer{text: text, toks: make([]Token, 0, (end-start)/5+2)}
	i := start
	for {
		i = skipSpace(text, i, end)
		if i >= end {
			break
		}
		j := i
		for j < end {
			r, n := utf8.DecodeRuneInString(text[j:end])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		t.chunk(i, j, skipSpace(text, j, end) >= end)
		i = j
	}
	return t.toks
}

type tokenizer struct {
	text string
	toks []Token
}

func (t *tokenizer) emit(s, e int) {
	if e > s {
		t.toks = append(t.toks, Token{Start: s, End: e, Form: t.text[s:e]})
	}
}

// chunk tokenizes text[s:e], a run of non-space characters; final says it
// ends the sentence.
func (t *tokenizer) chunk(s, e int, final bool) {
	for s < e && !isWhole(t.text[s:e]) {
		n := prefixLen(t.text[s:e])
		if n == 0 {
			break
		}
		t.emit(s, s+n)
		s += n
	}
	var (
		suffixes [8][2]int
		ns       int
	)
	for s < e && ns < len(suffixes) && !isWhole(t.text[s:e]) {
		n := suffixLen(t.text[s:e], final)
		if n == 0 {
			break
		}
		suffixes[ns] = [2]int{e - n, e}
		ns++
		e -= n
	}
	t.core(s, e)
	for k := ns - 1; k >= 0; k-- {
		t.emit(suffixes[k][0], suffixes[k][1])
	}
}

// core tokenizes what is left of a chunk once leading and trailing
// punctuation and clitics are off: it splits contractions written without
// an apostrophe, hyphenated compounds, and punctuation inside the word.
func (t *tokenizer) core(s, e int) {
	w := t.text[s:e]
	if w == "" {
		return
	}
	if isWhole(w) || isCode(w) {
		t.emit(s, e)
		return
	}
	var buf [16]byte
	if parts, ok := contractions[string(lowerASCII(buf[:0], w))]; ok {
		for _, n := range parts {
			t.emit(s, s+n)
			s += n
		}
		t.emit(s, e)
		return
	}
	p := s // start of the current piece
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(t.text[i:e])
		sep := t.infix(r, n, p, i, e)
		if sep == 0 {
			i += n
			continue
		}
		t.emit(p, i)
		t.emit(i, i+sep)
		i += sep
		p = i
	}
	t.emit(p, e)
}

// infix returns the length of a separator token starting at i (rune r of
// n bytes) inside the word text[p:e] whose current piece starts at p, or 0.
func (t *tokenizer) infix(r rune, n, p, i, e int) int {
	w := t.text
	var buf [16]byte
	switch r {
	case '-':
		if run := runLen(w[i:e], '-'); run >= 2 {
			return run
		}
		if i == p || i+1 >= e {
			return 0
		}
		before, _ := utf8.DecodeLastRuneInString(w[p:i])
		after, _ := utf8.DecodeRuneInString(w[i+1 : e])
		if (isAlnum(before) || before == '.') && isAlnum(after) && !hyphenPrefixes[string(lowerASCII(buf[:0], w[p:i]))] {
			return 1
		}
	case '—', '–', '…', '(', ')', '[', ']', '{', '}', '"', '“', '”', '!', '?', ';':
		return n
	case '.':
		if run := runLen(w[i:e], '.'); run >= 2 {
			return run
		}
	case '/':
		if i > p && i+1 < e && isLetter(w[i-1]) && isLetter(w[i+1]) {
			return 1
		}
	case ',', ':':
		if i > p && i+1 < e && isDigit(w[i-1]) && isDigit(w[i+1]) {
			return 0
		}
		if i > p && i+1 < e {
			return 1
		}
	}
	return 0
}

// prefixLen is the length of a punctuation token opening w, or 0.
func prefixLen(w string) int {
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) {
		return 0
	}
	switch r {
	case '(', '[', '{', '"', '“', '«', '$', '£', '€', '¥', '#', '@', '—', '–', '…', '*':
		if r == '*' {
			return runLen(w, '*')
		}
		return n
	case '<', '>':
		return runLen(w, byte(r))
	case '\'', '’', '‘', '`':
		if cliticLen("x"+w) == len(w) {
			return 0
		}
		if isDigit(w[n]) { // '90s
			return 0
		}
		run := len(w) - len(strings.TrimLeft(w, "'’‘`"))
		if run == len(w) {
			return 0
		}
		return run
	case '-':
		if run := runLen(w, '-'); run >= 2 || !isDigit(w[1]) {
			return run
		}
	case '.':
		if run := runLen(w, '.'); run >= 2 {
			return run
		}
	}
	return 0
}

// suffixLen is the length of a token closing w (punctuation, a clitic, a
// unit after a number), or 0. final says w ends the sentence.
func suffixLen(w string, final bool) int {
	if n := cliticLen(w); n > 0 {
		return n
	}
	if n := unitLen(w); n > 0 {
		return n
	}
	r, n := utf8.DecodeLastRuneInString(w)
	if n == len(w) {
		return 0
	}
	switch r {
	case ')', ']', '}', '"', '”', '»', '%', ',', ';', ':', '‘', '°':
		return n
	case '\'', '’', '>':
		run := len(w) - len(strings.TrimRight(w, "'’>"))
		if run == len(w) {
			return 0
		}
		return run
	case '.', '!', '?', '…':
		run := len(w) - len(strings.TrimRight(w, ".!?…"))
		if run == len(w) {
			return 0
		}
		if run > 1 || r != '.' {
			return run
		}
		if isAbbreviation(w[:len(w)-1], final) {
			return 0
		}
		return 1
	case '-':
		// "smuggling-" but not a cut-off word: "th-".
		if run := len(w) - len(strings.TrimRight(w, "-")); run >= 2 || len(w) > 3 {
			return run
		}
	}
	return 0
}

// isAbbreviation reports whether the period after w belongs to it: an
// abbreviation ("Mr", "etc"), an initial ("W") or a dotted acronym
// ("U.S", "a.m"). At the end of a sentence only dotted acronyms keep it,
// as the treebanks do.
func isAbbreviation(w string, final bool) bool {
	if strings.IndexByte(w, '.') > 0 {
		for part := range strings.SplitSeq(w, ".") {
			if len(part) > 3 || part == "" || !isLetter(part[0]) {
				return false
			}
		}
		return true
	}
	if final {
		return false
	}
	if len(w) <= 4 && 'A' <= w[0] && w[0] <= 'Z' {
		return true // an initial, "Gen", "La", "Nov"
	}
	var buf [16]byte
	return text.IsAbbreviation(string(lowerASCII(buf[:0], w)))
}

// cliticLen is the length of a clitic ending w ("n't", "'s", "'ll"), when a
// word comes before it.
func cliticLen(w string) int {
	for _, c := range clitics {
		if len(w) <= len(c) || !strings.EqualFold(w[len(w)-len(c):], c) {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(w[:len(w)-len(c)])
		if unicode.IsLetter(before) || before == '.' && c[0] != 'n' || unicode.IsDigit(before) && c[0] == 'n' {
			return len(c)
		}
	}
	return 0
}

// clitics split off the word before them.
var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

// contractions are words the treebanks split although no apostrophe marks
// the place: the lengths of the parts before the last.
var contractions = map[string][]int{
	"cannot": {3}, "gonna": {3}, "wanna": {3}, "gotta": {3},
	"dont": {2}, "didnt": {3}, "doesnt": {4}, "cant": {2}, "couldnt": {5}, "wouldnt": {5},
	"shouldnt": {6}, "isnt": {2}, "wasnt": {3}, "arent": {3}, "werent": {4}, "havent": {4},
	"hasnt": {3}, "hadnt": {3}, "aint": {2},
}

// hyphenPrefixes stay joined to the word after their hyphen ("e-mail",
// "re-elected", "non-profit"); other hyphenated compounds are split.
var hyphenPrefixes = map[string]bool{
	"anti": true, "arch": true, "co": true, "counter": true, "cross": true, "e": true, "ex": true,
	"inter": true, "intra": true, "micro": true, "mid": true, "mini": true, "multi": true, "neo": true,
	"non": true, "over": true, "post": true, "pre": true, "pro": true, "psycho": true, "re": true,
	"semi": true, "socio": true, "sub": true, "un": true,
}

// units split off a number written against them ("7:30PM", "65k", "35mm",
// "$4.2bn").
var units = []string{"am", "pm", "AM", "PM", "a.m.", "p.m.", "k", "K", "m", "bn", "mm", "cm", "km", "kg", "ft", "lb", "lbs", "mph", "GB", "MB"}

func unitLen(w string) int {
	for _, u := range units {
		if len(w) > len(u) && strings.HasSuffix(w, u) && isDigit(w[len(w)-len(u)-1]) {
			return len(u)
		}
	}
	return 0
}

// isWhole reports whether w is one token whatever its punctuation: a URL,
// an e-mail address or an emoticon.
func isWhole(w string) bool {
	if emoticons[w] {
		return true
	}
	if strings.Contains(w, "://") || len(w) > 4 && strings.EqualFold(w[:4], "www.") {
		return isDigit(w[len(w)-1]) || isLetter(w[len(w)-1]) || w[len(w)-1] == '/'
	}
	if at := strings.IndexByte(w, '@'); at > 0 {
		dot := strings.LastIndexByte(w, '.')
		return dot > at+1 && dot < len(w)-1 && isLetter(w[len(w)-1])
	}
	return false
}

var emoticons = map[string]bool{
	":)": true, ":-)": true, ";)": true, ";-)": true, ":(": true, ":-(": true, ":D": true, ":-D": true,
	":P": true, ":p": true, "=)": true, "(:": true, "^_^": true, ":/": true, "<3": true,
}

// isCode reports whether w is a phone number or a similar code of digit
// groups joined by hyphens, which stays one token: "713-853-3989".
func isCode(w string) bool {
	if w == "" || !isDigit(w[0]) || strings.IndexByte(w, '-') < 0 {
		return false
	}
	var lens []int
	for g := range strings.SplitSeq(w, "-") {
		if g == "" || strings.Trim(g, "0123456789") != "" {
			return false
		}
		lens = append(lens, len(g))
	}
	return len(lens) >= 3 || lens[0] == 3 && lens[1] == 4
}

// lowerASCII appends w to b in lower case (ASCII letters only); with a
// stack buffer, a map lookup of string(result) allocates nothing.
func lowerASCII(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

func runLen(w string, c byte) int {
	n := 0
	for n < len(w) && w[n] == c {
		n++
	}
	return n
}

func skipSpace(text string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' || c >= utf8.RuneSelf }
func isAlnum(r rune) bool  { return unicode.IsLetter(r) || unicode.IsDigit(r) }
