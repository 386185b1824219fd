package syntax

import (
	"strings"
	"time"
)

// repairDays corrects errors the parser makes often on news and seldom on
// the treebanks it learned from, around a bare day word:
//
//   - after a name ("The Interior Department yesterday finalized rules",
//     "fired Coach Maurice Cheeks Saturday morning") it reads the day as
//     the head of the noun phrase, with the name as its dependent. The
//     name is the phrase's head and keeps the day's relation when that is
//     a subject; after a verb with no object, the name is the object.
//     Tokens before the name that hung from the day move to the name.
//   - right after its verb ("officials said Saturday", "a bomb exploded
//     Friday") it reads the day as the verb's subject or object. The day
//     is a time modifier, and a noun right before the verb that the
//     parser hung elsewhere is the subject it took.
//
// The day becomes obl:unmarked of the verb.
func repairDays(toks []Token) {
	for d := range toks {
		if !dayWord(toks[d]) || !isNominal(toks[d].UPOS) {
			continue
		}
		top := d // the day phrase's head: "Saturday" in "Saturday morning"
		if h := toks[d].Head; toks[d].Rel == "compound" && h == d+1 && dayPart[strings.ToLower(toks[h].Form)] {
			top = h
		}
		v := toks[top].Head
		if v < 0 || toks[v].UPOS != "VERB" && toks[v].UPOS != "AUX" {
			continue
		}
		if n := nameBefore(toks, d); n >= 0 {
			gluedName(toks, d, top, n, v)
		} else if v == d-1 {
			dayAfterVerb(toks, top, v)
		}
	}
}

// gluedName makes name n, which the parser hung from day word d (whose
// phrase top depends on verb v), the head of its own phrase.
func gluedName(toks []Token, d, top, n, v int) {
	var rel string
	switch r := toks[top].Rel; {
	case r == "nsubj" || r == "nsubj:pass":
		rel = r
	case (r == "obl:unmarked" || r == "obl" || r == "obj" || r == "ccomp" || r == "xcomp") && v < n && !hasChild(toks, v, "obj"):
		rel = "obj"
	default:
		return
	}
	for i := range n {
		if toks[i].Head == d || toks[i].Head == top {
			toks[i].Head = n
		}
	}
	toks[n].Head, toks[n].Rel = v, rel
	toks[top].Head, toks[top].Rel = v, "obl:unmarked"
}

// dayAfterVerb makes the day phrase top right after verb v, read as v's
// subject or object, a time modifier; a noun right before v that hangs
// elsewhere becomes v's subject ("..., officials said Saturday").
func dayAfterVerb(toks []Token, top, v int) {
	r := toks[top].Rel
	if r != "nsubj" && r != "obj" {
		return
	}
	toks[top].Rel = "obl:unmarked"
	if r != "nsubj" || v == 0 {
		return
	}
	if s := v - 1; isNominal(toks[s].UPOS) && toks[s].Head != v && toks[s].Head < s {
		toks[s].Head, toks[s].Rel = v, "nsubj"
	}
}

// repairVocative corrects a news error of the parser: a name that opens
// the sentence, before an apposition, read as a vocative ("Esther
// Williams, the swimming champion turned actress who starred in aquatic
// musicals, has died"). When the sentence's root is a finite verb without
// a subject, the name is its subject. A real vocative addresses someone
// in a sentence that has its subject ("John, can you come?") or none by
// nature (an imperative: "John, come here").
func repairVocative(toks []Token) {
	if len(toks) == 0 || toks[0].Rel != "vocative" || toks[0].UPOS != "PROPN" {
		return
	}
	root := rootOf(toks)
	if root <= 0 || toks[root].UPOS != "VERB" || !finite(toks, root) || hasChild(toks, root, "nsubj") || hasChild(toks, root, "nsubj:pass") {
		return
	}
	toks[0].Head, toks[0].Rel = root, "nsubj"
}

// repairMainVerb corrects the parser's reading of a sentence's only verb as
// a reduced relative clause on its subject ("An Indian warship foiled a
// pirate attack": the root "warship" with "foiled" as its acl): a past
// participle after the root noun that takes a direct object of its own,
// or right after the noun in a sentence of prose without one ("Tensions
// escalated after the vote."), in a sentence with no other verb, is the
// sentence's past-tense verb.
func repairMainVerb(toks []Token) {
	root := rootOf(toks)
	if root < 0 || !isNominal(toks[root].UPOS) {
		return
	}
	v := -1
	for i, t := range toks {
		switch {
		case t.UPOS != "VERB" && t.UPOS != "AUX":
		case v < 0:
			if t.Head != root || t.Rel != "acl" || t.XPOS != "VBN" || i < root || twoObjects[t.Lemma] {
				return
			}
			v = i
		case t.XPOS != "VBG" || finite(toks, i):
			return // another verb that may be the main one
		}
	}
	if v < 0 || !hasChild(toks, v, "obj") && (v != root+1 || !proseIntransitive(toks, v)) {
		return
	}
	for i := range toks {
		if toks[i].Head == root && i > v {
			toks[i].Head = v // what followed hung from the noun
			if toks[i].Rel == "acl" {
				toks[i].Rel = "advcl" // ", killing two soldiers"
			}
		}
	}
	toks[v].Head, toks[v].Rel, toks[v].XPOS = -1, "root", "VBD"
	toks[root].Head, toks[root].Rel = v, "nsubj"
}

