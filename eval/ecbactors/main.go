// Command ecbactors evaluates extract/actor on ECB+: mention detection of
// human participants (HUMAN_PART_*) and locations (LOC_*), and
// cross-document entity coreference by B-cubed.
//
//	go run ./eval/ecbactors [-data DIR] [-topics 1,2,3] [-errors N]
//
// Every topic (all 43, 982 documents, about 5 s) is scored unless -topics
// is given; the Go test scores topics 1 and 3. Only the sentences listed
// in ECBplus_coreference_sentences.csv are annotated, so only mentions in
// them count, on both sides.
//
// (a) Mention detection: a system mention matches a gold mention when their
// spans overlap (relaxed match; the system's head span, the name inside
// "Israeli Prime Minister Benjamin Netanyahu", is used); matching is one to
// one, largest overlap first. Precision, recall and F1 are reported overall
// (class-agnostic) and per class, where a system mention's class is LOC for
// places and countries and HUMAN_PART for everything else.
//
// (b) Coreference: over the gold mentions that a system mention matched,
// B-cubed precision, recall and F1 of the system clusters against the gold
// ones. System clusters are the actors after cross-document merging within
// the topic (same key, or actor.SameEntity); gold clusters are the
// cross-document instances, within-document chains and singletons.
package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/eval/internal/ecb"
	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/doc"
)

