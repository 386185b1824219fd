package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"github.com/eventgraph/eventgraph/extract/detect"
	"github.com/eventgraph/eventgraph/extract/syntax"
	"github.com/eventgraph/eventgraph/extract/timex/timeml"
)

// eventDoc is a TimeML file read and analyzed once: its gold events and
// its sentences with the gold class of each token.
type eventDoc struct {
	name   string
	corpus string
	doc    *timeml.Doc
	sents  []detect.Labeled
}

// loadEventDocs reads and analyzes every .tml file of the corpora (the
// first limit of each when limit > 0).
func loadEventDocs(dir string, corpora []string, limit int) ([]*eventDoc, error) {
	var out []*eventDoc
	for _, c := range corpora {
		files, err := filepath.Glob(filepath.Join(dir, c, "*.tml"))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("no .tml files in %s", filepath.Join(dir, c))
		}
		sort.Strings(files)
		if limit > 0 && len(files) > limit {
			files = files[:limit]
		}
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			d, err := timeml.Parse(raw)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			out = append(out, &eventDoc{name: filepath.Base(f), corpus: c, doc: d, sents: detect.Label(d)})
		}
	}
	return out, nil
}

// labeled gathers the training sentences of docs.
func labeled(docs []*eventDoc) []detect.Labeled {
	var out []detect.Labeled
	for _, d := range docs {
		out = append(out, d.sents...)
	}
	return out
}

// eventReport is one system's Task B figures over a set of documents.
type eventReport struct {
	name   string
	files  int
	counts timeml.EventCounts
	errs   []errExample
	// confusion counts matched events by gold and system class.
	confusion map[[2]string]int
}

// scoreEvents runs detector over the sentences of docs and scores the
// result against the gold events.
func scoreEvents(name string, docs []*eventDoc, detector func([]syntax.Token) []detect.Event) *eventReport {
	rep := &eventReport{name: name, confusion: map[[2]string]int{}}
	for _, d := range docs {
		var sys []detect.Event
		for _, s := range d.sents {
			sys = append(sys, detector(s.Toks)...)
		}
		tsys := detect.ToTimeML(sys)
		gold := d.doc.Events
		r := rep.counts.Add(gold, tsys)
		rep.files++
		txt := d.doc.Text
		ctx := func(s, e int) string {
			a, b := max(0, s-50), min(len(txt), e+50)
			return strings.ReplaceAll(txt[a:s]+"[["+txt[s:e]+"]]"+txt[e:b], "\n", " ")
		}
		for _, gi := range r.Missed {
			g := gold[gi]
			rep.errs = append(rep.errs, errExample{d.name, "missed", g.Text, ctx(g.Start, g.End), g.Class})
		}
		for _, si := range r.Spurious {
			s := tsys[si]
			rep.errs = append(rep.errs, errExample{d.name, "spurious", txt[s.Start:s.End], ctx(s.Start, s.End), s.Class})
		}
		for _, p := range r.Pairs {
			g, s := gold[p.Gold], tsys[p.Sys]
			rep.confusion[[2]string{g.Class, s.Class}]++
			if g.Class != s.Class {
				rep.errs = append(rep.errs, errExample{d.name, "class", g.Text, ctx(g.Start, g.End), "gold " + g.Class + " sys " + s.Class})
			}
			if g.Tense != s.Tense || g.Aspect != s.Aspect {
				rep.errs = append(rep.errs, errExample{d.name, "tense", g.Text, ctx(g.Start, g.End),
					fmt.Sprintf("gold %s/%s sys %s/%s", g.Tense, g.Aspect, s.Tense, s.Aspect)})
			}
			if g.Polarity != s.Polarity && g.Polarity != "" {
				rep.errs = append(rep.errs, errExample{d.name, "polarity", g.Text, ctx(g.Start, g.End), "gold " + g.Polarity})
			}
		}
	}
	return rep
}

const eventHeader = "  %-22s %5s %5s %5s | %5s %5s %5s | %5s %5s | %5s %5s %5s\n"

func printEventHeader(w io.Writer) {
	fmt.Fprintf(w, eventHeader, "", "P", "R", "F1", "P", "R", "F1", "class", "F1", "tense", "aspct", "polar")
	fmt.Fprintf(w, eventHeader, "", "strict", "", "", "relaxd", "", "", "acc", "", "acc", "acc", "acc")
}

func (r *eventReport) print(w io.Writer) {
	s := r.counts.Scores()
	p := func(v float64) string { return fmt.Sprintf("%5.1f", 100*v) }
	fmt.Fprintf(w, eventHeader, r.name,
		p(s.StrictP), p(s.StrictR), p(s.StrictF1), p(s.RelaxedP), p(s.RelaxedR), p(s.RelaxedF1),
		p(s.ClassAcc), p(s.ClassF1), p(s.TenseAcc), p(s.AspectAcc), p(s.PolarityAcc))
}

func (r *eventReport) printErrors(w io.Writer, examples int) {
	for _, class := range []string{"missed", "spurious", "class", "tense", "polarity"} {
		var ex []errExample
		for _, e := range r.errs {
			if e.class == class {
				ex = append(ex, e)
			}
		}
		fmt.Fprintf(w, "\n== %s %s (%d)\n", r.name, class, len(ex))
		for k, e := range ex {
			if examples > 0 && k >= examples {
				break
			}
			fmt.Fprintf(w, "  %-24s %-16q %s | %s\n", e.file, e.text, e.detail, e.context)
		}
	}
}

