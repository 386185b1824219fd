package actor

import (
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// SameEntity reports whether two actors from different articles are the
// same real entity: the same key; for people, names where one is a subset
// of the other with the same surname and compatible first names ("Netanyahu"
// and "Benjamin Netanyahu", "B. Netanyahu"); for organizations and places,
// overlapping names or aliases, or an acronym of the other's name.
// Anonymous actors (desc: keys) are never the same as another article's.
func SameEntity(a, b doc.Actor) bool {
	if strings.HasPrefix(a.Key, "desc:") || strings.HasPrefix(b.Key, "desc:") {
		return false
	}
	if a.Key == b.Key {
		return true
	}
	if a.Kind != b.Kind && !(compatibleKinds(a.Kind, b.Kind)) {
		return false
	}
	if a.Kind == doc.KindPerson && b.Kind == doc.KindPerson {
		return samePerson(nameWords(a), nameWords(b))
	}
	switch a.Kind {
	case doc.KindCountry, doc.KindGovernment:
		return false // keys by ISO code are exact
	}
	an, bn := names(a), names(b)
	for _, x := range an {
		for _, y := range bn {
			if x == y || acronymOf(x, y) || acronymOf(y, x) {
				return true
			}
		}
	}
	return false
}

// compatibleKinds reports whether actors of kinds a and b can be one
// entity: organizations, groups, IGOs and offices.
func compatibleKinds(a, b doc.ActorKind) bool {
	org := func(k doc.ActorKind) bool {
		return k == doc.KindOrganization || k == doc.KindGroup || k == doc.KindIGO || k == doc.KindOffice
	}
	return org(a) && org(b)
}

// nameWords returns the lowercase words of a person's name without a
// suffix ("Jr.").
func nameWords(a doc.Actor) []string {
	n := a.Name
	if strings.HasPrefix(a.Key, "person:") {
		n = strings.TrimPrefix(a.Key, "person:")
	}
	ws := strings.Fields(norm(n))
	classes := wordClasses()
	for len(ws) > 1 && classes[ws[len(ws)-1]]&cNameSuffix != 0 {
		ws = ws[:len(ws)-1]
	}
	return ws
}

// samePerson: same surname; first names equal, one missing, or one an
// initial of the other; a middle name may be missing on either side.
func samePerson(x, y []string) bool {
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	if x[len(x)-1] != y[len(y)-1] {
		return false
	}
	if len(x) == 1 || len(y) == 1 {
		return true
	}
	fx, fy := strings.TrimSuffix(x[0], "."), strings.TrimSuffix(y[0], ".")
	if fx == fy {
		return true
	}
	if len(fx) == 1 && strings.HasPrefix(fy, fx) || len(fy) == 1 && strings.HasPrefix(fx, fy) {
		return true
	}
	return false
}

// names returns the normalized names of an actor: its name, key and
// aliases.
func names(a doc.Actor) []string {
	out := []string{normPhrase(strings.TrimPrefix(a.Name, "the "))}
	if i := strings.IndexByte(a.Key, ':'); i > 0 {
		out = append(out, a.Key[i+1:])
	}
	for _, al := range a.Aliases {
		out = append(out, normPhrase(al))
	}
	return out
}

// acronymOf reports whether short is the acronym of long: "un" of
// "united nations".
func acronymOf(short, long string) bool {
	short = strings.ReplaceAll(short, ".", "")
	ws := strings.Fields(long)
	if len(ws) < 2 || len(short) != len(ws) && len(short) < 2 {
		return false
	}
	var b strings.Builder
	for _, w := range ws {
		if w == "of" || w == "the" || w == "and" || w == "for" {
			continue
		}
		b.WriteByte(w[0])
	}
	return len(short) >= 2 && b.String() == short
}
