package graph

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/resolve"
)

// mentionPrefix begins every event mention's IRI.
const mentionPrefix = "eg:mention/"

// mentionIRI is the IRI of an article's n-th event mention,
// <eg:mention/ID/N> for <eg:article/ID>.
func mentionIRI(article string, n int) quad.IRI {
	return quad.IRI(fmt.Sprintf("%s%s/%d", mentionPrefix, article, n))
}

// MentionArticle is the article of an event mention, named by the
// mention's IRI: <eg:article/ID> for <eg:mention/ID/N> (also the label of
// the mention's quads). It is "" for a value that is no mention's IRI.
func MentionArticle(mention quad.Value) quad.IRI {
	iri, ok := mention.(quad.IRI)
	if !ok {
		return ""
	}
	rest, ok := strings.CutPrefix(string(iri), mentionPrefix)
	i := strings.LastIndexByte(rest, '/')
	if !ok || i <= 0 {
		return ""
	}
	if _, err := strconv.Atoi(rest[i+1:]); err != nil {
		return ""
	}
	return ArticleIRI(rest[:i])
}

// events adds the article's event mentions and the facts of the canonical
// events they report.
func (m *mapping) events() {
	m.rep = representatives(m.d, m.as)
	handles := make([]MentionHandle, len(m.d.Events))
	for i := range m.d.Events {
		handles[i] = m.eventMention(i)
		m.event(i)
	}
	if len(handles) > 0 {
		m.own.add(m.art, Handles, quad.String(FormatHandles(handles)))
	}
}