// folds is the number of document-level cross-validation folds.
const folds = 5

// A split says which documents a Task B run trains on and tests on.
type split int

const (
	heldOut  split = iota // train on TimeBank, test on AQUAINT
	crossAll              // five folds over TimeBank and AQUAINT documents
	crossDev              // five folds over TimeBank only: the tuning split
)

func (sp split) String() string {
	switch sp {
	case crossAll:
		return fmt.Sprintf("%d-fold cross-validation over TimeBank and AQUAINT documents", folds)
	case crossDev:
		return fmt.Sprintf("%d-fold cross-validation over TimeBank documents (tuning split)", folds)
	}
	return "trained on TimeBank, tested on AQUAINT (held out)"
}

// runEvents prints Task B for each split (see evalEvents), with the
// errors of the detector when verbose.
func runEvents(w io.Writer, dir string, splits []split, verbose bool, examples int) error {
	for _, sp := range splits {
		res, err := evalEvents(dir, sp, 0)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "TempEval-3 Task B (events), %s: %d test files, %d gold events\n", sp, res.sys.files, res.sys.counts.Gold)
		printEventHeader(w)
		res.base.print(w)
		res.sys.print(w)
		if sp != crossDev {
			// In 25 of the 73 AQUAINT files most MAKEINSTANCEs say
			// polarity="NEG", negated or not ("the panel that issued").
			fmt.Fprintln(w, "  (AQUAINT's gold polarity marks most events NEG, negated or not: polarity accuracy means something on TimeBank only)")
		}
		if verbose {
			res.sys.printConfusion(w)
			res.sys.printErrors(w, examples)
		}
	}
	return nil
}

// eventResult is a Task B run: the every-verb baseline and the detector
// on the same held-out documents.
type eventResult struct {
	base, sys *eventReport
}

// evalEvents scores the every-verb baseline and detectors trained on
// other documents than they are tested on, in the same run. With limit > 0
// only the first limit files of each corpus are read.
func evalEvents(dir string, sp split, limit int) (*eventResult, error) {
	corpora := []string{"TimeBank", "AQUAINT"}
	if sp == crossDev {
		corpora = corpora[:1]
	}
	docs, err := loadEventDocs(filepath.Join(dir, "tempeval3-train"), corpora, limit)
	if err != nil {
		return nil, err
	}
	root, err := evalkit.RepoRoot()
	if err != nil {
		return nil, err
	}
	lex, err := detect.ReadTriggers(os.DirFS(root), "extract/event/data/patterns.tsv")
	if err != nil {
		return nil, err
	}
	res := &eventResult{base: &eventReport{name: "every-verb baseline"}, sys: &eventReport{name: "detect"}}
	run := func(train, test []*eventDoc) {
		m := detect.Train(labeled(train), detect.TrainOptions{Triggers: lex})
		res.base.merge(scoreEvents(res.base.name, test, detect.EveryVerb))
		res.sys.merge(scoreEvents(res.sys.name, test, m.Detect))
	}
	if sp == heldOut {
		var train, test []*eventDoc
		for _, d := range docs {
			if d.corpus == "AQUAINT" {
				test = append(test, d)
			} else {
				train = append(train, d)
			}
		}
		run(train, test)
		return res, nil
	}
	for f := range folds {
		var train, test []*eventDoc
		for k, d := range docs {
			if k%folds == f {
				test = append(test, d)
			} else {
				train = append(train, d)
			}
		}
		run(train, test)
	}
	return res, nil
}

// merge adds o's documents to r.
func (r *eventReport) merge(o *eventReport) {
	r.files += o.files
	c := &r.counts
	c.Gold += o.counts.Gold
	c.Sys += o.counts.Sys
	c.Strict += o.counts.Strict
	c.Relaxed += o.counts.Relaxed
	c.ClassOK += o.counts.ClassOK
	c.TenseOK += o.counts.TenseOK
	c.AspectOK += o.counts.AspectOK
	c.PolarityOK += o.counts.PolarityOK
	r.errs = append(r.errs, o.errs...)
	if r.confusion == nil {
		r.confusion = map[[2]string]int{}
	}
	for k, n := range o.confusion {
		r.confusion[k] += n
	}
}

// printConfusion prints the classes of matched events: a row for each
// gold class, a column for each system class, and each class's recall.
func (r *eventReport) printConfusion(w io.Writer) {
	fmt.Fprintf(w, "\n== %s class confusion (rows gold, columns system)\n  %-10s", r.name, "")
	for _, c := range detect.Classes {
		fmt.Fprintf(w, " %6.6s", c)
	}
	fmt.Fprintf(w, " %6s\n", "recall")
	for _, g := range detect.Classes {
		fmt.Fprintf(w, "  %-10.10s", g)
		row, ok := 0, r.confusion[[2]string{g, g}]
		for _, s := range detect.Classes {
			n := r.confusion[[2]string{g, s}]
			row += n
			fmt.Fprintf(w, " %6d", n)
		}
		fmt.Fprintf(w, " %5.1f%%\n", 100*float64(ok)/float64(max(row, 1)))
	}
}
