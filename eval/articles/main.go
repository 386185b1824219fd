// Command articles scores how eventgraph reads web pages against the saved
// pages that go-trafilatura and go-htmldate publish with their expected
// values, beside those libraries alone on the same pages:
//
//	go run ./eval/articles [-limit N] [-errors N]
//
// Main text (go-trafilatura's comparison set, pages whose expected
// snippets are English): recall of the snippets the text must hold,
// leakage of the boilerplate snippets it must not hold, pages left without
// text, and glued words (words of the text that are no word of the page:
// inline elements run together). The baseline is go-trafilatura with its
// default options (comments excluded, as eventgraph excludes them).
//
// Publication date (go-htmldate's comparison sets, English pages): share
// of pages whose stored day (schema:datePublished as graph.Quads writes it)
// is the expected day, beside go-htmldate in fast and extensive mode.
//
// Plain text (the TempEval-3 training documents, from ../shared/data,
// written as text files with their creation date as first line): share
// dated on their creation day.
//
// Language: share of the pages in other languages that eventgraph tags
// with a language other than English, and of the English pages it tags
// English.
//
// The pages are read from the module cache (both modules ship them in
// their module zip); they are not copied into this repository.
package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/RadhiFadlillah/whatlanggo"
	htmldate "github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/resolve"
)

