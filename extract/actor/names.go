package actor

import (
	"strings"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// nameRun returns the end of the run of name tokens at j.
func (s *state) nameRun(j int) int {
	ts := s.toks
	k := j
	for k < len(ts) {
		t := &ts[k]
		if t.word && t.cap && !t.stop {
			if k > j {
				// a title, an entity alias or a country ends the name:
				// "Kirby, White House..." has a comma anyway.
				if end, ents := s.match(k); end > k && (s.pick(ents, eTitle) != nil || s.pick(ents, eEntity) != nil && s.pick(ents, eCountry) == nil) {
					if s.pick(ents, eCapital) == nil && s.pick(ents, eDemonym) == nil {
						break
					}
				}
			} else if end, ents := s.match(k); end > k && s.pick(ents, eTitle) != nil {
				break
			}
			if s.titleCase && t.tag != "PROPN" && !s.capEvidence[t.low] && len(s.surnames[t.low]) == 0 && !(k == j && k+1 < len(ts) && s.capEvidence[ts[k+1].low]) {
				break
			}
			k++
			continue
		}
		if k > j && t.cls&cNameParticle != 0 && !t.cap && k+1 < len(ts) && ts[k+1].cap && ts[k+1].word && !ts[k+1].stop {
			k++
			continue
		}
		if k > j && t.low == "and" && s.orgOfAnd(j, k) {
			k++ // "the Academy of Motion Picture Arts and Sciences"
			continue
		}
		if k > j && t.cls&cNameSuffix != 0 || k > j && teamNumber(t.low) {
			k++ // "Jr.", "Philadelphia 76ers"
			continue
		}
		if k > j && s.middleInitialDot(k) {
			// "James R. Dabney": the initial's period.
			k++
			continue
		}
		break
	}
	// Drop trailing particles.
	for k > j && ts[k-1].cls&cNameParticle != 0 {
		k--
	}
	return k
}

// orgOfAnd reports whether the "and" at k continues the name run that
// starts at j: an organization's head and "of" before it ("Department of
// Health and Human Services", "Academy of Motion Picture Arts and
// Sciences"), a capitalized word after it that starts no known entity
// ("the Bank of England and Goldman Sachs" is still two).
func (s *state) orgOfAnd(j, k int) bool {
	ts := s.toks
	if !s.orgOf(j, k) || k+1 >= len(ts) || !ts[k+1].cap || !ts[k+1].word || ts[k+1].stop {
		return false
	}
	end, _ := s.match(k + 1)
	return end <= k+1
}

// orgOf reports whether the run [j, k) names an organization by its head
// before "of": "University of Michigan", "Ministry of Defence".
func (s *state) orgOf(j, k int) bool {
	ts := s.toks
	return j+2 < k && ts[j].cls&cOrgSuffix != 0 && ts[j+1].low == "of"
}

// teamNumber reports whether w is a number-named team word: "76ers",
// "49ers".
func teamNumber(w string) bool {
	n := 0
	for n < len(w) && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	return n > 0 && w[n:] == "ers"
}

// middleInitialDot reports whether token k is the period of a middle
// initial: a single capital letter before it, a capitalized word after.
func (s *state) middleInitialDot(k int) bool {
	ts := s.toks
	if ts[k].text != "." || k+1 >= len(ts) || !ts[k+1].cap || !ts[k+1].word {
		return false
	}
	p := ts[k-1].text
	return len(p) == 1 && 'A' <= p[0] && p[0] <= 'Z' && ts[k-1].span.End == ts[k].span.Start
}

// nameAt handles a capitalized name run starting at i.
func (s *state) nameAt(i int) int {
	if t := &s.toks[i]; t.first && !s.titleCase && (notNameTags[t.tag] || t.gerund && s.capAt(i+1)) {
		// "Afterwards Penny stays", "Taking Archie outside is his
		// favorite activity": the first word is capitalized for the
		// sentence; a name may follow it ("Manning threw": a name the
		// tagger reads as a verb).
		return i + 1
	}
	if _, ok := s.titleStart(i); ok {
		if j, ok := s.titled(i, -1, "", i); ok {
			return j
		}
	}
	end := s.nameRun(i)
	if end <= i {
		return i + 1
	}
	// Leading "The" was a stopword, so the run starts at a content word.
	// The word after the run as found speaks for the kind even when a
	// headline trims the run.
	nx, nxCls := s.wordAt(end)
	if s.unevidenced(i, end, nx, nxCls) {
		return end
	}
	if s.titleCase && s.toks[i].tag == "VERB" {
		return i + 1 // "Netanyahu Cancels Washington Trip": a verb, parsed truecased
	}
	if s.titleCase && end-i > 1 {
		k := s.headlineNameEnd(i, end)
		if k < 0 {
			k = s.properEnd(i, end)
		}
		if k < 0 {
			return end
		}
		end = k
	}
	if !s.nameLike(i, end) || s.adjective(i, end) {
		return end // "the Democratic primary": an adjective
	}
	kind := s.nameKind(i, end, nx, nxCls)
	if kind == doc.KindPerson {
		if lo, hi := s.personOf(i, end); lo != i || hi != end {
			// The rest of the run is left as it was: a place after "of"
			// is found again as a place, a work's words before it are no
			// actor.
			a, how := s.nameActor(lo, hi, doc.KindPerson)
			m := s.addMention(s.toks[lo].span.Start, s.toks[hi-1].span.End, a, how)
			s.afterMention(hi, a, m)
			if hi < end {
				return hi
			}
			return end
		}
	}
	guess := s.guess
	s.guess = false
	a, how := s.nameActor(i, end, kind)
	switch {
	case guess:
		s.actors[s.find(a)].guessed = s.actors[s.find(a)].firstMen < 0
	case kind == doc.KindPerson && end-i == 1:
		s.foldGuess(a, s.toks[i].low)
	}
	m := s.addMention(s.toks[i].span.Start, s.toks[end-1].span.End, a, how)
	return s.afterMention(end, a, m)
}

// personOf returns the person's name within a run [i, end) with "of" in
// it: the person before it when a place or more follows ("Elizabeth Warren
// of Massachusetts"), the person after it when a single word comes before
// ("The Wit and Wisdom of Michael Bloomberg", a booklet's title, made a
// person "Wisdom of Michael Bloomberg" of every later "Bloomberg"). People
// are not named "A of B"; a title of nobility ("Duchess of Sussex") is read
// as a title before this. A place right after "of" is a jurisdiction, and
// the person is named after it ("the District of Massachusetts Joshua
// Levy").
func (s *state) personOf(i, end int) (int, int) {
	p := -1
	for k := i + 1; k < end-1; k++ {
		if s.toks[k].low == "of" {
			p = k
			break
		}
	}
	switch {
	case p < 0:
		return i, end
	case p-i == 1 && end-p-1 >= 2:
		if e, ents := s.match(p + 1); e > p+1 && end-e >= 2 && (s.pick(ents, ePlace) != nil || s.pick(ents, eCountry) != nil) {
			return e, end // "Attorney for the District of Massachusetts Joshua Levy"
		}
		return p + 1, end
	case p-i >= 2:
		return i, p
	}
	return i, end
}

// properEnd returns where the proper nouns that start a headline's run
// [i, end) end, -1 when it starts with none: the headline is parsed
// truecased, so the parser's proper nouns are words the article writes
// capitalized ("Lindsay Lohan Checks Into Rehab" after "Lohan checked in").
func (s *state) properEnd(i, end int) int {
	k := i
	for k < end && s.toks[k].tag == "PROPN" {
		k++
	}
	if k == i {
		return -1
	}
	return k
}

// capAt reports whether token j is a capitalized word.
func (s *state) capAt(j int) bool { return j < len(s.toks) && s.toks[j].cap }

// notNameTags are the parser's tags of words that start no name.
// A verb is not among them, but for its -ing form: the tagger reads a
// surname at the start of a sentence as one too often ("Lohan checked in").
var notNameTags = map[string]bool{"ADV": true, "ADP": true, "SCONJ": true,
	"CCONJ": true, "DET": true, "PRON": true, "PART": true, "INTJ": true}

// wordAt returns the lowercase form and the word classes of token j, or
// "" and 0 outside the sentence.
func (s *state) wordAt(j int) (string, uint32) {
	if j < 0 || j >= len(s.toks) {
		return "", 0
	}
	return s.toks[j].low, s.toks[j].cls
}

// unevidenced reports whether the run [i, end) is a single unknown word at
// the start of a sentence or in a headline without evidence that it is a
// name. Evidence is: the body writes it capitalized, it is a known
// surname, a speech verb (nx, with classes nxCls; an auxiliary such as
// "is" is none: "Below is the cake") or a possessive follows, or (at the
// start of a body sentence) the parser reads a proper noun that is the
// subject of the verb after it ("Boeing challenged the award").
func (s *state) unevidenced(i, end int, nx string, nxCls uint32) bool {
	t := &s.toks[i]
	speech := nxCls&cSpeechVerb != 0 && (nxCls&cStop == 0 || s.titleCase)
	return end-i == 1 && (t.first || s.titleCase) && !s.capEvidence[t.low] && len(s.surnames[t.low]) == 0 && !s.surnameCand[t.low] &&
		!speech && nx != "'s" && !(t.first && !s.titleCase && s.properSubject(i))
}

// headlineNameEnd returns where a name run [i, end) of a headline ends
// when kept up to its last word that the body also writes capitalized (or
// that is a known surname), or -1 when it has no such word.
func (s *state) headlineNameEnd(i, end int) int {
	k := -1
	for x := i; x < end; x++ {
		if s.capEvidence[s.toks[x].low] || len(s.surnames[s.toks[x].low]) > 0 {
			k = x + 1
		}
	}
	return k
}

// nameKind decides what the name [i, end) names, from its last word, the
// words around it (nx and nxCls are the word after the run as first
// found) and what the article already knows.
func (s *state) nameKind(i, end int, nx string, nxCls uint32) doc.ActorKind {
	ts := s.toks
	t := &ts[i]
	n := end - i
	prev, prevCls := s.wordAt(i - 1)
	last, lastCls := ts[end-1].low, ts[end-1].cls
	if lastCls&cOrgSuffix != 0 || ts[end-1].upper && n == 1 || teamNumber(last) || s.orgOf(i, end) {
		return doc.KindOrganization
	}
	if lastCls&(cFacSuffix|cGeoSuffix) != 0 {
		return doc.KindPlace
	}
	if t.cls&cGeoPrefix != 0 && n > 1 {
		if n > 2 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
			return doc.KindOrganization // a team: "New Orleans Saints", "Los Angeles Lakers"
		}
		return doc.KindPlace
	}
	if n == 1 && len(s.surnames[t.low]) > 0 {
		return doc.KindPerson
	}
	for k := i + 1; k < end-1; k++ {
		if s.middleInitialDot(k) {
			return doc.KindPerson // "toward George W. Bush": no place
		}
	}
	if n == 1 {
		if known := s.known(t.low); known != "" {
			if known == doc.KindOrganization && s.guessedOrg(t.low) && s.personEvidence(i, end, nx, nxCls) {
				return doc.KindPerson // nameAt folds the guess into the person
			}
			return known
		}
	}
	switch {
	case nxCls&cAdminNoun != 0 && !ts[end].cap:
		return doc.KindPerson
	case prevCls&cPlacePrep != 0 && prev != "from" && prev != "between" && !s.surnameCand[last]:
		return doc.KindPlace
	case n <= 2 && end < len(ts) && s.placeNounAt(end):
		return doc.KindPlace // "a Huntsville prison", "Huntsville, Texas"
	case n == 1 && s.personEvidence(i, end, nx, nxCls), s.ageAfter(end):
		return doc.KindPerson
	case n == 1:
		s.guess = true // an organization for want of evidence
		return doc.KindOrganization
	case n > 5:
		return doc.KindOrganization
	}
	return doc.KindPerson
}

