// Command storyline measures extract/event's temporal links (d.Links) and
// event dating against EventStoryLine v1.5 (../shared/data/eventstoryline).
//
//	go run ./eval/storyline [-data DIR] [-topics 1,3] [-errors N]
//
// Every topic is scored unless -topics is given. For each document:
//
//  1. System events are matched one to one with the gold event mentions
//     (ACTION_* and NEG_ACTION_* markables) by relaxed span overlap, largest
//     overlap first, as in eval/ecbevents.
//  2. Gold order between two event mentions. In EventStoryLine the TLINKs
//     anchor events to time expressions (CONTAINS(t, e): e happens within t;
//     AFTER(t, e): t is after e...), and the PLOT_LINKs order events
//     (PRECONDITION(a, b): a enables b, so a is before b; FALLING_ACTION(a, b):
//     a is a consequence of b, so a is after b — "suing -> assault"). The gold relation of a pair is the
//     PLOT_LINK order when there is one; otherwise, when both events are
//     CONTAINed in time expressions with day values, the order of those days
//     (two events of the same day are left unordered: the day cannot tell).
//  3. Only system links whose two ends were both matched count ("matched
//     event pairs"). A link is decidable when its pair has a gold relation,
//     and correct when that relation read in the link's direction equals its
//     type (includes is taken as simultaneous).
//
// Precision = correct / decidable system links over matched pairs; recall =
// gold-ordered pairs (among pairs of matched events in one sentence or in
// adjacent sentences) that a correct system link covers / such pairs. Gold
// orders most event pairs of a story, while the extractor only links events
// joined by an explicit connective, so recall is low by design.
//
// Dating: for matched events that a TLINK CONTAINS in a time expression with
// a day value, the share whose bounds [Earliest, Latest] admit that day (an
// open bound admits everything) and the share dated by a time expression of
// their own (Basis explicit or relative) that equals the gold day.
//
// The document creation time (the TIME_DATE markable with DCT="TRUE") is the
// article's publication date. Documents go through timex tagging when
// available, actor.Recognize and event.Extract.
package main

import (
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/eval/internal/ecb"
	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/doc"
)

func main() {
	data := flag.String("data", "", "EventStoryLine directory; default ../shared/data/eventstoryline from the repository root")
	topics := flag.String("topics", "", "comma-separated topics (default: all)")
	errs := flag.Int("errors", 0, "print up to N wrong system links")
	flag.Parse()
	dir, err := evalkit.DataDir(*data, "eventstoryline")
	if err != nil {
		slog.Error("storyline", "err", err)
		os.Exit(1)
	}
	var ts []string
	if *topics != "" {
		ts = strings.Split(*topics, ",")
	}
	res, err := Run(dir, ts...)
	if err != nil {
		slog.Error("storyline", "err", err)
		os.Exit(1)
	}
	res.Print(os.Stdout)
	for i, e := range res.Errors {
		if i >= *errs {
			break
		}
		fmt.Println("  ", e)
	}
}

// Result holds the counts of a run.
type Result struct {
	Docs, Events, Matched     int
	SysLinks, SysMatched      int // all system links; those over matched pairs
	Decidable, Correct        int // links whose pair has a gold order; right
	GoldPairs, GoldFound      int // gold-ordered nearby pairs; covered
	Anchored, Admits, OwnDate int // dating of matched, time-anchored events
	Errors                    []string
}

// Precision of the decidable system links.
func (r Result) Precision() float64 { return evalkit.Ratio(r.Correct, r.Decidable) }

// Recall over gold-ordered pairs of nearby matched events.
func (r Result) Recall() float64 { return evalkit.Ratio(r.GoldFound, r.GoldPairs) }

func (r Result) Print(w io.Writer) {
	fmt.Fprintf(w, "EventStoryLine temporal links: %d documents, %d system events (%d matched to gold)\n", r.Docs, r.Events, r.Matched)
	fmt.Fprintf(w, "  system links %d, over matched pairs %d, decidable %d\n", r.SysLinks, r.SysMatched, r.Decidable)
	fmt.Fprintf(w, "  link precision %.3f (%d/%d)\n", r.Precision(), r.Correct, r.Decidable)
	fmt.Fprintf(w, "  link recall    %.3f (%d/%d gold-ordered pairs of matched events in the same or adjacent sentences)\n", r.Recall(), r.GoldFound, r.GoldPairs)
	fmt.Fprintf(w, "  dating: %d matched events anchored to a gold day; bounds admit it %.3f (%d); own time expression on that day %.3f (%d)\n", r.Anchored, evalkit.Ratio(r.Admits, r.Anchored), r.Admits, evalkit.Ratio(r.OwnDate, r.Anchored), r.OwnDate)
}

