package syntax

import "testing"

// repairCase says that in sentence, token dep hangs from head in rel.
type repairCase struct{ sentence, dep, head, rel string }

func checkRepairs(t *testing.T, tests []repairCase) {
	t.Helper()
	for _, tt := range tests {
		toks := Analyze(tt.sentence, 0, len(tt.sentence))
		dep := -1
		for i, tok := range toks {
			if tok.Form == tt.dep {
				dep = i
			}
		}
		if dep < 0 {
			t.Fatalf("%q: no token %q", tt.sentence, tt.dep)
		}
		head := "ROOT"
		if h := toks[dep].Head; h >= 0 {
			head = toks[h].Form
		}
		if head != tt.head || toks[dep].Rel != tt.rel {
			t.Errorf("%q: %s <-%s- %s, want <-%s- %s", tt.sentence, tt.dep, toks[dep].Rel, head, tt.rel, tt.head)
		}
	}
}

// TestRepairDays: a bare day word after a name is not the head of the
// name's phrase, nor right after its verb the verb's subject or object.
func TestRepairDays(t *testing.T) {
	checkRepairs(t, []repairCase{
		{"The Interior Department yesterday finalized rules.", "Department", "finalized", "nsubj"},
		{"The Interior Department yesterday finalized rules.", "yesterday", "finalized", "obl:unmarked"},
		{"The Interior Department yesterday finalized rules.", "The", "Department", "det"},
		{"The 76ers fired Coach Maurice Cheeks Saturday morning after a bad start.", "Cheeks", "fired", "obj"},
		{"The 76ers fired Coach Maurice Cheeks Saturday morning after a bad start.", "Maurice", "Cheeks", "compound"},
		{"The 76ers fired Coach Maurice Cheeks Saturday morning after a bad start.", "morning", "fired", "obl:unmarked"},
		{"State police have no suspects, officials said Saturday.", "Saturday", "said", "obl:unmarked"},
		{"State police have no suspects, officials said Saturday.", "officials", "said", "nsubj"},
		{"An attack on a bank killed at least three people Wednesday in Athens.", "people", "killed", "obj"},
		{"An attack on a bank killed at least three people Wednesday in Athens.", "Wednesday", "killed", "obl:unmarked"},
	})
}

// TestRepairVocative: a name before an apposition that opens a sentence
// whose finite verb has no subject is that subject; a name that addresses
// someone stays a vocative.
func TestRepairVocative(t *testing.T) {
	checkRepairs(t, []repairCase{
		{"Esther Williams, the swimming champion turned actress who starred in aquatic Technicolor musicals of the 1940s and 1950s, has died.", "Esther", "died", "nsubj"},
		{"John, can you send me the file?", "John", "send", "vocative"},
	})
}

// TestRepairMainVerb: a sentence's only verb, a participle with an object
// that the parser hung on the subject noun as a reduced relative, is the
// sentence's verb; a participle without an object stays a modifier.
func TestRepairMainVerb(t *testing.T) {
	checkRepairs(t, []repairCase{
		{"An Indian warship foiled a pirate attack in the Gulf of Aden on Thursday.", "foiled", "ROOT", "root"},
		{"An Indian warship foiled a pirate attack in the Gulf of Aden on Thursday.", "warship", "foiled", "nsubj"},
		{"Pirate attack foiled by Indian navy", "foiled", "attack", "acl"},
		{"Tensions escalated after the vote.", "escalated", "ROOT", "root"},
		{"Tensions escalated after the vote.", "Tensions", "escalated", "nsubj"},
		{"Pirate attack foiled by Indian navy.", "foiled", "attack", "acl"},
		// a participle clause after the verb does not make it a modifier
		{"Gunmen opened fire at a checkpoint in Baghdad, killing two soldiers.", "opened", "ROOT", "root"},
		{"Gunmen opened fire at a checkpoint in Baghdad, killing two soldiers.", "killing", "opened", "advcl"},
	})
}

