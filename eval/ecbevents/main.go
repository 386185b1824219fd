// Command ecbevents evaluates extract/event on ECB+: event mention detection
// and cross-document event coreference.
//
//	go run ./eval/ecbevents [-data DIR] [-topics 1,2] [-coref 36,37] [-errors N]
//
// (a) Mention detection. Gold mentions are the ACTION_* and NEG_ACTION_*
// markables; only sentences listed in ECBplus_coreference_sentences.csv
// count, on both sides. A system event matches a gold mention when the
// trigger span overlaps the gold span (relaxed match), one to one, largest
// overlap first. Precision, recall and F1 are pooled over all documents of
// the scored topics (all topics by default); the numbers for the
// conventional ECB+ test topics (36-45) are printed apart because the
// dictionary was never tuned on them.
//
// (b) Cross-document coreference, on the fixed subset of topics given by
// -coref (default: the ECB+ test topics 36-45). Each topic is resolved on its
// own: every document of the topic goes through resolve.New(...).Add in
// file-name order, and a system event's cluster is its canonical event ID.
// The scores are computed over the gold mentions that a system event matched
// (as in (a)); a gold mention's cluster is its cross-document instance, its
// within-document chain, or itself. B-cubed and MUC precision, recall and
// F1 are reported. Because only matched mentions are scored, these numbers
// measure clustering quality, not detection; read them with (a).
//
// Documents are read with eval/internal/ecb and run through timex.Tag,
// actor.Recognize and event.Extract. ECB+ documents carry no publication
// date: only absolute time expressions get bounds.
package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/eval/internal/coref"
	"github.com/eventgraph/eventgraph/eval/internal/ecb"
	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/doc"
)

