package actor

import "testing"

// TestWordIndex checks that one lookup in the gazetteer's word index says
// the same as a lookup in each closed-class set and the trie's first level.
func TestWordIndex(t *testing.T) {
	g := load()
	words := map[string]bool{"": true, "xyzzy": true, "Said": true, "'s": true, ",": true, "&": true}
	for _, c := range classSets {
		for w := range c.set {
			words[w] = true
		}
	}
	for w := range g.root.next {
		words[w] = true
	}
	for w := range words {
		wi := g.words[w]
		if wi.root != g.root.next[w] {
			t.Errorf("%q: root child differs", w)
		}
		for _, c := range classSets {
			if got := wi.cls&c.bit != 0; got != c.set[w] {
				t.Errorf("%q: class bit %#x = %v, set membership %v", w, c.bit, got, c.set[w])
			}
		}
	}
	// Every bit names one set.
	seen := uint32(0)
	for _, c := range classSets {
		if c.bit == 0 || c.bit&(c.bit-1) != 0 || seen&c.bit != 0 {
			t.Errorf("bit %#x: not a distinct single bit", c.bit)
		}
		seen |= c.bit
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
		{"israel", 0},
	} {
		if got := g.words[tc.word].cls; got != tc.want {
			t.Errorf("%q: class %#x, want %#x", tc.word, got, tc.want)
		}
	}
}