// TestRepairReducedSubject: a noun phrase with a reduced relative opening a
// sentence is the subject of the finite verb that the parser hung from the
// participle, at the root or under a reporting verb.
func TestRepairReducedSubject(t *testing.T) {
	lede := "A convicted sex offender sentenced to life in prison pulled a gun on two guards during a prison transfer Monday and held them hostage temporarily before fleeing on foot."
	said := "A convicted sex offender sentenced to life in prison pulled a gun on two guards during a prison transfer Monday and fled, authorities said."
	checkRepairs(t, []repairCase{
		{lede, "pulled", "ROOT", "root"},
		{lede, "offender", "pulled", "nsubj"},
		{lede, "sentenced", "offender", "acl"},
		{said, "offender", "pulled", "nsubj"},
		{said, "pulled", "said", "ccomp"},
		{"A man sentenced to life in prison was released on Monday.", "sentenced", "man", "acl"},
	})
}

// TestRepairClauseAfter: "after" (or "before", "since", "until") opening a
// clause whose past verb has an object is its mark, not a preposition of
// the clause's subject; a participle of naming stays a modifier.
func TestRepairClauseAfter(t *testing.T) {
	riot := "Three people have died after rioters in Greece set fire to a bank in Athens."
	checkRepairs(t, []repairCase{
		{riot, "set", "died", "advcl"},
		{riot, "rioters", "set", "nsubj"},
		{riot, "after", "set", "mark"},
	})
}

// TestRepairRelative: a sentence-initial noun phrase with a relative clause
// is the subject of the finite verb after the clause, which is the root;
// the clause modifies the noun before its pronoun. A clause that is the
// main one ("the company, which makes chips, said") stays as parsed.
func TestRepairRelative(t *testing.T) {
	page := "Bettie Page, the raven-haired pin-up whose naughty-but-nice romps with whips, garters and high heels titillated a generation of young men in the post-war years, has died at the age of 85 after suffering a heart attack."
	senator := "The senator, whose father led the party for decades, announced his resignation on Monday."
	smith := "John Smith, who was arrested in 2009, was released yesterday."
	checkRepairs(t, []repairCase{
		{page, "died", "ROOT", "root"},
		{page, "Bettie", "died", "nsubj"},
		{page, "titillated", "up", "acl:relcl"},
		{page, "suffering", "died", "advcl"},
		{senator, "announced", "ROOT", "root"},
		{senator, "senator", "announced", "nsubj"},
		{senator, "led", "senator", "acl:relcl"},
		{senator, "resignation", "announced", "obj"},
		{smith, "John", "released", "nsubj:pass"},
		{smith, "arrested", "John", "acl:relcl"},
		{"Chris Weitz, who directed \"The Golden Compass,\" is negotiating to direct the sequel.", "negotiating", "ROOT", "root"},
		{"Chris Weitz, who directed \"The Golden Compass,\" is negotiating to direct the sequel.", "Chris", "negotiating", "nsubj"},
		{"The company, which makes chips, said profits rose.", "company", "said", "nsubj"},
		{"The company, which makes chips, said profits rose.", "makes", "company", "acl:relcl"},
	})
}

// TestRepairPastTense: a main verb with an active subject and no auxiliary
// in a sentence of prose is in the past tense, whatever the tagger said.
func TestRepairPastTense(t *testing.T) {
	for _, tt := range []struct{ sentence, verb, xpos string }{
		{"The Republican senator voted no.", "voted", "VBD"},
		{"The bill was passed by the Senate.", "passed", "VBN"},
		{"Pirate attack foiled by Indian navy", "foiled", "VBN"},
	} {
		toks := Analyze(tt.sentence, 0, len(tt.sentence))
		for _, tok := range toks {
			if tok.Form == tt.verb && tok.XPOS != tt.xpos {
				t.Errorf("%q: %s tagged %s, want %s", tt.sentence, tt.verb, tok.XPOS, tt.xpos)
			}
		}
	}
}
