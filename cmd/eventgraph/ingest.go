package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/extract/article/fetch"
	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/pipeline"
)

// ingestOptions are what `eventgraph ingest` runs with.
type ingestOptions struct {
	Store     graph.Config
	Sources   []string   // files, directories, URLs, "-"
	URLFile   string     // --urls: more URLs, one per line
	Replace   bool       // re-extract stored articles
	Published *time.Time // the date of the articles whose source gives none
	Server    string     // ingest through this running server, not into Store
	// Format is --format as given ("" when not): a server applies it
	// over its own ingest.format.
	Format string
	// Settings gives ingest.* (format, workers and allow_private bound to
	// flags) and resolve.horizon.
	Settings settings
	Log      *slog.Logger
}

func newIngestCmd(a *app, runF runner[ingestOptions]) *cobra.Command {
	var opts ingestOptions
	var published string
	cmd := &cobra.Command{
		Use:   "ingest [PATH|URL]...",
		Short: "Extract events from articles and store them",
		Long: `Read articles from files, directories (recursively) or "-" (stdin), extract
actors, dates and events, merge them with what the store already holds, and
write them as quads. Re-ingesting an unchanged article changes nothing;
--replace re-extracts articles and retracts the old version of an article
whose file now holds different text.

A source that cannot be read as an article (empty, binary, invalid UTF-8...)
is reported with its name and reason; the others are still ingested. The
exit status is non-zero only when nothing could be ingested.

An article's publication date comes from its source: a page's metadata, a
feed's or JSON line's date, a text's dateline or date header. --published
dates the articles whose source gives none. An article in another language
than English is stored with its language, and nothing is extracted from it.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if published != "" {
				t, err := time.Parse(time.DateOnly, published)
				if err != nil {
					return fmt.Errorf("--published %q: want a date as YYYY-MM-DD", published)
				}
				opts.Published = &t
			}
			opts.Sources = args
			opts.Format, _ = cmd.Flags().GetString("format")
			opts.Store = a.set.store(false)
			opts.Settings = a.set
			opts.Log = a.log
			return start(cmd, opts, runIngest, runF)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Replace, "replace", false, "re-extract stored articles and retract older versions from the same source")
	enumFlag(cmd, f, "format", "", "source format: auto, text, html, feed, jsonl (config ingest.format)", formatNames())
	f.Int("workers", 0, "extraction workers, 0 for one per CPU (config ingest.workers)")
	f.StringVar(&opts.URLFile, "urls", "", "also fetch the URLs listed in this file (one per line, # comments)")
	f.Bool("allow-private", false, "fetch URLs on loopback, link-local and private addresses too (config ingest.allow_private; refused by default)")
	f.StringVar(&published, "published", "", "publication date (YYYY-MM-DD) of the articles whose source gives none")
	f.StringVar(&opts.Server, "server", "", "send the files to a running 'eventgraph serve --read-only=false' at this URL (http://127.0.0.1:64210), which ingests them into the store it holds")
	return cmd
}

func runIngest(ctx context.Context, opts ingestOptions, std streams) error {
	sources := opts.Sources
	if file := opts.URLFile; file != "" {
		urls, err := fetch.ReadURLFile(file)
		if err != nil && len(urls) == 0 {
			return fmt.Errorf("--urls: %w", err)
		}
		if err != nil {
			opts.Log.Warn("skipped lines of the URL list", "file", file, "reason", err)
		}
		sources = append(slices.Clip(sources), urls...)
	}
	if len(sources) == 0 {
		return errors.New("nothing to ingest: give files, directories, URLs, - for stdin, or --urls FILE")
	}
	if opts.Server != "" {
		return ingestThrough(ctx, opts, sources, std)
	}
	st, err := createStore(ctx, opts.Store)
	if err != nil {
		return err
	}
	defer st.Close()
	set := opts.Settings.Ingest
	setMemoryLimit(set.MemoryLimit)
	client := fetch.New()
	client.MaxBytes = set.MaxBytes
	client.AllowPrivate = set.AllowPrivate
	opt := pipeline.Options{
		Workers:        set.Workers,
		Batch:          set.Batch,
		Format:         set.Format,
		MaxBytes:       set.MaxBytes,
		MemoryLimit:    set.MemoryLimit,
		Replace:        opts.Replace,
		Horizon:        opts.Settings.Resolve.Horizon,
		ReportEvery:    set.ReportEvery,
		ArticleTimeout: set.ArticleTimeout,
		Log:            opts.Log,
		Stdin:          std.In,
		Fetcher:        client,
		Published:      opts.Published,
	}
	if std.ErrIsTerminal() {
		opt.Progress = std.Err
	}
	sum, err := pipeline.Run(ctx, st, sources, opt)
	printSummary(std.Err, sum)
	if errors.Is(err, pipeline.ErrInterrupted) {
		// Exit like a shell does after SIGINT, once the message is out.
		fmt.Fprintf(std.Err, "eventgraph: %v\n", err)
		return exitError{code: interruptedStatus}
	}
	return err
}

func printSummary(w io.Writer, s pipeline.Summary) {
	for _, f := range s.Failed {
		msg := f.Err.Error()
		if !strings.HasPrefix(msg, f.Source) {
			msg = f.Source + ": " + msg
		}
		fmt.Fprintf(w, "skipped %s\n", msg)
	}
	fmt.Fprintf(w, "ingested %d article(s) (%d unchanged, %d replaced, %d skipped) from %d source(s): %d event mention(s), %d new event(s), %d merged duplicate(s), %d quad(s) in %s\n",
		s.Ingested, s.Unchanged, s.Replaced, len(s.Failed), s.Sources, s.Events, s.NewEvents, s.Merged, s.Quads, s.Elapsed.Round(1e6))
	if n, langs := otherLanguages(s.OtherLanguages); n > 0 {
		fmt.Fprintf(w, "%d article(s) in other languages than English stored without extraction (%s)\n", n, langs)
	}
}

// otherLanguages totals the articles in other languages and lists them,
// most frequent first: "de 12, fr 3".
func otherLanguages(m map[string]int) (int, string) {
	langs := make([]string, 0, len(m))
	n := 0
	for l, c := range m {
		langs = append(langs, l)
		n += c
	}
	sort.Slice(langs, func(i, j int) bool {
		if m[langs[i]] != m[langs[j]] {
			return m[langs[i]] > m[langs[j]]
		}
		return langs[i] < langs[j]
	})
	for i, l := range langs {
		langs[i] = fmt.Sprintf("%s %d", l, m[l])
	}
	return n, strings.Join(langs, ", ")
}

// setMemoryLimit sets the Go heap's soft limit for a long ingest, unless
// GOMEMLIMIT already did. Without it the heap grows to twice what is live
// between collections and the runtime keeps freed memory: a 1,000-article
// ingest held 117 MB live and 403 MB of anonymous RSS. With it the
// collector runs more often near the limit and returns memory sooner.
func setMemoryLimit(limit int64) {
	if limit <= 0 || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(limit)
}
