package actor

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
)

type tok struct {
	text  string
	low   string
	span  doc.Span
	cap   bool   // starts with an uppercase letter
	upper bool   // all letters are uppercase, at least two letters
	word  bool   // contains a letter
	first bool   // first word of the sentence (or after an opening quote)
	tag   string // the parser's part of speech (doc.Token.Tag), "" when unparsed
	// parsed: the parser gave the token a relation; mod: that relation
	// makes it a modifier of a later word ("prison" in "prison guards").
	parsed, mod bool
	subj        bool // the parser made it the subject of its head
	gerund      bool // the tagger reads a verb's -ing form ("Taking")
	// refIt: "it" as the subject of a verb that is not impersonal ("it
	// has released"), which may refer to an organization.
	refIt bool
	stop  bool   // a stopword
	mDone bool   // mEnd and mEnts hold the gazetteer match at this token
	cls   uint32 // wordClass bits of low
	mEnd  int32
	root  *node // the gazetteer trie's child for low, or nil
	mEnts []int32
}

// lowRef places the lowercase form of token all[tok] at lowBytes[off:off+n].
type lowRef struct{ tok, off, n int32 }

// tokens turns the document tokens of a sentence into the recognizer's
// tokens, and reports whether the sentence is title-cased.
func (s *state) tokens(in []doc.Token) ([]tok, bool) {
	start := len(s.all)
	first := true
	content, caps, lowLong := 0, 0, 0
	for ti, t := range in {
		// Fill the token in place: all[len(all):cap(all)] is zero (fresh,
		// or cleared by release).
		s.all = s.all[:len(s.all)+1]
		k := &s.all[len(s.all)-1]
		k.text, k.span, k.tag = t.Text, t.Span, t.Tag
		k.parsed, k.mod = t.Rel != "", t.Head > ti && isModifier(t.Rel)
		k.subj = t.Rel == "nsubj" || t.Rel == "nsubj:pass"
		k.gerund = t.Tag == "VERB" && t.XPOS == "VBG"
		k.refIt = t.Rel == "nsubj" && t.Head >= 0 && t.Head < len(in) && in[t.Head].Tag == "VERB" &&
			!impersonalVerbs()[in[t.Head].Lemma]
		letters, uppers, ascii, wi := s.form(k, t)
		k.cls, k.root = wi.cls, wi.root
		k.stop = letters > 0 && wi.cls&cStop != 0
		k.word = letters > 0
		k.upper = letters >= 2 && letters == uppers
		switch {
		case k.word:
			k.first = first
			first = false
			if !k.stop && len(k.text) >= 3 {
				content++
				if k.cap {
					caps++
				}
			}
			if !k.cap && len(k.text) >= 4 {
				lowLong++
			}
		case opensSentence(t.Text, ascii):
			first = true
		}
	}
	return s.all[start:len(s.all):len(s.all)], titleCasedCounts(content, caps, lowLong)
}

// isModifier reports whether a word in relation rel modifies its head
// inside a noun phrase (a compound or an adjective), rather than naming
// the phrase's referent.
func isModifier(rel string) bool {
	return rel == "compound" || rel == "amod"
}

// opensSentence reports whether punctuation opens a new sentence for
// capitalization: a quote, a colon, a parenthesis.
func opensSentence(text string, ascii bool) bool {
	if !ascii {
		return strings.ContainsAny(text, "\"“‘:(")
	}
	// the opening quotes “ and ‘ are not ASCII
	for i := 0; i < len(text); i++ {
		if c := text[i]; c == '"' || c == ':' || c == '(' {
			return true
		}
	}
	return false
}

// form sets the lowercase form (or has setLows set it) and the
// capitalization of token k, read from document token t. It returns the
// token's letters and uppercase letters, whether it is ASCII, and what its
// lowercase form says on its own.
func (s *state) form(k *tok, t doc.Token) (letters, uppers int, ascii bool, wi wordInfo) {
	inText := t.Span.End <= len(s.d.Article.Text) && s.d.Article.Text[t.Span.Start:t.Span.End] == t.Text
	if n := len(t.Text); n <= 8 && inText {
		if l, u, w, ok := s.shortForm(k, t); ok {
			return l, u, true, w
		}
	}
	if isASCII(t.Text) {
		letters, uppers, wi = s.asciiForm(k, t.Text, inText)
		return letters, uppers, true, wi
	}
	k.low = norm(t.Text)
	r, _ := utf8.DecodeRuneInString(t.Text)
	k.cap = unicode.IsUpper(r)
	for _, c := range t.Text {
		if unicode.IsLetter(c) {
			letters++
			if unicode.IsUpper(c) {
				uppers++
			}
		}
	}
	return letters, uppers, false, s.g.word(k.low)
}

