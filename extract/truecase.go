package extract

import (
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// truecased returns text with the words of its title-case sentences
// ("Lindsay Lohan Checks Into Rehab, Checks Out Two Minutes Later") in
// lower case where the article does not write them capitalized inside a
// sentence: the parser, trained on prose, then reads "checks into rehab"
// as a verb and its object instead of one long name. Only ASCII letters
// change, so offsets hold; text itself is returned when no sentence is in
// title case.
func truecased(text string, sents []doc.Sentence) string {
	var titled []int
	for i := range sents {
		if titleCase(text, sents[i]) {
			titled = append(titled, i)
		}
	}
	if len(titled) == 0 {
		return text
	}
	names := capitalizedInProse(text, sents)
	b := []byte(text)
	for _, i := range titled {
		for k, t := range sents[i].Tokens {
			w := text[t.Start:t.End]
			if k == 0 || !lowerable(w) || names[w] {
				continue
			}
			b[t.Start] += 'a' - 'A'
		}
	}
	return string(b)
}

// titleCase reports whether sentence s is in title case, as headlines and
// headings are: all its words of four letters or more are capitalized
// (one may not be when there are eight or more). A sentence of names
// with a lower-case verb is prose: "The Air Force selected Northrop
// Grumman on February 29".
func titleCase(text string, s doc.Sentence) bool {
	long, low := 0, 0
	for _, t := range s.Tokens {
		w := text[t.Start:t.End]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if !unicode.IsUpper(r) {
			low++
		}
	}
	return long >= 3 && (low == 0 || long >= 8 && low == 1)
}

// lowerable reports whether w is a word with an ASCII capital first and
// lower-case letters after it ("Checks", not "UN" nor "McCain").
func lowerable(w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// capitalizedInProse returns the words that sentences not in title case
// write capitalized after their first word, or as their first word when
// the article never writes them in lower case ("Lohan checked in" makes
// "Lohan" a name; "After" with an "after" elsewhere is none): names.
func capitalizedInProse(text string, sents []doc.Sentence) map[string]bool {
	names := map[string]bool{}
	var first []string
	lower := map[string]bool{}
	for _, s := range sents {
		title := titleCase(text, s)
		for k, t := range s.Tokens {
			w := text[t.Start:t.End]
			switch {
			case w != "" && w[0] >= 'a' && w[0] <= 'z':
				lower[w] = true
			case title || !lowerable(w):
			case k > 0:
				names[w] = true
			default:
				first = append(first, w)
			}
		}
	}
	for _, w := range first {
		if !lower[string(w[0]+'a'-'A')+w[1:]] {
			names[w] = true
		}
	}
	return names
}
