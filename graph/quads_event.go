package graph

import (
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/resolve"
)

// mentionIRI is the IRI of an article's n-th event mention.
func mentionIRI(article string, n int) quad.IRI {
	return quad.IRI(fmt.Sprintf("eg:mention/%s/%d", article, n))
}

// events adds the article's event mentions and the facts of the canonical
// events they report.
func (m *mapping) events() {
	for i := range m.d.Events {
		m.eventMention(i)
		m.event(i)
	}
}

// eventMention adds the article's i-th event mention.
func (m *mapping) eventMention(i int) {
	d, a, w := m.d, m.d.Article, &m.own
	em := d.Events[i]
	ev := NodeIRI(m.as.Events[i])
	mi := mentionIRI(a.ID, i)
	w.add(mi, Type, ClassEventMention)
	w.add(mi, MentionOf, ev)
	w.add(mi, DerivedFrom, m.art)
	w.add(mi, Order, quad.Int(i))
	w.add(mi, Action, quad.String(em.Action))
	w.add(mi, Trigger, quad.String(em.TriggerText))
	w.add(mi, Modality, quad.String(string(em.Modality)))
	w.add(mi, Pattern, quad.String(em.Pattern))
	w.add(mi, CAMEO, quad.String(em.Type.Code))
	if em.Summary != "" {
		w.add(mi, Description, quad.String(em.Summary))
	}
	w.add(mi, Salience, quad.Float(em.Salience))
	if em.Sentence >= 0 && em.Sentence < len(d.Sentences) {
		s := d.Sentences[em.Sentence]
		w.add(mi, Sentence, quad.String(a.Text[s.Start:s.End]))
		w.add(mi, SentenceIndex, quad.Int(em.Sentence))
		w.add(mi, Start, quad.Int(s.Start))
		w.add(mi, End, quad.Int(s.End))
	}
	if e, ok := Day(em.Earliest); ok {
		w.add(mi, Earliest, quad.String(e))
	}
	if l, ok := Day(em.Latest); ok {
		w.add(mi, Latest, quad.String(l))
	}
	if em.Granularity != "" {
		w.add(mi, Gran, quad.String(string(em.Granularity)))
	}
	if em.Basis != "" {
		w.add(mi, Basis, quad.String(string(em.Basis)))
	}
	if resolve.IsLead(d, em) {
		w.add(mi, Lead, quad.Bool(true))
	}
	if em.Timex >= 0 && em.Timex < len(d.Timexes) {
		w.add(mi, TimeText, quad.String(d.Timexes[em.Timex].Text))
	}
	if em.Value != "" {
		w.add(mi, TimeValue, quad.String(em.Value))
	}
	for _, arg := range em.Arguments {
		if arg.Actor >= 0 && arg.Actor < len(m.actorIRI) {
			w.add(mi, argumentPredicate(arg.Role), m.actorIRI[arg.Actor])
		}
	}
}

// argumentPredicate is the edge of an argument role.
func argumentPredicate(role string) quad.IRI {
	switch role {
	case doc.RoleAgent:
		return Agent
	case doc.RoleTarget:
		return Target
	case doc.RolePlace:
		return HasPlace
	}
	return Participant
}

// event adds the facts of the canonical event the i-th mention reports.
// The first article to report it states its coding; later ones add what
// is new (actors).
func (m *mapping) event(i int) {
	em, as, sh := m.d.Events[i], m.as, &m.shared
	ev := NodeIRI(as.Events[i])
	for _, arg := range em.Arguments {
		if arg.Actor < 0 || arg.Actor >= len(m.actorIRI) {
			continue
		}
		sh.add(ev, argumentPredicate(arg.Role), m.actorIRI[arg.Actor])
		if arg.Role != doc.RolePlace {
			sh.add(ev, HasActor, m.actorIRI[arg.Actor])
		}
	}
	sh.add(ev, Type, ClassEvent)
	if as.New != nil && !as.New[i] {
		return
	}
	if i < len(as.Seq) {
		sh.add(ev, Seq, quad.Int(as.Seq[i]))
	}
	sh.add(ev, Action, quad.String(em.Action))
	sh.add(ev, CAMEO, quad.String(em.Type.Code))
	// An extension code (abstain, resign...) is its own type node, so its
	// label does not overwrite its nearest CAMEO code's.
	typ := quad.IRI("eg:cameo/" + em.Type.Code)
	if em.Type.Extension != "" {
		typ = quad.IRI("eg:cameo/" + em.Type.Extension)
	}
	sh.add(ev, EventType, typ)
	if em.Type.Label != "" {
		sh.add(typ, Label, quad.String(em.Type.Label))
	}
	if em.Type.Extension != "" {
		sh.add(ev, Extension, quad.String(em.Type.Extension))
	}
	sh.add(ev, QuadClass, quad.Int(em.Type.QuadClass))
	sh.add(ev, Goldstein, quad.Float(em.Type.Goldstein))
	sh.add(ev, Modality, quad.String(string(em.Modality)))
	if as.Story.Story != "" {
		sh.add(ev, Story, StoryIRI(as.Story.Story))
	}
	if em.Summary != "" {
		sh.add(ev, Description, quad.String(em.Summary))
	}
}
