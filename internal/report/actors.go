package report

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/graph"
)

// Actor is one canonical actor as `eventgraph actors` lists it.
type Actor struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Code     string   `json:"code,omitempty"`
	Aliases  []string `json:"aliases,omitempty"`
	Roles    []string `json:"roles,omitempty"`
	PartOf   []string `json:"part_of,omitempty"`
	Mentions int      `json:"mentions"`
	Articles int      `json:"articles"`
	Events   int      `json:"events"`
}

// Actors lists the canonical actors, most mentioned first (then by
// name), with their roles ("minister of finance of Ruritania"), the
// organisations they are part of or owned by, and how many mentions,
// articles and events name them. Actors known only by a description
// within one article ("the police", IDs actor/desc/…) are left out
// unless all is set.
func Actors(ctx context.Context, st *graph.Store, all bool) ([]Actor, error) {
	nodes, err := st.OfType(ctx, graph.ClassActor)
	if err != nil {
		return nil, fmt.Errorf("listing actors: %w", err)
	}
	names := map[string]string{}
	name := func(v quad.Value) string {
		k := v.String()
		if n, ok := names[k]; ok {
			return n
		}
		p, err := st.Out(ctx, v)
		n := graph.Str(v)
		if name := p.Name(); err == nil && name != "" {
			n = name
		}
		names[k] = n
		return n
	}
	var out []Actor
	for _, n := range nodes {
		if !all && strings.HasPrefix(graph.IDOf(n), "actor/desc/") {
			continue
		}
		a, err := actor(ctx, st, n, name)
		if err != nil {
			return nil, fmt.Errorf("reading actor %s: %w", graph.IDOf(n), err)
		}
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// actor reads one actor node; name names the nodes it points to.
func actor(ctx context.Context, st *graph.Store, n quad.Value, name func(quad.Value) string) (Actor, error) {
	p, err := st.Out(ctx, n)
	if err != nil {
		return Actor{}, err
	}
	a := Actor{ID: graph.IDOf(n), Name: p.Name(), Kind: string(p.ActorKind()), Code: p.Str(graph.ActorCode), Aliases: p.Strs(graph.AltName)}
	roles, err := st.In(ctx, n, graph.Holder)
	if err != nil {
		return a, err
	}
	for _, r := range roles {
		rp, err := st.Out(ctx, r)
		if err != nil {
			return a, err
		}
		role := rp.Str(graph.Title)
		if of := rp.First(graph.Of); of != nil {
			role += " of " + name(of)
		}
		a.Roles = append(a.Roles, role)
	}
	sort.Strings(a.Roles)
	for _, rel := range []quad.IRI{graph.PartOf, graph.Owner} {
		for _, o := range p[rel] {
			a.PartOf = append(a.PartOf, name(o))
		}
	}
	ms, err := st.ActorMentions(ctx, n)
	if err != nil {
		return a, err
	}
	a.Articles, a.Mentions = articles(ms)
	evs, err := st.InAny(ctx, n, graph.ActorRoles...)
	if err != nil {
		return a, err
	}
	a.Events = len(evs)
	return a, nil
}

// articles counts the articles that name an actor, and the mentions they
// hold (one eg:spans holds an actor's mentions in an article).
func articles(mentions []graph.ActorMention) (int, int) {
	arts := map[string]bool{}
	n := 0
	for _, m := range mentions {
		arts[graph.Str(m.Article)] = true
		n += graph.CountSpans(m.Spans)
	}
	return len(arts), n
}