func main() {
	limit := flag.Int("limit", 0, "score only the first N pages of each set (0: all)")
	data := flag.String("data", "", "TempEval-3 training directory for the plain-text check; default ../shared/data/tempeval3-train")
	errs := flag.Int("errors", 0, "print up to N failures of each kind")
	flag.Parse()
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := run(os.Stdout, *data, *limit, *errs); err != nil {
		fmt.Fprintln(os.Stderr, "articles:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, data string, limit, errs int) error {
	tdir, err := moduleDir(trafilaturaModule)
	if err != nil {
		return err
	}
	ddir, err := moduleDir(htmldateModule)
	if err != nil {
		return err
	}
	tpages, err := TextPages(tdir)
	if err != nil {
		return err
	}
	dpages, err := DatePages(ddir)
	if err != nil {
		return err
	}
	tpages, dpages = first(tpages, limit), first(dpages, limit)
	start := time.Now()
	tr := ScoreText(tpages)
	tr.Print(w, errs)
	dr := ScoreDates(dpages)
	dr.Print(w, errs)
	ScoreEvents(tpages).Print(w, errs)
	if dir, err := evalkit.DataDir(data, "tempeval3-train"); err == nil {
		if td, err := ScoreTextDates(dir); err != nil {
			fmt.Fprintf(w, "\nPlain text: skipped (%v)\n", err)
		} else {
			td.Print(w, errs)
		}
	}
	fmt.Fprintf(w, "\n%d + %d pages in %s\n", len(tpages), len(dpages), time.Since(start).Round(time.Second))
	return nil
}

func first(p []Page, n int) []Page {
	sort.Slice(p, func(i, j int) bool { return p[i].File < p[j].File })
	if n > 0 && n < len(p) {
		return p[:n]
	}
	return p
}

// Counts are snippet counts over a set of pages.
type Counts struct {
	With, WithFound       int // snippets the text must hold, found
	Without, WithoutFound int // boilerplate snippets, found (leaked)
	Empty                 int // pages with no text
	Glued                 int // words of the text that are no word of the page
	GluedPages            int // pages with at least one
}

// Recall is the share of expected snippets found.
func (c Counts) Recall() float64 { return ratio(c.WithFound, c.With) }

// Leakage is the share of boilerplate snippets found.
func (c Counts) Leakage() float64 { return ratio(c.WithoutFound, c.Without) }

func (c *Counts) add(p Page, text string, pageWords map[string]bool) {
	text = normSpace(text)
	if text == "" {
		c.Empty++
	}
	c.With += len(p.With)
	c.Without += len(p.Without)
	for _, s := range p.With {
		if text != "" && strings.Contains(text, normSpace(s)) {
			c.WithFound++
		}
	}
	for _, s := range p.Without {
		if text != "" && strings.Contains(text, normSpace(s)) {
			c.WithoutFound++
		}
	}
	if g := glued(text, pageWords); g > 0 {
		c.Glued += g
		c.GluedPages++
	}
}

// TextResult compares eventgraph's main text with go-trafilatura's.
type TextResult struct {
	Pages, Other int // English pages scored; pages in other languages
	Ours, Lib    Counts
	// Tagged counts pages in other languages that eventgraph tagged with a
	// language other than English; Kept English pages tagged English.
	Tagged, Kept int
	Failures     []string
	Elapsed      time.Duration
}

// ScoreText scores the text pages.
func ScoreText(pages []Page) TextResult {
	var r TextResult
	var mu sync.Mutex
	start := time.Now()
	each(pages, func(p Page) {
		data, err := os.ReadFile(p.Path)
		if err != nil {
			return
		}
		a, perr := article.ParseHTML(p.URL, data, "")
		text := extractorText(a)
		lang := article.LanguageOf(a)
		var lib string
		root, err := html.Parse(strings.NewReader(string(data)))
		if err == nil {
			res, err := trafilatura.ExtractDocument(root, trafilatura.Options{ExcludeComments: true, HtmlDateMode: trafilatura.Disabled})
			if err == nil && res != nil {
				lib = res.ContentText
			}
		}
		// The page's language is that of go-trafilatura's text (of the
		// expected snippets when it has none): independent of eventgraph.
		english := whatlanggo.DetectLang(firstNonEmpty(lib, strings.Join(p.With, " "))) == whatlanggo.Eng
		words := pageWords(data)
		mu.Lock()
		defer mu.Unlock()
		if !english {
			r.Other++
			if lang != "" && lang != "en" {
				r.Tagged++
			}
			return
		}
		r.Pages++
		if lang == "en" || lang == "" {
			r.Kept++
		} else {
			r.Failures = append(r.Failures, fmt.Sprintf("%s: English page tagged %q", p.File, lang))
		}
		r.Ours.add(p, text, words)
		r.Lib.add(p, lib, words)
		if g := gluedWords(normSpace(text), words, 4); len(g) > 0 {
			r.Failures = append(r.Failures, fmt.Sprintf("%s: glued %q", p.File, g))
		}
		if perr != nil {
			r.Failures = append(r.Failures, fmt.Sprintf("%s: %v", p.File, perr))
		}
		for _, s := range p.With {
			if !strings.Contains(normSpace(text), normSpace(s)) && strings.Contains(normSpace(lib), normSpace(s)) {
				r.Failures = append(r.Failures, fmt.Sprintf("%s: lost %q", p.File, s))
			}
		}
		for _, s := range p.Without {
			if strings.Contains(normSpace(text), normSpace(s)) && !strings.Contains(normSpace(lib), normSpace(s)) {
				r.Failures = append(r.Failures, fmt.Sprintf("%s: leaked %q", p.File, s))
			}
		}
	})
	r.Elapsed = time.Since(start)
	sort.Strings(r.Failures)
	return r
}

// Print writes the text scores.
func (r TextResult) Print(w io.Writer, errs int) {
	fmt.Fprintf(w, "Main text: %d English pages of go-trafilatura's comparison set (%d in other languages)\n", r.Pages, r.Other)
	fmt.Fprintf(w, "  %-22s %8s %9s %6s %7s %11s\n", "", "recall", "leakage", "empty", "glued", "glued pages")
	for _, row := range []struct {
		name string
		c    Counts
	}{{"go-trafilatura", r.Lib}, {"eventgraph", r.Ours}} {
		fmt.Fprintf(w, "  %-22s %8.3f %9.3f %6d %7d %11d\n", row.name, row.c.Recall(), row.c.Leakage(), row.c.Empty, row.c.Glued, row.c.GluedPages)
	}
	fmt.Fprintf(w, "  language: %d of %d English pages tagged English or untagged; %d of %d other pages tagged with their language\n", r.Kept, r.Pages, r.Tagged, r.Other)
	printFailures(w, r.Failures, errs)
}

// DateResult compares eventgraph's stored publication day with go-htmldate's.
type DateResult struct {
	Pages, Dated                    int // English pages; with an expected date
	Ours, Fast, Extensive, Nonempty int // exact days; pages where eventgraph stored a day
	Failures                        []string
}

// ScoreDates scores the date pages.
func ScoreDates(pages []Page) DateResult {
	var r DateResult
	var mu sync.Mutex
	each(pages, func(p Page) {
		data, err := os.ReadFile(p.Path)
		if err != nil {
			return
		}
		root, err := html.Parse(strings.NewReader(string(data)))
		if err != nil {
			return
		}
		res, _ := trafilatura.ExtractDocument(root, trafilatura.Options{ExcludeComments: true, HtmlDateMode: trafilatura.Disabled})
		if res == nil || whatlanggo.DetectLang(res.ContentText) != whatlanggo.Eng {
			return
		}
		day := func(extensive bool) string {
			root, _ := html.Parse(strings.NewReader(string(data)))
			d, err := htmldate.FromDocument(root, htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: !extensive, URL: p.URL})
			if err != nil || d.IsZero() {
				return ""
			}
			return d.Format("2006-01-02")
		}
		fast, ext := day(false), day(true)
		a, _ := article.ParseHTML(p.URL, data, "")
		ours := storedDay(a)
		mu.Lock()
		defer mu.Unlock()
		r.Pages++
		if p.Date == "" {
			return
		}
		r.Dated++
		if ours != "" {
			r.Nonempty++
		}
		r.Ours += b2i(ours == p.Date)
		r.Fast += b2i(fast == p.Date)
		r.Extensive += b2i(ext == p.Date)
		if ours != p.Date {
			r.Failures = append(r.Failures, fmt.Sprintf("%s: stored %q, want %s (htmldate fast %q; metadata %q from %s)", p.File, ours, p.Date, fast, a.Props["published"], a.Props["date_source"]))
		}
	})
	sort.Strings(r.Failures)
	return r
}

// extractorText is the text of the blocks the extractors read (all but
// metadata lines), less the title, which go-trafilatura's text leaves out.
func extractorText(a doc.Article) string {
	var b strings.Builder
	for _, bl := range a.Blocks {
		if bl.Kind == doc.BlockMetadata || bl.Kind == doc.BlockTitle {
			continue
		}
		b.WriteString(a.Text[bl.Start:bl.End])
		b.WriteString("\n\n")
	}
	return b.String()
}

// storedDay is the schema:datePublished that graph.Quads writes for a.
func storedDay(a doc.Article) string {
	own, _ := graph.Quads(&doc.Document{Article: a}, resolve.Assignment{})
	for _, q := range own {
		if q.Predicate == graph.Published {
			return graph.Str(q.Object)
		}
	}
	return ""
}

// Print writes the date scores.
func (r DateResult) Print(w io.Writer, errs int) {
	fmt.Fprintf(w, "\nPublication date: %d English pages of go-htmldate's comparison sets, %d with an expected date\n", r.Pages, r.Dated)
	fmt.Fprintf(w, "  %-22s %10s\n", "", "exact day")
	fmt.Fprintf(w, "  %-22s %10.3f\n", "go-htmldate fast", ratio(r.Fast, r.Dated))
	fmt.Fprintf(w, "  %-22s %10.3f\n", "go-htmldate extensive", ratio(r.Extensive, r.Dated))
	fmt.Fprintf(w, "  %-22s %10.3f  (a day stored on %d)\n", "eventgraph", ratio(r.Ours, r.Dated), r.Nonempty)
	printFailures(w, r.Failures, errs)
}

func printFailures(w io.Writer, fs []string, n int) {
	for i, f := range fs {
		if i == n {
			fmt.Fprintf(w, "  ... %d more\n", len(fs)-n)
			break
		}
		fmt.Fprintf(w, "  - %s\n", f)
	}
}

// each runs fn over the pages on every core.
func each(pages []Page, fn func(Page)) {
	jobs := make(chan Page)
	var wg sync.WaitGroup
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				fn(p)
			}
		}()
	}
	for _, p := range pages {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