// personEvidence reports whether the one-word name [i, end) is used as a
// person's: a known surname, the subject of a speech verb, "X, who",
// joined to a person ("Prince Harry and Meghan") or followed by a title
// ("Meghan, Duchess of Sussex,"). nx and nxCls are the word after it.
func (s *state) personEvidence(i, end int, nx string, nxCls uint32) bool {
	ts := s.toks
	return s.surnameCand[ts[i].low] ||
		nxCls&cSpeechVerb != 0 && nx != "has" && nx != "is" && nx != "was" ||
		nx == "," && end+1 < len(ts) && (ts[end+1].low == "who" || s.isTitleAt(end+1)) ||
		s.conjOfPerson(i)
}

// guessedOrg reports whether the article made the one-word name low an
// organization only for want of evidence (nameKind), so that the first
// use of it as a person's name makes it one: "Harry and Meghan's
// interview" (a headline) and then "Meghan said".
func (s *state) guessedOrg(low string) bool {
	s.keyBuf = append(append(s.keyBuf[:0], "org:"...), low...)
	a, ok := s.byKey[string(s.keyBuf)]
	return ok && s.actors[a].guessed
}

// foldGuess folds the organization that one-word name low was guessed to
// be into person a (guessedOrg).
func (s *state) foldGuess(a int, low string) {
	s.keyBuf = append(append(s.keyBuf[:0], "org:"...), low...)
	if o, ok := s.byKey[string(s.keyBuf)]; ok && s.actors[o].guessed && s.find(o) != s.find(a) {
		s.merge(a, o)
	}
}

