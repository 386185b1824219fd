package actor

import (
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/text"
)

// TestWordIndex checks that one lookup in the gazetteer's word index says
// what data/words.tsv (with the calendar's names) says of a word and what
// the trie's first level holds.
func TestWordIndex(t *testing.T) {
	g := load()
	classes := wordClasses()
	words := map[string]bool{"": true, "xyzzy": true, "Said": true, "'s": true, ",": true, "&": true}
	for w := range classes {
		words[w] = true
	}
	for w := range g.root.next {
		words[w] = true
	}
	for w := range words {
		wi := g.words[w]
		if wi.root != g.root.next[w] {
			t.Errorf("%q: root child differs", w)
		}
		if wi.cls != classes[w] {
			t.Errorf("%q: class %#x, words.tsv says %#x", w, wi.cls, classes[w])
		}
	}
	// Every class name is a distinct single bit.
	seen := uint32(0)
	for name, bit := range classNames {
		if bit == 0 || bit&(bit-1) != 0 || seen&bit != 0 {
			t.Errorf("class %s: bit %#x is not a distinct single bit", name, bit)
		}
		seen |= bit
	}
	for _, tc := range []struct {
		word string
		want uint32
	}{
		{"the", cStop | cDefiniteBefore},
		{"his", cStop | cPossDeterminer | cMalePron},
		{"their", cStop | cPossDeterminer | cPluralPron},
		{"said", cStop | cSpeechVerb},
		{"in", cStop | cPlacePrep},
		{"of", cStop | cNameParticle},
		{"bank", cOrgSuffix | cGeoSuffix},
		{"jr.", cNameSuffix},
		{"who", cStop | cRelativePron},
		{"major", cAmbiguousTitle},
		{"september", cStop}, // the calendar's
		{"sept", cStop},
		{"thurs", cStop},
		{"israel", 0},
	} {
		if got := g.words[tc.word].cls; got != tc.want {
			t.Errorf("%q: class %#x, want %#x", tc.word, got, tc.want)
		}
	}
}

// TestReadWordClasses checks that the embedded lists read, and that a word
// listed twice in a class (the calendar's names included), an unknown
// class or a missing class is an error.
func TestReadWordClasses(t *testing.T) {
	if _, err := readWordClasses(dataFS); err != nil {
		t.Fatalf("embedded words.tsv: %v", err)
	}
	for _, tc := range []struct{ data, wantErr string }{
		{"the\tstop\nof\tname_particle\nof\tstop\n", ""},
		{"the\tstop\nthe\tstop\n", `"the" listed twice`},
		{"monday\tstop\n", `calendar: "monday" listed twice`},
		{"the\tstopword\n", `unknown class "stopword"`},
		{"the\n", "want word and class"},
	} {
		_, err := readWordClasses(fstest.MapFS{"data/words.tsv": {Data: []byte(tc.data)}})
		if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("%q: error %v, want %q", tc.data, err, tc.wantErr)
		}
	}
	caps, err := readAmbiguousCapitals()
	if err != nil || !caps["Washington, D.C."] || !caps["Victoria"] || caps["Jerusalem"] {
		t.Errorf("ambiguous capitals %v, %v", caps, err)
	}
}

// TestShortWords checks that the packed table of short words and the
// filter in front of the map answer as the map does, for every word and
// for absent ones.
func TestShortWords(t *testing.T) {
	g := load()
	probe := []string{"a", "b", "zz", "xyzzy", "said", "saiD", "said\x00", "a\x00", "\x00", "12345678", "abcdefgh", "'s", "’s"}
	for w := range g.words {
		probe = append(probe, w, w+"x", "x"+w)
		if len(w) > 1 {
			probe = append(probe, w[:len(w)-1], w+"\x00")
		}
	}
	for _, w := range probe {
		want := g.words[w]
		if got := g.word(w); got != want {
			t.Errorf("%q: word index %+v, map %+v", w, got, want)
		}
		if got := g.wordBytes([]byte(w)); got != want {
			t.Errorf("%q: word index from bytes %+v, map %+v", w, got, want)
		}
	}
}

