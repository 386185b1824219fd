package event

import (
	"sort"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// group is a run of tokens that belong to one actor mention.
type group struct {
	lo, hi int // tokens [lo, hi)
	ment   int
}

func (x *extractor) actorOf(m int) int { return x.d.ActorMentions[m].Actor }

func (x *extractor) kindOf(m int) doc.ActorKind {
	a := x.actorOf(m)
	if a < 0 || a >= len(x.d.Actors) {
		return ""
	}
	return x.d.Actors[a].Kind
}

// groupEndingAt returns the mention group whose last token is i.
func (s *sentence) groupEndingAt(i int) (group, bool) {
	if i < 0 || i >= len(s.toks) || s.toks[i].ment < 0 {
		return group{}, false
	}
	return group{lo: s.mentionStart(i), hi: i + 1, ment: s.toks[i].ment}, true
}

func (s *sentence) groupAt(i int) (group, bool) {
	if i < 0 || i >= len(s.toks) || s.toks[i].ment < 0 {
		return group{}, false
	}
	return group{lo: s.mentionStart(i), hi: s.mentionEnd(i), ment: s.toks[i].ment}, true
}

func (s *sentence) isPossessive(k int) bool {
	return k >= 0 && k < len(s.toks) && (s.toks[k].low == "'s" || s.toks[k].low == "'")
}

// coordLeft extends a subject group leftwards over "X and Y", "X, Y and Z".
func (s *sentence) coordLeft(g group) []group {
	out := []group{g}
	k := g.lo - 1
	sawAnd := false
	for k >= 1 && (s.toks[k].low == "and" || s.toks[k].low == "&" || s.toks[k].low == "," && sawAnd) {
		sawAnd = true
		pg, ok := s.groupEndingAt(k - 1)
		if !ok {
			break
		}
		out = append([]group{pg}, out...)
		k = pg.lo - 1
	}
	return out
}

// coordRight extends an object group rightwards.
func (s *sentence) coordRight(g group) []group {
	out := []group{g}
	k := g.hi
	for k+1 < len(s.toks) && (s.toks[k].low == "and" || s.toks[k].low == "," || s.toks[k].low == "&") {
		j := k + 1
		if j < len(s.toks) && s.toks[j].cls&cDet != 0 {
			j++
		}
		ng, ok := s.groupAt(j)
		if !ok {
			break
		}
		out = append(out, ng)
		k = ng.hi
	}
	return out
}

func (c *cand) addArg(role string, actor, mention int) {
	for _, a := range c.args {
		if a.Actor == actor {
			return
		}
	}
	c.args = append(c.args, doc.Argument{Role: role, Actor: actor, Mention: mention})
}

func (c *cand) hasActor(actor int) bool {
	for _, a := range c.args {
		if a.Actor == actor {
			return true
		}
	}
	return false
}

func (c *cand) hasRole(role string) bool {
	for _, a := range c.args {
		if a.Role == role {
			return true
		}
	}
	return false
}

// addGroups adds the actors of groups gs in role; a place found as an
// agent is where the event happens, not who does it ("Rafah calls").
func (x *extractor) addGroups(c *cand, role string, gs []group) {
	recip := c.p.has(fRecip) && len(gs) > 1
	for _, g := range gs {
		r := role
		if recip {
			r = doc.RoleParticipant
		}
		if r == doc.RoleAgent && x.kindOf(g.ment) == doc.KindPlace {
			if c.hasRole(doc.RolePlace) {
				continue
			}
			r = doc.RolePlace
		}
		c.addArg(r, x.actorOf(g.ment), g.ment)
	}
}

// arguments fills the arguments of every candidate, governors first.
func (x *extractor) arguments(s *sentence) {
	s.isHead = make([]bool, len(s.toks))
	for _, c := range s.cands {
		if !c.absorbed {
			s.isHead[c.head] = true
		}
	}
	done := make([]bool, len(s.cands))
	var do func(ci int)
	do = func(ci int) {
		if done[ci] {
			return
		}
		done[ci] = true
		c := s.cands[ci]
		if c.gov >= 0 {
			do(c.gov)
		}
		switch {
		case x.treeArgs(s, c):
			// A verb the parser left without a subject (it misread
			// "after the U.S. abstained" as a phrase): the subject the
			// word-window rules find; not for a verb the parser reads as
			// a preposition ("according to her agent": the agent says).
			switch {
			case c.hasRole(doc.RoleAgent) || c.p.noun:
			case s.prepositional(c.head):
				if n := s.toks[c.head].Head; n >= 0 && c.p.has(fSpeech) {
					x.addNode(s, c, doc.RoleAgent, n) // "according to Kirby"
				}
			case !c.passive && s.child(c.head, "nsubj") < 0:
				if subj := x.subject(s, ci, c); len(subj) > 0 {
					x.addGroups(c, doc.RoleAgent, subj)
				}
			}
		case c.p.noun || s.nounish(c.head) && s.toks[c.head].form != 'd':
			x.nounArgs(s, c)
		default:
			x.verbArgs(s, ci, c)
		}
		if !c.hasRole(doc.RoleAgent) && s.parsed() {
			if k, found := x.accused(s, c); k >= 0 {
				x.addNode(s, c, doc.RoleAgent, k)
				if !found && c.mod == doc.Asserted && !c.modFixed {
					c.mod = doc.Reported // "charged with murder"
				}
			}
		}
		// Inherit the agent of a governor: "Netanyahu's decision to
		// cancel", "Israel launched an offensive"; not of one that
		// demands it ("Egypt called for a ceasefire": the ceasefire is
		// the parties').
		if !c.hasRole(doc.RoleAgent) && c.gov >= 0 && c.mod != doc.Demanded {
			g := s.cands[c.gov]
			for _, a := range g.args {
				if a.Role == doc.RoleAgent || a.Role == doc.RoleParticipant {
					c.addArg(a.Role, a.Actor, a.Mention)
				}
			}
			if g.p.has(fSpeech) {
				// the speaker is not the agent of what is reported
				out := c.args[:0]
				for _, a := range c.args {
					if !g.hasActor(a.Actor) {
						out = append(out, a)
					}
				}
				c.args = out
			}
		}
		// Drop a target that is also the agent.
		out := c.args[:0]
		agents := map[int]bool{}
		for _, a := range c.args {
			if a.Role == doc.RoleAgent {
				agents[a.Actor] = true
			}
		}
		for _, a := range c.args {
			if a.Role != doc.RoleAgent && agents[a.Actor] {
				continue
			}
			out = append(out, a)
		}
		c.args = out
	}
	for ci := range s.cands {
		do(ci)
	}
	// An event noun subject of an event verb of the same class is one
	// event reported twice ("the quake struck Aceh"): they share arguments.
	for vi, v := range s.cands {
		if v.p.noun || v.absorbed {
			continue
		}
		k := v.lo - 1
		for k >= 0 && (s.toks[k].cls&cAux != 0 || s.toks[k].cls&cAdv != 0 || s.toks[k].timex) {
			k--
		}
		if k < 0 {
			continue
		}
		// Candidates are in text order and do not overlap: the one
		// covering token k, if any, is found by binary search.
		ni := sort.Search(len(s.cands), func(j int) bool { return s.cands[j].hi > k })
		if ni < len(s.cands) {
			n := s.cands[ni]
			if ni == vi || !n.p.noun || n.head != k || n.absorbed {
				continue
			}
			if typeFamily(x.l.typeOf(n.code)) != typeFamily(x.l.typeOf(v.code)) {
				continue
			}
			for _, a := range v.args {
				n.addArg(a.Role, a.Actor, a.Mention)
			}
			for _, a := range n.args {
				v.addArg(a.Role, a.Actor, a.Mention)
			}
		}
	}
}

// prepositional reports whether the parser reads token k as a preposition
// or its part: "according (to)", "following".
func (s *sentence) prepositional(k int) bool {
	switch r, _ := s.rel(k); r {
	case "case", "mark", "fixed":
		return true
	}
	return false
}

// verbArgs finds the subject to the left and objects to the right.
func (x *extractor) verbArgs(s *sentence, ci int, c *cand) {
	h := c.head
	// Passive: a be-form before a participle, or a participle followed by
	// "by" ("requested by President Joe Biden").
	f := s.toks[h].form
	if f == 'd' || f == 'n' {
		for k := h - 1; k >= 0 && k >= h-3; k-- {
			if s.toks[k].cls&cBe != 0 {
				c.passive = true
				break
			}
			if s.toks[k].cls&cAdv == 0 && s.toks[k].cls&cAux == 0 {
				break
			}
		}
		if !c.passive && c.hi < len(s.toks) && s.toks[c.hi].low == "by" {
			c.passive = true
		}
		if _, obj := s.groupAt(c.hi); !c.passive && !obj && s.title && x.l.headPassive[s.toks[h].lemma] {
			c.passive = true // "Meadows accused of timing retirement"
		}
	}
	subj := x.subject(s, ci, c)
	if c.passive {
		if len(subj) > 0 {
			x.addGroups(c, doc.RoleTarget, subj)
		}
	} else if len(subj) > 0 {
		x.addGroups(c, doc.RoleAgent, subj)
	}
	if c.p.has(fSpeech) {
		// A statement's object is whom it is told to ("told Israel"); what
		// follows is what it reports.
		if g, ok := s.groupAt(c.hi); ok && !c.hasRole(doc.RoleAgent) && len(subj) > 0 {
			c.addArg(doc.RoleTarget, x.actorOf(g.ment), g.ment)
		}
	} else {
		x.objects(s, c, c.hi, false)
	}
	// Speech verb with an inverted subject: "..., said Kirby".
	if !c.hasRole(doc.RoleAgent) && c.p.has(fSpeech) {
		if g, ok := s.groupAt(c.hi); ok {
			c.addArg(doc.RoleAgent, x.actorOf(g.ment), g.ment)
		}
	}
}

// subject scans left of the verb group for the subject.
func (x *extractor) subject(s *sentence, ci int, c *cand) []group {
	k := c.lo - 1
	// Skip the verb group and time adverbials ("Israel on Wednesday
	// released").
	for k >= 0 && (s.toks[k].cls&cAux != 0 || s.toks[k].cls&cAdv != 0 || s.toks[k].low == "to" || s.toks[k].timex || s.toks[k].low == "on" && k+1 < len(s.toks) && s.toks[k+1].timex) {
		k--
	}
	if k >= 0 && (s.toks[k].low == "and" || s.toks[k].low == "or" || s.toks[k].low == "," && s.toks[c.head].form == 'g') {
		// "X attacked Y and killed Z": share the previous verb's subject.
		for cj := ci - 1; cj >= 0; cj-- {
			p := s.cands[cj]
			if !p.p.noun && p.head < c.lo {
				var out []group
				for _, a := range p.args {
					if a.Role == doc.RoleAgent && a.Mention >= 0 {
						out = append(out, group{ment: a.Mention, lo: -1})
					}
				}
				return out
			}
		}
	}
	first := true
	for ; k >= 0; k-- {
		w := s.toks[k].low
		if s.toks[k].ment >= 0 {
			g, _ := s.groupEndingAt(k)
			before, b := "", g.lo-1
			for b >= 0 && s.toks[b].cls&cDet != 0 {
				b-- // "In the US, call ...": the phrase's preposition
			}
			if b >= 0 {
				before = s.toks[b].low
			}
			switch {
			case s.isPossessive(g.hi):
				// "Israel's defense minister": a determiner, keep going.
			case before == "with" && s.toks[c.head].form == 'g' && g.hi == c.lo:
				// "with Israel threatening a ground operation"
				return s.coordLeft(g)
			case b >= 0 && s.toks[b].cls&cPrep != 0 && before != "despite":
				// inside a prepositional phrase
			default:
				return s.coordLeft(g)
			}
			k = g.lo
			first = false
			continue
		}
		switch {
		case isClauseBreak(w):
			return nil
		case s.toks[k].cls&cRel != 0 && (w != "that" || k+1 < len(s.toks) && s.toks[k+1].ment < 0):
			// Relative clause: the antecedent is the subject.
			j := k - 1
			if j >= 0 && s.toks[j].low == "," {
				j--
			}
			if g, ok := s.groupEndingAt(j); ok {
				return s.coordLeft(g)
			}
			return nil
		case s.toks[k].cls&cSub != 0 && w != "as" && w != "despite":
			return nil
		case first && s.toks[k].cap && !s.title:
			// An unrecognized name after its title ("President Xi
			// Jinping met"): keep going to the title.
			continue
		case first && !isPunct(w) && s.toks[k].cls&cDet == 0 && s.toks[k].lemma == "" && s.toks[k].cls&cPrep == 0:
			// A non-actor noun right before the verb is the subject:
			// "the resolution called for".
			return nil
		}
		first = false
		if c.lo-k > 25 {
			return nil
		}
	}
	return nil
}

// objects scans right of position from for targets, participants and places.
func (x *extractor) objects(s *sentence, c *cand, from int, noun bool) {
	seenNoun := false
	for k := from; k < len(s.toks) && k < from+14; k++ {
		w := s.toks[k].low
		// A prepositional phrase after another event noun is that event's
		// ("the cancellation coincided with the resignation of X").
		if noun && k > from && s.isHead[k] {
			return
		}
		if isClauseBreak(w) || s.toks[k].cls&cRel != 0 && w != "that" || (s.toks[k].cls&cSub != 0 && w != "as") {
			return
		}
		if w == "," {
			// An appositive after a place ("in Rafah, Gaza") is fine; a
			// comma otherwise ends the object zone.
			if c.hasRole(doc.RoleTarget) || c.hasRole(doc.RolePlace) || seenNoun {
				return
			}
			continue
		}
		if s.toks[k].ment < 0 {
			if noun && k > from+6 {
				return
			}
			// "scrap the delegation highlights the ...": a word after the
			// object and before a determiner is the next verb.
			if seenNoun && s.toks[k].cls&cPrep == 0 && s.toks[k].cls&cDet == 0 && !isPunct(w) && w != "and" && k+1 < len(s.toks) && s.toks[k+1].cls&cDet != 0 {
				return
			}
			if s.toks[k].cls&cPrep == 0 && s.toks[k].cls&cDet == 0 && !isPunct(w) {
				seenNoun = true
			}
			continue
		}
		g, _ := s.groupAt(k)
		k = g.hi - 1
		if s.isPossessive(g.hi) {
			// "Israel's defense minister": the possessor is a target
			// only when nothing else is.
			if !c.hasRole(doc.RoleTarget) && !noun {
				c.addArg(doc.RoleTarget, x.actorOf(g.ment), g.ment)
			}
			continue
		}
		prep := ""
		j := g.lo - 1
		for j >= from && (s.toks[j].cls&cDet != 0 || s.toks[j].low == "the") {
			j--
		}
		if j >= from {
			prep = s.toks[j].low
		}
		kind := x.kindOf(g.ment)
		switch prep {
		case "by":
			if c.passive || noun {
				x.addGroups(c, doc.RoleAgent, s.coordRight(g))
			}
		case "in", "at", "near", "inside", "outside", "across", "throughout":
			if (kind == doc.KindPlace || kind == doc.KindCountry) && !c.hasRole(doc.RolePlace) {
				c.addArg(doc.RolePlace, x.actorOf(g.ment), g.ment)
			}
		case "with":
			for _, gg := range s.coordRight(g) {
				c.addArg(doc.RoleParticipant, x.actorOf(gg.ment), gg.ment)
			}
		case "between", "among":
			for _, gg := range s.coordRight(g) {
				c.addArg(doc.RoleParticipant, x.actorOf(gg.ment), gg.ment)
			}
		case "of":
			if noun {
				role := doc.RoleTarget
				if c.p.has(fIntr) && !c.hasRole(doc.RoleAgent) {
					role = doc.RoleAgent
				}
				if role == doc.RoleAgent || !c.hasRole(doc.RoleTarget) {
					x.addGroups(c, role, s.coordRight(g))
				}
			}
		case "to", "against", "on", "toward", "towards", "into", "for", "over", "from", "about", "upon":
			if !c.hasRole(doc.RoleTarget) {
				if kind == doc.KindPlace && (prep == "to" || prep == "into") && !c.hasRole(doc.RolePlace) {
					c.addArg(doc.RolePlace, x.actorOf(g.ment), g.ment)
				} else {
					x.addGroups(c, doc.RoleTarget, s.coordRight(g))
				}
			}
		case "":
			if !noun && !c.passive && !c.hasRole(doc.RoleTarget) {
				x.addGroups(c, doc.RoleTarget, s.coordRight(g))
			}
		}
		if c.hasRole(doc.RoleTarget) && c.hasRole(doc.RolePlace) {
			return
		}
	}
}

// nounArgs fills the arguments of a nominal trigger from its noun phrase.
func (x *extractor) nounArgs(s *sentence, c *cand) {
	// Left: possessive or pre-nominal modifier, skipping adjectives.
	k := c.lo - 1
	for steps := 0; k >= 0 && steps < 4; steps++ {
		w := s.toks[k].low
		if s.toks[k].ment >= 0 {
			g, _ := s.groupEndingAt(k)
			kind := x.kindOf(g.ment)
			if kind == doc.KindPlace && !c.hasRole(doc.RolePlace) {
				c.addArg(doc.RolePlace, x.actorOf(g.ment), g.ment)
			} else {
				x.addGroups(c, doc.RoleAgent, []group{g})
			}
			break
		}
		if s.isPossessive(k) {
			if g, ok := s.groupEndingAt(k - 1); ok {
				x.addGroups(c, doc.RoleAgent, []group{g})
			}
			break
		}
		if s.toks[k].cls&cDet != 0 || s.toks[k].cls&cPrep != 0 || isPunct(w) || s.toks[k].lemma != "" && s.toks[k].form != 'd' && s.toks[k].form != 'g' {
			break
		}
		k--
	}
	x.objects(s, c, c.hi, true)
	// Coordinated participants of a reciprocal noun: "Israel and Hamas
	// talks" are covered by "between"; a single agent stays agent.
}