// twoObjects are verbs whose passive participle keeps an object ("a man
// given a life sentence", "players offered new contracts"): after a noun
// it may well be a reduced relative.
var twoObjects = map[string]bool{
	"give": true, "award": true, "grant": true, "offer": true, "show": true, "tell": true, "hand": true,
	"send": true, "pay": true, "deny": true, "promise": true, "allow": true, "teach": true, "ask": true,
	"sentence": true, "charge": true, "fine": true,
}

// repairReducedSubject corrects the parser on a sentence whose subject
// carries a reduced relative clause ("A sex offender sentenced to life
// pulled a gun", "A man charged with murder has escaped"): it makes the
// noun the root, the participle its modifier, and the real main verb a
// dependent of the participle. When a sentence-initial nominal root has a
// past participle modifier, and a finite verb without a subject, mark or
// conjunction hangs from that participle after it, that verb is the root
// and the noun its subject.
func repairReducedSubject(toks []Token) {
	n := initialNoun(toks)
	if n < 0 {
		return
	}
	v := -1
	for a := n + 1; a < len(toks) && v < 0; a++ {
		if toks[a].Head == n && toks[a].Rel == "acl" && toks[a].XPOS == "VBN" {
			v = subjectlessFinite(toks, a)
		}
	}
	h := toks[n].Head
	if v < 0 || h >= 0 && h < v {
		return
	}
	for i := v + 1; i < len(toks) && (h < 0 || i < h); i++ {
		if toks[i].Head == n {
			toks[i].Head = v // what followed hung from the noun
		}
	}
	rel := "nsubj"
	if hasChild(toks, v, "aux:pass") {
		rel = "nsubj:pass"
	}
	if h < 0 {
		toks[v].Head, toks[v].Rel = -1, "root"
	} else {
		toks[v].Head, toks[v].Rel = h, "ccomp" // "..., authorities said"
	}
	toks[n].Head, toks[n].Rel = v, rel
}

// initialNoun returns the head noun of the phrase that opens a sentence of
// prose when it is the root or hangs, without a case marker, from a verb
// with a subject of its own ("A man charged with murder escaped,
// police said": "man" under "said"); -1 otherwise.
func initialNoun(toks []Token) int {
	if last := toks[len(toks)-1].Form; last != "." && last != "!" {
		return -1
	}
	n := 0
	for n < len(toks) && (!isNominal(toks[n].UPOS) || toks[n].Rel == "compound" && toks[n].Head > n) {
		n++ // past determiners, adjectives and compounds to the head noun
	}
	if n == len(toks) || !initialPhrase(toks, n) || hasChild(toks, n, "case") {
		return -1
	}
	if h := toks[n].Head; h < 0 || toks[h].UPOS == "VERB" && (hasChild(toks, h, "nsubj") || hasChild(toks, h, "nsubj:pass")) {
		return n
	}
	return -1
}

// subjectlessFinite returns the first finite verb after participle a that
// hangs from it as a clause of its own (advcl, conj, parataxis) with no
// subject, mark or conjunction, -1 when there is none.
func subjectlessFinite(toks []Token, a int) int {
	for v := a + 1; v < len(toks); v++ {
		if toks[v].Head != a || toks[v].UPOS != "VERB" || !finite(toks, v) {
			continue
		}
		switch toks[v].Rel {
		case "advcl", "conj", "parataxis":
		default:
			continue
		}
		if hasChild(toks, v, "nsubj") || hasChild(toks, v, "nsubj:pass") || hasChild(toks, v, "mark") || hasChild(toks, v, "cc") {
			continue
		}
		return v
	}
	return -1
}

// repairClauseAfter corrects the parser's reading of a clause after a
// subordinator that is also a preposition ("died after rioters set fire to
// a bank"): it takes the word for the preposition of the noun and the
// clause's verb, a past form with an object of its own, for a reduced
// relative on that noun. A participle after such a noun with a direct
// object and no auxiliary is the clause's past-tense verb, the noun its
// subject and the word its mark. Verbs of naming keep their reading ("after
// a man named Smith").
func repairClauseAfter(toks []Token) {
	for v, t := range toks {
		n := t.Head
		if t.Rel != "acl" || t.XPOS != "VBN" || n < 0 || n > v || naming[t.Lemma] || !hasChild(toks, v, "obj") {
			continue
		}
		c := caseChild(toks, n)
		if c < 0 || !subordinators[strings.ToLower(toks[c].Form)] || toks[n].Rel != "obl" || hasChild(toks, v, "aux") {
			continue
		}
		g := toks[n].Head
		toks[v].Head, toks[v].Rel, toks[v].XPOS = g, "advcl", "VBD"
		toks[n].Head, toks[n].Rel = v, "nsubj"
		toks[c].Head, toks[c].Rel, toks[c].UPOS = v, "mark", "SCONJ"
	}
}