// eventMention adds the article's i-th event mention, one quad:
// eg:mentionOf its event (no rdf:type and no link to its article: its IRI
// says what it is and names its article, MentionArticle). It returns the
// mention's handle, which the article's eg:handles holds (see
// MentionHandle). Its coding (action, CAMEO code, description) and its
// arguments are the event's; its own modality, date and salience are in
// the handle.
func (m *mapping) eventMention(i int) MentionHandle {
	d, a, w := m.d, m.d.Article, &m.own
	em := d.Events[i]
	mi := mentionIRI(a.ID, i)
	w.add(mi, MentionOf, NodeIRI(m.as.Events[i]))
	h := MentionHandle{
		Sentence: -1, TrigStart: em.Trigger.Start, TrigEnd: em.Trigger.End,
		Modality: string(em.Modality), Salience: em.Salience,
		Gran: string(em.Granularity), Basis: string(em.Basis), Value: em.Value,
		TimexStart: -1, TimexEnd: -1, Lead: resolve.IsLead(d, em), Headline: resolve.IsHeadline(d, em), Pattern: em.Pattern,
		Merge: m.merges[i],
	}
	if em.Sentence >= 0 && em.Sentence < len(d.Sentences) {
		s := d.Sentences[em.Sentence]
		h.Sentence, h.SentStart, h.SentEnd = em.Sentence, s.Start, s.End
	}
	h.Earliest, _ = Day(em.Earliest)
	h.Latest, _ = Day(em.Latest)
	if Slice(a.Text, h.TrigStart, h.TrigEnd) != em.TriggerText {
		w.add(mi, Trigger, quad.String(em.TriggerText))
	}
	if em.Timex >= 0 && em.Timex < len(d.Timexes) {
		x := d.Timexes[em.Timex]
		h.TimexStart, h.TimexEnd = x.Start, x.End
		if Slice(a.Text, x.Start, x.End) != x.Text {
			w.add(mi, TimeText, quad.String(x.Text))
		}
	}
	return h
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

// representatives maps each event the article creates to the mention
// that states its coding: its first mention, unless a later one of the
// article names participants the first lacks: any, where the first has
// none ("calls within the administration", then "officials planned to
// urge Israel"), or more, with the same action and modality ("the
// government warns", then "the government warns Israel"; not "Israel's
// intent to launch an offensive", then "the potential consequences of a
// Rafah offensive": the event stays planned).
func representatives(d *doc.Document, as resolve.Assignment) map[string]int {
	rep := map[string]int{}
	for i, id := range as.Events {
		if i < len(as.New) && as.New[i] {
			rep[id] = i
		}
	}
	for j, id := range as.Events {
		i, ok := rep[id]
		if !ok || j == i {
			continue
		}
		a, b := d.Events[i], d.Events[j]
		if len(a.Arguments) == 0 && len(b.Arguments) > 0 || a.Action == b.Action && a.Modality == b.Modality && len(b.Arguments) > len(a.Arguments) {
			rep[id] = j
		}
	}
	return rep
}

// event adds the facts of the canonical event the i-th mention reports.
// The first article to report it states its coding, from its
// representative mention; later ones add what is new (actors).
func (m *mapping) event(i int) {
	em, as, sh := m.d.Events[i], m.as, &m.shared
	ev := NodeIRI(as.Events[i])
	for _, arg := range em.Arguments {
		if arg.Actor < 0 || arg.Actor >= len(m.actorIRI) {
			continue
		}
		sh.add(ev, argumentPredicate(arg.Role), m.actorIRI[arg.Actor])
	}
	if as.New != nil && !as.New[i] {
		return
	}
	if r, ok := m.rep[as.Events[i]]; ok {
		em = m.d.Events[r]
	}
	// Its class is its action's class, a subclass of its type node and
	// of sem:Event: one quad says that it is an event, of which type and
	// which action.
	sh.add(ev, Type, actionClass(sh, em.Type, em.Action))
	// The event's story is its first article's (eg:story of the article
	// with the smallest eg:storySeq among its mentions'): not repeated.
	if em.Modality != DefaultModality {
		sh.add(ev, Modality, quad.String(string(em.Modality)))
	}
	if em.Summary != "" {
		sh.add(ev, Description, quad.String(em.Summary))
	}
}

// typePrefix begins every event type node's IRI.
const typePrefix = "eg:cameo/"

// TypeIRI is the type node of an event type: <eg:cameo/CODE>, or
// <eg:cameo/EXTENSION> for an extension code (abstain, resign...), its own
// node so that its label does not overwrite its nearest CAMEO code's.
func TypeIRI(t doc.EventType) quad.IRI {
	if t.Extension != "" {
		return quad.IRI(typePrefix + t.Extension)
	}
	return quad.IRI(typePrefix + t.Code)
}

// ActionClass is the class of the events of a type and action:
// <eg:cameo/CODE/ACTION> (the action path-escaped: "call%20for"), a
// subclass of the type node (TypeIRI) and of sem:Event; the type node
// itself for an event without action.
func ActionClass(t doc.EventType, action string) quad.IRI {
	if action == "" {
		return TypeIRI(t)
	}
	return quad.IRI(string(TypeIRI(t)) + "/" + url.PathEscape(action))
}

// EventClass splits an event's class (ActionClass) into its type node
// and action, which its IRI names; ok is false for a value that is no
// event class.
func EventClass(class quad.Value) (typ quad.IRI, action string, ok bool) {
	iri, isIRI := class.(quad.IRI)
	rest, found := strings.CutPrefix(string(iri), typePrefix)
	if !isIRI || !found {
		return "", "", false
	}
	code, esc, hasAction := strings.Cut(rest, "/")
	typ = quad.IRI(typePrefix + code)
	if !hasAction {
		return typ, "", true
	}
	action, err := url.PathUnescape(esc)
	if err != nil {
		return "", "", false
	}
	return typ, action, true
}

// IsEventType reports whether v is an event type node (TypeIRI), the
// class of the events of its type.
func IsEventType(v quad.Value) bool {
	typ, _, ok := EventClass(v)
	return ok && v == quad.Value(typ)
}

// actionClass adds an action's class (ActionClass): its action (eg:action,
// which queries select by), a subclass of its type node (typeNode) and of
// sem:Event, stated once for every event of the type and action. It
// returns the class.
func actionClass(sh *quadBuf, t doc.EventType, action string) quad.IRI {
	typ := typeNode(sh, t)
	c := ActionClass(t, action)
	if c == typ {
		return c
	}
	sh.add(c, SubClassOf, ClassEvent)
	sh.add(c, SubClassOf, typ)
	sh.add(c, Action, quad.String(action))
	return c
}

// typeNode adds what an event type implies, said once on its type node
// for every event of the type: that it is a class of events (rdfs:subClassOf
// sem:Event), its codes (the CAMEO code, and the extension code of an
// extension's node: an extension has one nearest CAMEO code), label, quad
// class and Goldstein score. It returns the node.
func typeNode(sh *quadBuf, t doc.EventType) quad.IRI {
	typ := TypeIRI(t)
	sh.add(typ, SubClassOf, ClassEvent)
	if t.Code != "" {
		sh.add(typ, CAMEO, quad.String(t.Code))
	}
	if t.Extension != "" {
		sh.add(typ, Extension, quad.String(t.Extension))
	}
	if t.Label != "" {
		sh.add(typ, Label, quad.String(t.Label))
	}
	sh.add(typ, QuadClass, quad.Int(t.QuadClass))
	sh.add(typ, Goldstein, quad.Float(t.Goldstein))
	return typ
}
