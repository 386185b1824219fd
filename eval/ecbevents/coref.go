package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/eventgraph/eventgraph/eval/internal/coref"
	"github.com/eventgraph/eventgraph/eval/internal/ecb"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/internal/pipeline"
	"github.com/eventgraph/eventgraph/resolve"
)

// scored is an extracted document with its gold matching.
type scored struct {
	g  *ecb.Document
	d  *doc.Document
	dr docResult
}

// CorefRow is one way of clustering the event mentions of the
// coreference topics, scored twice: over the gold mentions a system event
// matched (clustering alone), and end to end (every gold mention of the
// selected sentences against every system mention there: missed and
// spurious mentions count, as the reference scorer counts them).
type CorefRow struct {
	System   string
	Matched  coref.Report
	EndToEnd coref.Report
}

// clusterer labels the events of the documents of one stream: labels[i][k]
// is the cluster of event k of document i.
type clusterer func(stream []scored) [][]string

// corefRows scores the baselines and the resolver on topics, each a
// stream of documents of one gold topic.
func corefRows(topics [][]scored) []CorefRow {
	var all []scored
	nonEmpty := topics[:0:0]
	for _, t := range topics {
		if len(t) > 0 {
			nonEmpty = append(nonEmpty, t)
		}
		all = append(all, t...)
	}
	topics = nonEmpty
	all = mixed(all)
	rows := []CorefRow{
		scoreRow("same lemma within gold sub-topics (oracle)", subTopics(all), sameLemma),
		scoreRow("same lemma within gold topics (floor)", topics, sameLemma),
		scoreRow("resolve within gold topics", topics, resolved),
		scoreRow("same lemma, one stream, no topics", [][]scored{all}, sameLemma),
		scoreRow("resolve, one stream, no topics", [][]scored{all}, resolved),
		scoreRow("resolve + StoryLead, one stream", [][]scored{all}, resolvedStoryLead),
		scoreRow("resolve + Retold, one stream", [][]scored{all}, resolvedRetold),
	}
	return rows
}

// subTopics splits docs by gold sub-topic (the ECB and the ECB+ half of
// each topic), in order.
func subTopics(docs []scored) [][]scored {
	by := map[string][]scored{}
	var keys []string
	for _, d := range docs {
		k := d.g.Topic + strconv.FormatBool(d.g.Plus)
		if by[k] == nil {
			keys = append(keys, k)
		}
		by[k] = append(by[k], d)
	}
	out := make([][]scored, len(keys))
	for i, k := range keys {
		out[i] = by[k]
	}
	return out
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

// sameLemma puts the events of a stream with the same action in one
// cluster: the customary baseline.
func sameLemma(stream []scored) [][]string {
	out := make([][]string, len(stream))
	for i, s := range stream {
		out[i] = make([]string, len(s.d.Events))
		for k, e := range s.d.Events {
			out[i][k] = e.Action
		}
	}
	return out
}

// resolved runs the stream through one resolver with the ingest rules.
func resolved(stream []scored) [][]string {
	out, _ := resolveStream(stream, pipeline.Rules())
	return out
}

// resolvedStoryLead runs the stream through one resolver with the ingest
// rules and resolve.Rules.StoryLead (off in ingest).
func resolvedStoryLead(stream []scored) [][]string {
	rules := pipeline.Rules()
	rules.StoryLead = true
	out, _ := resolveStream(stream, rules)
	return out
}

// resolvedRetold runs the stream through one resolver with the ingest
// rules and resolve.Rules.Retold (off in ingest).
func resolvedRetold(stream []scored) [][]string {
	rules := pipeline.Rules()
	rules.Retold = true
	out, _ := resolveStream(stream, rules)
	return out
}

// resolveStream runs the stream through one resolver with the rules given
// and returns the events' clusters and each document's story.
func resolveStream(stream []scored, rules resolve.Rules) (events [][]string, stories []string) {
	r := resolve.New(rules)
	events = make([][]string, len(stream))
	stories = make([]string, len(stream))
	for i, s := range stream {
		events[i] = r.Add(s.d).Events
	}
	// Stories merge as articles arrive: read them at the end.
	for i, s := range stream {
		stories[i] = r.StoryOf(s.d.Article.ID)
	}
	return events, stories
}

// storyScores scores the stories the resolver finds in the mixed stream
// against the gold sub-topics, documents as mentions.
func storyScores(docs []scored) coref.Report {
	_, stories := resolveStream(docs, pipeline.Rules())
	key, resp := coref.Partition{}, coref.Partition{}
	for i, d := range docs {
		key[d.g.Name] = d.g.Topic + "/" + strconv.FormatBool(d.g.Plus)
		resp[d.g.Name] = stories[i]
	}
	return coref.Evaluate(key, resp)
}

// scoreRow clusters each stream and scores the union.
func scoreRow(name string, streams [][]scored, cluster clusterer) CorefRow {
	keyM, respM := coref.Partition{}, coref.Partition{}
	keyE, respE := coref.Partition{}, coref.Partition{}
	for si, stream := range streams {
		labels := cluster(stream)
		for i, s := range stream {
			for _, m := range s.dr.gold {
				keyE[s.g.Name+"/"+m.ID] = m.Chain()
			}
			for _, k := range s.dr.sys {
				label := strconv.Itoa(si) + "|" + labels[i][k]
				id := s.g.Name + "/sys" + strconv.Itoa(k)
				if m, ok := s.dr.matched[k]; ok {
					id = s.g.Name + "/" + m.ID
					keyM[id] = m.Chain()
					respM[id] = label
				}
				respE[id] = label
			}
		}
	}
	return CorefRow{System: name, Matched: coref.Evaluate(keyM, respM), EndToEnd: coref.Evaluate(keyE, respE)}
}

// printCoref writes the rows as two tables.
func printCoref(w io.Writer, rows []CorefRow) {
	if len(rows) == 0 {
		return
	}
	table := func(title string, rep func(CorefRow) coref.Report) {
		r0 := rep(rows[0])
		fmt.Fprintf(w, "  %s (key: %d mentions in %d clusters)\n", title, r0.KeyMentions, r0.KeyClusters)
		fmt.Fprintf(w, "    %-42s %-20s %-20s %-20s %s\n", "system", "MUC P/R/F1", "B-cubed P/R/F1", "CEAF-e P/R/F1", "CoNLL")
		for _, row := range rows {
			r := rep(row)
			fmt.Fprintf(w, "    %-42s %s %s %s %.3f\n", row.System, prf(r.MUC), prf(r.B3), prf(r.CEAFe), r.CoNLL())
		}
	}
	table("over the gold mentions a system event matched", func(r CorefRow) coref.Report { return r.Matched })
	table("end to end: all gold mentions against all system mentions", func(r CorefRow) coref.Report { return r.EndToEnd })
}

func prf(s coref.Score) string { return fmt.Sprintf("%.3f/%.3f/%.3f  ", s.P, s.R, s.F1()) }
