package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// sentence recognizes the actors of the current sentence.
func (s *state) sentence() {
	s.cataphors = s.cataphors[:0]
	s.firsts = s.firsts[:0]
	i := 0
	for i < len(s.toks) {
		// step does nothing at a word that starts no gazetteer phrase and
		// is neither capitalized nor a pronoun.
		if s.ageNoun(i) {
			s.agePerson(i)
			i++
			continue
		}
		if s.casualtyCount(i) {
			s.countedPeople(i)
			i++
			continue
		}
		if t := &s.toks[i]; !t.word || t.root == nil && !t.cap && t.cls&cPronoun == 0 {
			i++
			continue
		}
		s.at = i
		j := s.step(i)
		if j <= i {
			j = i + 1
		}
		i = j
	}
	s.resolveFirsts()
}

// credit reports whether capitalized token i is the agency of a photo
// credit: right after a slash that follows a capitalized word ("Abir
// Sultan/Pool via REUTERS": "Pool" names no place).
func (s *state) credit(i int) bool {
	return s.toks[i].cap && i >= 2 && s.toks[i-1].text == "/" && s.toks[i-2].cap
}

// step recognizes what starts at token i and returns where to go on.
func (s *state) step(i int) int {
	t := &s.toks[i]
	if s.credit(i) {
		return i + 1
	}
	end, ents := s.match(i)
	// Hyphenated compounds: "US-Israel", "Bibi-Biden".
	if end == i && t.cap && strings.Contains(t.text, "-") && s.compound(i) {
		return i + 1
	}
	if end > i {
		if j, ok := s.phrase(i, end, ents); ok {
			return j
		}
	}
	if t.cap && !t.stop && t.cls&cFirstPron == 0 {
		return s.nameAt(i)
	}
	if (!t.cap || t.first || t.cls&cFirstPron != 0) && t.cls&cPronoun != 0 {
		s.pronoun(i)
	}
	return i + 1
}

// phrase recognizes the gazetteer phrase [i, end) with entries ents: an
// owner (country, demonym, organization, capital) and what it owns, a
// title, a person's alias, a people noun ("Israelis") or a common noun.
// It reports false when the phrase is left to the name rules.
func (s *state) phrase(i, end int, ents []int32) (int, bool) {
	ts := s.toks
	t := &ts[i]
	if e := s.ownerEntry(ents); e != nil {
		if j, ok := s.owned(i, end, e); ok {
			return j, true
		}
	}
	if s.adjective(i, end) {
		return 0, false // "official statement", "military assistance", "civilian casualties"
	}
	if e := s.pick(ents, eTitle); e != nil {
		if n := s.pick(ents, eNoun); n != nil && !t.cap && s.nameRun(end) == end && s.nounHere(n, i, end) {
			return s.nominal(i, end, n), true
		}
		if j, ok := s.titled(i, -1, "", i); ok {
			return j, true
		}
	}
	if e := s.pick(ents, eEntity); e != nil && e.kind == doc.KindPerson {
		a := s.entityActor(e)
		m := s.addMention(ts[i].span.Start, ts[end-1].span.End, a, HowAlias)
		return s.afterMention(end, a, m), true
	}
	if e := s.pick(ents, eDemonymPl); e != nil {
		a := s.countryActor(e.iso)
		s.countryN[e.iso]++
		s.addMention(ts[i].span.Start, ts[end-1].span.End, a, HowDemonym)
		s.setPlural(a)
		return end, true
	}
	if e := s.pick(ents, eNoun); e != nil && ((!t.cap || t.first || s.titleCase) && s.nounHere(e, i, end) || s.theInstitution(e, i, end)) {
		return s.nominal(i, end, e), true
	}
	return 0, false
}

// adjective reports whether the one word [i, end) is an adjective the
// parser hung on a later noun: "an official statement", "military
// assistance" name no official and no military.
func (s *state) adjective(i, end int) bool {
	t := &s.toks[i]
	return end == i+1 && t.parsed && t.mod && t.tag == "ADJ"
}

// theInstitution reports whether [i, end) is one capitalized organization
// or government noun after "the" inside a sentence: "the Academy
// announced", "the Agency said", "the Government was defeated" name the
// institution the article is about.
func (s *state) theInstitution(e *entry, i, end int) bool {
	t := &s.toks[i]
	return t.cap && !t.first && !s.titleCase && end == i+1 && i > 0 && s.toks[i-1].low == "the" &&
		(e.kind == doc.KindOrganization || e.kind == doc.KindGroup || e.kind == doc.KindGovernment) && s.nameRun(i) == end
}

