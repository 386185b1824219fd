package event

import (
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// This file checks a candidate's CAMEO code against the structure around
// it, after its arguments are known.

// occurCode is the eventgraph extension for events CAMEO has no code for.
const occurCode = "EG-OCCUR"

// isForce reports whether code is a use of force (CAMEO 18, 19, 20: assault,
// fight, mass violence), which needs a physical act.
func isForce(code string) bool {
	return len(code) >= 2 && (code[:2] == "18" || code[:2] == "19" || code[:2] == "20")
}

// coding drops the force codes, and those of damage to property (171) and
// arrest (173), of figurative uses ("could harm U.S.-Israel
// ties", "Tensions Escalate", "fight for votes", "a legal battle"): a
// subject or object that names no physical thing, or an arena that is
// none. The event keeps its action, uncoded.
func (x *extractor) coding(s *sentence) {
	for _, c := range s.cands {
		if x.transitiveUse(s, c) {
			c.code = occurCode
			continue
		}
		if code := x.l.typeOf(c.code).Code; c.absorbed || !isForce(code) && !strings.HasPrefix(code, "171") && code != "173" {
			continue
		}
		if x.figurative(s, c) {
			c.code = occurCode
		}
	}
}

// transitiveUse reports whether c is a verb whose code holds only when it
// is intransitive, used with an object or a clause: "the study
// demonstrated the effect" shows, it does not protest.
func (x *extractor) transitiveUse(s *sentence, c *cand) bool {
	if c.absorbed || c.p.noun || !x.l.intransitive[c.action] || !s.parsed() {
		return false
	}
	return s.child(c.head, "obj") >= 0 || s.child(c.head, "ccomp") >= 0
}

// figurative reports whether c's subject or object is an abstract noun, or
// a word before it names the arena of a figurative fight ("trade war").
func (x *extractor) figurative(s *sentence, c *cand) bool {
	abstract := func(k int) bool {
		if k < 0 || k >= len(s.toks) {
			return false
		}
		t := &s.toks[k]
		if t.ment >= 0 {
			return false // an actor ("Israeli forces") is no abstraction
		}
		in := func(m map[string]bool) bool { return m[t.low] || t.Lemma != "" && m[t.Lemma] }
		return in(x.l.abstract) || s.parsed() && t.Tag == "NOUN" && in(x.l.abstractWN)
	}
	if s.parsed() {
		h := c.head
		for _, k := range s.children(h) {
			switch r, _ := s.rel(k); r {
			case "amod", "compound":
				if t := &s.toks[k]; k < h && t.ment < 0 && (x.l.arena[t.low] || x.l.arena[t.Lemma]) {
					return true // "a trade war", "a legal battle"
				}
			case "nsubj", "obj":
				if abstract(k) {
					return true
				}
			case "obl", "nmod":
				if p := s.caseOf(k); (p == "for" || p == "over") && abstract(k) {
					return true
				}
			}
		}
		return false
	}
	// Without a tree: the word before the verb group, the first noun
	// after the trigger.
	k := c.lo - 1
	for k >= 0 && (s.toks[k].cls&cAux != 0 || s.toks[k].cls&cAdv != 0) {
		k--
	}
	if !c.p.noun && abstract(k) {
		return true
	}
	for k := c.hi; k < len(s.toks) && k < c.hi+5; k++ {
		if isClauseBreak(s.toks[k].low) || s.toks[k].low == "," {
			break
		}
		if abstract(k) {
			return true
		}
	}
	return false
}

// conjunctModality gives the conjuncts of an event noun the modality its
// governor fixed: "negotiations over a ceasefire and the release of
// hostages" (neither is asserted).
func (x *extractor) conjunctModality(s *sentence) {
	if !s.parsed() {
		return
	}
	at := make(map[int]*cand, len(s.cands))
	for _, c := range s.cands {
		at[c.head] = c
	}
	for _, c := range s.cands {
		if !c.modFixed || c.mod == doc.Asserted {
			continue
		}
		for _, k := range s.conjuncts(c.head)[1:] {
			if o := at[k]; o != nil && !o.modFixed && o.mod == doc.Asserted {
				o.mod, o.modFixed = c.mod, true
			}
		}
	}
}