// conjOfPerson reports whether the name at token i is joined by "and" to
// a person's mention that ends right before it: "Prince Harry and Meghan".
func (s *state) conjOfPerson(i int) bool {
	if i < 2 || s.toks[i-1].low != "and" || len(s.mentions) == 0 {
		return false
	}
	m := s.mentions[len(s.mentions)-1]
	return m.sent == s.sent && m.span.End == s.toks[i-2].span.End && s.actors[s.find(m.actor)].kind == doc.KindPerson
}

// isTitleAt reports whether a title starts at token k ("Duchess of
// Sussex", "the company's chief executive").
func (s *state) isTitleAt(k int) bool {
	_, ok := s.titleStart(k)
	return ok
}

// nameActor returns the actor of kind named by [i, end) and how it is
// mentioned.
func (s *state) nameActor(i, end int, kind doc.ActorKind) (int, string) {
	switch kind {
	case doc.KindPerson:
		return s.personFromRun(i, end)
	case doc.KindPlace:
		name := s.text(i, end)
		s.keyBuf = appendNormPhrase(append(s.keyBuf[:0], "place:"...), name)
		return s.keyedBuf(func() string { return name }, doc.KindPlace, ""), HowName
	}
	name := s.text(i, end)
	s.keyBuf = appendNormPhrase(append(s.keyBuf[:0], "org:"...), name)
	a := s.keyedBuf(func() string { return name }, doc.KindOrganization, "")
	s.setOrg(a)
	return a, HowName
}

