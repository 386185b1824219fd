package tagger

import (
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/linear"
)

// word holds the hashes of one token's views, computed once a sentence.
type word struct {
	form   uint64    // the form as written
	lower  uint64    // lower case, digits as 0
	suffix [4]uint64 // last 1..4 bytes of lower
	prefix [3]uint64 // first 1..3 bytes of lower
	shape  uint64    // Xxxx, dd.d, ...: case and digit pattern, runs cut at 2
	flags  uint64    // bit set: see the flag constants
	lex    uint64    // dictionary classes, 0 when unknown
}

const (
	flagUpper      = 1 << iota // starts with an upper-case letter
	flagAllCaps                // letters, all upper case
	flagDigit                  // holds a digit
	flagHyphen                 // holds a hyphen
	flagFirst                  // first word of the sentence
	flagPeriod                 // holds a period
	flagKnownLower             // capitalized, and seen in lower case in training
	flagLowerCase              // no upper-case letter (not a feature: masked out)
)

// Feature templates: each feature hash starts from linear.Hash(template).
const (
	tBias uint64 = iota
	tForm
	tLower
	tSuffix
	tPrefix
	tShape
	tFlags
	tPrevLower
	tPrev2Lower
	tNextLower
	tNext2Lower
	tPrevSuffix
	tNextSuffix
	tPrevTag
	tPrev2Tag
	tPrevTags
	tPrevTagLower
	tLowerNext
	tPrevLowerLower
	tPrevShape
	tNextShape
	tAround
	tPrevTagSuffix
	tFlagsSuffix
	tNextNextShape
	tGuess
	tNextGuess
	tNext2Guess
	tNextGuesses
	tPrevTagNextGuess
	tNextGuessLower
	tGuessLower
	tLex
	tLexFlags
	tLexPrevTag
	tNextLex
	tPrevLex
	tLexSuffix
)

var (
	hBOS = linear.HashString(linear.Hash(1000), "<s>")
	hEOS = linear.HashString(linear.Hash(1000), "</s>")
)

const prime = 1099511628211

// describe fills w with the hashes of form.
func describe(w *word, form string, first bool) {
	*w = word{form: formHash(form)}
	var (
		buf   [64]byte
		low          = buf[:0]
		shape uint64 = 14695981039346656037
		last  byte
		run   int
		flags uint64
	)
	letters, uppers := 0, 0
	for i := 0; i < len(form); {
		var c byte
		if b := form[i]; b < utf8.RuneSelf {
			c = asciiClass[b]
			if len(low)+utf8.UTFMax <= cap(low) {
				low = append(low, asciiLower[b])
			}
			i++
		} else {
			r, n := utf8.DecodeRuneInString(form[i:])
			c = runeClass(r)
			low = appendLower(low, r, c)
			i += n
		}
		switch c {
		case 'X':
			letters++
			uppers++
		case 'x':
			letters++
		case 'd':
			flags |= flagDigit
		case '-':
			flags |= flagHyphen
		case '.':
			flags |= flagPeriod
		}
		if c == last {
			run++
		} else {
			run = 0
		}
		last = c
		if run < 2 {
			shape ^= uint64(c)
			shape *= prime
		}
	}
	if letters > 0 && uppers == letters {
		flags |= flagAllCaps
	}
	if uppers > 0 && form != "" {
		if r, _ := utf8.DecodeRuneInString(form); unicode.IsUpper(r) {
			flags |= flagUpper
		}
	}
	if first {
		flags |= flagFirst
	}
	if uppers == 0 {
		flags |= flagLowerCase
	}
	w.flags = flags
	w.shape = shape
	w.lower = hashBytes(linear.Hash(1002), low)
	// Affixes shorter than the word, so that they generalize rather than
	// stand for short words ("up" is no prefix of "up").
	for k := range w.suffix {
		if k+1 < len(low) {
			w.suffix[k] = hashBytes(linear.Hash(1003+uint64(k)), low[len(low)-k-1:])
		}
	}
	for k := range w.prefix {
		if k+1 < len(low) {
			w.prefix[k] = hashBytes(linear.Hash(1010+uint64(k)), low[:k+1])
		}
	}
}

// formHash is the hash of a form as written (word.form).
func formHash(form string) uint64 { return linear.HashString(linear.Hash(1001), form) }

// runeClass is what r stands for in a word's shape: X for an upper-case
// letter, x for another letter, d for a digit, * for another rune outside
// ASCII, else r itself.
func runeClass(r rune) byte {
	switch {
	case r < utf8.RuneSelf:
		return asciiClass[r]
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return '*'
}

// asciiClass is runeClass of the ASCII runes.
var asciiClass = func() (t [utf8.RuneSelf]byte) {
	for r := range t {
		switch {
		case 'a' <= r && r <= 'z':
			t[r] = 'x'
		case 'A' <= r && r <= 'Z':
			t[r] = 'X'
		case '0' <= r && r <= '9':
			t[r] = 'd'
		default:
			t[r] = byte(r)
		}
	}
	return t
}()

// asciiLower is what appendLower appends for the ASCII runes.
var asciiLower = func() (t [utf8.RuneSelf]byte) {
	for r := range t {
		t[r] = appendLower(make([]byte, 0, utf8.UTFMax), rune(r), asciiClass[r])[0]
	}
	return t
}()

// appendLower appends r, of class c (runeClass), to low as word.lower
// holds it: upper-case letters in lower case, digits as 0; nothing once
// low is (nearly) full, so that a buffer of 64 bytes never grows.
func appendLower(low []byte, r rune, c byte) []byte {
	switch {
	case len(low)+utf8.UTFMax > cap(low):
		return low
	case r < utf8.RuneSelf && c == 'X':
		r += 'a' - 'A'
	case c == 'X':
		r = unicode.ToLower(r)
	case c == 'd':
		r = '0'
	}
	return utf8.AppendRune(low, r)
}

// lowerHash is the hash of word.lower for the word b.
func lowerHash(b []byte) uint64 {
	var buf [64]byte
	low := buf[:0]
	for i, c := range b {
		if c >= utf8.RuneSelf {
			for _, r := range string(b[i:]) { // no copy
				low = appendLower(low, r, runeClass(r))
			}
			break
		}
		if len(low)+utf8.UTFMax <= cap(low) {
			low = append(low, asciiLower[c])
		}
	}
	return hashBytes(linear.Hash(1002), low)
}

func hashBytes(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= prime
	}
	return linear.Mix(h, uint64(len(b)))
}

