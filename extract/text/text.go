// Package text splits article text into sentences and tokens with byte
// offsets. It is rule-based and allocation-light: news prose is regular enough
// that abbreviations, initials and decimal numbers are the only hard cases.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// abbreviations end with a period that does not end a sentence;
// finalAbbreviations are those of them that also end sentences often.
// Both are read from data/abbreviations.tsv and the calendar's names.
var abbreviations, finalAbbreviations = mustReadAbbreviations()

// IsAbbreviation reports whether word (lower case, without its final period:
// "mr", "u.s", "etc") is an abbreviation whose period need not end a
// sentence.
func IsAbbreviation(word string) bool { return abbreviations[word] }

// Sentences splits the text of span into sentences. Offsets are into text.
// Paragraph breaks (a blank line) always end a sentence.
func Sentences(text string, span doc.Span) []doc.Span {
	return AppendSentences(nil, text, span)
}

// AppendSentences appends the sentences of span (as Sentences splits it)
// to out.
func AppendSentences(out []doc.Span, text string, span doc.Span) []doc.Span {
	start := skipSpace(text, span.Start, span.End)
	i := start
	for i < span.End {
		c := text[i]
		switch {
		case c == '\n' && i+1 < span.End && isBlankLineAhead(text, i+1, span.End):
			out = appendSentence(out, text, start, i)
			start = skipSpace(text, i, span.End)
			i = start
			continue
		case c == '.' || c == '!' || c == '?':
			end := i + 1
			// Swallow repeated terminators and closing quotes/brackets.
			for end < span.End && strings.IndexByte(".!?\"')]", text[end]) >= 0 {
				end++
			}
			for end < span.End {
				r, n := utf8.DecodeRuneInString(text[end:])
				if r == '’' || r == '”' {
					end += n
					continue
				}
				break
			}
			if end >= span.End {
				i = end
				continue
			}
			if c == '.' && !endsSentence(text, start, i, end, span.End) {
				i = end
				continue
			}
			next := skipSpace(text, end, span.End)
			if next == end { // no space after: "3.5", "U.S.-Israel", "example.com"
				i = end
				continue
			}
			out = appendSentence(out, text, start, end)
			start = next
			i = next
			continue
		}
		i++
	}
	return appendSentence(out, text, start, span.End)
}

func isBlankLineAhead(text string, i, end int) bool {
	for ; i < end; i++ {
		switch text[i] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

// endsSentence decides whether the period at dot (with terminators up to end)
// ends a sentence: not after an abbreviation or an initial, unless what
// follows clearly starts a new sentence.
func endsSentence(text string, start, dot, end, limit int) bool {
	// Word before the period.
	w := dot
	for w > start {
		r, n := utf8.DecodeLastRuneInString(text[:w])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		w -= n
	}
	word := strings.ToLower(text[w:dot])
	next := skipSpace(text, end, limit)
	nextUpper := false
	if next < limit {
		r, _ := utf8.DecodeRuneInString(text[next:])
		nextUpper = unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '\''
		if unicode.IsLower(r) {
			return false
		}
	}
	if word == "" {
		return true
	}
	// A single capital letter: an initial ("John F. Kennedy").
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper(rune(text[w])) {
		return false
	}
	if abbreviations[word] {
		// "U.S." at the end of a sentence followed by a capitalized word is
		// ambiguous; treat titles as never final, others as final when the
		// next word is capitalized and not a name-like continuation.
		if finalAbbreviations[word] {
			return nextUpper && startsCommonSentenceWord(text, next, limit)
		}
		return false
	}
	return true
}

// startsCommonSentenceWord reports whether the word at i is a function word
// that typically opens a sentence (The, He, It...), the evidence that an
// abbreviation such as "U.S." ended the sentence.
func startsCommonSentenceWord(text string, i, limit int) bool {
	j := i
	for j < limit && (unicode.IsLetter(rune(text[j]))) {
		j++
	}
	switch text[i:j] {
	case "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those",
		"But", "And", "In", "On", "At", "As", "His", "Her", "Their", "Its", "There", "Meanwhile",
		"However", "Despite", "After", "Before", "While", "When", "If", "Officials", "Some", "Many":
		return true
	}
	return false
}

func skipSpace(text string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func appendSentence(out []doc.Span, text string, start, end int) []doc.Span {
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	if end > start {
		out = append(out, doc.Span{Start: start, End: end})
	}
	return out
}

// Tokens splits span of text into word and punctuation tokens. Words keep
// inner apostrophes, hyphens and periods ("Sa'ar", "U.S.", "ceasefire-related",
// "3.5", "2,000"); a possessive "'s" is its own token.
func Tokens(text string, span doc.Span) []doc.Token {
	return AppendTokens(make([]doc.Token, 0, span.Len()/5+1), text, span)
}

// AppendTokens appends the tokens of span (as Tokens splits it) to out.
func AppendTokens(out []doc.Token, text string, span doc.Span) []doc.Token {
	i := span.Start
	for i < span.End {
		var r rune
		n := 1
		if c := text[i]; c < utf8.RuneSelf {
			if asciiClass[c] == aSpace {
				i++
				continue
			}
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += n
				continue
			}
		}
		start := i
		if isWordRune(r) {
			i += n
			for i < span.End {
				if c := text[i]; c < utf8.RuneSelf {
					if asciiClass[c] == aWord {
						i++
						continue
					}
					r, n = rune(c), 1
				} else {
					r, n = utf8.DecodeRuneInString(text[i:])
					if isWordRune(r) {
						i += n
						continue
					}
				}
				if isJoiner(r) && i+n < span.End {
					r2, _ := utf8.DecodeRuneInString(text[i+n:])
					if isWordRune(r2) && !possessiveAt(text, i, n, span.End) {
						i += n
						continue
					}
				}
				break
			}
			// "U.S." keeps its final period when it is an abbreviation.
			if i < span.End && text[i] == '.' && strings.Contains(text[start:i], ".") {
				i++
			}
			out = append(out, doc.Token{Span: doc.Span{Start: start, End: i}, Text: text[start:i]})
			continue
		}
		if isApostrophe(r) && possessiveAt(text, i, n, span.End) {
			i += n + 1
			out = append(out, doc.Token{Span: doc.Span{Start: start, End: i}, Text: text[start:i]})
			continue
		}
		i += n
		out = append(out, doc.Token{Span: doc.Span{Start: start, End: i}, Text: text[start:i]})
	}
	return out
}

// ASCII classes of Tokens: unicode.IsSpace and isWordRune for the runes
// below utf8.RuneSelf.
const (
	aOther = iota
	aSpace
	aWord
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range rune(utf8.RuneSelf) {
		switch {
		case unicode.IsSpace(c):
			t[c] = aSpace
		case isWordRune(c):
			t[c] = aWord
		}
	}
	return t
}()

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isJoiner(r rune) bool {
	return isApostrophe(r) || r == '-' || r == '.' || r == ',' || r == '&'
}

// possessiveAt reports whether the apostrophe at i (n bytes) starts a
// possessive "'s" that ends the word.
func possessiveAt(text string, i, n, end int) bool {
	if !isApostrophe(rune(text[i])) && !strings.HasPrefix(text[i:], "’") {
		return false
	}
	j := i + n
	if j >= end || (text[j] != 's' && text[j] != 'S') {
		return false
	}
	if j+1 >= end {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[j+1:])
	return !isWordRune(r)
}
