package tagger

import "testing"

// TestLemma learns from a few words and checks rules, compounds of
// irregular verbs, and proper nouns.
func TestLemma(t *testing.T) {
	l := Learn([]Pair{
		{"held", "VBD", "hold"}, {"lied", "VBD", "lie"}, {"applied", "VBD", "apply"}, {"replied", "VBD", "reply"}, {"carried", "VBD", "carry"},
		{"walked", "VBD", "walk"}, {"talked", "VBD", "talk"}, {"dogs", "NNS", "dog"}, {"cats", "NNS", "cat"},
	}, nil)
	for _, c := range [][3]string{{"upheld", "VBD", "uphold"}, {"supplied", "VBD", "supply"}, {"barked", "VBD", "bark"}, {"Birds", "NNS", "bird"}, {"Smiths", "NNPS", "Smiths"}} {
		if got := l.Lemma(c[0], c[1]); got != c[2] {
			t.Errorf("Lemma(%s, %s) = %s, want %s", c[0], c[1], got, c[2])
		}
	}
}
