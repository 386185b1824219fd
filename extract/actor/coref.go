package actor

import (
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// relativeAntecedent returns the actor of the noun a relative clause
// modifies, as the parser attaches it ("a city councilman in
// Hendersonville, who was the nominee": the councilman), or of the mention
// just before "who" when the parse says nothing; never a place.
func (s *state) relativeAntecedent(i int) int {
	if a := s.parsedAntecedent(i); a >= 0 {
		return a
	}
	k := i - 1
	if k >= 0 && s.toks[k].text == "," {
		k--
	}
	if k < 0 || len(s.mentions) == 0 {
		return -1
	}
	n := len(s.mentions) - 1
	m := s.mentions[n]
	if m.span.End != s.toks[k].span.End {
		return -1
	}
	if s.placeActor(m.actor) {
		// "a city councilman in Hendersonville, who": the councilman.
		return s.ownerOfPlace(n)
	}
	if s.actors[s.find(m.actor)].kind == doc.KindOrganization {
		if p := s.personAbove(s.d.Sentences[s.sent].Tokens, k); p >= 0 {
			return p // "director of the Centre at Duke University, who"
		}
	}
	return m.actor
}

// ownerOfPlace returns the actor of the mention right before the
// preposition that introduces place mention n ("councilman in
// Hendersonville"), -1 when there is none.
func (s *state) ownerOfPlace(n int) int {
	start := s.mentions[n].span.Start
	k := -1
	for j := range s.toks {
		if s.toks[j].span.Start == start {
			k = j
		}
	}
	if k < 2 || n == 0 || s.toks[k-1].cls&cPlacePrep == 0 && s.toks[k-1].low != "of" {
		return -1
	}
	if p := s.mentions[n-1]; p.sent == s.sent && p.span.End == s.toks[k-2].span.End && !s.placeActor(p.actor) {
		return p.actor
	}
	return -1
}

// parsedAntecedent returns the actor of the noun the relative clause of
// pronoun i modifies in the parse, -1 when the parser attached it to no
// actor's mention.
func (s *state) parsedAntecedent(i int) int {
	dt := s.d.Sentences[s.sent].Tokens
	v := dt[i].Head
	if v < 0 || v >= len(dt) || dt[v].Rel != "acl:relcl" || dt[v].Head < 0 {
		return -1
	}
	k := dt[v].Head
	a := s.actorAt(dt, k)
	if a >= 0 && s.actors[s.find(a)].kind == doc.KindOrganization {
		// "Gavin Yamey, director of the Centre ... at Duke University,
		// who is leading research": the person whose phrase the
		// organization modifies, when there is one.
		if p := s.personAbove(dt, k); p >= 0 {
			return p
		}
	}
	if a < 0 || s.placeActor(a) {
		return -1
	}
	return a
}

// personAbove returns the person named by the noun phrase that token k,
// a prepositional modifier, is part of, through nmod and appos links: the
// director of "director of the Centre at Duke University", or the person
// "director" is in apposition to. -1 when there is none.
func (s *state) personAbove(dt []doc.Token, k int) int {
	for n := 0; n < len(dt) && k >= 0 && (dt[k].Rel == "nmod" || dt[k].Rel == "appos"); n++ {
		k = dt[k].Head
		if k < 0 {
			break
		}
		if a := s.actorAt(dt, k); a >= 0 && s.actors[s.find(a)].kind == doc.KindPerson {
			return a
		}
	}
	return -1
}

// placeActor reports whether actor a is a place or a country: "who"
// refers to neither.
func (s *state) placeActor(a int) bool {
	k := s.actors[s.find(a)].kind
	return k == doc.KindPlace || k == doc.KindCountry
}

// nominal handles a common noun for people, groups or places.
func (s *state) nominal(i, end int, e *entry) int {
	ts := s.toks
	var a int
	switch {
	case (e.title == "company" || e.title == "firm" || e.title == "team" || e.title == "club") && s.lastOrg >= 0:
		a = s.lastOrg
	case e.kind == doc.KindGovernment && s.singleGov() >= 0:
		a = s.singleGov()
	case e.kind == doc.KindPerson && !e.plural && i > 0 && ts[i-1].low == "the" && s.salientPerson() >= 0:
		// "the actress", "the star": the article's most mentioned person.
		a = s.salientPerson()
	default:
		kind := e.kind
		if kind == doc.KindGovernment {
			kind = doc.KindGovernment
		}
		a = s.keyed(func() string { return e.title }, kind, "", "desc:", s.d.Article.ID, ":", e.title)
		s.actors[a].desc = true
		s.actors[a].gender = e.gender
	}
	m := s.addMention(ts[i].span.Start, ts[end-1].span.End, a, HowNominal)
	switch s.actors[a].kind {
	case doc.KindPerson:
		if e.plural {
			s.setPlural(a)
		} else {
			s.setPerson(a)
		}
	case doc.KindPlace:
	default:
		if e.plural {
			s.setPlural(a)
		} else {
			s.setOrg(a)
		}
	}
	return s.afterMention(end, a, m)
}

// salientPerson returns the named person with the most mentions so far,
// when they have at least two; -1 otherwise.
func (s *state) salientPerson() int {
	n := append(s.counts[:0], make([]int, len(s.actors))...)
	s.counts = n
	best, bestN := -1, 1
	for i := range s.mentions {
		a := s.find(s.mentions[i].actor)
		ac := &s.actors[a]
		if ac.kind != doc.KindPerson || ac.desc {
			continue
		}
		n[a]++
		if n[a] > bestN {
			best, bestN = a, n[a]
		}
	}
	return best
}

// bySurname returns which of the persons ps, who share a surname, a bare
// surname refers to: the one mentioned most so far, the latest on a tie.
// After "Rep. Mark Meadows" told of many times and "a Scott Meadows, who
// appears to be his brother" once, "Meadows" is still the congressman.
func (s *state) bySurname(ps []int) int {
	if len(ps) == 1 {
		return s.find(ps[0])
	}
	n := map[int]int{}
	for i := range s.mentions {
		n[s.find(s.mentions[i].actor)]++
	}
	best := s.find(ps[len(ps)-1])
	for k := len(ps) - 2; k >= 0; k-- {
		if a := s.find(ps[k]); n[a] > n[best] {
			best = a
		}
	}
	return best
}

// singleGov returns the one named government of the article, or -1 when
// there is none or more than one.
func (s *state) singleGov() int {
	g := -1
	for a := range s.actors {
		if s.actors[a].kind == doc.KindGovernment && s.actors[a].parent == -1 && !s.actors[a].desc {
			if g >= 0 {
				return -1
			}
			g = a
		}
	}
	return g
}

// setPerson, setPlural and setOrg record a as the latest person, group
// or organization, the antecedent of a following pronoun.
func (s *state) setPerson(a int) {
	s.lastPerson, s.lastPSent = a, s.sent
	s.resolveCataphors(a)
	switch g := s.actors[a].gender; {
	case g != 'f':
		if s.lastHe != a {
			s.prevHe, s.prevHeSent = s.lastHe, s.lastHeSent
		}
		s.lastHe, s.lastHeSent = a, s.sent
	case s.lastHe == a:
		s.lastHe = -1 // learnt late: "actress Tara Reid"
	}
	switch g := s.actors[a].gender; {
	case g != 'm':
		if s.lastShe != a {
			s.prevShe, s.prevSheSent = s.lastShe, s.lastSheSent
		}
		s.lastShe, s.lastSheSent = a, s.sent
	case s.lastShe == a:
		s.lastShe = -1
	}
}

func (s *state) setPlural(a int) { s.lastPlural, s.lastPlSent = a, s.sent }

func (s *state) setOrg(a int) {
	s.lastOrg, s.lastOrgSent = a, s.sent
	s.lastPlural, s.lastPlSent = a, s.sent
}

// mergeSurnames folds each surname-only person into the one person of the
// article whose full name ends with that surname.
func (s *state) mergeSurnames() {
	for a := range s.actors {
		ac := &s.actors[a]
		if ac.kind != doc.KindPerson || ac.full || ac.desc || ac.parent >= 0 || ac.last == "" {
			continue
		}
		cands := s.surnames[ac.last]
		uniq := -1
		for _, c := range cands {
			c = s.find(c)
			if c == a {
				continue
			}
			if uniq >= 0 && uniq != c {
				uniq = -2
				break
			}
			uniq = c
		}
		if uniq >= 0 {
			s.merge(uniq, a)
		}
	}
}

// cataphor is a he or she with no antecedent before it.
type cataphor struct {
	span   doc.Span
	tok    int // the pronoun's token in its sentence
	female bool
}

// resolveCataphors makes the pronouns of the sentence that had no
// antecedent mentions of person a, named after them, when the gender fits:
// "After telling People that she did not need to, actress Tara Reid
// checked into rehab".
func (s *state) resolveCataphors(a int) {
	if len(s.cataphors) == 0 {
		return
	}
	g := s.actors[s.find(a)].gender
	named := s.toks[s.at].span.Start
	kept := s.cataphors[:0]
	for _, c := range s.cataphors {
		if c.female && g == 'm' || !c.female && g == 'f' || s.quotedBetween(c.span.End, named) || s.coArgument(c.tok, s.at) {
			// Nor a name inside a quotation after it: in "She added,
			// “I have my tightest dress, a Roland Mouret”", she
			// is no dress maker.
			kept = append(kept, c)
			continue
		}
		s.addMention(c.span.Start, c.span.End, a, HowPronoun)
	}
	s.cataphors = kept
}

// personPronoun resolves he, she, him or her at token i to a, the latest
// person of its gender g (unless a noun said the other gender: "the
// girlfriend ... he says"), named in sentence sent. An object pronoun whose
// clause has a as its subject is the person before a ("Warren attacked
// him"). With no one within two sentences it waits for a person named
// later in its sentence (a cataphor).
func (s *state) personPronoun(i, a, sent int, g byte) {
	t := &s.toks[i]
	subj := s.subjectPronoun(i)
	if a >= 0 && (!subj && s.subjectOfClause(i, a) || subj && s.inAdjunctOf(i, a)) {
		a, sent = s.personBefore(g)
	}
	switch {
	case a < 0 || s.sent-sent > 2:
		s.cataphors = append(s.cataphors, cataphor{span: t.span, tok: i, female: g == 'f'})
	case subj || !s.subjectOfClause(i, a):
		s.addMention(t.span.Start, t.span.End, a, HowPronoun)
		if subj {
			s.learnGender(a, g)
		}
	}
}

// personBefore returns the person named before the latest one a pronoun
// of gender g could refer to, and its sentence; -1 when there is none or
// the article has given it the other gender.
func (s *state) personBefore(g byte) (int, int) {
	a, sent := s.prevHe, s.prevHeSent
	if g == 'f' {
		a, sent = s.prevShe, s.prevSheSent
	}
	if a >= 0 {
		if k := s.actors[s.find(a)].gender; k != 0 && k != g {
			return -1, sent
		}
	}
	return a, sent
}

// subjectPronoun reports whether the parser makes pronoun i a subject.
func (s *state) subjectPronoun(i int) bool {
	r := s.d.Sentences[s.sent].Tokens[i].Rel
	return r == "nsubj" || r == "nsubj:pass"
}

// reflexiveBinder returns the actor a reflexive pronoun at token i refers
// to: the subject of its own clause ("Tara Reid has checked herself into
// rehab", "the officers shot themselves"); -1 for another pronoun, or when
// the subject is no actor.
func (s *state) reflexiveBinder(i int) int {
	low := s.toks[i].low
	if !strings.HasSuffix(low, "self") && !strings.HasSuffix(low, "selves") {
		return -1
	}
	dt := s.d.Sentences[s.sent].Tokens
	if i >= len(dt) || dt[i].Head < 0 {
		return -1
	}
	for k := range dt {
		if r := dt[k].Rel; dt[k].Head == dt[i].Head && k < i && (r == "nsubj" || r == "nsubj:pass") {
			return s.actorAt(dt, k)
		}
	}
	return -1
}

// subjectOfClause reports whether actor a is the subject of the clause
// whose object pronoun i is: in "Elizabeth Warren attacked him", "him" is
// not Warren (she would be "herself").
func (s *state) subjectOfClause(i, a int) bool {
	dt := s.d.Sentences[s.sent].Tokens
	h := dt[i].Head
	if h < 0 || dt[i].Rel != "obj" && dt[i].Rel != "iobj" {
		return false
	}
	for k := range dt {
		if dt[k].Head == h && (dt[k].Rel == "nsubj" || dt[k].Rel == "nsubj:pass") {
			return s.actorAt(dt, k) == s.find(a)
		}
	}
	return false
}

// inAdjunctOf reports whether actor a is named in the current sentence
// only inside adverbial clauses without a subject of their own that hang
// from the verb whose subject pronoun i is: the clause's unstated subject
// is the pronoun, so in "Speaking on Morning Ireland, he bypassed the
// question" or "After meeting Biden, he flew home", "he" is someone else.
func (s *state) inAdjunctOf(i, a int) bool {
	dt := s.d.Sentences[s.sent].Tokens
	v := dt[i].Head
	if v < 0 {
		return false
	}
	a = s.find(a)
	found := false
	for k := range dt {
		if k == i || s.actorAt(dt, k) != a {
			continue
		}
		c := clauseBelow(dt, k, v)
		if c < 0 || dt[c].Rel != "advcl" || hasSubject(dt, c) {
			return false
		}
		found = true
	}
	return found
}

// coArgument reports whether subject pronoun i and the name at token k
// depend on the same verb, with no clause between: in "Later she told
// Oprah Winfrey", she is not Winfrey (a name cannot be bound by a pronoun
// that is its own clause's subject); in "After telling People that she
// needed help, Tara Reid checked in" the pronoun's clause is below.
func (s *state) coArgument(i, k int) bool {
	dt := s.d.Sentences[s.sent].Tokens
	if i < 0 || i >= len(dt) || k < 0 || k >= len(dt) {
		return false
	}
	if r := dt[i].Rel; r != "nsubj" && r != "nsubj:pass" {
		return false
	}
	v := dt[i].Head
	for n := 0; k >= 0 && n < len(dt); n++ {
		if dt[k].Head == v {
			return true
		}
		switch base, _, _ := strings.Cut(dt[k].Rel, ":"); base {
		case "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "conj", "root":
			return false
		}
		k = dt[k].Head
	}
	return false
}

// clauseBelow returns the child of token v whose subtree holds token k,
// -1 when k is not below v.
func clauseBelow(dt []doc.Token, k, v int) int {
	for n := 0; k >= 0 && n < len(dt); n++ {
		if dt[k].Head == v {
			return k
		}
		k = dt[k].Head
	}
	return -1
}

// hasSubject reports whether token h has a subject among its children.
func hasSubject(dt []doc.Token, h int) bool {
	for k := range dt {
		if dt[k].Head == h && (dt[k].Rel == "nsubj" || dt[k].Rel == "nsubj:pass") {
			return true
		}
	}
	return false
}

// learnGender gives person a, of no known gender, the gender g of a
// pronoun that refers to it: after "Bloomberg said his company", a "she"
// is someone else.
func (s *state) learnGender(a int, g byte) {
	a = s.find(a)
	if s.actors[a].gender != 0 {
		return
	}
	s.actors[a].gender = g
	if g == 'm' && s.lastShe == a {
		s.lastShe, s.lastSheSent, s.prevShe = s.prevShe, s.prevSheSent, -1
	}
	if g == 'f' && s.lastHe == a {
		s.lastHe, s.lastHeSent, s.prevHe = s.prevHe, s.prevHeSent, -1
	}
}

// quotedBetween reports whether a quotation mark stands in the text
// between byte offsets from and to.
func (s *state) quotedBetween(from, to int) bool {
	if from >= to {
		return false
	}
	return strings.ContainsAny(s.d.Article.Text[from:to], "\"“”")
}

// pronoun resolves the pronoun at token i to the latest fitting actor
// mentioned at most two sentences before, or a person named later in its
// sentence when there is none: he/she to a person, they to a
// group, its to an organization, who to the mention just before.
// Possessive determiners ("his", "their") rarely name a participant and
// are left alone.
func (s *state) pronoun(i int) {
	t := &s.toks[i]
	if b := s.reflexiveBinder(i); b >= 0 {
		s.addMention(t.span.Start, t.span.End, b, HowPronoun)
		return
	}
	a, sent, g := s.lastHe, s.lastHeSent, byte('m')
	if t.cls&cFemalePron != 0 {
		a, sent, g = s.lastShe, s.lastSheSent, 'f'
	}
	switch {
	case t.cls&cPossDeterminer != 0:
		if t.cls&(cMalePron|cFemalePron) != 0 && a >= 0 && s.sent-sent <= 2 {
			s.learnGender(a, g) // "Bloomberg ... his company"
		}
	case t.cls&(cMalePron|cFemalePron) != 0:
		s.personPronoun(i, a, sent, g)
	case t.cls&cPluralPron != 0:
		if s.lastPlural >= 0 && s.sent-s.lastPlSent <= 2 {
			s.addMention(t.span.Start, t.span.End, s.lastPlural, HowPronoun)
		}
	case t.cls&cNeutPron != 0:
		if t.low == "it" && !t.refIt {
			return // "it seems", "it was confirmed"
		}
		if s.lastOrg >= 0 && s.sent-s.lastOrgSent <= 2 {
			s.addMention(t.span.Start, t.span.End, s.lastOrg, HowPronoun)
		}
	case t.cls&cFirstPron != 0:
		s.firsts = append(s.firsts, i)
	case t.cls&cRelativePron != 0:
		if a := s.relativeAntecedent(i); a >= 0 {
			s.addMention(t.span.Start, t.span.End, a, HowRelative)
		}
	}
}

// resolveFirsts resolves the sentence's first-person singular pronouns to
// the speaker of the quotation they stand in: in "“I appreciate your
// respect,” the actress's rep Jack Ketsoyan tells People", "I" is the
// rep. The speaker is the named subject of the reporting verb (the
// tagger's TimeML class) nearest to the quotation and outside it; "I said
// I would win" quotes no one. "We" is the speaker's side, not the speaker,
// and is left alone.
func (s *state) resolveFirsts() {
	if len(s.firsts) == 0 {
		return
	}
	dt := s.d.Sentences[s.sent].Tokens
	for _, i := range s.firsts {
		lo, hi := quoteAround(dt, i)
		if lo < 0 && hi < 0 {
			continue
		}
		if a := s.speaker(dt, lo, hi); a >= 0 {
			s.addMention(s.toks[i].span.Start, s.toks[i].span.End, a, HowPronoun)
		}
	}
}

// quoteAround returns the quotation marks before and after token i, -1
// for a side without one.
func quoteAround(dt []doc.Token, i int) (lo, hi int) {
	lo, hi = -1, -1
	for k := i - 1; k >= 0 && lo < 0; k-- {
		if quoteMark(dt[k].Text) {
			lo = k
		}
	}
	for k := i + 1; k < len(dt) && hi < 0; k++ {
		if quoteMark(dt[k].Text) {
			hi = k
		}
	}
	return lo, hi
}

// quoteChars are the quotation marks of a text (quoteMark also takes the
// treebank's doubled backquotes and apostrophes).
const quoteChars = "\"\u201c\u201d"

func quoteMark(t string) bool {
	return t == "``" || t == "''" || len(t) > 0 && len(t) <= 3 && strings.Trim(t, quoteChars) == ""
}

// speaker returns the actor named as the subject of the reporting verb
// nearest to the quotation between tokens lo and hi (either -1 when the
// quotation runs past the sentence) and outside it; -1 when there is none.
func (s *state) speaker(dt []doc.Token, lo, hi int) int {
	best, dist := -1, len(dt)
	for v := range dt {
		if dt[v].Event != "REPORTING" || lo >= 0 && v > lo && (hi < 0 || v < hi) || lo < 0 && v < hi {
			continue
		}
		d := v - hi
		if v < lo || hi < 0 {
			d = lo - v
		}
		if d < dist {
			best, dist = v, d
		}
	}
	if best < 0 {
		return -1
	}
	for k := range dt {
		if dt[k].Head == best && dt[k].Rel == "nsubj" {
			if a := s.actorAt(dt, k); a >= 0 {
				return a
			}
		}
	}
	return -1
}

// actorAt returns the actor of the mention of the current sentence that
// covers token k, -1 when none does.
func (s *state) actorAt(dt []doc.Token, k int) int {
	sp := dt[k].Span
	for m := len(s.mentions) - 1; m >= 0 && s.mentions[m].sent == s.sent; m-- {
		if sp2 := s.mentions[m].span; sp2.Start <= sp.Start && sp.End <= sp2.End {
			return s.find(s.mentions[m].actor)
		}
	}
	return -1
}