// shortForm is form for a token of at most 8 bytes as written in the
// text: its bytes in one word, cased and looked up at once. It reports
// false, doing nothing, when the token is not ASCII.
func (s *state) shortForm(k *tok, t doc.Token) (letters, uppers int, wi wordInfo, ok bool) {
	n := len(t.Text)
	x := binary.LittleEndian.Uint64(s.textBuf[t.Span.Start:]) & (^uint64(0) >> (64 - 8*n))
	if x&swarHigh != 0 {
		return 0, 0, wordInfo{}, false
	}
	up, lo := swarCase(x)
	if up == 0 {
		k.low = t.Text
	} else {
		b := s.pendLow(t.Text)
		for i := range b {
			b[i] |= byte(up>>(8*i+2)) & 0x20
		}
	}
	k.cap = up&0x80 != 0
	return bits.OnesCount64(up | lo), bits.OnesCount64(up), s.g.short.get(x|up>>2, n), true
}

// asciiForm is form for an ASCII token; inText says whether the token is
// written as it is in the text, where its lowercase form can be a slice
// of one string for all tokens (setLows).
func (s *state) asciiForm(k *tok, text string, inText bool) (letters, uppers int, wi wordInfo) {
	if c := text[0]; c >= 'A' && c <= 'Z' {
		k.cap = true
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c >= 'a' && c <= 'z':
			letters++
		case c >= 'A' && c <= 'Z':
			letters++
			uppers++
		}
	}
	switch {
	case !inText:
		k.low = norm(text)
	case uppers == 0:
		k.low = text
	default:
		b := s.pendLow(text)
		for i, c := range b {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return letters, uppers, s.g.wordBytes(b)
	}
	if k.low != "" {
		wi = s.g.word(k.low)
	}
	return letters, uppers, wi
}

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// setLows gives the tokens written with uppercase letters their lowercase
// forms, slices of one string.
func (s *state) setLows() {
	low := string(s.lowBytes)
	for _, r := range s.lowPend {
		s.all[r.tok].low = low[r.off : r.off+r.n]
	}
}

// pendLow appends text to lowBytes, for the lowercase form of the token
// being added at all[len(all)-1] (setLows), and returns its bytes there to
// be lowercased.
func (s *state) pendLow(text string) []byte {
	off := len(s.lowBytes)
	s.lowBytes = append(s.lowBytes, text...)
	s.lowPend = append(s.lowPend, lowRef{tok: int32(len(s.all) - 1), off: int32(off), n: int32(len(text))})
	return s.lowBytes[off:]
}

// titleCasedCounts reports whether a sentence with content words (words
// that are not stopwords, of at least 3 bytes) of which caps are
// capitalized, and lowLong lowercase words of at least 4 bytes, is
// title-cased, as in a headline: capitalization then says little. A
// sentence of names with one lowercase verb is title-cased only when no
// other long word is lowercase: "Attorney Mark Heller told Superior Court
// Judge James Dabney that Lohan had checked into Morningside Recovery" is
// prose ("told", "that", "checked", "into").
func titleCasedCounts(content, caps, lowLong int) bool {
	return content >= 2 && (caps == content || content >= 8 && caps >= content-1 && lowLong <= 1)
}

// scanEvidence records which words appear capitalized inside a normal
// sentence, and the last words of name-like runs (surnames to be).
func (s *state) scanEvidence(ts []tok) {
	run := 0
	for i := range ts {
		t := &ts[i]
		isName := t.word && t.cap && !t.stop
		if isName && !t.first {
			s.capEvidence[t.low] = true
		}
		if isName {
			run++
		}
		if !isName || i == len(ts)-1 {
			end := i
			if isName {
				end = i + 1
			}
			// A run of up to six words whose last two are no known
			// entity: "Benjamin Netanyahu", also after a title and a
			// demonym ("Israeli Prime Minister Benjamin Netanyahu").
			if run >= 2 && run <= 6 {
				last := ts[end-1].low
				if ts[end-1].cls&(cOrgSuffix|cFacSuffix|cGeoSuffix) == 0 && !ts[end-1].upper {
					ok := true
					for k := end - 2; k < end; k++ {
						if n := ts[k].root; n != nil && len(n.ents) > 0 {
							ok = false
						}
					}
					if ok {
						s.surnameCand[last] = true
					}
				}
			}
			run = 0
		}
	}
}

// isPoss reports whether t is a possessive ending ("'s", "'").
func isPoss(t *tok) bool { return t.low == "'s" || t.low == "'" }

// possessive reports whether t marks a possessor: "'s", or a possessive
// determiner ("his", "their"; "her" and "its" too, which the word classes
// leave out for their other uses).
func possessive(t *tok) bool {
	return isPoss(t) || t.cls&cPossDeterminer != 0 || t.low == "her" || t.low == "its"
}

// allUpperSentence reports whether every word of a sentence longer than a
// letter is in uppercase.
func allUpperSentence(ts []tok) bool {
	for i := range ts {
		if t := &ts[i]; t.word && !t.upper && len(t.text) > 1 {
			return false
		}
	}
	return true
}

// text returns the text of tokens [i, end), with typographic apostrophes
// folded.
func (s *state) text(i, end int) string {
	return strings.ReplaceAll(s.d.Article.Text[s.toks[i].span.Start:s.toks[end-1].span.End], "’", "'")
}
