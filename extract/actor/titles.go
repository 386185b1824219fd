package actor

import (
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// titleStart reports whether a title (possibly with capitalized modifiers,
// "National Security Communications Advisor") starts at j.
func (s *state) titleStart(j int) (int, bool) {
	k := j
	for k < len(s.toks) && k-j < 5 {
		end, ents := s.match(k)
		if end > k && s.pick(ents, eTitle) != nil {
			return j, true
		}
		if !s.capUnknown(k) {
			return 0, false
		}
		k++
	}
	return 0, false
}

// titled parses [modifiers] title+ [name] at k. body is the actor the title
// is held in (-1 when unknown), iso its country, start the first token of
// the whole phrase.
func (s *state) titled(k, body int, iso string, start int) (int, bool) {
	ts := s.toks
	title, words, class, j, sawTitle := s.titleWords(k)
	if !sawTitle {
		return k, false
	}
	modified := words > 0 && !sawTitleFirst(s, k)
	if body < 0 {
		// "President of Israel": the body follows; a name may follow
		// after a comma: "the President of Israel, Isaac Herzog".
		body, j = s.titleOf(j)
	}
	if nameEnd := s.nameRun(j); nameEnd > j {
		return s.titledName(j, nameEnd, start, title, class, body), true
	}
	if class == "honor" || title == "" {
		return j, true
	}
	if modified && body < 0 {
		return k, false // "Abir Sultan": capitalized words before a title need a name after it
	}
	if body < 0 && !s.bareRole(k, start, title) {
		return j, true
	}
	// A title without a name: "the prime minister", "Israel's defense
	// minister", "the Israeli leader".
	a := s.resolveRole(title, class, body, iso)
	m := s.addMention(ts[start].span.Start, ts[j-1].span.End, a, HowDefinite)
	s.setPerson(a)
	return s.afterMention(j, a, m), true
}

// titleWords reads the titles at k with their capitalized modifiers
// ("National Security Communications Advisor", "Deputy Prime Minister and
// Defense Minister"). It returns the title (its words joined, honorifics
// left out) and how many words it has, its class (a head of state or
// government wins), where it ends and whether there was a title at all.
func (s *state) titleWords(k int) (title string, n int, class string, j int, sawTitle bool) {
	ts := s.toks
	words := s.titleBuf[:0]
	j = k
	for j < len(ts) {
		end, ents := s.match(j)
		if end > j {
			if e := s.pick(ents, eTitle); e != nil {
				if e.class != "honor" {
					words = append(words, e.title)
					if class == "" || e.class == "head" {
						class = e.class
					}
				} else if class == "" {
					class = "honor"
				}
				sawTitle = true
				j = end
				continue
			}
		}
		if s.capUnknown(j) && (!sawTitle || s.titleWithin(j+1, 2)) {
			words = append(words, ts[j].low)
			j++
			continue
		}
		if sawTitle && (ts[j].low == "and" || ts[j].low == "&") && j+1 < len(ts) {
			if e2, ents2 := s.match(j + 1); e2 > j+1 && s.pick(ents2, eTitle) != nil {
				words = append(words, "and")
				j++
				continue
			}
		}
		break
	}
	s.titleBuf = words
	return strings.Join(words, " "), len(words), class, j, sawTitle
}

// titleOf reads the body named after a title at j: "of Israel", "of the
// United Nations". It returns the body (the government for a country or a
// capital) and where its name ends, or -1 and j.
func (s *state) titleOf(j int) (body, end int) {
	ts := s.toks
	if j+1 >= len(ts) || ts[j].low != "of" {
		return -1, j
	}
	end, ents := s.match(j + 1)
	if end <= j+1 {
		return -1, j
	}
	e := s.ownerEntry(ents)
	if e == nil || e.typ == eDemonym {
		return -1, j
	}
	a := s.entryActor(e)
	body = a
	if e.typ == eCountry || e.typ == eCapital {
		body = s.govActor(e.iso)
	}
	s.addMention(ts[j+1].span.Start, ts[end-1].span.End, a, HowName)
	return body, end
}

// titledName records the person named by [j, nameEnd) after a title (the
// whole phrase starts at start) with their role, or their affiliation
// with body when the title is only an honorific. It returns where to go on.
func (s *state) titledName(j, nameEnd, start int, title, class string, body int) int {
	ts := s.toks
	if lo, hi := s.personOf(j, nameEnd); lo == j && hi < nameEnd {
		nameEnd = hi // "Senator Elizabeth Warren of Massachusetts"
	}
	a, how := s.personFromRun(j, nameEnd)
	if how == HowName {
		how = HowTitle
	}
	m := s.addMentionHead(ts[start].span.Start, ts[nameEnd-1].span.End, ts[j].span.Start, ts[nameEnd-1].span.End, a, how)
	if title != "" && class != "honor" {
		s.addRole(a, title, class, body, m)
	} else if body >= 0 {
		s.addRel(a, "affiliation", "", body, m)
	}
	return s.afterMention(nameEnd, a, m)
}

// bareRole reports whether a title with neither a name nor a body, the
// phrase [start, ...) with the title at k, mentions the person holding it:
// after "the", "former", "acting"... or a possessive ("the city's police
// chief"), and not an adjective or a noun that
// is also a title ("a major operation"), nor a lowercase title inside a
// phrase we do not understand.
func (s *state) bareRole(k, start int, title string) bool {
	ts := s.toks
	if start == 0 {
		return false
	}
	p := &ts[start-1]
	poss := possessive(p)
	// "the Woodburn police chief": a name between the article and the title
	named := p.cap && start >= 2 && (ts[start-2].low == "the" || ts[start-2].low == "a")
	if p.cls&cDefiniteBefore == 0 && !poss && !named {
		return false
	}
	if !ts[k].cap && s.g.word(title).cls&cAmbiguousTitle != 0 && p.low != "the" {
		return false // "his head", "a major operation"
	}
	article := poss || named || p.low == "the" || p.low == "a" || p.low == "an"
	return article || start != k || ts[k].cap
}

// titleWithin reports whether a title starts within n capitalized words
// from j.
func (s *state) titleWithin(j, n int) bool {
	for k := j; k < len(s.toks) && k < j+n; k++ {
		if end, ents := s.match(k); end > k && s.pick(ents, eTitle) != nil {
			return true
		}
		if !s.capUnknown(k) {
			return false
		}
	}
	return false
}

// sawTitleFirst reports whether the phrase at k starts with a title.
func sawTitleFirst(s *state, k int) bool {
	end, ents := s.match(k)
	return end > k && s.pick(ents, eTitle) != nil
}

// resolveRole finds the person of the article holding title in body (any
// body when body < 0), or makes an anonymous one.
func (s *state) resolveRole(title, class string, body int, iso string) int {
	for a := len(s.actors) - 1; a >= 0; a-- {
		ac := &s.actors[a]
		if ac.kind != doc.KindPerson || ac.parent != -1 {
			continue
		}
		for _, r := range ac.rels {
			if r.kind != "role" {
				continue
			}
			if body >= 0 && r.obj >= 0 && s.find(r.obj) != s.find(body) {
				continue
			}
			if body >= 0 && r.obj < 0 {
				continue
			}
			if r.title == title || strings.HasSuffix(r.title, " "+title) || title == "leader" && class == "head" && r.title != "" && s.titleClass(r.title) == "head" {
				return a
			}
		}
	}
	key := "desc:" + s.d.Article.ID + ":"
	if iso != "" {
		key += strings.ToLower(iso) + " "
	}
	key += title
	a := s.actor(key, title, doc.KindPerson, "")
	s.actors[a].desc = true
	s.addRole(a, title, class, body, -1)
	return a
}

// titleClass returns the class of a title of titles.tsv, or "".
func (s *state) titleClass(title string) string {
	n := s.g.root
	for _, w := range strings.Fields(title) {
		if n = n.next[w]; n == nil {
			return ""
		}
	}
	if e := s.pick(n.ents, eTitle); e != nil {
		return e.class
	}
	return ""
}

// addRole gives actor a the role title in body (-1 when unknown), with
// mention m as evidence; a known role without a body takes body.
func (s *state) addRole(a int, title, class string, body, m int) {
	a = s.find(a)
	ac := &s.actors[a]
	if g := s.g.gender[title]; g != 0 && ac.gender == 0 {
		ac.gender = g // "actress Tara Reid" is she
		s.setPerson(a)
	}
	for i, r := range ac.rels {
		if r.kind == "role" && r.title == title {
			if r.obj < 0 && body >= 0 {
				ac.rels[i].obj = body
			}
			return
		}
	}
	ac.rels = append(ac.rels, relation{kind: "role", title: title, obj: body, men: m})
}
