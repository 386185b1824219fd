package main

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/eval/internal/coref"
	"github.com/eventgraph/eventgraph/eval/internal/ecb"
	"github.com/eventgraph/eventgraph/extract/actor"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/internal/pipeline"
	"github.com/eventgraph/eventgraph/resolve"
)

// scored is a document with its actors and the matching of its system
// mentions to gold ones.
type scored struct {
	g     *ecb.Document
	d     *doc.Document
	gold  []ecb.Mention
	sys   []sysMention
	match []int // per gold mention, its system mention or -1
}

// CorefRow is one way of clustering the actors of the coreference topics,
// scored over the gold mentions a system mention matched (clustering
// alone) and end to end (missed and spurious mentions count).
type CorefRow struct {
	System   string
	Matched  coref.Report
	EndToEnd coref.Report
	// Split lists gold chains the clustering splits, for error analysis.
	Split []string
}

// clusterer labels the actors of a stream's documents: labels[i][a] is the
// cluster of actor a of document i.
type clusterer func(stream []scored) [][]string

func corefRows(stream []scored) []CorefRow {
	if len(stream) == 0 {
		return nil
	}
	byTopic := map[string][]scored{}
	var topics []string
	for _, s := range stream {
		if byTopic[s.g.Topic] == nil {
			topics = append(topics, s.g.Topic)
		}
		byTopic[s.g.Topic] = append(byTopic[s.g.Topic], s)
	}
	var perTopic [][]scored
	for _, t := range topics {
		perTopic = append(perTopic, byTopic[t])
	}
	mixed := mixed(stream)
	return []CorefRow{
		scoreRow("same name within gold topics (earlier eval)", perTopic, sameName),
		scoreRow("resolve within gold topics", perTopic, resolved),
		scoreRow("same name, one stream, no topics", [][]scored{mixed}, sameName),
		scoreRow("resolve, one stream, no topics", [][]scored{mixed}, resolved),
	}
}

// mixed orders the documents as ecb.Mixed does.
func mixed(docs []scored) []scored {
	by := map[*ecb.Document]scored{}
	gs := make([]*ecb.Document, len(docs))
	for i, d := range docs {
		by[d.g], gs[i] = d, d.g
	}
	out := make([]scored, len(docs))
	for i, g := range ecb.Mixed(gs, 0) {
		out[i] = by[g]
	}
	return out
}

// resolved runs the stream through one resolver with the ingest rules.
func resolved(stream []scored) [][]string {
	r := resolve.New(pipeline.Rules())
	out := make([][]string, len(stream))
	for i, s := range stream {
		out[i] = r.Add(s.d).Actors
	}
	return out
}

// sameName is what this evaluation did before the resolver was used: the
// actors of a stream with the same key, or that actor.SameEntity finds to
// be one (compared within blocks of the last name word or an acronym),
// form one cluster; descriptions stay within their article.
func sameName(stream []scored) [][]string {
	var actors []doc.Actor
	var base []int
	for _, s := range stream {
		base = append(base, len(actors))
		actors = append(actors, s.d.Actors...)
	}
	uf := make([]int, len(actors))
	for i := range uf {
		uf[i] = i
	}
	find := func(n int) int {
		for uf[n] != n {
			uf[n] = uf[uf[n]]
			n = uf[n]
		}
		return n
	}
	union := func(a, b int) { uf[find(b)] = find(a) }
	byKey := map[string]int{}
	blocks := map[string][]int{}
	for i, a := range actors {
		if k, ok := byKey[a.Key]; ok {
			union(k, i)
		} else {
			byKey[a.Key] = i
		}
		if strings.HasPrefix(a.Key, "desc:") {
			continue
		}
		ws := strings.Fields(strings.ToLower(a.Name))
		if len(ws) == 0 {
			continue
		}
		b := string(a.Kind) + "|" + ws[len(ws)-1]
		blocks[b] = append(blocks[b], i)
		// Acronyms meet their long forms: "AP", "Associated Press".
		acr := ""
		if len(ws) == 1 {
			acr = strings.ReplaceAll(ws[0], ".", "")
		} else {
			for _, w := range ws {
				if w != "of" && w != "the" && w != "and" && w != "for" {
					acr += w[:1]
				}
			}
		}
		if len(acr) >= 2 {
			blocks["acr|"+acr] = append(blocks["acr|"+acr], i)
		}
	}
	for _, ns := range blocks {
		for x := range ns {
			for y := x + 1; y < len(ns); y++ {
				if find(ns[x]) != find(ns[y]) && actor.SameEntity(actors[ns[x]], actors[ns[y]]) {
					union(ns[x], ns[y])
				}
			}
		}
	}
	out := make([][]string, len(stream))
	for i, s := range stream {
		out[i] = make([]string, len(s.d.Actors))
		for a := range s.d.Actors {
			out[i][a] = strconv.Itoa(find(base[i] + a))
		}
	}
	return out
}