// properSubject reports whether the parser tags token i a proper noun
// that is a subject (or is followed by a verb), in a sentence of the body
// (a headline's names wait for the body: "Netanyahu scraps Washington
// delegation" names the person the body calls Benjamin Netanyahu).
func (s *state) properSubject(i int) bool {
	ts := s.toks
	if ts[i].tag != "PROPN" || i+1 >= len(ts) || s.d.Sentences[s.sent].Kind != doc.BlockBody {
		return false
	}
	if ts[i].subj {
		return true
	}
	switch ts[i+1].tag {
	case "VERB", "AUX":
		return true
	}
	return false
}

// ageAfter reports whether an age in commas or parentheses follows token
// j, as news gives it after a person's name: "Comeaux, 49, took".
func (s *state) ageAfter(j int) bool {
	ts := s.toks
	if j+2 >= len(ts) || ts[j].text != "," && ts[j].text != "(" {
		return false
	}
	n, cl := ts[j+1].text, ts[j+2].text
	if len(n) < 1 || len(n) > 3 || cl != "," && cl != ")" && cl != "." {
		return false
	}
	for k := 0; k < len(n); k++ {
		if n[k] < '0' || n[k] > '9' {
			return false
		}
	}
	return true
}

// nameLike rejects runs that are not names of actors: single letters,
// bare suffix words ("Street"), codes with digits, holidays, and names of
// events, laws, awards and products by their last word.
func (s *state) nameLike(i, end int) bool {
	ts := s.toks
	if end-i == 1 {
		t := &ts[i]
		if utf8.RuneCountInString(t.text) < 2 || t.cls&(cOrgSuffix|cFacSuffix|cGeoSuffix|cNotActor) != 0 {
			return false
		}
	}
	for k := i; k < end; k++ {
		if hasDigit(ts[k].text) && !teamNumber(ts[k].low) {
			return false
		}
	}
	return ts[end-1].cls&cEventSuffix == 0 && ts[i].cls&cNotActor == 0
}

