package event

import (
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// This file reads arguments off the dependency tree (package
// extract/syntax, projected onto the tokens by package extract): subjects,
// objects, passive agents, possessors of event nouns, prepositional roles,
// and the subjects that coordination, control and relative clauses share.

// parsed reports whether the sentence carries a dependency tree.
func (s *sentence) parsed() bool {
	for i := range s.toks {
		if s.toks[i].Rel != "" {
			return true
		}
	}
	return false
}

// children returns the dependents of token h, in text order.
func (s *sentence) children(h int) []int {
	if s.kids == nil {
		s.kids = make([][]int, len(s.toks))
		for i := range s.toks {
			if p := s.toks[i].Head; p >= 0 && p < len(s.toks) {
				s.kids[p] = append(s.kids[p], i)
			}
		}
	}
	return s.kids[h]
}

// rel returns token i's relation without its subtype ("nmod:poss" is
// "nmod"), and the subtype.
func (s *sentence) rel(i int) (string, string) {
	r, sub, _ := strings.Cut(s.toks[i].Rel, ":")
	return r, sub
}

// child returns the first dependent of h with relation r ("nsubj",
// "nsubj:pass", or a bare relation matching any subtype), -1 if none.
func (s *sentence) child(h int, r string) int {
	for _, k := range s.children(h) {
		if s.toks[k].Rel == r {
			return k
		}
		if base, _ := s.rel(k); !strings.Contains(r, ":") && base == r && s.toks[k].Rel != r+":pass" {
			return k
		}
	}
	return -1
}

// caseOf returns the lower-cased preposition marking token k ("by",
// "with"), "" when none.
func (s *sentence) caseOf(k int) string {
	var out []string
	for _, c := range s.children(k) {
		if s.toks[c].Rel == "case" && c < k {
			out = append(out, s.toks[c].low)
		}
	}
	return strings.Join(out, " ")
}

// conjuncts returns k and the tokens coordinated with it ("Israel and
// Hamas").
func (s *sentence) conjuncts(k int) []int {
	out := []int{k}
	for _, c := range s.children(k) {
		if s.toks[c].Rel == "conj" {
			out = append(out, s.conjuncts(c)...)
		}
	}
	return out
}

// mentionOf returns the actor mention that the noun phrase headed by k
// names: one on k itself, else one on the rest of a name or an apposition
// ("the minister, Gideon Sa'ar"), -1 when none. Modifiers and possessors
// are not what a common noun names: "the UN resolution" and "Netanyahu's
// decision" are no actors (the recognizer marks nouns for people,
// "American officials", as mentions of their own). But an event noun
// stands for whoever did it: "criticized the U.S. abstention" criticizes
// the U.S., "doubted Netanyahu's decision" Netanyahu.
func (s *sentence) mentionOf(k int) int {
	if m := s.toks[k].ment; m >= 0 {
		return m
	}
	rels := []string{"flat", "appos"}
	switch {
	case s.isHead != nil && s.isHead[k]:
		rels = append(rels, "nmod:poss", "compound", "amod")
	case s.toks[k].Tag == "PROPN":
		rels = append(rels, "compound", "amod")
	}
	for _, r := range rels {
		for _, c := range s.children(k) {
			if s.toks[c].Rel == r || strings.HasPrefix(s.toks[c].Rel, r+":") {
				if m := s.toks[c].ment; m >= 0 {
					return m
				}
			}
		}
	}
	// An apposition stands for the name it describes: "Bettie Page, the
	// pin-up model who helped", and so does each of its conjuncts: "Bettie
	// Page, the pin-up queen and pop culture icon who died".
	a := k
	for n := 0; s.toks[a].Rel == "conj" && s.toks[a].Head >= 0 && n < 4; n++ {
		a = s.toks[a].Head
	}
	if h := s.toks[a].Head; s.toks[a].Rel == "appos" && h >= 0 && s.toks[h].ment >= 0 {
		return s.toks[h].ment
	}
	return -1
}

// named returns, for mention m of the phrase at k, the mention of the
// name in apposition to it when m is only a description: "courthouse
// killer Brian Nichols was sentenced" sentences Brian Nichols, not an
// anonymous killer.
func (x *extractor) named(s *sentence, k, m int) int {
	if m >= 0 && x.kindOf(m) != doc.KindPerson {
		if p := x.apposedPerson(s, k); p >= 0 {
			return p
		}
	}
	if m < 0 || !x.anonymous(m) {
		return m
	}
	for _, c := range s.children(k) {
		if r, _ := s.rel(c); r != "appos" && r != "flat" {
			continue
		}
		if n := s.toks[c].ment; n >= 0 && !x.anonymous(n) {
			return n
		}
	}
	return m
}

// apposedPerson returns the mention of the named person that the phrase
// at k stands in apposition to, or -1: "Fred LaRue, a Nixon
// administration official who served" is LaRue, not the administration
// the description names.
func (x *extractor) apposedPerson(s *sentence, k int) int {
	a := k
	for n := 0; s.toks[a].Rel == "conj" && s.toks[a].Head >= 0 && n < 4; n++ {
		a = s.toks[a].Head
	}
	h := s.toks[a].Head
	if s.toks[a].Rel != "appos" || h < 0 || h > a {
		return -1
	}
	p := s.toks[h].ment
	if p < 0 || x.kindOf(p) != doc.KindPerson || x.anonymous(p) {
		return -1
	}
	return p
}

// anonymous reports whether mention m is of an actor known only by a
// description ("the killer", "officials").
func (x *extractor) anonymous(m int) bool {
	return strings.HasPrefix(x.d.Actors[x.actorOf(m)].Key, "desc:")
}

// owner returns the dependent of noun k that names its owner, an actor
// ("the Council's resolution", "a UN resolution"); -1 when none.
func (s *sentence) owner(k int) int {
	for _, c := range s.children(k) {
		switch r, sub := s.rel(c); {
		case r == "nmod" && sub == "poss", r == "compound", r == "amod":
			if s.toks[c].ment >= 0 {
				return c
			}
		}
	}
	return -1
}

// counted returns, for a phrase that counts ("hundreds of UN troops",
// "two of the suspects", "some of them"), the head of its "of" phrase;
// else k itself.
func (x *extractor) counted(s *sentence, k int) int {
	t := &s.toks[k]
	if t.ment >= 0 {
		return k
	}
	switch {
	case t.Tag == "NUM" || t.Tag == "PRON" || t.Tag == "DET":
	case x.l.quantity[t.low]:
	default:
		return k
	}
	for _, c := range s.children(k) {
		if r, _ := s.rel(c); r == "nmod" && s.caseOf(c) == "of" {
			return c
		}
	}
	return k
}

// addNode adds the actors named by the phrase at k, and by its conjuncts,
// in role.
func (x *extractor) addNode(s *sentence, c *cand, role string, k int) {
	k = x.counted(s, k)
	if h := s.toks[k].Head; s.relativePronoun(k) && !x.personWho(s, k) && h >= 0 && s.toks[h].Rel == "acl:relcl" && s.toks[h].Head >= 0 {
		// "a molester who was confined": the molester (but a "who" the
		// actor step made a person where the parser attached it to an
		// organization is that person).
		k = s.toks[h].Head
	}
	ks := s.conjuncts(k)
	if c.p.has(fRecip) && len(ks) > 1 && role == doc.RoleAgent {
		role = doc.RoleParticipant
	}
	for _, n := range ks {
		m := x.named(s, n, s.mentionOf(n))
		if m < 0 {
			continue
		}
		r := role
		if r == doc.RoleAgent && x.kindOf(m) == doc.KindPlace {
			// A city does not act: "Rafah" in "a Rafah offensive" is
			// where it happens.
			r = doc.RolePlace
			if c.hasRole(doc.RolePlace) {
				continue
			}
		}
		c.addArg(r, x.actorOf(m), m)
	}
}

// personWho reports whether relative pronoun k is a mention the actor
// step resolved to a person while the noun the parser attaches its
// clause to names no person: "director of the Centre at Duke University,
// who is leading research".
func (x *extractor) personWho(s *sentence, k int) bool {
	m := s.toks[k].ment
	if m < 0 || x.kindOf(m) != doc.KindPerson {
		return false
	}
	h := s.toks[k].Head
	if h < 0 || s.toks[h].Head < 0 {
		return true
	}
	n := s.mentionOf(s.toks[h].Head)
	return n < 0 || x.kindOf(n) != doc.KindPerson
}

// treeArgs fills c's arguments from the tree; it reports false when the
// sentence has none: the word-window rules then apply. A title-case
// headline has one: it is parsed truecased (package extract), so that
// "Netanyahu Cancels Washington Trip" is no longer one long name.
func (x *extractor) treeArgs(s *sentence, c *cand) bool {
	if !s.parsed() {
		return false
	}
	h := c.head
	if x.modifierArgs(s, c, h) {
		return true
	}
	if x.casualtyArgs(s, c, h) {
		return true
	}
	if !c.p.noun && s.toks[h].Tag != "VERB" && s.toks[h].Tag != "AUX" {
		// The dictionary reads a verb where the tagger does not ("The
		// US presented evidence" as a noun phrase): the tree around it
		// is wrong too.
		return false
	}
	if c.p.noun || isNounTag(s.toks[h].Tag) {
		x.nounTreeArgs(s, c, h)
	} else {
		x.verbTreeArgs(s, c, h)
	}
	x.countedVictims(s, c)
	return true
}

// casualtyArgs gives a casualty adjective ("dead", "injured") who it
// says it of: the noun it modifies ("Shooting Leaves Woman Dead"), or the
// subject of its small clause, the governor's object or else its subject
// ("left two women dead", "Fred LaRue found dead", "was declared dead");
// those who died act, the others undergo. It reports whether h is such
// an adjective.
func (x *extractor) casualtyArgs(s *sentence, c *cand, h int) bool {
	g := s.toks[h].Head
	if s.toks[h].Tag != "ADJ" || g < 0 || typeFamily(x.l.typeOf(c.code)) != "death" {
		return false
	}
	role := casualtyRole(c)
	switch r, _ := s.rel(h); r {
	case "amod":
		x.addNode(s, c, role, g)
	case "xcomp", "advcl":
		if o := s.child(g, "obj"); o >= 0 {
			x.addNode(s, c, role, o)
		} else if k, _ := s.subjectOf(g); k >= 0 {
			x.addNode(s, c, role, k)
		}
	default:
		return false
	}
	return true
}

// countedVictims gives a casualty word without a participant the count of
// people right before it ("3 dead", "left two dead and five injured",
// package actor counts them): those who died act, the others undergo.
func (x *extractor) countedVictims(s *sentence, c *cand) {
	k := c.lo - 1
	if k < 0 || s.toks[k].Tag != "NUM" || s.toks[k].ment < 0 || c.hasRole(doc.RoleAgent) || c.hasRole(doc.RoleTarget) {
		return
	}
	x.addNode(s, c, casualtyRole(c), k)
}

// casualtyRole is the role of the casualties of c: those who died act
// (as in "Page died"), the others undergo.
func casualtyRole(c *cand) string {
	if c.action == "die" {
		return doc.RoleAgent
	}
	return doc.RoleTarget
}

func isNounTag(t string) bool { return t == "NOUN" || t == "PROPN" }

// verbTreeArgs: subject, objects and obliques of a verb, with the subject
// it shares through coordination, control or a relative clause.
func (x *extractor) verbTreeArgs(s *sentence, c *cand, h int) {
	headPassive := x.headlinePassive(s, h)
	c.passive = s.child(h, "nsubj:pass") >= 0 || s.child(h, "aux:pass") >= 0 ||
		s.toks[h].Rel == "acl" && s.toks[h].XPOS == "VBN" || s.child(h, "obl:agent") >= 0 || headPassive
	x.addSubjects(s, c, h, "nsubj:pass", doc.RoleTarget)
	switch k := s.child(h, "nsubj"); {
	case headPassive:
		x.addSubjects(s, c, h, "nsubj", doc.RoleTarget)
	case k >= 0 && s.relativePronoun(k) && s.toks[h].Rel == "acl:relcl" && !s.otherSubject(h, k) && x.personWho(s, k):
		// "who" the actor step resolved (package actor: its antecedent,
		// or the person whose phrase the named antecedent modifies).
		x.addNode(s, c, doc.RoleAgent, k)
	case k >= 0 && s.relativePronoun(k) && s.toks[h].Rel == "acl:relcl" && !s.otherSubject(h, k):
		// "a resolution that called for": the resolution's, or its
		// owner's ("a UN Security Council resolution that called for").
		n := s.toks[h].Head
		if s.mentionOf(n) < 0 {
			if o := s.owner(n); o >= 0 {
				n = o
			}
		}
		x.addNode(s, c, doc.RoleAgent, n)
	case k >= 0:
		x.addSubjects(s, c, h, "nsubj", doc.RoleAgent)
	case !c.hasRole(doc.RoleTarget) || !c.passive:
		if k := s.participleSubject(h); k >= 0 {
			x.addNode(s, c, doc.RoleAgent, k)
		} else {
			x.sharedSubject(s, c, h)
		}
	}
	inverted := s.invertedSpeech(c, h)
	for _, k := range s.children(h) {
		switch r, _ := s.rel(k); r {
		case "obj", "iobj":
			if inverted && k > h && s.toks[k].ment >= 0 {
				// "..., estimates Evan Sparks, CEO of Determined AI"
				x.addNode(s, c, doc.RoleAgent, k)
			} else if j := x.aim(s, c, k); j >= 0 {
				// "fired anti-aircraft batteries at Russia": the parser
				// hangs the aim from the weapon.
				x.addNode(s, c, doc.RoleTarget, j)
			} else if j := s.partnerOf(k); j >= 0 && !c.p.has(fSpeech) {
				// "ratified an agreement with the European Union"
				x.addNode(s, c, doc.RoleTarget, j)
			} else if !c.p.has(fSpeech) || r == "iobj" || s.toks[k].ment >= 0 && !s.clauseSubject(k) {
				x.addNode(s, c, doc.RoleTarget, k)
			}
		case "obl":
			x.oblique(s, c, k, false)
		}
	}
	// A clausal complement whose subject is an actor ("called on Israel
	// to stop"): an object-control target.
	if !c.hasRole(doc.RoleTarget) && !c.p.has(fSpeech) {
		if k := s.child(h, "xcomp"); k >= 0 {
			if o := s.child(k, "nsubj"); o >= 0 {
				x.addNode(s, c, doc.RoleTarget, o)
			}
		}
	}
	// "A bomb exploded at a bank, killing a police officer": whom the
	// participle harms, of a verb of harm with no object.
	if !c.hasRole(doc.RoleTarget) && !c.passive && s.child(h, "obj") < 0 && x.harmful(s, h) {
		x.participleTargets(s, c, h)
	}
}

// clauseSubject reports whether the actor at token k, which the parser
// made a speech verb's object, is followed by a finite verb or an
// auxiliary: the subject of the clause reported ("Begala said the former
// mayor will need to push"), not whom it was said to.
func (s *sentence) clauseSubject(k int) bool {
	e := s.mentionEnd(k)
	if e >= len(s.toks) {
		return false
	}
	t := &s.toks[e]
	switch t.XPOS {
	case "MD", "VBD", "VBZ", "VBP":
		return t.Tag == "AUX" || t.Tag == "VERB"
	}
	return false
}

// invertedSpeech reports whether speech verb h has its subject after it,
// as the parser's object: a finite verb with no subject of its own right
// after a comma or a closing quotation mark ("..., estimates Evan Sparks";
// "“...,” wrote Williams"). "..., telling Israel" is a participle whose
// subject is the clause's.
func (s *sentence) invertedSpeech(c *cand, h int) bool {
	if !c.p.has(fSpeech) || h == 0 || c.hasRole(doc.RoleAgent) || s.child(h, "nsubj") >= 0 {
		return false
	}
	if x := s.toks[h].XPOS; x != "VBD" && x != "VBZ" && x != "VBP" {
		return false
	}
	p := s.toks[h-1].Text
	return p == "," || p == "”" || p == "\"" || p == "''"
}

// headlinePassive reports whether verb h is a headline's passive without
// its auxiliary: "Lohan jailed for probation violation" (an -ed form of a
// headpassive verb after its subject, with no object and no auxiliary).
func (x *extractor) headlinePassive(s *sentence, h int) bool {
	t := &s.toks[h]
	if !s.title || t.XPOS != "VBN" && t.XPOS != "VBD" || !x.l.headPassive[t.Lemma] {
		return false
	}
	k := s.child(h, "nsubj")
	return k >= 0 && k < h && s.child(h, "obj") < 0 && s.child(h, "aux") < 0 && s.child(h, "aux:pass") < 0
}

// addSubjects adds, in role, the actors named by h's subjects in relation
// rel (nsubj, or nsubj:pass): the parser gives a clause two when a role
// noun stands before the names ("producers Craig Zadan and Neil Meron
// announced", "Chargers lineman Jamal Williams was arrested"); the first
// subject that names an actor takes the role, a named one before a
// description.
func (x *extractor) addSubjects(s *sentence, c *cand, h int, rel, role string) {
	// A name before a description when the parser gives both as
	// subjects: "pin-up star Betty Page has died".
	for _, named := range [...]bool{true, false} {
		for _, k := range s.children(h) {
			if s.toks[k].Rel != rel || s.relativePronoun(k) && s.otherSubject(h, k) || s.beforeRelativeAdverb(h, k) {
				continue
			}
			if m := s.toks[k].ment; named && (m < 0 || x.anonymous(m)) {
				continue
			}
			if x.addNode(s, c, role, k); c.hasRole(role) {
				return
			}
		}
	}
}

// beforeRelativeAdverb reports whether a relative "where" or "when" of
// verb h stands between h and its subject k: in "China, where the virus
// emerged", China is where, the virus emerged (the parser may give the
// verb both as subjects).
func (s *sentence) beforeRelativeAdverb(h, k int) bool {
	for _, c := range s.children(h) {
		if c <= k || c >= h {
			continue
		}
		if s.toks[c].XPOS == "WRB" && (s.toks[c].low == "where" || s.toks[c].low == "when") || s.toks[c].Rel == "mark" {
			// also a subordinator: in "a woman of Debe is due to
			// appear after she was charged", she was charged
			return s.otherSubject(h, k)
		}
	}
	return false
}

// otherSubject reports whether verb h has a subject besides k: in "which
// American officials warn would lead", "which" belongs to the clause
// below, and the officials warn.
func (s *sentence) otherSubject(h, k int) bool {
	for _, c := range s.children(h) {
		if r, _ := s.rel(c); c != k && r == "nsubj" {
			return true
		}
	}
	return false
}

// subjectOf returns the subject of verb v, or of the verb it shares its
// subject with (through coordination, control or a non-finite adverbial
// clause: "died after suffering"), and the subject's relation; -1 when
// there is none.
func (s *sentence) subjectOf(v int) (int, string) {
	for n := 0; v >= 0 && n < 8; n++ {
		for _, r := range [...]string{"nsubj", "nsubj:pass"} {
			if k := s.child(v, r); k >= 0 {
				return k, r
			}
		}
		if r, _ := s.rel(v); r != "conj" && r != "xcomp" && !(r == "advcl" && s.nonFinite(v)) {
			return -1, ""
		}
		v = s.toks[v].Head
	}
	return -1, ""
}

// nonFinite reports whether verb v is a participle or an infinitive
// without a subject of its own: "after suffering", "before fleeing", "to
// begin".
func (s *sentence) nonFinite(v int) bool {
	switch s.toks[v].XPOS {
	case "VBG", "VBN", "VB":
	default:
		return false
	}
	if s.child(v, "nsubj") >= 0 || s.child(v, "nsubj:pass") >= 0 {
		return false
	}
	for _, k := range s.children(v) {
		// "after having suffered", "before being caught" stay
		// non-finite; "had suffered", "will flee" do not.
		if r, _ := s.rel(k); r == "aux" || r == "aux:pass" {
			if x := s.toks[k].XPOS; x != "VBG" && x != "VBN" && x != "VB" && x != "TO" {
				return false
			}
		}
	}
	return true
}

// modifierArgs gives a participle or adjective that modifies a noun the
// noun as its argument: "the slain teen", "a convicted rapist" (the one
// it happened to), "striking protesters" (the ones who do it). It reports
// whether it did.
func (x *extractor) modifierArgs(s *sentence, c *cand, h int) bool {
	n := s.toks[h].Head
	if r, _ := s.rel(h); r != "amod" || n < 0 || h > n && s.toks[n].Tag != "NUM" || s.mentionOf(n) < 0 {
		return false // before its noun, or after a count: "five injured"
	}
	switch s.toks[h].XPOS {
	case "VBG":
		x.addNode(s, c, doc.RoleAgent, n)
	case "VBN", "JJ":
		role := doc.RoleTarget
		if c.action == "die" {
			role = doc.RoleAgent // "the dead soldiers" died
		}
		x.addNode(s, c, role, n)
	default:
		return false
	}
	return true
}

// relativePronoun reports whether token k is "who", "which", "that"...
func (s *sentence) relativePronoun(k int) bool {
	switch s.toks[k].XPOS {
	case "WDT", "WP", "WP$":
		return true
	}
	return false
}

// sharedSubject finds the agent of a verb without a subject of its own:
// the subject of the verb it is coordinated with ("X attacked Y and killed
// Z"), of the verb that controls it ("planned to urge Israel": the
// planner; "urged Israel to stop": Israel), or the noun a relative or
// participial clause modifies ("officials who met", "a delegation
// requested by Biden").
func (x *extractor) sharedSubject(s *sentence, c *cand, h int) {
	p := s.toks[h].Head
	if p < 0 {
		return
	}
	switch r, sub := s.rel(h); {
	case r == "conj" || r == "xcomp":
		if r == "xcomp" {
			if o := s.controller(p); o >= 0 {
				x.addNode(s, c, doc.RoleAgent, o)
				return
			}
		}
		// Up a chain of conjuncts and controllers to a subject ("were
		// forced to drive": the passive's subject drives). A passive
		// conjunct of its own undergoes it: "Smith attacked a guard and
		// was arrested", "was rushed to a hospital but was declared dead".
		own := doc.RoleAgent
		if r == "conj" && s.child(h, "aux:pass") >= 0 {
			own = doc.RoleTarget
		}
		for n := 0; p >= 0 && n < 8; n++ {
			if k := s.child(p, "nsubj"); k >= 0 {
				x.addNode(s, c, own, k)
				return
			}
			if k := s.child(p, "nsubj:pass"); k >= 0 && r == "xcomp" {
				x.addNode(s, c, doc.RoleAgent, k)
				return
			}
			if k := s.child(p, "nsubj:pass"); k >= 0 && (s.sharedPassive(h, p) || own == doc.RoleTarget) {
				// "Ortiz was shot and killed": killed too
				x.addNode(s, c, doc.RoleTarget, k)
				return
			}
			if r, _ := s.rel(p); r != "conj" && r != "xcomp" && !(r == "advcl" && s.nonFinite(p)) {
				return
			}
			if g := s.toks[p].Head; g >= 0 && s.forWhat(p) && s.child(g, "obj") >= 0 {
				// "criticized the royals for failing to support them"
				x.addNode(s, c, doc.RoleAgent, s.child(g, "obj"))
				return
			}
			p = s.toks[p].Head
		}
	case r == "acl" && sub == "relcl":
		// "officials who met": the noun is the subject, unless the clause
		// has one ("the trip that Netanyahu cancelled").
		if s.child(h, "nsubj") < 0 {
			x.addNode(s, c, doc.RoleAgent, p)
		} else if !c.hasRole(doc.RoleTarget) {
			x.addNode(s, c, doc.RoleTarget, p)
		}
	case r == "acl" && c.passive:
		// "a delegation requested by Biden"
		x.addNode(s, c, doc.RoleTarget, p)
	case r == "advcl" && x.l.objControl[s.toks[p].Lemma] && s.controller(p) >= 0 && s.infinitive(h):
		// "appointed Montoya-Lewis to serve": she serves
		x.addNode(s, c, doc.RoleAgent, s.controller(p))
	case r == "advcl" && s.forWhat(h) && s.child(p, "obj") >= 0:
		// "criticized the royals for failing to support them", "thanked
		// him for coming": the object did it.
		if o := s.child(p, "obj"); s.toks[o].ment >= 0 {
			x.addNode(s, c, doc.RoleAgent, o)
		}
	case r == "advcl" && s.nonFinite(h):
		// "Page died after suffering a heart attack", "fled before
		// being caught"
		if k, _ := s.subjectOf(p); k >= 0 {
			role := doc.RoleAgent
			if c.passive { // "after being forced": the one forced
				role = doc.RoleTarget
			}
			x.addNode(s, c, role, k)
		}
	case r == "acl":
		// "officials meeting in Cairo"; "Netanyahu's decision to
		// cancel": the decision's possessor decides and cancels.
		if k := s.child(p, "nmod:poss"); k >= 0 && s.toks[p].ment < 0 {
			x.addNode(s, c, doc.RoleAgent, k)
		} else if k := s.nounSubject(p); k >= 0 && s.toks[p].ment < 0 && s.child(h, "mark") >= 0 {
			x.addNode(s, c, doc.RoleAgent, k)
		} else if s.toks[p].ment >= 0 || s.child(h, "mark") < 0 {
			x.addNode(s, c, doc.RoleAgent, p)
		}
	}
}

// aim returns what a use of force is aimed at when the parser hangs it
// from the object, the weapon: the "at" or "against" phrase of object k
// naming an actor; -1 when none.
func (x *extractor) aim(s *sentence, c *cand, k int) int {
	for _, j := range s.children(k) {
		if p := s.caseOf(j); s.toks[j].Rel == "nmod" && (p == "at" || p == "against") {
			if m := s.mentionOf(j); m >= 0 && x.aimed(s, c, m) {
				return j
			}
		}
	}
	return -1
}

// aimed reports whether the "at" phrase naming mention m is what event c
// is aimed at: a weapon fired or thrown at people or a country ("fired
// rockets at Israel", "hurled stones at police"), not the place of "a
// shooting at a plant" or "a bomb exploded at a bank".
func (x *extractor) aimed(s *sentence, c *cand, m int) bool {
	if c.p.noun || !x.l.aimVerb[c.action] || s.toks[c.head].XPOS == "VBG" && s.child(c.head, "aux") < 0 {
		return false // "an April shooting at a firm": a noun to the tagger
	}
	switch x.kindOf(m) {
	case doc.KindPerson, doc.KindGroup, doc.KindCountry, doc.KindGovernment, doc.KindIGO:
		return true
	}
	return false
}

// partnerOf returns the actor an object that names no one was made or
// held with: the "with" phrase of "signed a deal with Boeing"; -1 when
// none.
func (s *sentence) partnerOf(k int) int {
	if s.mentionOf(k) >= 0 {
		return -1
	}
	for _, j := range s.children(k) {
		if s.toks[j].Rel == "nmod" && s.caseOf(j) == "with" && s.mentionOf(j) >= 0 {
			return j
		}
	}
	return -1
}

// controller returns the object of verb p, which does what p's
// complement or purpose clause says ("urged Israel to stop", "asked
// Netanyahu to send", which the parser may read as an indirect object);
// -1 when p has none.
func (s *sentence) controller(p int) int {
	if o := s.child(p, "obj"); o >= 0 {
		return o
	}
	return s.child(p, "iobj")
}

// forWhat reports whether verb v is an -ing clause of "for" or "of",
// which says what its governor's object is praised, blamed or accused of.
func (s *sentence) forWhat(v int) bool {
	k := s.child(v, "mark")
	return k >= 0 && (s.toks[k].low == "for" || s.toks[k].low == "of") && s.toks[v].XPOS == "VBG" && s.nonFinite(v)
}

// infinitive reports whether verb v is a "to" infinitive without a
// subject: "to serve".
func (s *sentence) infinitive(v int) bool {
	k := s.child(v, "mark")
	return k >= 0 && s.toks[k].low == "to" && s.nonFinite(v)
}

// sharedPassive reports whether participle h is a conjunct of passive verb
// p that shares its auxiliary: "was shot and killed".
func (s *sentence) sharedPassive(h, p int) bool {
	return s.toks[h].Head == p && s.toks[h].XPOS == "VBN" && s.child(p, "aux:pass") >= 0 &&
		s.child(h, "aux") < 0 && s.child(h, "aux:pass") < 0 && s.child(h, "obj") < 0
}

// participleSubject returns the subject the parser gave to a participle
// clause before verb h instead of to h: "The Indian Navy patrolling the
// Gulf of Aden thwarted an attack"; -1 when none.
func (s *sentence) participleSubject(h int) int {
	for _, k := range s.children(h) {
		if k > h {
			break
		}
		if r, _ := s.rel(k); r == "advcl" && s.toks[k].XPOS == "VBG" && s.child(k, "mark") < 0 {
			if n := s.child(k, "nsubj"); n >= 0 && n < k {
				return n
			}
		}
	}
	return -1
}

// nounSubject returns the subject of the clause that noun n is the
// predicate or object of: "Ross is in negotiations to direct", "the
// company held talks to buy": the one who negotiates; -1 when none.
func (s *sentence) nounSubject(n int) int {
	if k := s.child(n, "nsubj"); k >= 0 {
		return k
	}
	switch r, _ := s.rel(n); r {
	case "obj", "obl":
		if k, rel := s.subjectOf(s.toks[n].Head); rel == "nsubj" {
			return k
		}
	}
	return -1
}

// nounTreeArgs: the possessor and modifiers of an event noun, its "of",
// "by", "with" and place phrases.
func (x *extractor) nounTreeArgs(s *sentence, c *cand, h int) {
	for _, k := range s.children(h) {
		switch r, sub := s.rel(k); {
		case r == "nmod" && sub == "poss":
			x.addNode(s, c, doc.RoleAgent, k)
		case r == "amod" || r == "compound":
			// "the US abstention", "a Rafah offensive"; but "the Waitrose
			// fire" burned at Waitrose
			if m := s.toks[k].ment; m >= 0 && k < h && x.kindOf(m) == doc.KindOrganization && x.mishap(c) {
				if !c.hasRole(doc.RolePlace) {
					c.addArg(doc.RolePlace, x.actorOf(m), m)
				}
			} else if m >= 0 && k < h {
				x.addNode(s, c, doc.RoleAgent, k)
			}
		case r == "nmod":
			x.oblique(s, c, k, true)
		}
	}
	if k := s.patternPhrase(c, h); k >= 0 {
		x.oblique(s, c, k, true)
	}
	if !c.hasRole(doc.RoleAgent) {
		x.lightSubject(s, c, h)
	}
	if !c.hasRole(doc.RoleAgent) && !c.p.has(fSpeech) && !strings.HasPrefix(c.code, "01") {
		x.settingSubject(s, c, h)
	}
	if !c.hasRole(doc.RoleTarget) {
		x.causedTarget(s, c, h)
	}
	if !c.hasRole(doc.RoleTarget) {
		x.settingVictim(s, c, h)
	}
	x.holderArg(s, c, h)
}

// settingSubject gives an event noun that sets the scene of an active
// verb with an object ("killed four people in a courthouse escape",
// "pulled a gun during a prison transfer") the verb's subject as its
// agent: the one who acts in the clause acts in the event around it; the
// subject of a verb without one may have undergone it ("workers died in
// an attack"). A
// statement (CAMEO 01) the subject says something in is left out: the
// speech verb already holds it.
func (x *extractor) settingSubject(s *sentence, c *cand, h int) {
	v := s.toks[h].Head
	if r, _ := s.rel(h); r != "obl" || v < 0 || s.toks[v].Tag != "VERB" || !settings[s.caseOf(h)] {
		return
	}
	if s.child(v, "obj") < 0 {
		return // "workers died in an attack" did not attack
	}
	if k, rel := s.subjectOf(v); k >= 0 && rel == "nsubj" {
		x.addNode(s, c, doc.RoleAgent, k)
	}
}

// patternPhrase returns the noun of the prepositional phrase right after
// event noun h that the parser attached to a word before h, when the
// pattern of c asks for that preposition: in "a policy towards Israel and
// its operations against Hamas" (n:operation +against) the operations are
// against Hamas, not the policy; -1 when there is none.
func (s *sentence) patternPhrase(c *cand, h int) int {
	p := h + 1
	if c.p.objs == nil || p >= len(s.toks) || s.toks[p].Rel != "case" || !c.p.objs[s.toks[p].low] {
		return -1
	}
	n := s.toks[p].Head
	if n <= p || s.toks[n].Head == h || s.toks[n].Head > h {
		return -1
	}
	return n
}

// causedTarget gives an event noun that is the subject of a verb the
// verb's object as its target: "an explosion at a bank killed a police
// officer", "the attack left three people dead"; and the object of a
// participle of harm that follows the verb: "an earthquake hit Iran,
// killing 10 people".
func (x *extractor) causedTarget(s *sentence, c *cand, h int) {
	v := s.toks[h].Head
	if r, sub := s.rel(h); r != "nsubj" || sub != "" || v < 0 || s.toks[v].Tag != "VERB" {
		return
	}
	if o := s.child(v, "obj"); o >= 0 {
		x.addNode(s, c, doc.RoleTarget, o)
	}
	x.participleTargets(s, c, v)
}

// participleTargets gives c the objects of the participles of harm that
// follow verb v, and their conjuncts: "a bomb exploded at a bank, killing
// a police officer", "hit Iran, causing destruction and killing 10
// people".
func (x *extractor) participleTargets(s *sentence, c *cand, v int) {
	for _, a := range s.children(v) {
		if s.toks[a].Rel != "advcl" || s.toks[a].XPOS != "VBG" || a < v {
			continue
		}
		for _, p := range s.conjuncts(a) {
			if !x.harmful(s, p) {
				continue
			}
			if o := s.child(p, "obj"); o >= 0 {
				x.addNode(s, c, doc.RoleTarget, o)
			}
		}
	}
}

// lightSubject gives an event noun without an agent the subject of its
// clause: of a copula ("Ross is in negotiations"), or of the light verb
// whose object it is ("made a move", "faced arrest").
func (x *extractor) lightSubject(s *sentence, c *cand, h int) {
	if k := s.child(h, "nsubj"); k >= 0 {
		x.addNode(s, c, doc.RoleAgent, k)
		return
	}
	v := s.toks[h].Head
	r, sub := s.rel(h)
	if v >= 0 && r == "nsubj" && sub == "pass" {
		// "the fire may have been set by an arsonist", "talks were held
		// by the two sides": the light verb's agent acts
		if _, ok := x.l.light[s.toks[v].Lemma]; ok {
			if k := s.child(v, "obl:agent"); k >= 0 {
				x.addNode(s, c, doc.RoleAgent, k)
			}
		}
		return
	}
	if v < 0 {
		return
	}
	role, ok := x.l.light[s.toks[v].Lemma]
	if !ok || r != "obj" && !(r == "obl" && role == doc.RoleTarget && s.caseOf(h) == "from") {
		return // "suffered from heart disease" as "suffered a heart attack"
	}
	if k, rel := s.subjectOf(v); k >= 0 {
		if r, _ := s.rel(v); rel == "nsubj:pass" && (s.child(v, "nsubj:pass") == k || r == "conj") {
			role = doc.RoleTarget // "talks were held", not "was roped in to host"
		}
		if !c.hasRole(role) {
			x.addNode(s, c, role, k)
		}
	}
}

// oblique gives a prepositional phrase its role by its preposition.
func (x *extractor) oblique(s *sentence, c *cand, k int, noun bool) {
	m := s.mentionOf(k)
	if m < 0 {
		return
	}
	kind := x.kindOf(m)
	place := kind == doc.KindPlace || kind == doc.KindCountry
	switch prep := s.caseOf(k); prep {
	case "by":
		if c.passive || noun {
			x.addNode(s, c, doc.RoleAgent, k)
		}
	case "in", "at", "near", "inside", "outside", "across", "throughout":
		if prep == "at" && x.aimed(s, c, m) && !c.hasRole(doc.RoleTarget) {
			x.addNode(s, c, doc.RoleTarget, k) // "fired rockets at Israel"
			return
		}
		if place && !c.hasRole(doc.RolePlace) {
			c.addArg(doc.RolePlace, x.actorOf(m), m)
		}
	case "with", "between", "among":
		if prep == "with" && s.isHead[k] && s.toks[k].ment < 0 {
			return // "charged with the murder of her mother, Sita": a deed
		}
		x.addNode(s, c, doc.RoleParticipant, k)
	case "of":
		if !noun {
			return
		}
		if c.p.has(fIntr) && !c.hasRole(doc.RoleAgent) {
			x.addNode(s, c, doc.RoleAgent, k)
		} else if !c.hasRole(doc.RoleTarget) {
			x.addNode(s, c, doc.RoleTarget, k)
		}
	case "to", "against", "on", "toward", "towards", "into", "for", "over", "from", "about", "upon", "at odds with":
		if c.hasRole(doc.RoleTarget) {
			return
		}
		if kind == doc.KindPlace && (prep == "to" || prep == "into") {
			if !c.hasRole(doc.RolePlace) {
				c.addArg(doc.RolePlace, x.actorOf(m), m)
			}
			return
		}
		x.addNode(s, c, doc.RoleTarget, k)
	}
}

// complementCases are the prepositions that introduce what a complement
// head is about: "calls for a ceasefire", "negotiations over the release".
var complementCases = map[string]bool{"for": true, "on": true, "over": true, "of": true, "from": true, "against": true, "about": true}

// treeComplement finds the event a complement-taking head governs in the
// tree, when its words do not follow it directly ("negotiations between
// Israel and Hamas over a ceasefire"): a clausal complement, or an event
// noun in one of its prepositional phrases. It returns the candidate's
// index, -1 when none.
func (s *sentence) treeComplement(c *cand, candAt func(int) int) int {
	for _, k := range s.children(c.head) {
		switch r, _ := s.rel(k); {
		case r == "xcomp" || r == "ccomp" && !c.p.noun:
			if ci := candAt(k); ci >= 0 {
				return ci
			}
		case (r == "nmod" || r == "obl") && complementCases[s.caseOf(k)]:
			if ci := candAt(k); ci >= 0 {
				return ci
			}
		}
	}
	return -1
}

// predicate reports whether token i is the root of its sentence or a
// conjunct of the root.
func (s *sentence) predicate(i int) bool {
	for n := 0; i >= 0 && n < len(s.toks); n++ {
		switch s.toks[i].Rel {
		case "root":
			return true
		case "conj":
			i = s.toks[i].Head
		default:
			return false
		}
	}
	return false
}

// imperative reports whether token i is the verb of an imperative, an
// instruction to the reader rather than an event ("Sign up for our
// newsletter", "Keep them hydrated"): a bare verb heading its sentence,
// or a clause set beside it ("How to get help: In the US, call the
// Lifeline"), with no subject and no auxiliary, or coordinated with one
// ("Sign up and get the news"; not "Israel will attack and destroy").
func (s *sentence) imperative(i int) bool {
	t := &s.toks[i]
	if !s.parsed() || s.title || t.Tag != "VERB" || t.XPOS != "VB" || !s.predicate(i) && t.Rel != "parataxis" {
		return false
	}
	for n := 0; s.toks[i].Rel == "conj" && n < len(s.toks); n++ {
		i = s.toks[i].Head
	}
	if s.toks[i].XPOS != "VB" {
		return false
	}
	for _, k := range s.children(i) {
		switch r, _ := s.rel(k); r {
		case "nsubj", "expl", "aux", "mark":
			return false
		}
	}
	return true
}

// verbForm maps a Penn tag to the extractor's verb forms: b base, s third
// person present, d past, n participle, g -ing.
func verbForm(xpos string) byte {
	switch xpos {
	case "VBD":
		return 'd'
	case "VBN":
		return 'n'
	case "VBZ":
		return 's'
	case "VBG":
		return 'g'
	case "VB", "VBP":
		return 'b'
	}
	return 0
}

// verbPattern is the pattern of a verb that the dictionary does not know:
// an event with its own lemma as the action and no CAMEO code ("Boeing
// challenged the award", "The GAO upheld the protest"). Without a named
// participant it is pruned before the graph.
var verbPattern = &pattern{id: "syntax", src: "VERB", name: "syntax: a verb outside the dictionary", code: occurCode, action: "-"}

// nounPattern is the pattern of an event noun the dictionary does not know
// but the event detector reads as a TimeML event ("the award", "the
// crash"); without a named participant it is pruned before the graph.
var nounPattern = &pattern{id: "syntax", src: "NOUN", name: "syntax: an event noun outside the dictionary", code: occurCode, action: "-", noun: true, flags: fWeak}

// nounCand makes a candidate of token i when the parser reads a common noun
// and the event detector a TimeML event; nil otherwise.
func (x *extractor) nounCand(s *sentence, i int) *cand {
	t := &s.toks[i]
	if t.Tag != "NOUN" || t.Event == "" || t.ment >= 0 || !s.parsed() || s.title {
		return nil
	}
	if r, _ := s.rel(i); r == "compound" {
		return nil // "the peace process": its head is the event
	}
	lemma := strings.ToLower(t.Lemma)
	if lemma == "" || x.l.noEvent[lemma] || x.setPhrase(s, i) {
		return nil
	}
	return x.newCand(cand{head: i, lo: i, hi: i + 1, p: nounPattern, code: occurCode, action: lemma, mod: doc.Asserted,
		gov: -1, objOf: -1, comp: -1, antecedent: -1, ev: -1})
}

// verbCand makes a candidate of token i when the parser reads it as a
// verb that frames nothing (cues.tsv noevent) and either the event
// detector reads a TimeML event or it is the sentence's own predication
// with a subject ("Ryanair exercises options"); nil otherwise.
func (x *extractor) verbCand(s *sentence, i int) *cand {
	t := &s.toks[i]
	if t.Tag != "VERB" || t.ment >= 0 || t.lemma == "" || x.l.noEvent[t.lemma] || !s.parsed() || x.setPhrase(s, i) {
		return nil
	}
	if t.Event == "" && !(s.predicate(i) && s.child(i, "nsubj") >= 0) {
		return nil
	}
	if r, _ := s.rel(i); r == "amod" || r == "compound" || r == "nmod" {
		return nil // "the planned delegation": a modifier
	}
	if s.child(i, "cop") >= 0 {
		return nil // "the resolution was nonbinding": a state
	}
	if m := s.child(i, "mark"); m >= 0 && t.XPOS == "VBG" && nominalPreps[s.toks[m].low] {
		return nil // "amid growing tensions": a modifier of the noun
	}
	return x.newCand(cand{head: i, lo: i, hi: i + 1, p: verbPattern, code: occurCode, action: t.lemma, mod: doc.Asserted,
		gov: -1, objOf: -1, comp: -1, antecedent: -1, ev: -1})
}

// timexOwner returns the event head token that the tree attaches time
// expression t to directly (the expression's head, as in "selected ... on
// February 29"), -1 when its head is no event (or the sentence is not
// parsed, or is a headline). Farther up the tree an attachment is a guess
// the parser often gets wrong ("a resolution that called for a ceasefire
// during Ramzan" is not a veto during Ramzan).
func (s *sentence) timexOwner(t sentTimex) int {
	if !s.parsed() || s.title || s.isHead == nil {
		return -1
	}
	k, top := t.tok, t.tok
	// Up out of the expression itself.
	for n := 0; k >= 0 && s.toks[k].timex && n < len(s.toks); n++ {
		top, k = k, s.toks[k].Head
	}
	k = s.lightNoun(k)
	if k >= 0 && s.isHead[k] {
		if low := s.acrossRelative(k, s.firstOf(top)); low >= 0 {
			return low
		}
		return k
	}
	return -1
}

// otherEventNoun reports whether the tree attaches time expression t to
// an event noun other than token h, one the dictionary does not make an
// event: in "rebukes that outweighed Princess Diana's landmark interview
// more than two decades earlier", the decades date the interview, not the
// rebukes.
func (s *sentence) otherEventNoun(t sentTimex, h int) bool {
	if !s.parsed() || s.title {
		return false
	}
	k := t.tok
	for n := 0; k >= 0 && s.toks[k].timex && n < len(s.toks); n++ {
		k = s.toks[k].Head
	}
	return k >= 0 && k != h && isNounTag(s.toks[k].Tag) && s.toks[k].Event != ""
}

// lightNoun returns, for the token of a light verb that its event noun
// absorbed ("attends the cabinet meeting ... May 24"), the noun's token:
// what is said of the verb is said of the event; else k.
func (s *sentence) lightNoun(k int) int {
	if k < 0 || s.isHead[k] {
		return k
	}
	for _, c := range s.cands {
		if c.head == k && c.absorbed && c.p.has(fLight) && c.comp >= 0 {
			return s.cands[c.comp].head
		}
	}
	return k
}

// firstOf returns the first token of the subtree of token r.
func (s *sentence) firstOf(r int) int {
	first := r
	for _, c := range s.children(r) {
		if f := s.firstOf(c); f < first {
			first = f
		}
	}
	return first
}

// acrossRelative returns, when the arc from head h to the phrase of a time
// expression starting at tok passes over a relative clause that ends
// right before the phrase, the last event of that clause before it: "abstained from
// vetoing a resolution that called for a ceasefire in Gaza during Ramzan"
// dates the ceasefire, not the veto (a phrase after a relative clause
// attaches inside it more often than the parser says). -1 otherwise.
func (s *sentence) acrossRelative(h, tok int) int {
	if h >= tok {
		return -1
	}
	for r := h + 1; r < tok; r++ {
		if s.toks[r].Rel != "acl:relcl" || s.lastOf(r) != tok-1 {
			continue
		}
		for k := tok - 1; k > r; k-- {
			if s.isHead[k] && s.within(k, r) {
				return k
			}
		}
		return r
	}
	return -1
}

// lastOf returns the last token of the subtree of token r.
func (s *sentence) lastOf(r int) int {
	last := r
	for _, c := range s.children(r) {
		if l := s.lastOf(c); l > last {
			last = l
		}
	}
	return last
}

// within reports whether token k is in the subtree of token r.
func (s *sentence) within(k, r int) bool {
	for n := 0; k >= 0 && n < len(s.toks); n++ {
		if k == r {
			return true
		}
		k = s.toks[k].Head
	}
	return false
}
