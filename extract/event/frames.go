package event

import "github.com/eventgraph/eventgraph/extract/doc"

// Arguments the tree gives an event only through another word: whom an
// accusation names as a deed's doer, who suffered the violence a clause
// sets its harm in or a participle of harm names, and where a mishap
// named after an organization happened.

// deedCases are the markers that attach a deed to a word accusing someone
// of it ("charged with", "convicted of", "jailed for", "arrested on
// suspicion"; "" for a compound: "murder charges"); "to" only for the
// accused's own words ("pleaded guilty to"). Not "in", which sets the
// scene as often as it names the deed ("arrested in a police raid").
var deedCases = set("with", "of", "for", "on", "", "to")

// accusedFamilies are the event families that accuse, arrest or judge:
// such a deed is done to the accused, not by them ("arrested on
// charges": the charges are not the suspect's).
var accusedFamilies = set("11", "17", "legal")

// accused returns the token of whom the tree says is accused of the deed
// c, or -1, and whether the accusing word establishes the deed (found)
// rather than alleging it. The accused is the passive subject, the noun a
// reduced relative describes or the object of an accusing word ("Smith
// was charged with the robbery", "a man accused of killing", "police
// charged Smith with the robbery"), the subject of the accused's own words
// ("Smith faces murder charges"), through a noun between them ("on
// suspicion of arson", "two counts of murder"), or the "against" phrase
// of such a noun's verb ("filed charges against Smith").
func (x *extractor) accused(s *sentence, c *cand) (k int, found bool) {
	if accusedFamilies[typeFamily(x.l.typeOf(c.code))] {
		return -1, false
	}
	k, between := c.head, false
	if d := x.chargedDeed(s, k); d >= 0 {
		k = d // "charged with murder after the shooting": the murder
	}
	if !deedCases[s.markerOf(k)] {
		return -1, false
	}
	for n := 0; n < 3; n++ {
		g := s.toks[k].Head
		if g < 0 {
			return -1, false
		}
		r, _ := s.rel(k)
		lemma := s.toks[g].Lemma
		switch {
		case !between && !deedRels[r] && !(r == "obj" && x.l.accuse[lemma].deedObject && x.isCrime(s, k)):
			return -1, false
		case s.toks[g].Tag == "NOUN":
			// "suspicion of arson", "murder charges"
			if !x.l.accuseNoun[lemma] {
				return -1, false
			}
			k, between = g, true
			continue
		case r == "compound":
			return -1, false
		}
		a, ok := x.l.accuse[lemma]
		if !ok || s.toks[g].Tag != "VERB" && s.toks[g].Tag != "ADJ" {
			if between && (r == "obj" || r == "nsubj:pass") {
				return s.childWithCase(g, "obl", "against"), false
			}
			return -1, false
		}
		if !a.subject && (r == "obj" || s.markerOf(k) == "to") {
			return -1, false // "police suspect arson", "sentenced to death"
		}
		return s.accusedAt(g, k, a.subject), a.finds && !s.negated(g)
	}
	return -1, false
}

// negated reports whether token h has "not" or "never" among its
// dependents ("pleaded not guilty").
func (s *sentence) negated(h int) bool {
	for _, c := range s.children(h) {
		if w := s.toks[c].low; w == "not" || w == "never" || w == "n't" {
			return true
		}
	}
	return false
}

// incidentCases mark the incident a charge is brought over: "charged with
// murder after a killing", "arson over the fire", "murder in the office
// shootings".
var incidentCases = set("after", "over", "in", "for", "following")

// chargedDeed returns, for the incident at token k, the deed noun it is
// attached to when that deed is a crime or violence someone can be charged
// with ("charged with arson over the Waitrose fire"), or -1: whoever the
// charge accuses did both.
func (x *extractor) chargedDeed(s *sentence, k int) int {
	d := s.toks[k].Head
	if r, _ := s.rel(k); d < 0 || r != "nmod" || !incidentCases[s.caseOf(k)] || s.toks[d].Tag != "NOUN" {
		return -1
	}
	if !x.isCrime(s, d) {
		return -1
	}
	return d
}

// isCrime reports whether the candidate headed at token k is a crime or
// violence someone can be charged with ("murder", "arson", "the attack"),
// not a judgment or legal step.
func (x *extractor) isCrime(s *sentence, k int) bool {
	return x.headsFamily(s, k, func(f string) bool { return f != "17" && f != "legal" && harmFamilies[f] })
}

// deedRels are the relations of a deed to the word accusing someone of
// it, or to a noun between them.
var deedRels = set("obl", "nmod", "acl", "advcl", "compound")

