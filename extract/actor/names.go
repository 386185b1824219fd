package actor

import (
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
			if s.titleCase && !s.capEvidence[t.low] && len(s.surnames[t.low]) == 0 && !(k == j && k+1 < len(ts) && s.capEvidence[ts[k+1].low]) {
				break
			}
			k++
			continue
		}
		if k > j && t.cls&cNameParticle != 0 && !t.cap && k+1 < len(ts) && ts[k+1].cap && ts[k+1].word && !ts[k+1].stop {
			k++
			continue
		}
		if k > j && t.cls&cNameSuffix != 0 {
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

// nameAt handles a capitalized name run starting at i.
func (s *state) nameAt(i int) int {
	ts := s.toks
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
	n := end - i
	t := &ts[i]
	nx, nxCls := "", uint32(0)
	if end < len(ts) {
		nx, nxCls = ts[end].low, ts[end].cls
	}
	prev, prevCls := "", uint32(0)
	if i > 0 {
		prev, prevCls = ts[i-1].low, ts[i-1].cls
	}
	last, lastCls := ts[end-1].low, ts[end-1].cls
	// Unknown single words at the start of a sentence or in a headline need
	// evidence that they are names: the body writes them capitalized, they
	// are a known surname, a speech verb or a possessive follows, or (at
	// the start of a body sentence) the parser reads a proper noun that
	// is the subject of the verb after it ("Boeing challenged the award").
	if n == 1 && (t.first || s.titleCase) && !s.capEvidence[t.low] && len(s.surnames[t.low]) == 0 && !s.surnameCand[t.low] &&
		nxCls&cSpeechVerb == 0 && nx != "'s" && !(t.first && !s.titleCase && s.properSubject(i)) {
		return end
	}
	if s.titleCase && n > 1 {
		// In a headline, keep the run up to its last word that the body
		// also writes capitalized.
		k := -1
		for x := i; x < end; x++ {
			if s.capEvidence[ts[x].low] || len(s.surnames[ts[x].low]) > 0 {
				k = x + 1
			}
		}
		if k < 0 {
			return end
		}
		end = k
		n = end - i
		last, lastCls = ts[end-1].low, ts[end-1].cls
	}
	if !s.nameLike(i, end) {
		return end
	}
	var a int
	how := HowName
	kind, known := doc.KindPerson, doc.ActorKind("")
	switch {
	case lastCls&cOrgSuffix != 0 || ts[end-1].upper && n == 1:
		kind = doc.KindOrganization
	case lastCls&(cFacSuffix|cGeoSuffix) != 0 || t.cls&cGeoPrefix != 0 && n > 1:
		kind = doc.KindPlace
	case n == 1 && len(s.surnames[t.low]) > 0:
		kind = doc.KindPerson
	case n == 1 && func() bool { known = s.known(t.low); return known != "" }():
		kind = known
	case nxCls&cAdminNoun != 0 && !ts[end].cap:
		kind = doc.KindPerson
	case prevCls&cPlacePrep != 0 && prev != "from" && prev != "between" && !s.surnameCand[last]:
		kind = doc.KindPlace
	case n <= 2 && end < len(ts) && s.placeNounAt(end):
		kind = doc.KindPlace // "a Huntsville prison", "Huntsville, Texas"
	case n == 1 && s.surnameCand[t.low]:
		kind = doc.KindPerson
	case n == 1 && (nxCls&cSpeechVerb != 0 && nx != "has" && nx != "is" && nx != "was" || nx == "," && end+1 < len(ts) && ts[end+1].low == "who"):
		kind = doc.KindPerson
	case n == 1:
		kind = doc.KindOrganization
	case n > 5:
		kind = doc.KindOrganization
	}
	switch kind {
	case doc.KindPerson:
		a, how = s.personFromRun(i, end)
	case doc.KindPlace:
		name := s.text(i, end)
		s.keyBuf = appendNormPhrase(append(s.keyBuf[:0], "place:"...), name)
		a = s.keyedBuf(func() string { return name }, doc.KindPlace, "")
	default:
		name := s.text(i, end)
		s.keyBuf = appendNormPhrase(append(s.keyBuf[:0], "org:"...), name)
		a = s.keyedBuf(func() string { return name }, doc.KindOrganization, "")
		s.setOrg(a)
	}
	m := s.addMention(ts[i].span.Start, ts[end-1].span.End, a, how)
	return s.afterMention(end, a, m)
}

// properSubject reports whether the parser tags token i a proper noun
// followed by a verb.
func (s *state) properSubject(i int) bool {
	ts := s.toks
	if ts[i].tag != "PROPN" || i+1 >= len(ts) {
		return false
	}
	switch ts[i+1].tag {
	case "VERB", "AUX":
		return true
	}
	return false
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
		if hasDigit(ts[k].text) {
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

// personFromRun makes or finds the person named by tokens [i, end).
func (s *state) personFromRun(i, end int) (int, string) {
	ts := s.toks
	words := s.words[:0]
	for k := i; k < end; k++ {
		words = append(words, ts[k].low)
	}
	s.words = words
	core := words
	for len(core) > 1 && nameSuffixes[core[len(core)-1]] {
		core = core[:len(core)-1]
	}
	last := core[len(core)-1]
	if len(core) == 1 {
		if ps := s.surnames[last]; len(ps) > 0 {
			a := s.find(ps[len(ps)-1])
			s.setPerson(a)
			return a, HowSurname
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