// compound splits "US-Israel" into its parts when a part is a known name.
func (s *state) compound(i int) bool {
	t := s.toks[i]
	parts := strings.Split(t.text, "-")
	if len(parts) < 2 {
		return false
	}
	known := false
	for _, p := range parts {
		if p == "" {
			return false
		}
		r, _ := utf8.DecodeRuneInString(p)
		if !unicode.IsUpper(r) {
			return false
		}
		lp := norm(p)
		if n := s.g.root.next[lp]; n != nil && len(n.ents) > 0 {
			known = true
		}
		if len(s.surnames[lp]) > 0 {
			known = true
		}
	}
	if !known {
		return false
	}
	off := t.span.Start
	for _, p := range parts {
		sp := doc.Span{Start: off, End: off + len(p)}
		off += len(p) + 1
		lp := norm(p)
		a := -1
		if n := s.g.root.next[lp]; n != nil && len(n.ents) > 0 {
			pt := tok{text: p, low: lp, span: sp, cap: true, upper: isAcronym(p), word: true}
			ents := s.fits2(&pt, n.ents)
			if e := s.ownerEntry(ents); e != nil {
				a = s.entryActor(e)
			} else if e := s.pick(ents, eEntity); e != nil {
				a = s.entityActor(e)
			}
		}
		if a < 0 {
			if ps := s.surnames[lp]; len(ps) > 0 {
				a = ps[len(ps)-1]
			}
		}
		if a >= 0 {
			s.addMention(sp.Start, sp.End, a, HowCompound)
		}
	}
	return true
}

// entryActor returns the actor an owner entry names on its own: the entity,
// the country (for a country name or a demonym) or the capital as a place.
func (s *state) entryActor(e *entry) int {
	switch e.typ {
	case eCountry, eDemonym, eDemonymPl:
		s.countryN[e.iso]++
		return s.countryActor(e.iso)
	case eCapital, ePlace:
		return s.actor("place:"+normPhrase(e.name), e.name, doc.KindPlace, "")
	}
	return s.entityActor(e)
}

// owned handles a phrase starting with an owner entry e spanning [i, end):
// a demonym, country, organization or capital, possibly possessive,
// possibly followed by a title and a name.
func (s *state) owned(i, end int, e *entry) (int, bool) {
	ts := s.toks
	j := end
	poss := j < len(ts) && isPoss(&ts[j])
	if poss {
		j++
	}
	// Absorb into a longer name: "Denzel Washington" is handled by nameAt;
	// here "Israel Katz", "Washington Post", "Gaza City".
	if !poss && j < len(ts) && (e.typ == eCountry || e.typ == eCapital || e.typ == eDemonym || e.kind == doc.KindPlace) &&
		(s.capUnknown(j) && !s.jurisdiction(i) || e.kind == doc.KindPlace && ts[j].low == "of" && s.capAt(j+1)) && !s.titleCase {
		return s.nameAt(i), true // "Gulf of Aden"
	}
	ownerA := s.entryActor(e)
	if e.typ == eCapital {
		s.countryN[e.iso]++
	}
	// Owner + title (+ name).
	if k, ok := s.titleStart(j); ok {
		s.addMention(ts[i].span.Start, ts[end-1].span.End, ownerA, ownerHow(e))
		return s.titled(k, s.titleBody(e, ownerA), e.iso, i)
	}
	if !poss && j < len(ts) {
		if k, ok := s.nationalBody(i, j, e); ok {
			return k, true
		}
	}
	return s.ownerMention(i, end, e, ownerA), true
}

// jurisdiction reports whether the place at token i completes a title
// before it ("U.S. Attorney for Massachusetts Joshua Levy", "Governor of
// California Gavin Newsom"): the name after it is someone else's, not a
// longer name such as "Israel Katz".
func (s *state) jurisdiction(i int) bool {
	return i > 1 && (s.toks[i-1].low == "for" || s.toks[i-1].low == "of") && s.toks[i-2].cap
}

// ownerHow says how an owner entry names its actor.
func ownerHow(e *entry) string {
	switch e.typ {
	case eDemonym:
		return HowDemonym
	case eCountry:
		return HowName
	}
	return HowAlias
}

// titleBody returns the body a title holder of owner e (actor ownerA)
// belongs to: the government for a country, a nationality or a capital,
// the owner itself otherwise.
func (s *state) titleBody(e *entry, ownerA int) int {
	switch e.typ {
	case eCountry, eDemonym, eCapital:
		return s.govActor(e.iso)
	}
	return ownerA
}