// subordinators are the words that open a clause as often as a phrase.
var subordinators = map[string]bool{"after": true, "before": true, "since": true, "until": true}

// naming are the verbs whose participle after a noun takes a name, not an
// object ("a man named Smith").
var naming = map[string]bool{"name": true, "call": true, "dub": true, "title": true, "nickname": true, "label": true}

// caseChild returns the case marker of noun n, -1 when it has none.
func caseChild(toks []Token, n int) int {
	for i := range n {
		if toks[i].Head == n && toks[i].Rel == "case" {
			return i
		}
	}
	return -1
}

// repairRelative corrects the parser on a news lede whose subject carries a
// relative clause: "Bettie Page, the pin-up whose romps titillated a
// generation, has died", "The senator, whose father led the party,
// announced his resignation", "John Smith, who was arrested in 2009, was
// released". The parser makes the relative clause's verb the main verb, or
// hangs the subject on it, and the real main verb a conjunct, parataxis or
// the clause's head. When a sentence-initial noun phrase is followed by a
// relative pronoun and, after the clause and a comma, a finite verb with
// no subject of its own, that verb is the root and the noun phrase its
// subject; the relative clause modifies the noun right before the pronoun.
func repairRelative(toks []Token) {
	w := relativePronoun(toks)
	if w < 0 {
		return
	}
	a := w - 1
	if toks[a].Form == "," {
		a--
	}
	if a >= 0 && toks[a].Rel == "flat" && toks[a].Head >= 0 && toks[a].Head < a {
		a = toks[a].Head // "John Smith, who": the name's head
	}
	r := clauseVerb(toks, w)
	if a < 0 || !isNominal(toks[a].UPOS) || r < 0 {
		return
	}
	t := phraseTop(toks, a)
	v := mainAfterRelative(toks, r)
	if v < 0 || !initialPhrase(toks, t) {
		return
	}
	root := rootOf(toks)
	if root != v && root != r && root != t {
		return
	}
	if root != v {
		for i := range toks {
			if toks[i].Head == root && (i > v || i < t) {
				toks[i].Head = v
			}
		}
	}
	rel := "nsubj"
	if hasChild(toks, v, "aux:pass") {
		rel = "nsubj:pass"
	}
	toks[v].Head, toks[v].Rel = -1, "root"
	toks[r].Head, toks[r].Rel = a, "acl:relcl"
	toks[t].Head, toks[t].Rel = v, rel
}

// relativePronoun returns the first relative pronoun after a noun ("who",
// "whose", "which" after "Page," or "queen"), -1 when there is none.
func relativePronoun(toks []Token) int {
	for i := 2; i < len(toks); i++ {
		switch toks[i].XPOS {
		case "WP", "WP$", "WDT":
			if relWords[strings.ToLower(toks[i].Form)] {
				return i
			}
		}
	}
	return -1
}

var relWords = map[string]bool{"who": true, "whom": true, "whose": true, "which": true}

// clauseVerb returns the verb of the clause word w belongs to, -1 when
// none is found a few steps up.
func clauseVerb(toks []Token, w int) int {
	k := toks[w].Head
	for n := 0; k >= 0 && n < 3; n++ {
		if toks[k].UPOS == "VERB" || toks[k].UPOS == "AUX" {
			return k
		}
		k = toks[k].Head
	}
	return -1
}

// phraseTop climbs from noun a through flat names, compounds and
// appositions to the head of the noun phrase it belongs to.
func phraseTop(toks []Token, a int) int {
	for n := 0; n < 6; n++ {
		switch toks[a].Rel {
		case "flat", "compound", "appos":
			if h := toks[a].Head; h >= 0 && h < a+2 {
				a = h
				continue
			}
		}
		break
	}
	return a
}

// mainAfterRelative returns the first finite verb after the relative
// clause of verb r that follows a comma and has no subject nor
// coordinating conjunction ("..., has died"), -1 when there is none.
func mainAfterRelative(toks []Token, r int) int {
	for v := r + 1; v < len(toks); v++ {
		if toks[v].UPOS != "VERB" || !finite(toks, v) || hasChild(toks, v, "nsubj") || hasChild(toks, v, "nsubj:pass") || hasChild(toks, v, "cc") {
			continue
		}
		l := v - 1
		for l > r && toks[l].Head == v && (toks[l].UPOS == "AUX" || toks[l].UPOS == "ADV" || toks[l].UPOS == "PART") {
			l--
		}
		for l > r && quoteMarks[toks[l].Form] {
			l-- // `who directed "The Golden Compass," is negotiating`
		}
		if toks[l].Form == "," {
			return v
		}
	}
	return -1
}