// TestSWAR checks swarCase against byte-wise tests.
func TestSWAR(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			switch rng.IntN(3) {
			case 0:
				b[i] = byte(rng.IntN(256))
			case 1:
				b[i] = byte('A' + rng.IntN(26))
			default:
				b[i] = "@AZ[`az{\x00\x7f\x80\xc1\xff"[rng.IntN(13)]
			}
		}
		if len(b) > 8 {
			b = b[:8]
		}
		var x uint64
		ascii := true
		for i := len(b) - 1; i >= 0; i-- {
			x = x<<8 | uint64(b[i])
			ascii = ascii && b[i] < 0x80
		}
		if !ascii {
			continue
		}
		up, lo := swarCase(x)
		for i, c := range b {
			if got, want := up>>(8*i+7)&1 == 1, c >= 'A' && c <= 'Z'; got != want {
				t.Fatalf("swarCase(%q) upper at %d: %v", b, i, got)
			}
			if got, want := lo>>(8*i+7)&1 == 1, c >= 'a' && c <= 'z'; got != want {
				t.Fatalf("swarCase(%q) lower at %d: %v", b, i, got)
			}
		}
		if x|up>>2 != pack(strings.ToLower(string(b))) {
			t.Fatalf("swarCase(%q): lowercase differs", b)
		}
	}
}

// TestAppendNormPhrase checks the allocation-free key form against
// normPhrase.
func TestAppendNormPhrase(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"A", "b", "Z", " ", "  ", "\t", "\n", "\v", "\f", "\r", "’", "'", "É", "\u00a0", "\u0085", "x", "1", "-", "."}
	cases := []string{"", " ", "Gaza City", "  New   York ", "O’Neill", "AL-QAEDA\tGROUP"}
	for n := 0; n < 5000; n++ {
		var sb strings.Builder
		for k := rng.IntN(10); k > 0; k-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, sb.String())
	}
	for _, c := range cases {
		if got, want := string(appendNormPhrase([]byte("p:"), c)), "p:"+normPhrase(c); got != want {
			t.Errorf("appendNormPhrase(%q) = %q, want %q", c, got, want)
		}
	}
}

// TestTokenForms checks the lowercase forms and flags the recognizer gives
// tokens against their definitions, on text with every kind of token.
func TestTokenForms(t *testing.T) {
	txt := "The U.S. and NATO said. McDonald’s CEO Jean-Luc Picard-Smith met ÉMILE in São Paulo; " +
		"\"Who?\" (AT&T) 3.5 2,000 a.m. ABCDEFGH ABCDEFGHI abcdefgh Abcdefghijklmnop. WASHINGTON'S 'quoted' x"
	d := &doc.Document{Article: doc.Article{ID: "t", Text: txt}}
	for _, sp := range text.Sentences(txt, doc.Span{Start: 0, End: len(txt)}) {
		d.Sentences = append(d.Sentences, doc.Sentence{Span: sp, Index: len(d.Sentences), Tokens: text.Tokens(txt, sp)})
	}
	// A token whose text is not the text at its span.
	d.Sentences[0].Tokens[0].Text = "THE"
	s := statePool.Get().(*state)
	s.reset(d)
	s.all = make([]tok, 0, 100)
	for i := range d.Sentences {
		s.tokens(d.Sentences[i].Tokens)
	}
	s.setLows()
	g := load()
	for _, k := range s.all {
		want := norm(k.text)
		if k.low != want {
			t.Errorf("%q: low %q, want %q", k.text, k.low, want)
		}
		wi := g.words[want]
		if k.cls != wi.cls || k.root != wi.root {
			t.Errorf("%q: word info differs", k.text)
		}
		letters, uppers := 0, 0
		for _, r := range k.text {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					uppers++
				}
			}
		}
		r, _ := utf8.DecodeRuneInString(k.text)
		if k.word != (letters > 0) || k.upper != (letters >= 2 && letters == uppers) || k.cap != unicode.IsUpper(r) {
			t.Errorf("%q: flags word %v upper %v cap %v", k.text, k.word, k.upper, k.cap)
		}
	}
	s.release()
}
