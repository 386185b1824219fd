package tagger

import "testing"

// TestLemma learns from a few words and checks rules, compounds of
// irregular verbs, and proper nouns.
func TestLemma(t *testing.T) {
	l := Learn([]Pair{
		{"held", "VBD", "hold"}, {"lied", "VBD", "lie"}, {"applied", "VBD", "apply"}, {"replied", "VBD", "reply"}, {"carried", "VBD", "carry"},
		{"walked", "VBD", "walk"}, {"talked", "VBD", "talk"}, {"dogs", "NNS", "dog"}, {"cats", "NNS", "cat"},
	}, nil, nil, nil)
	for _, c := range [][3]string{{"upheld", "VBD", "uphold"}, {"supplied", "VBD", "supply"}, {"barked", "VBD", "bark"}, {"Birds", "NNS", "bird"}, {"Smiths", "NNPS", "Smiths"}} {
		if got := l.Lemma(c[0], c[1]); got != c[2] {
			t.Errorf("Lemma(%s, %s) = %s, want %s", c[0], c[1], got, c[2])
		}
	}
}

// TestLemmaDictionary checks that a lemma the dictionary knows wins over
// the rule of a longer suffix.
func TestLemmaDictionary(t *testing.T) {
	pairs := []Pair{
		{"robbed", "VBD", "rob"}, {"grabbed", "VBD", "grab"}, {"climbed", "VBD", "climb"},
		{"walked", "VBD", "walk"}, {"talked", "VBD", "talk"},
	}
	classes := map[string]uint16{"VBD": 4}
	without := Learn(pairs, nil, nil, classes)
	with := Learn(pairs, nil, map[string]uint16{"bomb": 4, "bombed": 16}, classes)
	if got := without.Lemma("bombed", "VBD"); got != "bom" {
		t.Errorf("without dictionary: %s, want the -bbed rule's bom", got)
	}
	if got := with.Lemma("bombed", "VBD"); got != "bomb" {
		t.Errorf("with dictionary: %s, want bomb", got)
	}
	if got := with.Lemma("stabbed", "VBD"); got != "stab" {
		t.Errorf("stabbed: %s, want stab (unknown to the dictionary: longest rule)", got)
	}
}
