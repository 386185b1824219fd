package event

import (
	"math"
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// Weights of a mention's salience: what makes an event worth a row of a
// timeline. They add up to at most 1; the timeline adds corroboration
// (more articles, more mentions) on top.
const (
	salAgent      = 0.35 // a named agent: someone did it
	salActor      = 0.25 // no agent, but a named participant or target
	salPlace      = 0.10 // only a named place
	salSecondRole = 0.10 // an agent and a target or participant besides
	salCoded      = 0.20 // a CAMEO code (not only an eventgraph extension)
	salMainClause = 0.10 // the sentence's own predication, or a headline
	salDated      = 0.10 // an explicit or relative date in the text
	salWeak       = 0.15 // taken off a weak trigger ("issue", "try", "stage")
	salSameSides  = 0.20 // taken off when agent and target are one actor
	salBareSay    = 0.25 // taken off a plain statement (CAMEO 010): its report or quotation is what matters
)

// salience scores how much an analyst would want to see mention e as a
// timeline row, in [0, 1].
func (x *extractor) salience(s *sentence, c *cand, e *doc.EventMention) float64 {
	var agent, vague, other, place bool
	for _, a := range e.Arguments {
		switch {
		case a.Role == doc.RolePlace:
			place = true
		case a.Role == doc.RoleAgent && x.vague(a.Actor):
			vague = true
		case a.Role == doc.RoleAgent:
			agent = true
		default:
			other = true
		}
	}
	v := 0.0
	switch {
	case vague && !agent:
		// "a person runs", "colleagues attribute": someone, but no one
		// a reader can follow.
		v += salActor
		if other {
			v += salSecondRole
		}
	case agent:
		v += salAgent
		if other {
			v += salSecondRole
		}
	case other:
		v += salActor
	case place:
		v += salPlace
	}
	if e.Type.Code != "" {
		v += salCoded
	}
	if s.title || x.mainClause(s, c) {
		v += salMainClause
	}
	if e.Basis == doc.BasisExplicit || e.Basis == doc.BasisRelative {
		v += salDated
	}
	if c.p.has(fWeak) {
		v -= salWeak
	}
	if sameSides(e) {
		v -= salSameSides
	}
	if e.Type.Code == "010" && e.Type.Extension == "" {
		// "Woodard said the congressman should refrain": the refraining
		// is the row, with Woodard as its source; "Harry said" after a
		// quotation says nothing a timeline can show. Told to someone, or
		// dated, it stays.
		v -= salBareSay
	}
	return math.Round(min(max(v, 0), 1)*100) / 100
}

// vague reports whether actor a is a description of no one in
// particular: no name, no country or organization behind it ("a person",
// "colleagues"; not "Israeli troops").
func (x *extractor) vague(a int) bool {
	act := x.d.Actors[a]
	return strings.HasPrefix(act.Key, "desc:") && act.Code == ""
}

// sameSides reports whether one actor is both the agent and the target.
func sameSides(e *doc.EventMention) bool {
	for _, a := range e.Arguments {
		if a.Role != doc.RoleAgent {
			continue
		}
		for _, b := range e.Arguments {
			if b.Role == doc.RoleTarget && b.Actor == a.Actor {
				return true
			}
		}
	}
	return false
}

// mainClause reports whether c is what its sentence asserts rather than
// part of a modifier: in the tree, the root (or a conjunct of it) or what
// the root reports ("officials said Israel attacked"); without one, a verb
// not governed by another candidate.
func (x *extractor) mainClause(s *sentence, c *cand) bool {
	if s.parsed() && !s.title {
		h := c.head
		return s.predicate(h) || s.toks[h].Rel == "ccomp" && s.toks[h].Head >= 0 && s.predicate(s.toks[h].Head)
	}
	return !c.p.noun && c.gov < 0 && c.objOf < 0
}