// quoteMarks are the quotation marks a comma may stand inside.
var quoteMarks = map[string]bool{"\"": true, "'": true, "”": true, "’": true, "''": true}

// initialPhrase reports whether the phrase headed by t opens the sentence:
// every token before it depends on it.
func initialPhrase(toks []Token, t int) bool {
	for i := range t {
		if toks[i].Head != t && toks[i].UPOS != "PUNCT" {
			return false
		}
	}
	return true
}

// rootOf returns the sentence's root, -1 when there is none.
func rootOf(toks []Token) int {
	for i, t := range toks {
		if t.Head < 0 {
			return i
		}
	}
	return -1
}

// proseIntransitive reports whether participle v, without an object, is
// still a sentence's verb: in a sentence of prose (it ends with a full
// stop) with no passive "by" phrase, which a noun and a reduced relative
// alone would not make ("Tensions escalated after the vote."; a headline
// "Pirate attack foiled by navy" keeps its reduced relative).
func proseIntransitive(toks []Token, v int) bool {
	last := toks[len(toks)-1].Form
	if last != "." && last != "!" {
		return false
	}
	for i, t := range toks {
		if t.Head == v && t.Rel == "obl:agent" || t.Rel == "case" && strings.EqualFold(t.Form, "by") && toks[t.Head].Head == v {
			return false
		}
		if t.Head == v && (t.Rel == "aux" || t.Rel == "aux:pass") && i < v {
			return false
		}
	}
	return true
}

// repairPastTense corrects the tagger's past participle for a past tense
// where the parse leaves no doubt: a main verb with an active subject, no
// auxiliary and no passive "by" phrase, in a sentence of prose ("The
// Republican senator voted no.": "voted" as VBN made the senator its
// patient).
func repairPastTense(toks []Token) {
	if len(toks) == 0 || toks[len(toks)-1].Form != "." {
		return
	}
	for v := range toks {
		t := &toks[v]
		if t.XPOS != "VBN" || t.UPOS != "VERB" || t.Head >= 0 && t.Rel != "conj" || !hasChild(toks, v, "nsubj") {
			continue
		}
		if hasChild(toks, v, "aux") || hasChild(toks, v, "aux:pass") || hasChild(toks, v, "nsubj:pass") || hasChild(toks, v, "obl:agent") {
			continue
		}
		t.XPOS = "VBD"
	}
}

// finite reports whether verb v is finite: a tensed form, or a participle
// or base form with an auxiliary ("has died", "will die").
func finite(toks []Token, v int) bool {
	switch toks[v].XPOS {
	case "VBD", "VBZ", "VBP":
		return true
	}
	return hasChild(toks, v, "aux") || hasChild(toks, v, "aux:pass")
}

// nameBefore returns the noun right before day word d when it hangs from
// d ("Cheeks" in "Coach Maurice Cheeks Saturday"), or -1.
func nameBefore(toks []Token, d int) int {
	n := d - 1
	if n < 0 || toks[n].Head != d || !glueRels[toks[n].Rel] || !isNominal(toks[n].UPOS) || dayWord(toks[n]) {
		return -1
	}
	return n
}

// glueRels are the relations the parser gives a name it hangs from the day
// word after it: "Cheeks" in "fired Coach Maurice Cheeks Saturday", "people"
// in "killed three people Wednesday".
var glueRels = map[string]bool{"compound": true, "nsubj": true, "nmod": true, "nmod:unmarked": true}

func hasChild(toks []Token, h int, rel string) bool {
	for _, t := range toks {
		if t.Head == h && t.Rel == rel {
			return true
		}
	}
	return false
}

func isNominal(upos string) bool { return upos == "NOUN" || upos == "PROPN" }

// dayWord reports whether t names a day without a preposition: a weekday
// or a deictic day ("yesterday").
func dayWord(t Token) bool {
	w := strings.ToLower(t.Form)
	return deicticDays[w] || weekdays[w]
}

var deicticDays = map[string]bool{"yesterday": true, "today": true, "tonight": true, "tomorrow": true}

// dayPart holds the words that follow a weekday in a bare time phrase:
// "Saturday morning".
var dayPart = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// weekdays holds the lower-case weekday names ("monday"...).
var weekdays = func() map[string]bool {
	m := map[string]bool{}
	for d := time.Sunday; d <= time.Saturday; d++ {
		m[strings.ToLower(d.String())] = true
	}
	return m
}()
