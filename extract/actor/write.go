package actor

import (
	"cmp"
	"slices"
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// writer builds the document's actors and mentions from the state's.
type writer struct {
	s      *state
	acts   []doc.Actor
	src    []int // the state actor each of acts is written from
	actIdx []int // the index in acts of each state actor, -1 when unwritten
	ments  []doc.ActorMention
	menIdx []int // the index in ments of each state mention
}

// write builds d.Actors and d.ActorMentions: mentions in text order,
// actors in order of first mention (then actors only related to).
func (s *state) write() {
	w := &writer{
		s:      s,
		acts:   make([]doc.Actor, 0, len(s.actors)),
		src:    make([]int, 0, len(s.actors)),
		actIdx: make([]int, len(s.actors)),
		ments:  make([]doc.ActorMention, 0, len(s.mentions)),
		menIdx: make([]int, len(s.mentions)),
	}
	for i := range w.actIdx {
		w.actIdx[i] = -1
	}
	w.mentions()
	w.groupMentions()
	w.related()
	for k, a := range w.src {
		w.complete(&w.acts[k], a)
	}
	s.d.Actors = w.acts
	s.d.ActorMentions = w.ments
}

// actor writes state actor a (once) and returns its index.
func (w *writer) actor(a int) int {
	if w.actIdx[a] >= 0 {
		return w.actIdx[a]
	}
	ac := &w.s.actors[a]
	w.actIdx[a] = len(w.acts)
	w.acts = append(w.acts, doc.Actor{Key: ac.key, Name: ac.name, Kind: ac.kind, Code: ac.code})
	w.src = append(w.src, a)
	return w.actIdx[a]
}

// mentions writes the mentions in text order (a longer one first), and
// their actors in order of first mention.
func (w *writer) mentions() {
	s := w.s
	order := make([]int, len(s.mentions))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		a, b := &s.mentions[x], &s.mentions[y]
		if a.span.Start != b.span.Start {
			return cmp.Compare(a.span.Start, b.span.Start)
		}
		return cmp.Compare(b.span.End, a.span.End)
	})
	d := s.d
	for _, mi := range order {
		m := s.mentions[mi]
		ai := w.actor(s.find(m.actor))
		w.menIdx[mi] = len(w.ments)
		w.ments = append(w.ments, doc.ActorMention{
			Span: m.span, Text: d.Article.Text[m.span.Start:m.span.End], Sentence: d.Sentences[m.sent].Index,
			Actor: ai, Head: m.head, How: m.how,
		})
	}
}

// groupMentions gives each actor its mentions, in order, all in one array.
func (w *writer) groupMentions() {
	counts := make([]int, len(w.acts))
	for k := range w.ments {
		counts[w.ments[k].Actor]++
	}
	all := make([]int, len(w.ments))
	off := 0
	for ai, n := range counts {
		if n > 0 {
			w.acts[ai].Mentions = all[off : off : off+n]
			off += n
		}
	}
	for k := range w.ments {
		ai := w.ments[k].Actor
		w.acts[ai].Mentions = append(w.acts[ai].Mentions, k)
	}
}

// related writes the actors the written ones relate to or are owned by,
// transitively.
func (w *writer) related() {
	s := w.s
	for k := 0; k < len(w.src); k++ {
		a := w.src[k]
		for _, r := range s.actors[a].rels {
			if r.obj >= 0 {
				w.actor(s.find(r.obj))
			}
		}
		if o := s.actors[a].owner; o >= 0 {
			w.actor(s.find(o))
		}
	}
}

// complete fills in the written actor out of state actor a: the key and
// name of an office that depend on its owner, its relations, a person's
// code and the aliases.
func (w *writer) complete(out *doc.Actor, a int) {
	ac := &w.s.actors[a]
	if ac.owner >= 0 {
		w.office(out, ac)
	}
	for _, r := range ac.rels {
		w.relation(out, a, r)
	}
	// People take the CAMEO code of the body they hold a role in.
	if ac.kind == doc.KindPerson {
		for _, r := range out.Relations {
			if (r.Kind == "role" || r.Kind == "affiliation") && r.Object >= 0 && w.acts[r.Object].Code != "" {
				out.Code = w.acts[r.Object].Code
				break
			}
		}
	}
	w.aliases(out)
}

// office sets the key and name of an owner's office, which depend on how
// the article resolved the owner, and its owner relation.
func (w *writer) office(out *doc.Actor, ac *actorT) {
	o := w.s.find(ac.owner)
	owner := &w.s.actors[o]
	suffix := ""
	if i := strings.LastIndexByte(ac.key, '/'); i > 0 {
		suffix = ac.key[i:]
	}
	out.Key = "office:" + owner.key + suffix
	out.Name = owner.name + "'s " + strings.TrimPrefix(suffix, "/")
	if suffix == "" {
		out.Name += "office"
	}
	out.Relations = append(out.Relations, doc.Relation{Kind: "owner", Object: w.actIdx[o]})
}

// relation adds relation r of state actor a to out, merging it with the
// same relation written before: a role with an object replaces the same
// role without one, and a titled relation without an object adds its
// evidence to those with that title.
func (w *writer) relation(out *doc.Actor, a int, r relation) {
	obj := -1
	if r.obj >= 0 {
		o := w.s.find(r.obj)
		if o == a {
			return
		}
		obj = w.actIdx[o]
	}
	var ev []int
	if r.men >= 0 {
		ev = []int{w.menIdx[r.men]}
	}
	if j := findRel(out.Relations, r.kind, r.title, obj); j >= 0 {
		out.Relations[j].Mentions = appendUniq(out.Relations[j].Mentions, ev...)
		return
	}
	if obj >= 0 {
		for j := range out.Relations {
			if rj := &out.Relations[j]; rj.Kind == r.kind && rj.Title == r.title && rj.Object < 0 {
				rj.Object = obj
				rj.Mentions = appendUniq(rj.Mentions, ev...)
				return
			}
		}
	} else if r.title != "" {
		dup := false
		for j := range out.Relations {
			if rj := &out.Relations[j]; rj.Kind == r.kind && rj.Title == r.title {
				rj.Mentions = appendUniq(rj.Mentions, ev...)
				dup = true
			}
		}
		if dup {
			return
		}
	}
	out.Relations = append(out.Relations, doc.Relation{Kind: r.kind, Title: r.title, Object: obj, Mentions: ev})
}

// aliases sets the distinct names the article uses for out other than its
// name.
func (w *writer) aliases(out *doc.Actor) {
	text := w.s.d.Article.Text
	for _, mi := range out.Mentions {
		m := &w.ments[mi]
		switch m.How {
		case HowName, HowTitle, HowAlias, HowSurname, HowCompound:
			n := strings.ReplaceAll(text[m.Head.Start:m.Head.End], "’", "'")
			if n != out.Name && !slices.Contains(out.Aliases, n) {
				out.Aliases = append(out.Aliases, n)
			}
		}
	}
}

// appendUniq appends to xs the ys it does not hold.
func appendUniq(xs []int, ys ...int) []int {
	for _, y := range ys {
		if !slices.Contains(xs, y) {
			xs = append(xs, y)
		}
	}
	return xs
}

// findRel returns the index in rs of the relation of kind, title and
// object obj, or -1.
func findRel(rs []doc.Relation, kind, title string, obj int) int {
	for j, r := range rs {
		if r.Kind == kind && r.Title == title && r.Object == obj {
			return j
		}
	}
	return -1
}
