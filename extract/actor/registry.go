package actor

import (
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// actor returns the actor with key, creating it.
func (s *state) actor(key, name string, kind doc.ActorKind, code string) int {
	if a, ok := s.byKey[key]; ok {
		return s.find(a)
	}
	return s.newActor(key, name, kind, code)
}

// keyed returns the actor whose key is the concatenation of parts, creating
// it with name (name() is called only then), kind and code. It is actor
// without building the key string unless the actor is new.
func (s *state) keyed(name func() string, kind doc.ActorKind, code string, parts ...string) int {
	b := s.keyBuf[:0]
	for _, p := range parts {
		b = append(b, p...)
	}
	s.keyBuf = b
	return s.keyedBuf(name, kind, code)
}

// keyedBuf is keyed for the key in s.keyBuf.
func (s *state) keyedBuf(name func() string, kind doc.ActorKind, code string) int {
	if a, ok := s.byKey[string(s.keyBuf)]; ok {
		return s.find(a)
	}
	return s.newActor(string(s.keyBuf), name(), kind, code)
}

// newActor adds an actor with a key that no actor has.
func (s *state) newActor(key, name string, kind doc.ActorKind, code string) int {
	s.actors = append(s.actors, actorT{key: key, name: name, kind: kind, code: code, parent: -1, owner: -1, govOf: -1, firstMen: -1})
	a := len(s.actors) - 1
	s.byKey[key] = a
	return a
}

// countryActor returns country iso.
func (s *state) countryActor(iso string) int {
	a := s.keyed(func() string { return s.g.countryName(iso) }, doc.KindCountry, iso, "country:", iso)
	s.actors[a].iso = iso
	return a
}

// govActor returns the government of country iso.
func (s *state) govActor(iso string) int {
	if a, ok := s.byKey["gov:"+iso]; ok {
		return s.find(a)
	}
	return s.partOf("gov:", iso, " government", doc.KindGovernment, "GOV", s.countryActor(iso))
}

// milActor returns the armed forces of country iso.
func (s *state) milActor(iso string) int {
	if a, ok := s.byKey["mil:"+iso]; ok {
		return s.find(a)
	}
	return s.partOf("mil:", iso, " military", doc.KindOrganization, "MIL", s.govActor(iso))
}

// mediaActor returns the news media of country iso ("Iranian media").
func (s *state) mediaActor(iso string) int {
	if a, ok := s.byKey["media:"+iso]; ok {
		return s.find(a)
	}
	return s.partOf("media:", iso, " media", doc.KindOrganization, "MED", s.countryActor(iso))
}

// roleActor returns the sector r of country iso ("Syria rebels").
func (s *state) roleActor(iso string, r roleNoun) int {
	key := strings.ToLower(r.code) + ":" + iso
	if a, ok := s.byKey[key]; ok {
		return s.find(a)
	}
	return s.partOf(strings.ToLower(r.code)+":", iso, " "+r.suffix, r.kind, r.code, s.countryActor(iso))
}

// partOf makes the body of country iso keyed prefix+iso, named the
// country's name and suffix and coded iso and code, a part of actor whole.
func (s *state) partOf(prefix, iso, suffix string, kind doc.ActorKind, code string, whole int) int {
	a := s.actor(prefix+iso, s.g.countryName(iso)+suffix, kind, iso+code)
	s.actors[a].iso = iso
	s.actors[a].rels = append(s.actors[a].rels, relation{kind: "part_of", obj: whole, men: -1})
	return a
}

// keyActor returns the actor for a gazetteer key.
func (s *state) keyActor(key string) int {
	switch {
	case strings.HasPrefix(key, "gov:"):
		return s.govActor(key[4:])
	case strings.HasPrefix(key, "country:"):
		return s.countryActor(key[8:])
	case strings.HasPrefix(key, "mil:"):
		if _, ok := s.g.byKey[key]; !ok {
			return s.milActor(key[4:])
		}
	}
	if id, ok := s.g.byKey[key]; ok {
		return s.entityActor(&s.g.ents[id])
	}
	return -1
}

// entityActor returns the actor of a gazetteer entity, with its relation.
func (s *state) entityActor(e *entry) int {
	if e.typ == eCountry {
		return s.countryActor(e.iso)
	}
	if a, ok := s.byKey[e.key]; ok {
		return s.find(a)
	}
	a := s.actor(e.key, e.name, e.kind, e.code)
	if strings.HasPrefix(e.key, "leg:") || strings.HasPrefix(e.key, "mil:") {
		s.actors[a].iso = e.key[4:]
	}
	if e.kind == doc.KindPerson {
		ws := strings.Fields(norm(e.name))
		s.actors[a].first, s.actors[a].last, s.actors[a].full = ws[0], ws[len(ws)-1], len(ws) > 1
		s.surnames[ws[len(ws)-1]] = append(s.surnames[ws[len(ws)-1]], a)
	}
	if e.relKey != "" {
		if o := s.keyActor(e.relKey); o >= 0 {
			kind := e.relKind
			if kind == "seat_of" {
				kind = "part_of"
			}
			s.actors[a].rels = append(s.actors[a].rels, relation{kind: kind, obj: o, men: -1})
		}
	}
	return a
}

// addRel relates actor a to obj (once), with mention m as evidence.
func (s *state) addRel(a int, kind, title string, obj, m int) {
	a = s.find(a)
	for _, r := range s.actors[a].rels {
		if r.kind == kind && r.obj >= 0 && s.find(r.obj) == s.find(obj) {
			return
		}
	}
	s.actors[a].rels = append(s.actors[a].rels, relation{kind: kind, title: title, obj: obj, men: m})
}

// addMention records a mention of actor a at [start, end) and returns
// its index.
func (s *state) addMention(start, end, a int, how string) int {
	return s.addMentionHead(start, end, start, end, a, how)
}

// addMentionHead is addMention for a mention whose head (the name
// itself) is [hs, he).
func (s *state) addMentionHead(start, end, hs, he, a int, how string) int {
	a = s.find(a)
	s.mentions = append(s.mentions, mention{span: doc.Span{Start: start, End: end}, head: doc.Span{Start: hs, End: he}, sent: s.sent, actor: a, how: how})
	if s.actors[a].firstMen < 0 {
		s.actors[a].firstMen = len(s.mentions) - 1
	}
	return len(s.mentions) - 1
}

// find returns the actor a was merged into (a itself when none).
func (s *state) find(a int) int {
	for s.actors[a].parent >= 0 {
		a = s.actors[a].parent
	}
	return a
}

// merge folds actor b into a.
func (s *state) merge(a, b int) {
	a, b = s.find(a), s.find(b)
	if a == b {
		return
	}
	s.actors[b].parent = a
	s.actors[a].rels = append(s.actors[a].rels, s.actors[b].rels...)
	s.actors[b].rels = nil
}

// normPhrase lowercases a name for a key and folds spaces.
func normPhrase(s string) string {
	return strings.Join(strings.Fields(norm(s)), " ")
}

// appendNormPhrase appends normPhrase(s) to b.
func appendNormPhrase(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return append(b, normPhrase(s)...)
		}
	}
	// ASCII: strings.Fields splits at these six bytes.
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' }
	start := len(b)
	for i := 0; i < len(s); {
		for i < len(s) && space(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		if len(b) > start {
			b = append(b, ' ')
		}
		for ; i < len(s) && !space(s[i]); i++ {
			c := s[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
	}
	return b
}
