package main

import (
	"fmt"
	"io"
	"sort"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/internal/pipeline"
	"github.com/eventgraph/eventgraph/resolve"
)

// MissedLinks counts the gold-coreferent pairs of matched system mentions
// of different documents that the resolver (ingest rules, one stream)
// leaves in different events, by kind: whether the two documents were
// found to tell one story, whether the mentions name the same action, and
// what named participants (agents and targets) they have. It says where
// the recall is lost.
type MissedLinks struct {
	Pairs, Missed int
	ByKind        map[string]int
}

// missedLinks resolves the stream and counts the missed pairs by kind.
func missedLinks(stream []scored) MissedLinks {
	r := resolve.New(pipeline.Rules())
	type ment struct {
		doc, k       int
		chain, event string
		named        []string
	}
	var ms []ment
	for i, s := range stream {
		as := r.Add(s.d)
		for k, g := range s.dr.matched {
			ms = append(ms, ment{doc: i, k: k, chain: g.Chain(), event: as.Events[k], named: namedArgs(s.d, s.d.Events[k], as.Actors)})
		}
	}
	out := MissedLinks{ByKind: map[string]int{}}
	byChain := map[string][]ment{}
	for _, m := range ms {
		byChain[m.chain] = append(byChain[m.chain], m)
	}
	for _, c := range byChain {
		for x := range c {
			for y := x + 1; y < len(c); y++ {
				a, b := c[x], c[y]
				if a.doc == b.doc {
					continue
				}
				out.Pairs++
				if a.event == b.event {
					continue
				}
				out.Missed++
				da, db := stream[a.doc], stream[b.doc]
				story := "other stories"
				if r.StoryOf(da.d.Article.ID) == r.StoryOf(db.d.Article.ID) {
					story = "one story"
				}
				action := "other actions"
				if da.d.Events[a.k].Action == db.d.Events[b.k].Action {
					action = "same action"
				}
				named := "named on at most one side"
				switch {
				case sharesName(a.named, b.named):
					named = "a named participant shared"
				case len(a.named) > 0 && len(b.named) > 0:
					named = "named on both sides, none shared"
				}
				out.ByKind[story+", "+action+", "+named]++
			}
		}
	}
	return out
}

// namedArgs are the canonical IDs of m's named agents and targets.
func namedArgs(d *doc.Document, m doc.EventMention, ids []string) []string {
	var out []string
	for _, a := range m.Arguments {
		if (a.Role == doc.RoleAgent || a.Role == doc.RoleTarget) && a.Actor >= 0 && a.Actor < len(ids) &&
			resolve.ArgumentRole(a.Role, ids[a.Actor]) == a.Role {
			out = append(out, ids[a.Actor])
		}
	}
	return out
}

func sharesName(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// Print writes the counts, the largest kind first.
func (m MissedLinks) Print(w io.Writer) {
	fmt.Fprintf(w, "  gold-coreferent pairs of matched mentions across documents: %d, left apart by resolve (one stream): %d\n", m.Pairs, m.Missed)
	kinds := make([]string, 0, len(m.ByKind))
	for k := range m.ByKind {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		return m.ByKind[kinds[i]] > m.ByKind[kinds[j]] || m.ByKind[kinds[i]] == m.ByKind[kinds[j]] && kinds[i] < kinds[j]
	})
	for _, k := range kinds {
		fmt.Fprintf(w, "    %-80s %6d\n", k, m.ByKind[k])
	}
}
