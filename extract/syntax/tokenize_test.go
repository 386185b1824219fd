package syntax

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Netanyahu's decision could harm U.S.-Israel ties.", "Netanyahu|'s|decision|could|harm|U.S.|-|Israel|ties|."},
		{"I don't know, and we can't say.", "I|do|n't|know|,|and|we|ca|n't|say|."},
		{"They won't go; it's cannot.", "They|wo|n't|go|;|it|'s|can|not|."},
		{"The U.S.'s position", "The|U.S.|'s|position"},
		{"It cost $1.5 billion, up 50%.", "It|cost|$|1.5|billion|,|up|50|%|."},
		{"Send an e-mail to a.b@example.com or visit https://example.com/x?y=1.", "Send|an|e-mail|to|a.b@example.com|or|visit|https://example.com/x?y=1|."},
		{`"We will not," he said.`, `"|We|will|not|,|"|he|said|.`},
		{"“They’re here,” she said.", "“|They|’re|here|,|”|she|said|."},
		{"Wait... what?", "Wait|...|what|?"},
		{"a long-term, well-known co-worker re-elected", "a|long|-|term|,|well|-|known|co-worker|re-elected"},
		{"We're gonna win; I'm sure.", "We|'re|gon|na|win|;|I|'m|sure|."},
		{"Mr. Smith met Gen. Lee at 7:30pm in Washington, D.C.", "Mr.|Smith|met|Gen.|Lee|at|7:30|pm|in|Washington|,|D.C."},
		{"He works for Apple Inc. and lives in the U.S.", "He|works|for|Apple|Inc.|and|lives|in|the|U.S."},
		{"They paid etc.", "They|paid|etc|."},
		{"(See page 3.)", "(|See|page|3|.|)"},
		{"1,000 people; 3.5 million; call 713-853-3989", "1,000|people|;|3.5|million|;|call|713-853-3989"},
		{"the 2024-25 season and the Israel-Hamas war", "the|2024|-|25|season|and|the|Israel|-|Hamas|war"},
		{"and/or the 9/11 attacks", "and|/|or|the|9/11|attacks"},
		{"the patients' rights", "the|patients|'|rights"},
		{"She said -- again -- no", "She|said|--|again|--|no"},
		{"words—dashes", "words|—|dashes"},
		{"Great :)", "Great|:)"},
		{"$4.2bn by 5p.m. and 35mm", "$|4.2|bn|by|5|p.m.|and|35|mm"},
		{"Gideon Sa'ar's ex-wife and the U.N.-backed plan", "Gideon|Sa'ar|'s|ex-wife|and|the|U.N.|-|backed|plan"},
		{"  spaced   out  ", "spaced|out"},
	} {
		toks := Tokenize(tc.in, 0, len(tc.in))
		var forms []string
		for _, tok := range toks {
			if tok.Form != tc.in[tok.Start:tok.End] {
				t.Errorf("%q: token %q at %d:%d", tc.in, tok.Form, tok.Start, tok.End)
			}
			forms = append(forms, tok.Form)
		}
		if got := strings.Join(forms, "|"); got != tc.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// TestTokenizeSpan checks that offsets are into the whole text.
func TestTokenizeSpan(t *testing.T) {
	text := "First one. Boeing challenged the award. Last."
	toks := Tokenize(text, 11, 39)
	if len(toks) != 5 || toks[0].Form != "Boeing" || toks[0].Start != 11 || toks[4].Form != "." || toks[4].End != 39 {
		t.Errorf("Tokenize span: %+v", toks)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Netanyahu's U.S.-Israel", "don't $1.5", "“x” — ... ''y''", "a@b.c http://x.y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tok := range Tokenize(s, 0, len(s)) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) || tok.Form != s[tok.Start:tok.End] {
				t.Fatalf("%q: bad token %+v after %d", s, tok, prev)
			}
			if strings.TrimSpace(tok.Form) != tok.Form {
				t.Fatalf("%q: token with space %q", s, tok.Form)
			}
			prev = tok.End
		}
	})
}
