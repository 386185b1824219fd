package resolve

import "strings"

// sameArticleAdmissible reports whether mention c may be event e, which
// its own article reported before (typed: their types agree, see
// admissible). Within one article the actor step has told its persons
// apart, so two different persons on one side make two events: "Meadows'
// shock retirement" is not "Heath Shuler retired", whatever their shared
// action (sidesDiffer). Then:
//   - two coded reports are one when they are the same action ("the
//     cancellation" refers back to "cancelled"), or the same type and
//     share a participant: "calls within the administration" are not
//     "officials planned to urge Israel", Kirby "expressed confusion" and
//     "emphasizing" are two things he did, and a bare "the war" is not
//     "four people were killed";
//   - two uncoded ones of different actions are one when their class is
//     specific and they share a participant ("checked into rehab",
//     "entered" it); "the resolution" and "maintained" share the Security
//     Council, not an event.
func (r *Resolver) sameArticleAdmissible(e, c *Event, typed bool) bool {
	if sidesDiffer(e.Agents, c.Agents) || sidesDiffer(e.Targets, c.Targets) ||
		describedVsNamed(e, c) || describedVsNamed(c, e) {
		return false
	}
	switch {
	case e.coded && c.coded:
		return r.compatible(e, c) && (e.Action == c.Action || sameType(e.Type, c.Type) && sharesArgument(e, c))
	case e.Action != c.Action:
		return typed && !r.generic(e) && !r.generic(c) && sharesArgument(e, c)
	}
	return true
}

// sidesDiffer reports whether two lists of one role's actors, within one
// article, are different people: the actor step has told an article's
// persons apart, so different IDs are different persons, even with one
// surname ("Mark Meadows" and "Scott Meadows"). Other kinds may stand for
// one another ("Netanyahu", "Netanyahu's office", "Israel").
func sidesDiffer(a, b []string) bool {
	return len(a) > 0 && len(b) > 0 && !sharesAny(a, b) && allPersons(a) && allPersons(b)
}

// describedVsNamed reports whether a's agent is only a description and
// b's a named person, within one article: "told the woman to leave" is not
// "Hiller left", since the article named Hiller and did not make the woman
// her.
func describedVsNamed(a, b *Event) bool {
	return a.describedAgent && len(a.Agents) == 0 && len(b.Agents) > 0 && allPersons(b.Agents)
}

// allPersons reports whether every ID of ids is a person's.
func allPersons(ids []string) bool {
	for _, id := range ids {
		if !strings.HasPrefix(id, "actor/person/") {
			return false
		}
	}
	return true
}