func main() {
	data := flag.String("data", "", "ECB+ directory (holding ECB+/ and ECBplus_coreference_sentences.csv); default ../shared/data/ecbplus from the repository root")
	topics := flag.String("topics", "", "comma-separated topics for mention detection (default: all)")
	coref := flag.String("coref", strings.Join(ecb.TestTopics, ","), "comma-separated topics for coreference")
	errs := flag.Int("errors", 0, "print up to N missed and N spurious mentions")
	flag.Parse()
	dir, err := evalkit.DataDir(*data, "ecbplus")
	if err != nil {
		slog.Error("ecbevents", "err", err)
		os.Exit(1)
	}
	res, err := Run(dir, split(*topics), split(*coref), *errs)
	if err != nil {
		slog.Error("ecbevents", "err", err)
		os.Exit(1)
	}
	res.Print(os.Stdout)
	if *errs > 0 {
		res.PrintErrors(os.Stdout, *errs)
	}
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// Miss is a missed or spurious mention, for error analysis.
type Miss struct {
	Doc, Text, Sentence, Tag string
}

// Result is the outcome of a run.
type Result struct {
	Docs, TestDocs   int
	All, Test        evalkit.PRF
	Agents           AgentCount              // on the test topics 36-45
	DevAgents        AgentCount              // on the other topics (for development)
	ByTag            map[string]*evalkit.PRF // recall per gold tag
	CorefTopics      []string
	Coref            []CorefRow
	Stories          coref.Report // the documents' stories against the gold sub-topics
	Lost             MissedLinks  // the gold links the resolver leaves apart, by kind
	Missed, Spurious []Miss
}

func (r Result) Print(w io.Writer) {
	fmt.Fprintf(w, "ECB+ event mention detection (ACTION_*, NEG_ACTION_*; relaxed overlap; selected sentences)\n")
	fmt.Fprintf(w, "  all scored topics  docs=%d  P=%.3f R=%.3f F1=%.3f  (tp=%d sys=%d gold=%d)\n", r.Docs, r.All.P(), r.All.R(), r.All.F1(), r.All.TP, r.All.Sys, r.All.Gold)
	if r.TestDocs > 0 {
		fmt.Fprintf(w, "  test topics 36-45  docs=%d  P=%.3f R=%.3f F1=%.3f  (tp=%d sys=%d gold=%d)\n", r.TestDocs, r.Test.P(), r.Test.R(), r.Test.F1(), r.Test.TP, r.Test.Sys, r.Test.Gold)
		r.Agents.Print(w, "test topics 36-45")
	}
	if r.DevAgents.Mentions > 0 {
		r.DevAgents.Print(w, "other topics")
	}
	var tags []string
	for t := range r.ByTag {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	for _, t := range tags {
		c := r.ByTag[t]
		fmt.Fprintf(w, "    recall %-26s %.3f (%d/%d)\n", t, c.R(), c.TP, c.Gold)
	}
	if len(r.CorefTopics) > 0 {
		fmt.Fprintf(w, "ECB+ event coreference, topics %s (the system's own mentions)\n", strings.Join(r.CorefTopics, ","))
		s := r.Stories
		fmt.Fprintf(w, "  stories found in the mixed stream against the gold sub-topics (%d documents: %d sub-topics, %d stories)\n", s.KeyMentions, s.KeyClusters, s.RespClusters)
		fmt.Fprintf(w, "    MUC %s  B-cubed %s  CEAF-e %s  CoNLL %.3f\n", prf(s.MUC), prf(s.B3), prf(s.CEAFe), s.CoNLL())
		printCoref(w, r.Coref)
		r.Lost.Print(w)
	}
}

func (r Result) PrintErrors(w io.Writer, n int) {
	fmt.Fprintln(w, "missed:")
	for i, m := range r.Missed {
		if i >= n {
			break
		}
		fmt.Fprintf(w, "  %s %-22s %q in: %s\n", m.Doc, m.Tag, m.Text, m.Sentence)
	}
	fmt.Fprintln(w, "spurious:")
	for i, m := range r.Spurious {
		if i >= n {
			break
		}
		fmt.Fprintf(w, "  %s %-22s %q in: %s\n", m.Doc, m.Tag, m.Text, m.Sentence)
	}
	fmt.Fprintln(w, "without a participant argument (other topics):")
	for _, m := range r.DevAgents.Missed {
		fmt.Fprintf(w, "  %s\n", m)
	}
}

func isEventTag(tag string) bool {
	c := ecb.Class(tag)
	return c == "ACTION" || c == "NEG_ACTION"
}

// docResult holds the per-document matching.
type docResult struct {
	prf     evalkit.PRF
	matched map[int]ecb.Mention // system event index -> gold mention
	gold    []ecb.Mention       // gold event mentions in selected sentences
	sys     []int               // system events in selected sentences
}

// score matches the events of d against the gold mentions of g.
func score(g *ecb.Document, d *doc.Document, sel ecb.Selected, res *Result) docResult {
	out := docResult{matched: map[int]ecb.Mention{}}
	selected := func(sentIdx int) bool {
		if sentIdx < 0 || sentIdx >= len(g.Sentences) {
			return false
		}
		return sel.Has(g.Name, g.Sentences[sentIdx].Number)
	}
	var gold []ecb.Mention
	for _, m := range g.Mentions {
		if !isEventTag(m.Tag) {
			continue
		}
		si := g.SentenceIndex(m.Sentence)
		if !selected(si) {
			continue
		}
		gold = append(gold, m)
	}
	var sys []int
	for i, e := range d.Events {
		if selected(e.Sentence) {
			sys = append(sys, i)
		}
	}
	type pair struct{ s, g, ov int }
	var pairs []pair
	for _, si := range sys {
		tr := d.Events[si].Trigger
		for gi, m := range gold {
			if tr.Overlaps(m.Span) {
				ov := min(tr.End, m.Span.End) - max(tr.Start, m.Span.Start)
				pairs = append(pairs, pair{si, gi, ov})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].ov > pairs[j].ov })
	usedS, usedG := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		if usedS[p.s] || usedG[p.g] {
			continue
		}
		usedS[p.s], usedG[p.g] = true, true
		out.matched[p.s] = gold[p.g]
	}
	out.prf = evalkit.PRF{TP: len(out.matched), Sys: len(sys), Gold: len(gold)}
	out.gold, out.sys = gold, sys
	sentText := func(si int) string {
		if si < 0 || si >= len(g.Sentences) {
			return ""
		}
		sp := g.Sentences[si].Span
		return g.Text[sp.Start:sp.End]
	}
	for gi, m := range gold {
		c := res.ByTag[m.Tag]
		if c == nil {
			c = &evalkit.PRF{}
			res.ByTag[m.Tag] = c
		}
		c.Gold++
		if usedG[gi] {
			c.TP++
			continue
		}
		res.Missed = append(res.Missed, Miss{Doc: g.Name, Text: m.Text, Tag: m.Tag, Sentence: sentText(g.SentenceIndex(m.Sentence))})
	}
	for _, si := range sys {
		if !usedS[si] {
			e := d.Events[si]
			res.Spurious = append(res.Spurious, Miss{Doc: g.Name, Text: e.TriggerText, Tag: e.Type.Code + e.Type.Extension, Sentence: sentText(e.Sentence)})
		}
	}
	return out
}

// extractDoc runs the extractors on one ECB+ document.
func extractDoc(g *ecb.Document) *doc.Document {
	d := g.Doc()
	extract.Sentenced(d)
	return d
}

// Run evaluates mention detection on topics (all when empty) and
// coreference on corefTopics.
// It keeps up to keep missed and spurious mentions, and as many matched
// mentions of the other topics without a participant argument.
func Run(dir string, topics, corefTopics []string, keep int) (Result, error) {
	res := Result{ByTag: map[string]*evalkit.PRF{}, CorefTopics: corefTopics}
	res.DevAgents.Keep = keep
	c, err := ecb.ReadCorpus(dir, topics...)
	if err != nil {
		return res, fmt.Errorf("ecbevents: %w", err)
	}
	test := map[string]bool{}
	for _, t := range ecb.TestTopics {
		test[t] = true
	}
	corefSet := map[string]bool{}
	for _, t := range corefTopics {
		corefSet[t] = true
	}
	byTopic := map[string][]scored{}
	for _, g := range c.Docs {
		d := extractDoc(g)
		dr := score(g, d, c.Selected, &res)
		res.Docs++
		res.All.Add(dr.prf)
		if test[g.Topic] {
			res.TestDocs++
			res.Test.Add(dr.prf)
			res.Agents.Add(g, d, dr)
		} else {
			res.DevAgents.Add(g, d, dr)
		}
		if corefSet[g.Topic] {
			byTopic[g.Topic] = append(byTopic[g.Topic], scored{g, d, dr})
		}
	}
	// Coreference: topics read for detection may not include the coref
	// topics; read those apart.
	for _, t := range corefTopics {
		if _, ok := byTopic[t]; ok {
			continue
		}
		docs, err := ecb.ReadTopic(dir, t)
		if err != nil {
			return res, fmt.Errorf("ecbevents: %w", err)
		}
		for _, g := range docs {
			d := extractDoc(g)
			var scratch Result
			scratch.ByTag = map[string]*evalkit.PRF{}
			byTopic[t] = append(byTopic[t], scored{g, d, score(g, d, c.Selected, &scratch)})
		}
	}
	var streams [][]scored
	for _, t := range corefTopics {
		streams = append(streams, byTopic[t])
	}
	res.Coref = corefRows(streams)
	var all []scored
	for _, st := range streams {
		all = append(all, st...)
	}
	res.Stories = storyScores(mixed(all))
	res.Lost = missedLinks(mixed(all))
	return res, nil
}