func main() {
	data := flag.String("data", "", "ECB+ directory (holding ECB+/ and ECBplus_coreference_sentences.csv); default ../shared/data/ecbplus from the repository root")
	topics := flag.String("topics", "", "comma-separated topics for mention detection (default: all)")
	corefTopics := flag.String("coref", strings.Join(ecb.TestTopics, ","), "comma-separated topics for coreference")
	errs := flag.Int("errors", 0, "print up to N missed and N spurious mentions")
	flag.Parse()
	dir, err := evalkit.DataDir(*data, "ecbplus")
	if err != nil {
		slog.Error("ecbactors", "err", err)
		os.Exit(1)
	}
	res, err := Run(dir, split(*topics), split(*corefTopics))
	if err != nil {
		slog.Error("ecbactors", "err", err)
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

// Result is the outcome of an evaluation.
type Result struct {
	Topics   []string
	Docs     int
	Mentions evalkit.PRF
	PerClass map[string]evalkit.PRF
	// Coref scores the clusterings of the coreference topics' mentions.
	CorefTopics []string
	Coref       []CorefRow
	// ByHow counts system mentions and matched ones per rule (How).
	ByHow    map[string]evalkit.PRF
	ByText   map[string]evalkit.PRF // per rule and lowercase text, for error analysis
	Missed   []string
	Spurious []string

	stream []scored // the coreference topics' documents
}

// Print writes the scores.
func (r Result) Print(w io.Writer) {
	fmt.Fprintf(w, "ECB+ actors: %d topics, %d documents\n", len(r.Topics), r.Docs)
	fmt.Fprintf(w, "mentions (relaxed)  P %.3f  R %.3f  F1 %.3f  (tp %d, sys %d, gold %d)\n", r.Mentions.P(), r.Mentions.R(), r.Mentions.F1(), r.Mentions.TP, r.Mentions.Sys, r.Mentions.Gold)
	var classes []string
	for c := range r.PerClass {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	for _, c := range classes {
		v := r.PerClass[c]
		fmt.Fprintf(w, "  %-24s P %.3f  R %.3f  F1 %.3f  (tp %d, sys %d, gold %d)\n", c, v.P(), v.R(), v.F1(), v.TP, v.Sys, v.Gold)
	}
	var hows []string
	for h := range r.ByHow {
		hows = append(hows, h)
	}
	sort.Strings(hows)
	fmt.Fprintf(w, "system mentions by rule (precision):")
	for _, h := range hows {
		v := r.ByHow[h]
		fmt.Fprintf(w, " %s %.2f/%d", h, v.P(), v.Sys)
	}
	fmt.Fprintln(w)
	if len(r.CorefTopics) > 0 {
		fmt.Fprintf(w, "ECB+ actor coreference (HUMAN_PART, LOC), topics %s (the system's own mentions)\n", strings.Join(r.CorefTopics, ","))
		printCoref(w, r.Coref)
	}
}

// PrintErrors writes up to n missed and n spurious mentions.
func (r Result) PrintErrors(w io.Writer, n int) {
	fmt.Fprintln(w, "missed:")
	for i, s := range r.Missed {
		if i >= n {
			break
		}
		fmt.Fprintln(w, "  "+s)
	}
	type kv struct {
		k string
		v evalkit.PRF
	}
	var kvs []kv
	for k, v := range r.ByText {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].v.Sys-kvs[i].v.TP > kvs[j].v.Sys-kvs[j].v.TP })
	fmt.Fprintln(w, "most spurious texts (rule text: tp/sys):")
	for i, x := range kvs {
		if i >= n {
			break
		}
		fmt.Fprintf(w, "  %s: %d/%d\n", x.k, x.v.TP, x.v.Sys)
	}
	fmt.Fprintln(w, "split chains (resolve, one stream):")
	var split []string
	if len(r.Coref) > 0 {
		split = r.Coref[len(r.Coref)-1].Split
	}
	for i, s := range split {
		if i >= n {
			break
		}
		fmt.Fprintln(w, "  "+s)
	}
	fmt.Fprintln(w, "spurious:")
	for i, s := range r.Spurious {
		if i >= n {
			break
		}
		fmt.Fprintln(w, "  "+s)
	}
}

func sysClass(k doc.ActorKind) string {
	if k == doc.KindPlace || k == doc.KindCountry {
		return "LOC"
	}
	return "HUMAN_PART"
}

type sysMention struct {
	span  doc.Span
	class string
	actor int // index into the document's actors
	text  string
	how   string
}

// Run evaluates mention detection on topics (all when none are given) and
// coreference on corefTopics.
func Run(dir string, topics, corefTopics []string) (Result, error) {
	var res Result
	if len(topics) == 0 {
		var err error
		if topics, err = ecb.Topics(dir); err != nil {
			return res, err
		}
	}
	sel, err := ecb.ReadSelected(filepath.Join(dir, "ECBplus_coreference_sentences.csv"))
	if err != nil {
		return res, err
	}
	res.Topics, res.CorefTopics = topics, corefTopics
	res.PerClass = map[string]evalkit.PRF{}
	res.ByHow = map[string]evalkit.PRF{}
	res.ByText = map[string]evalkit.PRF{}
	detect, corefSet := map[string]bool{}, map[string]bool{}
	var all []string
	for _, t := range topics {
		detect[t] = true
		all = append(all, t)
	}
	for _, t := range corefTopics {
		corefSet[t] = true
		if !detect[t] {
			all = append(all, t)
		}
	}
	// Scratch for the coreference topics that are not scored for detection.
	var stream []scored
	scratch := Result{PerClass: map[string]evalkit.PRF{}, ByHow: map[string]evalkit.PRF{}, ByText: map[string]evalkit.PRF{}}
	for _, topic := range all {
		res := &res
		if !detect[topic] {
			res = &scratch
		}
		docs, err := ecb.ReadTopic(dir, topic)
		if err != nil {
			return *res, err
		}
		if len(docs) == 0 {
			return *res, fmt.Errorf("topic %s: no documents in %s", topic, dir)
		}
		for _, d := range docs {
			res.Docs++
			dd := d.Doc()
			extract.Sentenced(dd) // as ingest runs it: the parse first
			var sys []sysMention
			for _, m := range dd.ActorMentions {
				num := d.Sentences[m.Sentence].Number
				if !sel.Has(d.Name, num) || d.Plus && num == 0 {
					continue
				}
				a := dd.Actors[m.Actor]
				sys = append(sys, sysMention{span: m.Head, class: sysClass(a.Kind), actor: m.Actor, text: m.Text, how: m.How})
			}
			var gold []ecb.Mention
			for _, m := range d.Mentions {
				c := m.Class()
				if (c == "HUMAN_PART" || c == "LOC") && sel.Has(d.Name, m.Sentence) {
					gold = append(gold, m)
				}
			}
			// Overall, class-agnostic.
			match := matchSpans(gold, sys, "")
			res.Mentions.Sys += len(sys)
			res.Mentions.Gold += len(gold)
			matchedSys := map[int]bool{}
			for gi, si := range match {
				if si >= 0 {
					res.Mentions.TP++
					matchedSys[si] = true
				} else {
					g := gold[gi]
					res.Missed = append(res.Missed, fmt.Sprintf("%s s%d %s %q", d.Name, g.Sentence, g.Tag, g.Text))
				}
			}
			if corefSet[topic] {
				stream = append(stream, scored{g: d, d: dd, gold: gold, sys: sys, match: match})
			}
			for si, s := range sys {
				h := res.ByHow[s.how]
				h.Sys++
				if matchedSys[si] {
					h.TP++
				}
				res.ByHow[s.how] = h
				k := s.how + " " + strings.ToLower(s.text)
				bt := res.ByText[k]
				bt.Sys++
				if matchedSys[si] {
					bt.TP++
				}
				res.ByText[k] = bt
				if !matchedSys[si] {
					res.Spurious = append(res.Spurious, fmt.Sprintf("%s %s %s %q", d.Name, s.class, s.how, s.text))
				}
			}
			for _, class := range []string{"HUMAN_PART", "LOC"} {
				c := res.PerClass[class]
				cm := matchSpans(gold, sys, class)
				for gi, si := range cm {
					if gold[gi].Class() == class {
						c.Gold++
						if si >= 0 {
							c.TP++
						}
					}
				}
				for _, s := range sys {
					if s.class == class {
						c.Sys++
					}
				}
				res.PerClass[class] = c
			}
		}
	}
	res.Coref = corefRows(stream)
	return res, nil
}

// matchSpans matches gold to system mentions one to one by overlap, largest
// overlap first; class, when set, restricts both sides to it. It returns,
// per gold mention, the index of its system mention or -1.
func matchSpans(gold []ecb.Mention, sys []sysMention, class string) []int {
	type cand struct{ g, s, ov int }
	var cs []cand
	for gi, g := range gold {
		if class != "" && g.Class() != class {
			continue
		}
		for si, s := range sys {
			if class != "" && s.class != class {
				continue
			}
			if g.Span.Overlaps(s.span) {
				ov := min(g.Span.End, s.span.End) - max(g.Span.Start, s.span.Start)
				cs = append(cs, cand{gi, si, ov})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].ov > cs[j].ov })
	out := make([]int, len(gold))
	for i := range out {
		out[i] = -1
	}
	used := map[int]bool{}
	for _, c := range cs {
		if out[c.g] >= 0 || used[c.s] {
			continue
		}
		out[c.g] = c.s
		used[c.s] = true
	}
	return out
}
