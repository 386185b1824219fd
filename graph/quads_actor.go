package graph

import (
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// actors adds the canonical actors the article names (shared), their
// roles and affiliations (shared, first-class: they are what users query),
// and the article's actor mentions.
func (m *mapping) actors() {
	d, as, sh, w := m.d, m.as, &m.shared, &m.own
	m.actorIRI = make([]quad.IRI, len(d.Actors))
	for i, ac := range d.Actors {
		iri := NodeIRI(as.Actors[i])
		m.actorIRI[i] = iri
		// Its class is its kind's, a subclass of sem:Actor: one quad
		// says that it is an actor and of which kind.
		sh.add(iri, Type, kindClass(sh, ac.Kind))
		sh.add(iri, Label, quad.String(ac.Name))
		if !IsDescription(iri) {
			sh.add(iri, ActorKey, quad.String(ac.Key))
		}
		if ac.Code != "" {
			sh.add(iri, ActorCode, quad.String(ac.Code))
		}
		for _, al := range ac.Aliases {
			if al != ac.Name {
				sh.add(iri, AltName, quad.String(al))
			}
		}
	}
	for i, ac := range d.Actors {
		for _, rel := range ac.Relations {
			var obj quad.IRI
			if rel.Object >= 0 && rel.Object < len(m.actorIRI) {
				obj = m.actorIRI[rel.Object]
			}
			m.relation(m.actorIRI[i], rel.Kind, rel.Title, obj)
		}
	}
	// Actor mentions: one quad per canonical actor the article names,
	// <actor> eg:spans "SENTENCE:START-END ...", under the article's
	// label: its mentions packed as spans into the article's text.
	first := map[quad.IRI]int{}
	var order []int
	spans := map[int][][3]int{}
	for _, am := range d.ActorMentions {
		if am.Actor < 0 || am.Actor >= len(m.actorIRI) {
			continue
		}
		k, ok := first[m.actorIRI[am.Actor]]
		if !ok {
			k = am.Actor
			first[m.actorIRI[am.Actor]] = k
			order = append(order, k)
		}
		spans[k] = append(spans[k], [3]int{am.Sentence, am.Start, am.End})
	}
	for _, k := range order {
		w.add(m.actorIRI[k], Spans, quad.String(FormatSpans(spans[k])))
	}
}

// kindPrefix begins the IRI of an actor kind's class.
const kindPrefix = "eg:kind/"

// KindClass is the class of the actors of a kind: <eg:kind/person>, a
// subclass of sem:Actor; sem:Actor itself for an actor of no kind.
func KindClass(kind doc.ActorKind) quad.IRI {
	if kind == "" {
		return ClassActor
	}
	return quad.IRI(kindPrefix + string(kind))
}

// KindOf is the kind of the actors of a class (KindClass): "" for a
// value that is no kind's class.
func KindOf(class quad.Value) doc.ActorKind {
	iri, ok := class.(quad.IRI)
	if !ok {
		return ""
	}
	k, _ := strings.CutPrefix(string(iri), kindPrefix)
	if len(k) == len(iri) {
		return ""
	}
	return doc.ActorKind(k)
}

// kindClass adds that a kind's class is a subclass of sem:Actor (once
// for every actor of the kind) and returns the class.
func kindClass(sh *quadBuf, kind doc.ActorKind) quad.IRI {
	c := KindClass(kind)
	if c != ClassActor {
		sh.add(c, SubClassOf, ClassActor)
	}
	return c
}

// descriptionPrefix begins the IRI of an actor known only by a
// description within a story ("the police"; resolve keys it
// desc:STORY:HEAD, and SameEntity never merges it with another actor).
const descriptionPrefix = "eg:actor/desc/"

// IsDescription reports whether an actor's IRI is a description's. A
// description states no eg:key: its extractor keys name their article
// ("desc:ARTICLE:police"), which no later article has, and a reloaded
// resolver needs only its IRI (KeyOf keeps the desc: prefix, which is what
// keeps it apart).
func IsDescription(actor quad.Value) bool {
	return strings.HasPrefix(Str(actor), descriptionPrefix)
}

// relation adds one relation of holder: a role (title, of obj), an
// affiliation or membership, part of, or owner.
func (m *mapping) relation(holder quad.IRI, kind, title string, obj quad.IRI) {
	sh := &m.shared
	switch kind {
	case "role":
		if title == "" {
			return
		}
		role := quad.IRI("eg:role/" + shortHash(string(holder), title, string(obj)))
		sh.add(role, Type, ClassRole)
		sh.add(role, Holder, holder)
		sh.add(role, Title, quad.String(title))
		sh.add(holder, JobTitle, quad.String(title))
		if obj != "" {
			sh.add(role, Of, obj)
			sh.add(holder, Affiliation, obj)
		}
	case "affiliation", "member":
		if obj != "" {
			sh.add(holder, Affiliation, obj)
		}
	case "part_of":
		if obj != "" {
			sh.add(holder, PartOf, obj)
		}
	case "owner":
		if obj != "" {
			sh.add(holder, Owner, obj)
		}
	}
}
