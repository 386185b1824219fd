package actor

import "github.com/eventgraph/eventgraph/extract/doc"

// afterMention handles what follows a mention of actor a ending at token
// j: a possessive office or administration, "<Name> administration".
func (s *state) afterMention(j, a, m int) int {
	ts := s.toks
	if j >= len(ts) {
		return j
	}
	k := j
	poss := isPoss(&ts[k])
	if poss {
		k++
	}
	if k >= len(ts) {
		return j
	}
	nx := &ts[k]
	if nx.cap && !poss {
		return j
	}
	ac := &s.actors[s.find(a)]
	switch {
	case nx.cls&cAdminNoun != 0 && (ac.kind == doc.KindPerson || ac.kind == doc.KindCountry):
		g := s.adminOf(a)
		start := s.mentions[m].span.Start
		gm := s.addMention(start, nx.span.End, g, HowAdministration)
		if ac.kind == doc.KindPerson {
			s.linkAdmin(a, g, gm)
		}
		s.setPlural(g)
		// "Biden administration officials": the officials speak for it.
		if k+1 < len(ts) && ts[k+1].cls&cGovNoun != 0 {
			s.addMention(start, ts[k+1].span.End, g, HowAdministration)
			return k + 2
		}
		return k + 1
	case poss && nx.cls&cOfficeNoun != 0:
		o := s.officeOf(a, nx.low)
		s.addMention(s.mentions[m].span.Start, nx.span.End, o, HowPossessive)
		return k + 1
	}
	return j
}

// adminOf returns the government of a person or country.
func (s *state) adminOf(a int) int {
	a = s.find(a)
	ac := s.actors[a]
	if ac.kind == doc.KindCountry {
		return s.govActor(ac.iso)
	}
	for _, r := range ac.rels {
		if r.obj >= 0 {
			o := s.actors[s.find(r.obj)]
			if o.kind == doc.KindGovernment {
				return s.find(r.obj)
			}
		}
	}
	key := "gov:of:" + ac.key
	g := s.actor(key, ac.name+" administration", doc.KindGovernment, "")
	s.actors[g].govOf = a
	return g
}

// linkAdmin ties a person to the government named after them.
func (s *state) linkAdmin(p, g, m int) {
	p = s.find(p)
	ac := &s.actors[p]
	for i, r := range ac.rels {
		if r.kind == "role" && r.obj < 0 {
			ac.rels[i].obj = g
			return
		}
		if r.obj >= 0 && s.find(r.obj) == s.find(g) {
			return
		}
	}
	ac.rels = append(ac.rels, relation{kind: "role", title: "head of government", obj: g, men: m})
}

// officeOf returns the office an owner possesses.
func (s *state) officeOf(owner int, noun string) int {
	owner = s.find(owner)
	key := "office:" + s.actors[owner].key
	if noun != "office" {
		key += "/" + noun
	}
	o := s.actor(key, s.actors[owner].name+"'s "+noun, doc.KindOffice, "")
	s.actors[o].owner = owner
	return o
}

// personGov returns the government a person has a role in, or -1.
func (s *state) personGov(p int) int {
	for _, r := range s.actors[p].rels {
		if r.obj >= 0 {
			o := s.find(r.obj)
			if s.actors[o].kind == doc.KindGovernment && s.actors[o].govOf < 0 {
				return o
			}
		}
	}
	return -1
}

// headlessCountry returns the most mentioned country (at least twice,
// without a tie) whose government has no known head, or "".
func (s *state) headlessCountry() string {
	headed := map[string]bool{}
	for a := range s.actors {
		ac := s.actors[a]
		if ac.kind != doc.KindPerson || ac.parent >= 0 {
			continue
		}
		for _, r := range ac.rels {
			if r.kind == "role" && r.obj >= 0 && s.titleClass(r.title) == "head" {
				o := s.actors[s.find(r.obj)]
				if o.iso != "" && o.govOf < 0 {
					headed[o.iso] = true
				}
			}
		}
	}
	best, bestN, tie := "", 0, false
	for iso, n := range s.countryN {
		if headed[iso] {
			continue
		}
		switch {
		case n > bestN:
			best, bestN, tie = iso, n, false
		case n == bestN:
			tie = true
		}
	}
	if tie || bestN < 2 {
		return ""
	}
	return best
}

// placeAdministrations folds each administration named after a person
// ("the Biden administration") into the government that person has a
// role in or, failing that, into the government of the most mentioned
// country whose government has no known head.
func (s *state) placeAdministrations() {
	for g := range s.actors {
		ac := s.actors[g]
		if ac.govOf < 0 || ac.parent >= 0 {
			continue
		}
		if p := s.find(ac.govOf); s.personGov(p) >= 0 {
			s.merge(s.personGov(p), g)
			continue
		}
		iso := s.headlessCountry()
		if iso == "" {
			continue
		}
		gv := s.govActor(iso)
		s.merge(gv, g)
	}
}