// nationalBody recognizes a country, nationality or capital at [i, j)
// followed by a government, military, media or other sector noun as a
// mention of that body: "American officials", "Israeli troops", "the
// Israeli Air Force", "Iranian state media", "Syrian rebels".
func (s *state) nationalBody(i, j int, e *entry) (int, bool) {
	if e.typ != eDemonym && e.typ != eCountry && e.typ != eCapital {
		return 0, false
	}
	ts := s.toks
	nx := &ts[j]
	switch {
	case nx.cls&cGovNoun != 0 && !nx.cap || nx.cls&cGovNoun != 0 && e.typ == eCountry:
		g := s.govActor(e.iso)
		s.addMention(ts[i].span.Start, nx.span.End, g, HowDemonym)
		s.setPlural(g)
		return j + 1, true
	case nx.cls&cMediaNoun != 0 && !nx.cap, nx.low == "state" && j+1 < len(ts) && ts[j+1].cls&cMediaNoun != 0 && !ts[j+1].cap:
		k := j + 1
		if nx.low == "state" {
			k++ // "Chinese state media"
		}
		m := s.mediaActor(e.iso)
		s.addMention(ts[i].span.Start, ts[k-1].span.End, m, HowDemonym)
		s.setPlural(m)
		return k, true
	case !nx.cap && s.g.roles[nx.low].code != "":
		// "Syrian rebels", "Ukrainian lawmakers", "Iraqi police"
		r := s.roleActor(e.iso, s.g.roles[nx.low])
		s.addMention(ts[i].span.Start, nx.span.End, r, HowDemonym)
		s.setPlural(r)
		return j + 1, true
	case nx.cls&cMilNoun != 0 && !nx.cap:
		m := s.milActor(e.iso)
		k := j + 1
		if nx.low == "air" && k < len(ts) && ts[k].low == "force" {
			k++
		}
		s.addMention(ts[i].span.Start, ts[k-1].span.End, m, HowDemonym)
		s.setPlural(m)
		return k, true
	}
	if e.typ == eDemonym && !nx.cap {
		return s.nationalPeople(i, j, e)
	}
	return 0, false
}

// nationalPeople recognizes a nationality before a noun for people as
// people of that country: "a Nigerian student", "two Brazilian men" are
// known only by that description, but their country is CAMEO's code for
// them (NGA, BRA) and their affiliation.
func (s *state) nationalPeople(i, j int, e *entry) (int, bool) {
	end, ents := s.match(j)
	n := s.pick(ents, eNoun)
	if n == nil || end <= j || n.kind != doc.KindPerson && n.kind != doc.KindGroup || !s.nounHere(n, j, end) {
		return 0, false
	}
	ts := s.toks
	text := s.d.Article.Text[ts[i].span.Start:ts[end-1].span.End]
	a := s.keyed(func() string { return text }, doc.KindPerson, e.iso, "desc:", s.d.Article.ID, ":", strings.ToLower(text))
	s.actors[a].desc = true
	m := s.addMention(ts[i].span.Start, ts[end-1].span.End, a, HowDemonym)
	s.addRel(a, "affiliation", "", s.countryActor(e.iso), m)
	if n.plural {
		s.setPlural(a)
	} else {
		s.setPerson(a)
	}
	return end, true
}

// ownerMention records the owner phrase [i, end) on its own as a mention
// of its actor ownerA, of its government for a capital that stands for it
// ("Washington said"), or of nothing for a bare nationality adjective
// ("Israeli signals"). It returns where to go on.
func (s *state) ownerMention(i, end int, e *entry, ownerA int) int {
	ts := s.toks
	switch e.typ {
	case eCapital:
		if s.capitalIsGov(i, end) {
			g := s.govActor(e.iso)
			m := s.addMention(ts[i].span.Start, ts[end-1].span.End, g, HowMetonymy)
			return s.afterMention(end, g, m)
		}
		m := s.addMention(ts[i].span.Start, ts[end-1].span.End, ownerA, HowName)
		return s.afterMention(end, ownerA, m)
	case eDemonym:
		return end
	}
	m := s.addMention(ts[i].span.Start, ts[end-1].span.End, ownerA, ownerHow(e))
	switch s.actors[ownerA].kind {
	case doc.KindOrganization, doc.KindIGO, doc.KindGroup, doc.KindGovernment, doc.KindOffice, doc.KindCountry:
		s.setOrg(ownerA)
	}
	return s.afterMention(end, ownerA, m)
}

// capitalIsGov decides whether a capital city at [i, end) stands for its
// government: the subject of a speech or action verb, a possessor, the
// partner in "talks with Washington", the goal of "a delegation to
// Washington".
func (s *state) capitalIsGov(i, end int) bool {
	ts := s.toks
	if end < len(ts) {
		nx := &ts[end]
		if isPoss(nx) || nx.cls&cSpeechVerb != 0 && !nx.cap {
			return true
		}
	}
	if i > 0 {
		p := ts[i-1].low
		if p == "with" || p == "against" || p == "by" {
			return true
		}
		if p == "to" && i > 1 && ts[i-2].cls&cDelegationNoun != 0 {
			return true
		}
	}
	return false
}