type xmlRels struct {
	Markables struct {
		Items []struct {
			XMLName xml.Name
			ID      string `xml:"m_id,attr"`
			DCT     string `xml:"DCT,attr"`
			Value   string `xml:"value,attr"`
		} `xml:",any"`
	} `xml:"Markables"`
	Relations struct {
		Items []struct {
			XMLName xml.Name
			RelType string `xml:"relType,attr"`
			Source  struct {
				ID string `xml:"m_id,attr"`
			} `xml:"source"`
			Target struct {
				ID string `xml:"m_id,attr"`
			} `xml:"target"`
		} `xml:",any"`
	} `xml:"Relations"`
}

type pair struct{ a, b string }

// goldRel normalizes a TLINK relType to after/before/simultaneous/includes
// from source to target; "" when unusable.
func goldRel(t string) string {
	switch t {
	case "AFTER":
		return doc.RelAfter
	case "BEFORE":
		return doc.RelBefore
	case "SIMULTANEOUS", "OVERLAP", "BEGINS_ON", "BEGUN_ON", "ENDS_ON", "ENDED_ON":
		return doc.RelSimultaneous
	case "CONTAINS":
		return doc.RelIncludes
	}
	return ""
}

func inverse(r string) string {
	switch r {
	case doc.RelAfter:
		return doc.RelBefore
	case doc.RelBefore:
		return doc.RelAfter
	case doc.RelIncludes:
		return "included"
	case "included":
		return doc.RelIncludes
	}
	return r
}

// Run scores the given topics (all when none).
func Run(dir string, topics ...string) (Result, error) {
	var res Result
	if len(topics) == 0 {
		ents, err := os.ReadDir(dir)
		if err != nil {
			return res, fmt.Errorf("storyline: %w", err)
		}
		for _, e := range ents {
			if e.IsDir() {
				topics = append(topics, e.Name())
			}
		}
		sort.Slice(topics, func(i, j int) bool {
			a, _ := strconv.Atoi(topics[i])
			b, _ := strconv.Atoi(topics[j])
			return a < b
		})
	}
	for _, t := range topics {
		paths, err := filepath.Glob(filepath.Join(dir, t, "*.xml"))
		if err != nil {
			return res, fmt.Errorf("storyline: %w", err)
		}
		if len(paths) == 0 {
			return res, fmt.Errorf("storyline: topic %s: no documents under %s", t, filepath.Join(dir, t))
		}
		sort.Strings(paths)
		for _, p := range paths {
			if err := scoreFile(p, &res); err != nil {
				return res, err
			}
		}
	}
	return res, nil
}