// placeNounAt reports whether token j starts a place noun ("prison",
// "facility") or ", <state or country>".
func (s *state) placeNounAt(j int) bool {
	t := &s.toks[j]
	if t.text == "," && j+1 < len(s.toks) {
		end, ents := s.match(j + 1)
		return end > j+1 && (s.pick(ents, ePlace) != nil || s.pick(ents, eCountry) != nil)
	}
	return !t.cap && (t.cls&(cFacSuffix|cGeoSuffix) != 0 || t.low == "facility" || t.low == "resort" || t.low == "area" || t.low == "home")
}

// known returns the kind a one-word name already has in the article.
func (s *state) known(low string) doc.ActorKind {
	for _, p := range [...]struct {
		prefix string
		kind   doc.ActorKind
	}{{"person:", doc.KindPerson}, {"place:", doc.KindPlace}, {"org:", doc.KindOrganization}} {
		s.keyBuf = append(append(s.keyBuf[:0], p.prefix...), low...)
		if _, ok := s.byKey[string(s.keyBuf)]; ok {
			return p.kind
		}
	}
	return ""
}

// hasDigit reports whether s contains an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// middleInitial reports whether a word inside a name is a middle initial
// or its period: "r.", "r", ".".
func middleInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) <= 1
}

// byFirstName returns the one person of the article named in full with
// first name w ("Pete" after "Pete Buttigieg"), -1 when none or several
// are.
func (s *state) byFirstName(w string) int {
	found := -1
	for a := range s.actors {
		ac := &s.actors[a]
		if !ac.full || ac.parent >= 0 || ac.first != w || ac.kind != doc.KindPerson {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = a
	}
	return found
}

// personFromRun makes or finds the person named by tokens [i, end).
func (s *state) personFromRun(i, end int) (int, string) {
	ts := s.toks
	words := s.words[:0]
	for k := i; k < end; k++ {
		words = append(words, ts[k].low)
	}
	s.words = words
	core := words
	for len(core) > 1 && ts[i+len(core)-1].cls&cNameSuffix != 0 {
		core = core[:len(core)-1]
	}
	last := core[len(core)-1]
	if len(core) == 1 {
		if ps := s.surnames[last]; len(ps) > 0 {
			a := s.bySurname(ps)
			s.setPerson(a)
			return a, HowSurname
		}
		if a := s.byFirstName(last); a >= 0 {
			s.setPerson(a) // "Pete said" after "Pete Buttigieg"
			return a, HowAlias
		}
		// A nickname alias of a known person is matched by the gazetteer;
		// otherwise a surname-only person.
		a := s.keyed(func() string { return ts[i].text }, doc.KindPerson, "", "person:", last)
		s.actors[a].last = last
		s.setPerson(a)
		return a, HowName
	}
	name := s.text(i, end)
	b := append(s.keyBuf[:0], "person:"...)
	for k, w := range words {
		if k > 0 && k < len(words)-1 && middleInitial(w) {
			continue // "Michael R. Bloomberg" is Michael Bloomberg
		}
		if k > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	s.keyBuf = b
	a := s.keyedBuf(func() string { return name }, doc.KindPerson, "")
	ac := &s.actors[a]
	ac.first, ac.last, ac.full = core[0], last, true
	found := false
	for _, p := range s.surnames[last] {
		if p == a {
			found = true
		}
	}
	if !found {
		s.surnames[last] = append(s.surnames[last], a)
	}
	a = s.find(a)
	s.setPerson(a)
	return a, HowName
}