// nounHere reports whether noun entry e may match tokens [i, end): an
// entry that wants a noun (from WordNet) needs the parser's noun tag, and
// it must head its phrase: the parser did not make it a compound or
// adjective of a later word ("heavyweight champion", "student protests":
// a modifier, not the noun phrase's head), or, unparsed, no noun follows.
func (s *state) nounHere(e *entry, i, end int) bool {
	if e.possessed && !s.possessedAt(i) {
		return false
	}
	if !e.nounOnly || s.toks[i].tag == "" {
		return true
	}
	if s.toks[i].tag != "NOUN" {
		return false
	}
	if !e.plural && i > 0 && s.toks[i-1].tag == "ADP" {
		// A bare singular after a preposition refers to no one: "caught
		// off guard", "by proxy".
		return false
	}
	if end < len(s.toks) && s.toks[end].tag == "PROPN" && !s.toks[end].stop {
		return false // a descriptor of the name after it: "producers Craig Zadan"
	}
	if last := &s.toks[end-1]; last.parsed {
		return !last.mod
	}
	return end >= len(s.toks) || s.toks[end].tag != "NOUN"
}

// possessedAt reports whether the noun at i follows a possessive, over
// the adjectives between: "her agent", "Page's longtime agent".
func (s *state) possessedAt(i int) bool {
	k := i - 1
	for k >= 0 && s.toks[k].tag == "ADJ" {
		k--
	}
	if k < 0 {
		return false
	}
	return possessive(&s.toks[k])
}

// ageNoun reports whether token i is an age standing for a person, as news
// writes them: "the 37-year-old will serve", "a 16-year-old was shot";
// not a modifier ("a 35-year-old man").
func (s *state) ageNoun(i int) bool {
	t := &s.toks[i]
	if !t.parsed || t.mod || t.tag != "NOUN" && t.tag != "ADJ" {
		return false
	}
	w := strings.TrimSuffix(t.low, "s")
	n, ok := strings.CutSuffix(w, "-year-old")
	if !ok || n == "" || len(n) > 3 {
		return false
	}
	for k := 0; k < len(n); k++ {
		if n[k] < '0' || n[k] > '9' {
			return false
		}
	}
	return true
}

// casualtyCount reports whether token i is a number standing for people,
// as news counts casualties: "Three killed", "3 dead", "left two dead and
// five injured"; not a year nor a number that counts a noun.
func (s *state) casualtyCount(i int) bool {
	t := &s.toks[i]
	if t.tag != "NUM" || len(t.low) == 4 && t.low[0] >= '0' && t.low[0] <= '9' {
		return false // "in 2009 killed"
	}
	if i > 0 && s.toks[i-1].cls&cHarmVerb != 0 {
		// "killing 10 and injuring 80", not "killing 10 people"
		return i+1 == len(s.toks) || !nounish(s.toks[i+1].tag)
	}
	if i+1 >= len(s.toks) || s.toks[i+1].cls&cCasualty == 0 {
		return false
	}
	return i == 0 || !nounish(s.toks[i-1].tag)
}

// nounish reports whether a tag is a noun's or a name's.
func nounish(tag string) bool { return tag == "NOUN" || tag == "PROPN" }

// countedPeople records the number at token i as the people it counts.
func (s *state) countedPeople(i int) {
	t := &s.toks[i]
	one := t.low == "one" || t.low == "1"
	name := func() string {
		if one {
			return t.low + " person"
		}
		return t.low + " people"
	}
	a := s.keyed(name, doc.KindPerson, "", "desc:", s.d.Article.ID, ":people:", t.low)
	s.actors[a].desc = true
	s.addMention(t.span.Start, t.span.End, a, HowNominal)
	if one {
		s.setPerson(a)
	} else {
		s.setPlural(a)
	}
}

// agePerson records the age at token i as a person: the article's most
// mentioned person after "the" (as "the actress"), else someone known by
// that description.
func (s *state) agePerson(i int) {
	t := &s.toks[i]
	a := -1
	if i > 0 && s.toks[i-1].low == "the" && !strings.HasSuffix(t.low, "s") {
		a = s.salientPerson()
	}
	if a < 0 {
		a = s.keyed(func() string { return t.text }, doc.KindPerson, "", "desc:", s.d.Article.ID, ":", t.low)
		s.actors[a].desc = true
	}
	s.addMention(t.span.Start, t.span.End, a, HowNominal)
	if strings.HasSuffix(t.low, "s") {
		s.setPlural(a)
	} else {
		s.setPerson(a)
	}
}
