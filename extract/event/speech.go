package event

import (
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// speechActs codes plain statements by what they report, as CAMEO does:
// "X said it would free prisoners" expresses an intent to release (0352),
// "X said Y attacked Z" accuses Y (112), "X said it struck Z" claims
// responsibility (015). The rules are the speechact rows of cues.tsv. The
// reported event keeps its own code, agent and (reported) modality.
func (x *extractor) speechActs(s *sentence) {
	for _, c := range s.cands {
		// Attribution at the end ("..., officials said") sources the
		// report rather than making an accusation or a claim; belief verbs
		// ("believed to be fired by") are not statements.
		if c.absorbed || !c.p.has(fSpeech) || c.p.has(fWeak) || c.code != "010" || len(c.said) == 0 || s.saysAfter(c) {
			continue
		}
		var r, weak *cand
		for _, ci := range c.said {
			o := s.cands[ci]
			if o.p.has(fSpeech) || x.l.typeOf(o.code).Code == "" || s.buriedNoun(o) {
				continue
			}
			if o.p.has(fWeak) {
				if weak == nil {
					weak = o
				}
				continue
			}
			r = o
			break
		}
		if r == nil {
			r = weak
		}
		if r == nil {
			continue
		}
		t := x.l.typeOf(r.code)
		who := "other"
		speakers := map[int]bool{}
		for _, a := range c.args {
			if a.Role == doc.RoleAgent {
				speakers[a.Actor] = true
			}
		}
		for _, a := range r.args {
			if (a.Role == doc.RoleAgent || a.Role == doc.RoleParticipant) && speakers[a.Actor] {
				who = "same"
			}
		}
		// "X said it struck ...": a pronoun subject the actor tagger left
		// unresolved is the speaker.
		if who == "other" && !r.hasRole(doc.RoleAgent) && !r.p.noun {
			k := r.lo - 1
			for k >= 0 && (s.toks[k].cls&cAux != 0 || s.toks[k].cls&cAdv != 0) {
				k--
			}
			if k >= 0 && s.toks[k].ment < 0 && speakerPronouns[s.toks[k].low] {
				who = "same"
				for _, a := range c.args {
					if a.Role == doc.RoleAgent {
						r.addArg(doc.RoleAgent, a.Actor, -1)
					}
				}
			}
		}
		what := "real"
		switch r.mod {
		case doc.Planned, doc.Hypothetical:
			what = "planned"
		case doc.Negated:
			if r.tense == 'f' {
				what = "negplanned"
			} else {
				what = ""
			}
		case doc.Asserted, doc.Reported:
			if r.tense == 'f' {
				what = "planned"
			}
		default:
			what = ""
		}
		if what == "" {
			continue
		}
		q := strconv.Itoa(t.QuadClass)
		for _, cu := range x.l.cues["speechact"] {
			if len(cu.extra) < 2 || cu.words[0] != who || cu.value != what || !contains(strings.Split(cu.extra[0], ","), q) {
				continue
			}
			code := cu.extra[1]
			if code == "intent" {
				code = x.intentCode(t.Code)
			}
			if code != "" {
				c.code = code
				c.speechAct = r.code
				// The statement's target is whom it is about: the
				// accused for an accusation, else the reported target.
				role := doc.RoleTarget
				if code == "112" {
					role = doc.RoleAgent
				}
				if !c.hasRole(doc.RoleTarget) {
					for _, a := range r.args {
						if a.Role == role && !speakers[a.Actor] {
							c.addArg(doc.RoleTarget, a.Actor, a.Mention)
						}
					}
				}
			}
			break
		}
	}
}

var speakerPronouns = set("it", "they", "he", "she", "we", "i")

// intentCode maps the code of a planned event to the code of expressing the
// intent to do it (intent rows of cues.tsv), most specific prefix first.
func (x *extractor) intentCode(code string) string {
	best, bestN := "", 0
	for _, cu := range x.l.cues["intent"] {
		p := cu.words[0]
		if strings.HasPrefix(code, p) && len(p) > bestN {
			best, bestN = cu.value, len(p)
		}
	}
	return best
}

// buriedNoun reports whether candidate c is an event noun inside another
// phrase of the report, not what the report says happened: "said the
// resolution maintained U.S. policy towards Israel and its operations
// against Hamas" accuses no one of the operations. A subject or predicate
// noun is what it says ("said Israel's attacks were brutal"), and so is the
// object of a light verb ("said he would not provide support").
func (s *sentence) buriedNoun(c *cand) bool {
	if !c.p.noun || !s.parsed() || s.titleCased {
		return false
	}
	if c.gov >= 0 && s.cands[c.gov].absorbed && s.cands[c.gov].p.has(fLight) {
		return false // "said he would not provide support": the support is it
	}
	switch r, _ := s.rel(c.head); r {
	case "nsubj", "root", "ccomp", "parataxis":
		return false
	}
	return true
}
