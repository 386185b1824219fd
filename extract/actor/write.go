package actor

import (
	"cmp"
	"slices"
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// write builds d.Actors and d.ActorMentions: mentions in text order,
// actors in order of first mention (then actors only related to).
func (s *state) write() {
	d := s.d
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
	menIdx := make([]int, len(s.mentions))
	actIdx := make([]int, len(s.actors))
	for i := range actIdx {
		actIdx[i] = -1
	}
	acts := make([]doc.Actor, 0, len(s.actors))
	src := make([]int, 0, len(s.actors))
	newActor := func(a int) int {
		if actIdx[a] >= 0 {
			return actIdx[a]
		}
		ac := s.actors[a]
		actIdx[a] = len(acts)
		acts = append(acts, doc.Actor{Key: ac.key, Name: ac.name, Kind: ac.kind, Code: ac.code})
		src = append(src, a)
		return actIdx[a]
	}
	ments := make([]doc.ActorMention, 0, len(s.mentions))
	for _, mi := range order {
		m := s.mentions[mi]
		a := s.find(m.actor)
		ai := newActor(a)
		menIdx[mi] = len(ments)
		ments = append(ments, doc.ActorMention{
			Span: m.span, Text: d.Article.Text[m.span.Start:m.span.End], Sentence: d.Sentences[m.sent].Index,
			Actor: ai, Head: m.head, How: m.how,
		})
	}
	// Each actor's mentions, in order, in one array.
	counts := make([]int, len(acts))
	for k := range ments {
		counts[ments[k].Actor]++
	}
	all := make([]int, len(ments))
	off := 0
	for ai, n := range counts {
		if n > 0 {
			acts[ai].Mentions = all[off : off : off+n]
			off += n
		}
	}
	for k := range ments {
		ai := ments[k].Actor
		acts[ai].Mentions = append(acts[ai].Mentions, k)
	}
	// Related actors, transitively.
	for k := 0; k < len(src); k++ {
		a := src[k]
		for _, r := range s.actors[a].rels {
			if r.obj >= 0 {
				newActor(s.find(r.obj))
			}
		}
		if o := s.actors[a].owner; o >= 0 {
			newActor(s.find(o))
		}
	}
	for k, a := range src {
		ac := s.actors[a]
		out := &acts[k]
		// Keys that depend on the article's resolution.
		if ac.owner >= 0 {
			o := s.find(ac.owner)
			suffix := ""
			if i := strings.LastIndexByte(ac.key, '/'); i > 0 {
				suffix = ac.key[i:]
			}
			out.Key = "office:" + s.actors[o].key + suffix
			out.Name = s.actors[o].name + "'s " + strings.TrimPrefix(suffix, "/")
			if suffix == "" {
				out.Name += "office"
			}
			out.Relations = append(out.Relations, doc.Relation{Kind: "owner", Object: actIdx[o]})
		}
		for _, r := range ac.rels {
			obj := -1
			if r.obj >= 0 {
				o := s.find(r.obj)
				if o == a {
					continue
				}
				obj = actIdx[o]
			}
			var ev []int
			if r.men >= 0 {
				ev = []int{menIdx[r.men]}
			}
			if j := findRel(out.Relations, r.kind, r.title, obj); j >= 0 {
				out.Relations[j].Mentions = appendUniq(out.Relations[j].Mentions, ev...)
				continue
			}
			// A role with an object replaces the same role without one.
			if obj >= 0 {
				for j := range out.Relations {
					if out.Relations[j].Kind == r.kind && out.Relations[j].Title == r.title && out.Relations[j].Object < 0 {
						out.Relations[j].Object = obj
						out.Relations[j].Mentions = appendUniq(out.Relations[j].Mentions, ev...)
						obj = -2
						break
					}
				}
				if obj == -2 {
					continue
				}
			} else if r.title != "" {
				dup := false
				for j := range out.Relations {
					if out.Relations[j].Kind == r.kind && out.Relations[j].Title == r.title {
						out.Relations[j].Mentions = appendUniq(out.Relations[j].Mentions, ev...)
						dup = true
					}
				}
				if dup {
					continue
				}
			}
			out.Relations = append(out.Relations, doc.Relation{Kind: r.kind, Title: r.title, Object: obj, Mentions: ev})
		}
		// People take the CAMEO code of the body they hold a role in.
		if ac.kind == doc.KindPerson {
			for _, r := range out.Relations {
				if (r.Kind == "role" || r.Kind == "affiliation") && r.Object >= 0 && acts[r.Object].Code != "" {
					out.Code = acts[r.Object].Code
					break
				}
			}
		}
		// Aliases: the distinct names the article uses.
		for _, mi := range out.Mentions {
			m := ments[mi]
			switch m.How {
			case HowName, HowTitle, HowAlias, HowSurname, HowCompound:
				n := strings.ReplaceAll(d.Article.Text[m.Head.Start:m.Head.End], "’", "'")
				if n != out.Name && !contains(out.Aliases, n) {
					out.Aliases = append(out.Aliases, n)
				}
			}
		}
	}
	d.Actors = acts
	d.ActorMentions = ments
}

func appendUniq(xs []int, ys ...int) []int {
	for _, y := range ys {
		found := false
		for _, x := range xs {
			if x == y {
				found = true
			}
		}
		if !found {
			xs = append(xs, y)
		}
	}
	return xs
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func findRel(rs []doc.Relation, kind, title string, obj int) int {
	for j, r := range rs {
		if r.Kind == kind && r.Title == title && r.Object == obj {
			return j
		}
	}
	return -1
}