func scoreFile(path string, res *Result) error {
	g, err := ecb.ReadFile(path)
	if err != nil {
		return fmt.Errorf("storyline: %w", err)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("storyline: %w", err)
	}
	var x xmlRels
	err = xml.NewDecoder(f).Decode(&x)
	f.Close()
	if err != nil {
		return fmt.Errorf("storyline: %s: %w", path, err)
	}
	d := g.Doc()
	for _, m := range x.Markables.Items {
		if m.DCT == "TRUE" {
			if t, err := time.Parse("2006-01-02", m.Value); err == nil {
				d.Article.Published = &t
			}
		}
	}
	extract.Sentenced(d)
	res.Docs++
	res.Events += len(d.Events)

	// Gold event mentions and the matching.
	isEvent := map[string]bool{}
	var gold []ecb.Mention
	for _, m := range g.Mentions {
		if c := m.Class(); c == "ACTION" || c == "NEG_ACTION" {
			gold = append(gold, m)
			isEvent[m.ID] = true
		}
	}
	type cand struct{ s, g, ov int }
	var cs []cand
	for si, e := range d.Events {
		for gi, m := range gold {
			if e.Trigger.Overlaps(m.Span) {
				cs = append(cs, cand{si, gi, min(e.Trigger.End, m.Span.End) - max(e.Trigger.Start, m.Span.Start)})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].ov > cs[j].ov })
	sys2gold := map[int]string{}
	goldMatched := map[string]bool{}
	for _, c := range cs {
		if _, ok := sys2gold[c.s]; ok || goldMatched[gold[c.g].ID] {
			continue
		}
		sys2gold[c.s] = gold[c.g].ID
		goldMatched[gold[c.g].ID] = true
	}
	res.Matched += len(sys2gold)

	// Time anchors of gold events: day values of CONTAINing times.
	timeVal := map[string]time.Time{}
	for _, m := range x.Markables.Items {
		if strings.HasPrefix(m.XMLName.Local, "TIME") && len(m.Value) >= 10 {
			if t, err := time.Parse("2006-01-02", m.Value[:10]); err == nil {
				timeVal[m.ID] = t
			}
		}
	}
	anchor := map[string]time.Time{}
	plot := map[pair]bool{} // a before b
	for _, r := range x.Relations.Items {
		a, b := r.Source.ID, r.Target.ID
		switch r.XMLName.Local {
		case "TLINK":
			if t, ok := timeVal[a]; ok && isEvent[b] && r.RelType == "CONTAINS" {
				anchor[b] = t
			}
		case "PLOT_LINK":
			switch {
			case !isEvent[a] || !isEvent[b]:
			case r.RelType == "PRECONDITION": // a enables b
				plot[pair{a, b}] = true
			case r.RelType == "FALLING_ACTION": // a follows from b
				plot[pair{b, a}] = true
			}
		}
	}
	// goldOrder returns the gold relation of a to b, "" when unknown.
	goldOrder := func(a, b string) string {
		switch {
		case plot[pair{a, b}]:
			return doc.RelBefore
		case plot[pair{b, a}]:
			return doc.RelAfter
		}
		ta, okA := anchor[a]
		tb, okB := anchor[b]
		if !okA || !okB {
			return ""
		}
		switch {
		case ta.Before(tb):
			return doc.RelBefore
		case tb.Before(ta):
			return doc.RelAfter
		}
		// Same day: the day anchors cannot order the pair.
		return ""
	}
	mentionSent := map[string]int{}
	for _, m := range gold {
		mentionSent[m.ID] = m.Sentence
	}
	found := map[pair]bool{}
	for _, l := range d.Links {
		res.SysLinks++
		a, okA := sys2gold[l.From]
		b, okB := sys2gold[l.To]
		if !okA || !okB || a == b {
			continue
		}
		res.SysMatched++
		rel := goldOrder(a, b)
		if rel == "" {
			continue
		}
		res.Decidable++
		typ := l.Type
		if typ == doc.RelIncludes {
			typ = doc.RelSimultaneous
		}
		if rel == typ {
			res.Correct++
			found[pair{a, b}], found[pair{b, a}] = true, true
		} else {
			res.Errors = append(res.Errors, fmt.Sprintf("%s: %q %s %q (cue %q), gold %s", g.Name, d.Events[l.From].TriggerText, l.Type, d.Events[l.To].TriggerText, l.Cue, rel))
		}
	}
	// Recall over gold-ordered pairs of nearby matched events.
	var ids []string
	for id := range goldMatched {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			ds := mentionSent[a] - mentionSent[b]
			if ds < -1 || ds > 1 || goldOrder(a, b) == "" {
				continue
			}
			res.GoldPairs++
			if found[pair{a, b}] {
				res.GoldFound++
			}
		}
	}
	// Dating.
	for si, id := range sys2gold {
		t, ok := anchor[id]
		if !ok {
			continue
		}
		e := d.Events[si]
		res.Anchored++
		if (e.Earliest.IsZero() || !t.Before(e.Earliest)) && (e.Latest.IsZero() || !t.After(e.Latest)) {
			res.Admits++
		}
		if (e.Basis == doc.BasisExplicit || e.Basis == doc.BasisRelative) && !e.Earliest.IsZero() && !t.Before(e.Earliest) && !t.After(e.Latest) {
			res.OwnDate++
		}
	}
	return nil
}
