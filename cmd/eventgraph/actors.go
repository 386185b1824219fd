package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
)

func newActorsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "actors",
		Short: "List canonical actors with aliases, roles, and mention counts",
		Args:  cobra.NoArgs,
		RunE:  runActors,
	}
	cmd.Flags().String("format", "table", "table or json")
	cmd.Flags().Bool("all", false, "also list actors known only by a description within one article (\"the police\", \"officials\")")
	return cmd
}

// actorInfo is one canonical actor as `eventgraph actors` shows it.
type actorInfo struct {
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

func runActors(cmd *cobra.Command, _ []string) error {
	format, _ := cmd.Flags().GetString("format")
	st, err := openStore(cmd, true)
	if err != nil {
		return err
	}
	defer st.Close()
	all, _ := cmd.Flags().GetBool("all")
	actors, err := listActors(cmdContext(cmd), st, all)
	if err != nil {
		return err
	}
	if format == "json" {
		enc := json.NewEncoder(cmd.OutOrStdout())
		enc.SetIndent("", "  ")
		return enc.Encode(actors)
	}
	tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tCODE\tROLES\tALIASES\tMENTIONS\tARTICLES\tEVENTS")
	for _, a := range actors {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\n", a.Name, a.Kind, a.Code, strings.Join(a.Roles, "; "),
			strings.Join(a.Aliases, ", "), a.Mentions, a.Articles, a.Events)
	}
	return tw.Flush()
}

func listActors(ctx context.Context, st *graph.Store, all bool) ([]actorInfo, error) {
	nodes, err := st.OfType(ctx, graph.ClassActor)
	if err != nil {
		return nil, err
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
	var out []actorInfo
	for _, n := range nodes {
		if !all && strings.HasPrefix(graph.IDOf(n), "actor/desc/") {
			continue
		}
		p, err := st.Out(ctx, n)
		if err != nil {
			return nil, err
		}
		a := actorInfo{ID: graph.IDOf(n), Name: p.Name(), Kind: p.Str(graph.Kind), Code: p.Str(graph.ActorCode), Aliases: p.Strs(graph.AltName)}
		roles, err := st.In(ctx, n, graph.Holder)
		if err != nil {
			return nil, err
		}
		for _, r := range roles {
			rp, err := st.Out(ctx, r)
			if err != nil {
				return nil, err
			}
			role := rp.Str(graph.Title)
			if of := rp.First(graph.Of); of != nil {
				role += " of " + name(of)
			}
			a.Roles = append(a.Roles, role)
		}
		for _, rel := range []quad.IRI{graph.PartOf, graph.Owner} {
			for _, o := range p[rel] {
				a.PartOf = append(a.PartOf, name(o))
			}
		}
		ms, err := st.In(ctx, n, graph.MentionOf)
		if err != nil {
			return nil, err
		}
		arts := map[string]bool{}
		for _, m := range ms {
			mp, err := st.Out(ctx, m)
			if err != nil {
				return nil, err
			}
			arts[mp.Str(graph.DerivedFrom)] = true
			a.Mentions += graph.Mentions(mp)
		}
		a.Articles = len(arts)
		evs, err := st.In(ctx, n, graph.HasActor)
		if err != nil {
			return nil, err
		}
		a.Events = len(evs)
		sort.Strings(a.Roles)
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