// accusedAt returns who accusing word g (reached from token from) names
// as accused: its subject, or its passive subject or object.
func (s *sentence) accusedAt(g, from int, subject bool) int {
	if subject {
		if k, _ := s.subjectOf(g); k >= 0 {
			return k
		}
		if r, _ := s.rel(g); r == "xcomp" && s.toks[g].Head >= 0 {
			// "found Smith guilty of fraud"
			if o := s.child(s.toks[g].Head, "obj"); o >= 0 {
				return o
			}
		}
		return -1
	}
	for _, k := range s.children(g) {
		if s.toks[k].Rel == "nsubj:pass" && !s.beforeRelativeAdverb(g, k) {
			return k
		}
	}
	if r, _ := s.rel(g); r == "conj" && s.child(g, "aux:pass") >= 0 {
		// "was pulled over, but was arrested on suspicion of drunk
		// driving": the passive subject the conjuncts share
		if k, rel := s.subjectOf(g); k >= 0 && rel == "nsubj:pass" {
			return k
		}
	}
	if r, sub := s.rel(g); r == "acl" && sub == "" && s.toks[g].Head >= 0 {
		return s.toks[g].Head // "a man charged with arson"
	}
	for _, r := range [...]string{"obj", "iobj"} {
		if o := s.child(g, r); o >= 0 && o != from {
			return o
		}
	}
	if k := s.child(g, "nsubj"); k >= 0 && (s.toks[g].XPOS == "VBN" || s.title) {
		return k // a headline's "Smith Charged With Murder"
	}
	return -1
}

// markerOf returns the case or mark words before token k ("of" in
// "accused of killing"), "" when it has none.
func (s *sentence) markerOf(k int) string {
	if m := s.caseOf(k); m != "" {
		return m
	}
	if m := s.child(k, "mark"); m >= 0 && m < k {
		return s.toks[m].low
	}
	return ""
}

// childWithCase returns the child of h in relation rel whose case word is
// prep, or -1.
func (s *sentence) childWithCase(h int, rel, prep string) int {
	for _, c := range s.children(h) {
		if s.toks[c].Rel == rel && s.caseOf(c) == prep {
			return c
		}
	}
	return -1
}

// harmFamilies are the event families whose setting harms those in it:
// violence, raids, crime, accidents and disasters.
var harmFamilies = set("17", "18", "19", "20", "crime", "accident", "disaster")

// settingVictim gives a harmful event noun that sets the scene of a
// clause in which someone was harmed that one as its target: "workers
// died in an attack", "a woman was killed in a crash", "a man was
// arrested in a raid". The subject of an active verb with an object acts
// in the event instead (settingSubject).
func (x *extractor) settingVictim(s *sentence, c *cand, h int) {
	v := s.toks[h].Head
	if r, _ := s.rel(h); r != "obl" || v < 0 || s.toks[v].Tag != "VERB" || !settings[s.caseOf(h)] {
		return
	}
	if !harmFamilies[typeFamily(x.l.typeOf(c.code))] || s.child(v, "obj") >= 0 {
		return
	}
	k, rel := s.subjectOf(v)
	if r, sub := s.rel(v); k < 0 && r == "acl" && sub == "" && s.toks[v].XPOS == "VBN" {
		k, rel = s.toks[v].Head, "nsubj:pass" // "a Mafia boss arrested in a police raid"
	}
	if k < 0 || rel != "nsubj:pass" && !x.harmVerb(s, v) {
		return
	}
	x.addNode(s, c, doc.RoleTarget, k)
}

// harmVerb reports whether a candidate headed at token v is a death or an
// injury ("died", "were hurt").
func (x *extractor) harmVerb(s *sentence, v int) bool {
	return x.headsFamily(s, v, func(f string) bool { return f == "death" })
}

// harmful reports whether a candidate headed at token v kills, injures or
// damages: a death or injury, violence or a crime ("killing", "wounding").
func (x *extractor) harmful(s *sentence, v int) bool {
	return x.headsFamily(s, v, func(f string) bool { return f == "death" || harmFamilies[f] })
}

// headsFamily reports whether a candidate headed at token v has a family
// that ok accepts.
func (x *extractor) headsFamily(s *sentence, v int, ok func(string) bool) bool {
	for _, d := range s.cands {
		if d.head == v && ok(typeFamily(x.l.typeOf(d.code))) {
			return true
		}
	}
	return false
}

// mishap reports whether c is a disaster or an accident: no one acts in
// it, and an organization named before it is where it happened ("the
// Waitrose fire").
func (x *extractor) mishap(c *cand) bool {
	switch typeFamily(x.l.typeOf(c.code)) {
	case "disaster", "accident":
		return true
	}
	return false
}

// holderCases mark the event a noun for someone's part in it names: "host
// of the ceremony", "victims in the shooting", "the mastermind behind the
// attack".
var holderCases = set("of", "in", "behind")

// holderArg gives an event noun the actor that a noun for a part in it
// refers to, in the role that part plays ("Jackman will be the host of the
// ceremony": Jackman hosts it; "the victims of the attack" suffered it),
// and an event that is not harm the person or body "in" it, as a headline
// says ("Gary Ross in negotiations to direct the sequel").
func (x *extractor) holderArg(s *sentence, c *cand, h int) {
	g := s.toks[h].Head
	if r, _ := s.rel(h); r != "nmod" || g < 0 || !holderCases[s.caseOf(h)] || s.toks[g].ment < 0 {
		return
	}
	if role, ok := x.l.holder[s.toks[g].Lemma]; ok && !c.hasRole(role) {
		x.addNode(s, c, role, g)
		return
	}
	if s.caseOf(h) != "in" || c.hasRole(doc.RoleAgent) || harmFamilies[typeFamily(x.l.typeOf(c.code))] {
		return
	}
	switch x.kindOf(s.toks[g].ment) {
	case doc.KindPerson, doc.KindGroup, doc.KindOrganization, doc.KindGovernment, doc.KindIGO:
		x.addNode(s, c, doc.RoleAgent, g)
	}
}
