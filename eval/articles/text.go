package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/extract/timex/timeml"
)

// dctTextRE finds the written form of a TimeML document's creation time
// ("10/30/89", "19980108").
var dctTextRE = regexp.MustCompile(`<DCT><TIMEX3[^>]*>([^<]*)</TIMEX3>`)

// TextDates checks plain-text datelines on the TempEval-3 training
// documents written as text files the way wire copy comes: the creation
// time as its first line, as the document writes it, a blank line, then
// the text. It counts the files whose publication day is the creation
// day.
type TextDates struct {
	Files, Dated, Right int
	Failures            []string
}

// ScoreTextDates reads the .tml files under dir.
func ScoreTextDates(dir string) (TextDates, error) {
	var r TextDates
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.tml"))
	if err != nil || len(files) == 0 {
		return r, fmt.Errorf("no TimeML files under %s", dir)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return r, err
		}
		d, err := timeml.Parse(raw)
		m := dctTextRE.FindSubmatch(raw)
		if err != nil || d.DCT == nil || m == nil {
			continue
		}
		r.Files++
		a, err := article.ParseText(filepath.Base(f), []byte(string(m[1])+"\n\n"+d.Text))
		if err != nil || a.Published == nil {
			r.Failures = append(r.Failures, fmt.Sprintf("%s: %q undated", filepath.Base(f), m[1]))
			continue
		}
		r.Dated++
		if a.Published.Format(time.DateOnly) == d.DCT.Format(time.DateOnly) {
			r.Right++
		} else {
			r.Failures = append(r.Failures, fmt.Sprintf("%s: %q read as %s", filepath.Base(f), m[1], a.Published.Format(time.DateOnly)))
		}
	}
	return r, nil
}

// Print writes the plain-text scores.
func (r TextDates) Print(w io.Writer, errs int) {
	fmt.Fprintf(w, "\nPlain text: %d TempEval-3 documents as text files with their creation date as first line\n", r.Files)
	fmt.Fprintf(w, "  dated %d (%.3f), on the right day %d (%.3f)\n", r.Dated, ratio(r.Dated, r.Files), r.Right, ratio(r.Right, r.Files))
	printFailures(w, r.Failures, errs)
}