// scoreRow clusters each stream and scores the union.
func scoreRow(name string, streams [][]scored, cluster clusterer) CorefRow {
	keyM, respM := coref.Partition{}, coref.Partition{}
	keyE, respE := coref.Partition{}, coref.Partition{}
	chains := map[string]map[string]int{}
	for si, stream := range streams {
		labels := cluster(stream)
		for i, s := range stream {
			matchedSys := map[int]bool{}
			for gi, m := range s.gold {
				id := s.g.Name + "/" + m.ID
				keyE[id] = m.Chain()
				sm := s.match[gi]
				if sm < 0 {
					continue
				}
				matchedSys[sm] = true
				label := strconv.Itoa(si) + "|" + labels[i][s.sys[sm].actor]
				keyM[id], respM[id], respE[id] = m.Chain(), label, label
				if chains[m.Chain()] == nil {
					chains[m.Chain()] = map[string]int{}
				}
				chains[m.Chain()][s.d.Actors[s.sys[sm].actor].Key+" ("+m.Text+") "+label]++
			}
			for k, sm := range s.sys {
				if !matchedSys[k] {
					respE[s.g.Name+"/sys"+strconv.Itoa(k)] = strconv.Itoa(si) + "|" + labels[i][sm.actor]
				}
			}
		}
	}
	row := CorefRow{System: name, Matched: coref.Evaluate(keyM, respM), EndToEnd: coref.Evaluate(keyE, respE)}
	for g, ks := range chains {
		labels := map[string]bool{}
		var parts []string
		for k, n := range ks {
			labels[k[strings.LastIndexByte(k, ' ')+1:]] = true
			parts = append(parts, fmt.Sprintf("%s x%d", k, n))
		}
		if len(labels) > 1 {
			sort.Strings(parts)
			row.Split = append(row.Split, g+": "+strings.Join(parts, " | "))
		}
	}
	sort.Strings(row.Split)
	return row
}

// printCoref writes the rows as two tables.
func printCoref(w io.Writer, rows []CorefRow) {
	if len(rows) == 0 {
		return
	}
	table := func(title string, rep func(CorefRow) coref.Report) {
		r0 := rep(rows[0])
		fmt.Fprintf(w, "  %s (key: %d mentions in %d clusters)\n", title, r0.KeyMentions, r0.KeyClusters)
		fmt.Fprintf(w, "    %-44s %-20s %-20s %-20s %s\n", "system", "MUC P/R/F1", "B-cubed P/R/F1", "CEAF-e P/R/F1", "CoNLL")
		for _, row := range rows {
			r := rep(row)
			fmt.Fprintf(w, "    %-44s %s %s %s %.3f\n", row.System, prf(r.MUC), prf(r.B3), prf(r.CEAFe), r.CoNLL())
		}
	}
	table("over the gold mentions a system mention matched", func(r CorefRow) coref.Report { return r.Matched })
	table("end to end: all gold mentions against all system mentions", func(r CorefRow) coref.Report { return r.EndToEnd })
}

func prf(s coref.Score) string { return fmt.Sprintf("%.3f/%.3f/%.3f  ", s.P, s.R, s.F1()) }