// features appends the features of word i of ws, given the tags already
// chosen for the words before it (tags[j] for j < i).
func features(f linear.Features, ws []word, tags []int, i int) linear.Features {
	return contextFeatures(ownFeatures(f, &ws[i]), ws, tags, i)
}

// ownFeatures appends the features of word w alone: its form, affixes,
// shape, flags and dictionary classes.
func ownFeatures(f linear.Features, w *word) linear.Features {
	mix := linear.Mix
	h := linear.Hash
	f = append(f,
		h(tBias),
		mix(h(tForm), w.form),
		mix(h(tLower), w.lower),
		mix(h(tShape), w.shape),
		mix(h(tFlags), w.flags),
		mix(h(tLex), w.lex),
		mix(mix(h(tLexFlags), w.lex), w.flags),
		mix(mix(h(tLexSuffix), w.lex), w.suffix[2]),
	)
	for k, s := range w.suffix {
		if s != 0 {
			f = append(f, mix(h(tSuffix), s))
			if k == 2 {
				f = append(f, mix(mix(h(tFlagsSuffix), w.flags), s))
			}
		}
	}
	for _, p := range w.prefix {
		if p != 0 {
			f = append(f, mix(h(tPrefix), p))
		}
	}
	return f
}

// contextFeatures appends the features of word i of ws that see the words
// around it or the tags before it.
func contextFeatures(f linear.Features, ws []word, tags []int, i int) linear.Features {
	w := &ws[i]
	at := func(j int) (lower, suffix, shape uint64) {
		switch {
		case j < 0:
			return hBOS, hBOS, hBOS
		case j >= len(ws):
			return hEOS, hEOS, hEOS
		}
		return ws[j].lower, ws[j].suffix[min(2, len(ws[j].suffix)-1)], ws[j].shape
	}
	tag := func(j int) uint64 {
		if j < 0 {
			return 1 << 20
		}
		return uint64(tags[j])
	}
	p1, p1s, p1sh := at(i - 1)
	p2, _, _ := at(i - 2)
	n1, n1s, n1sh := at(i + 1)
	n2, _, n2sh := at(i + 2)
	t1, t2 := tag(i-1), tag(i-2)
	nlex, plex := uint64(1<<20), uint64(1<<20)
	if i+1 < len(ws) {
		nlex = ws[i+1].lex
	}
	if i > 0 {
		plex = ws[i-1].lex
	}
	mix := linear.Mix
	h := linear.Hash
	f = append(f,
		mix(h(tPrevLower), p1),
		mix(h(tPrev2Lower), p2),
		mix(h(tNextLower), n1),
		mix(h(tNext2Lower), n2),
		mix(h(tPrevSuffix), p1s),
		mix(h(tNextSuffix), n1s),
		mix(h(tPrevTag), t1),
		mix(h(tPrev2Tag), t2),
		mix(mix(h(tPrevTags), t1), t2),
		mix(mix(h(tPrevTagLower), t1), w.lower),
		mix(mix(h(tLowerNext), w.lower), n1),
		mix(mix(h(tPrevLowerLower), p1), w.lower),
		mix(h(tPrevShape), p1sh),
		mix(h(tNextShape), n1sh),
		mix(mix(h(tAround), p1), n1),
		mix(mix(h(tNextNextShape), n1sh), n2sh),
		mix(mix(h(tLexPrevTag), w.lex), t1),
		mix(h(tNextLex), nlex),
		mix(h(tPrevLex), plex),
	)
	if s := w.suffix[2]; s != 0 {
		f = append(f, mix(mix(h(tPrevTagSuffix), t1), s))
	}
	return f
}

// rightFeatures appends to f the features of the second pass, which sees
// the first pass's guesses for word i and the words after it.
func rightFeatures(f linear.Features, ws []word, tags, guesses []int, i int) linear.Features {
	guess := func(j int) uint64 {
		if j >= len(guesses) {
			return 1 << 21
		}
		return uint64(guesses[j])
	}
	t1 := uint64(1 << 20)
	if i > 0 {
		t1 = uint64(tags[i-1])
	}
	g0, g1, g2 := guess(i), guess(i+1), guess(i+2)
	mix := linear.Mix
	h := linear.Hash
	return append(f,
		mix(h(tGuess), g0),
		mix(h(tNextGuess), g1),
		mix(h(tNext2Guess), g2),
		mix(mix(h(tNextGuesses), g1), g2),
		mix(mix(h(tPrevTagNextGuess), t1), g1),
		mix(mix(h(tNextGuessLower), g1), ws[i].lower),
		mix(mix(h(tGuessLower), g0), ws[i].lower),
	)
}
