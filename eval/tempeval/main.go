// Command tempeval evaluates eventgraph on the TempEval-3 training corpora
// (TimeBank and AQUAINT).
//
// By default it scores the temporal tagger: for each file it strips the
// gold TIMEX3 tags, tags the text with the gold DCT and scores the result
// with the TempEval-3 rules (strict and relaxed span match, value and type
// accuracy over relaxed matches).
//
// With -events it scores event detection as TempEval-3 Task B does (strict
// and relaxed span match, class accuracy and class F1, tense, aspect and
// polarity accuracy) on documents the detector was not trained on, beside
// the every-verb baseline: a model trained on TimeBank is tested on
// AQUAINT, then five-fold document cross-validation over both corpora.
// With -dev it cross-validates over TimeBank documents alone, the split
// for tuning that leaves AQUAINT unseen.
//
//	go run ./eval/tempeval [-data DIR] [-v] [-corpus TimeBank,AQUAINT]
//	go run ./eval/tempeval -events [-dev] [-data DIR] [-v]
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

	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"github.com/eventgraph/eventgraph/extract/timex/timeml"
)

func main() {
	data := flag.String("data", "", "data directory (default: ../shared/data next to the repository)")
	verbose := flag.Bool("v", false, "list errors grouped by class")
	corpora := flag.String("corpus", "TimeBank,AQUAINT", "comma-separated corpora under tempeval3-train")
	examples := flag.Int("n", 25, "examples per error class with -v")
	events := flag.Bool("events", false, "score event detection (Task B) instead of TIMEX3")
	dev := flag.Bool("dev", false, "with -events: only cross-validate over TimeBank (the tuning split)")
	flag.Parse()
	dir, err := evalkit.DataDir(*data, "")
	if err != nil {
		slog.Error("locating data", "err", err)
		os.Exit(1)
	}
	if *events {
		splits := []split{heldOut, crossAll}
		if *dev {
			splits = []split{crossDev}
		}
		if err := runEvents(os.Stdout, dir, splits, *verbose, *examples); err != nil {
			slog.Error("evaluating events", "err", err)
			os.Exit(1)
		}
		return
	}
	for _, c := range strings.Split(*corpora, ",") {
		rep, err := evalCorpus(filepath.Join(dir, "tempeval3-train", c), 0)
		if err != nil {
			slog.Error("evaluating", "corpus", c, "err", err)
			os.Exit(1)
		}
		rep.print(os.Stdout, c, *verbose, *examples)
	}
}

type errExample struct {
	file, class, text, context, detail string
}

type report struct {
	files  int
	counts timeml.Counts
	errs   []errExample
}

// evalCorpus scores every .tml file of dir (the first limit files when
// limit > 0).
func evalCorpus(dir string, limit int) (*report, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no .tml files in %s", dir)
	}
	sort.Strings(files)
	if limit > 0 && len(files) > limit {
		files = files[:limit]
	}
	rep := &report{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		d, err := timeml.Parse(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		sys := timeml.FromTimexes(d.Tag())
		r := rep.counts.Add(d.Gold, sys)
		rep.files++
		base := filepath.Base(f)
		ctx := func(s, e int) string {
			a, b := max(0, s-40), min(len(d.Text), e+40)
			return strings.ReplaceAll(d.Text[a:s]+"[["+d.Text[s:e]+"]]"+d.Text[e:b], "\n", " ")
		}
		dct := ""
		if d.DCT != nil {
			dct = d.DCT.Format("2006-01-02")
		}
		for _, gi := range r.Missed {
			g := d.Gold[gi]
			rep.errs = append(rep.errs, errExample{base, "missed", g.Text, ctx(g.Start, g.End), fmt.Sprintf("gold %s %s %s dct %s", g.Type, g.Value, g.Mod, dct)})
		}
		for _, si := range r.Spurious {
			s := sys[si]
			rep.errs = append(rep.errs, errExample{base, "spurious", s.Text, ctx(s.Start, s.End), fmt.Sprintf("sys %s %s", s.Type, s.Value)})
		}
		for _, p := range r.Pairs {
			g, s := d.Gold[p.Gold], sys[p.Sys]
			if g.Start != s.Start || g.End != s.End {
				rep.errs = append(rep.errs, errExample{base, "span", s.Text, ctx(s.Start, s.End), fmt.Sprintf("gold %q", g.Text)})
			}
			if g.Value != s.Value {
				rep.errs = append(rep.errs, errExample{base, "value", s.Text, ctx(s.Start, s.End), fmt.Sprintf("gold %s %s sys %s %s dct %s", g.Type, g.Value, s.Type, s.Value, dct)})
			} else if g.Type != s.Type {
				rep.errs = append(rep.errs, errExample{base, "type", s.Text, ctx(s.Start, s.End), fmt.Sprintf("gold %s sys %s (%s)", g.Type, s.Type, s.Value)})
			}
		}
	}
	return rep, nil
}

func (r *report) print(w io.Writer, name string, verbose bool, examples int) {
	s := r.counts.Scores()
	c := r.counts
	fmt.Fprintf(w, "%s: %d files, %d gold, %d system\n", name, r.files, c.Gold, c.Sys)
	fmt.Fprintf(w, "  strict   P %5.1f  R %5.1f  F1 %5.1f\n", 100*s.StrictP, 100*s.StrictR, 100*s.StrictF1)
	fmt.Fprintf(w, "  relaxed  P %5.1f  R %5.1f  F1 %5.1f\n", 100*s.RelaxedP, 100*s.RelaxedR, 100*s.RelaxedF1)
	fmt.Fprintf(w, "  value    acc %5.1f  F1 %5.1f\n", 100*s.ValueAcc, 100*s.ValueF1)
	fmt.Fprintf(w, "  type     acc %5.1f  F1 %5.1f\n", 100*s.TypeAcc, 100*s.TypeF1)
	if !verbose {
		return
	}
	for _, class := range []string{"missed", "spurious", "span", "value", "type"} {
		var ex []errExample
		for _, e := range r.errs {
			if e.class == class {
				ex = append(ex, e)
			}
		}
		fmt.Fprintf(w, "\n== %s (%d)\n", class, len(ex))
		for k, e := range ex {
			if examples > 0 && k >= examples {
				break
			}
			fmt.Fprintf(w, "  %-28s %-22q %s | %s\n", e.file, e.text, e.detail, e.context)
		}
	}
}
