// Package pipeline runs ingestion end to end: read sources, parse them into
// articles, extract on every core, resolve against what the store already
// holds, and write each article's quads in its own transaction. Extraction
// runs in parallel; resolution and writing run in input order, so a run's
// result does not depend on scheduling.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/schollz/progressbar/v3"

	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/actor"
	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/extract/article/fetch"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/event"
	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/resolve"
	"github.com/eventgraph/eventgraph/timeline"
)

// Options control a run.
type Options struct {
	Workers int            // extraction workers; 0 means one per CPU
	Batch   int            // articles per store transaction; 0 means 1
	Format  article.Format // source format; "" or auto detects it
	// Replace re-extracts articles already stored and retracts the old
	// version of an article whose source now holds different text.
	Replace bool
	// Progress, when set, receives a progress bar (a terminal).
	Progress io.Writer
	// ReportEvery, without Progress, logs a progress line at this interval
	// (pipes and CI: a long run is not silent for hours); 0 never does.
	ReportEvery time.Duration
	Log         *slog.Logger
	// Stdin is read for the input "-".
	Stdin io.Reader
	// StdinName is the source name of "-" ("-" when empty): a server
	// ingesting a file a client sent stores the client's name for it.
	StdinName string
	// Fetcher fetches http(s) inputs; nil means fetch.New() (timeouts,
	// size limit, per-host concurrency limit).
	Fetcher *fetch.Client
	// Horizon is how many of the latest events new mentions can merge
	// into (resolve.Resolver.SetHorizon); 0 means all of them.
	Horizon int
	// MaxBytes is the largest source read (files, stdin; URLs: the
	// Fetcher's own MaxBytes); 0 means article.MaxBytes.
	MaxBytes int64
	// MemoryLimit, when set, bounds the articles extracted at once: their
	// text, at ExtractCost bytes of memory per byte, fits in half of it.
	// An article larger than that is extracted alone.
	MemoryLimit int64
	// Published dates the articles whose source gives no publication
	// date (ingest --published); nil leaves them undated.
	Published *time.Time
	// ArticleTimeout is the time one article's extraction may take
	// (ingest.article_timeout): an article that takes longer is skipped,
	// nothing of it is stored, and the run goes on with the next. 0 means
	// no limit.
	ArticleTimeout time.Duration
}

// batchText ends a batch early once its articles hold this much text
// (news articles average a few KiB: batches of ordinary news are not cut).
const batchText = 256 << 10

// ExtractCost is the memory extraction may take per byte of article text,
// at worst: the bound set for the extractors (a 512 KiB article in 300 MB).
// Ordinary news takes about 120.
const ExtractCost = 600

// ErrInterrupted is returned when the context is cancelled during a run
// (SIGINT, SIGTERM): the run stopped after the article or batch in hand,
// and everything stored is whole.
var ErrInterrupted = errors.New("interrupted")

// ErrArticleTimeout is the reason an article is skipped when its
// extraction takes longer than Options.ArticleTimeout.
var ErrArticleTimeout = errors.New("extraction took longer than ingest.article_timeout")

// Failure is a source that yielded no article, and why.
type Failure struct {
	Source string
	Err    error
}

// Summary counts what a run did.
type Summary struct {
	Sources   int
	Articles  int // articles parsed
	Ingested  int // articles written
	Unchanged int // already stored, skipped
	Replaced  int // older versions retracted
	Failed    []Failure
	Events    int // event mentions written
	NewEvents int // canonical events created
	Merged    int // mentions merged into an event reported elsewhere (duplicates prevented)
	// OtherLanguages counts the articles written in another language than
	// English, by language: stored, but with nothing extracted.
	OtherLanguages map[string]int
	Quads          int
	Elapsed        time.Duration
}

// Rules are the cross-article merging rules, from the extractors.
func Rules() resolve.Rules {
	return resolve.Rules{SameEntity: actor.SameEntity, Family: event.Family, Compatible: event.Compatible, Generic: generic}
}

// occurrence is the family of the extractor's catch-all class of events
// CAMEO does not code (EG-OCCUR: "get", "become", "happen", "begin").
// Read on first use: the event dictionaries it loads are not needed by
// the commands that only read the store (their start-up time).
var occurrence = sync.OnceValue(func() string { return event.Family("EG-OCCUR") })

// generic reports whether an event type is the catch-all occurrence class
// (or has no code at all): too broad to identify one event across
// articles.
func generic(t doc.EventType) bool {
	return t.Code == "" && (t.Extension == "" || event.Family(t.Extension) == occurrence())
}

// source is one input to read: bytes to parse, or (for a URL) articles
// fetched and parsed with the HTTP response's hints.
type source struct {
	name     string
	read     func() ([]byte, error)
	articles func(context.Context) ([]doc.Article, error)
}

// parsed is a worker's result for one source, in input order.
type parsed struct {
	seq  int
	src  string
	errs []error
	// A source's announcement carries its article count; each extracted
	// article then comes as its own result with doc and idx set.
	count int
	arts  []doc.Article
	idx   int
	doc   *doc.Document
	// skip, for an article whose extraction was stopped, says why: it
	// is counted as a failure and nothing of it is stored.
	skip error
	// docs are what the writer is handed: articles in input order.
	docs []*doc.Document
}

// Run ingests inputs (files, directories read recursively, http(s) URLs,
// "-" for stdin)
// into st. It returns an error only when nothing could be ingested because
// of failures, or when the store fails.
func Run(ctx context.Context, st *graph.Store, inputs []string, opt Options) (Summary, error) {
	start := time.Now()
	log := opt.Log
	if log == nil {
		log = slog.Default()
	}
	var sum Summary
	if opt.MaxBytes <= 0 || opt.MaxBytes > article.MaxBytes {
		opt.MaxBytes = article.MaxBytes
	}
	client := opt.Fetcher
	if client == nil {
		client = fetch.New()
		client.MaxBytes = opt.MaxBytes
	}
	sources, failures := expand(inputs, opt.Stdin, opt.StdinName, client, opt.MaxBytes)
	sum.Failed = append(sum.Failed, failures...)
	sum.Sources = len(sources)

	// A long article written in several transactions and interrupted
	// (a crash) is undone before anything is resolved against the store.
	undone, err := st.RecoverWrites(ctx)
	if err != nil {
		return sum, err
	}
	for _, id := range undone {
		log.Warn("undid the interrupted write of an article: it is ingested again when its source is", "article", id)
	}
	res, restored, err := loadResolver(ctx, st, opt.Horizon, log)
	if err != nil {
		return sum, err
	}

	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// When ctx is cancelled (SIGINT, SIGTERM) the loop below stops between
	// articles; wctx lets the article or batch in hand be written whole.
	wctx := context.WithoutCancel(ctx)
	results := stages(ctx, st, sources, opt, workers)

	var bar *progressbar.ProgressBar
	if opt.Progress != nil && len(sources) > 1 {
		bar = progressbar.NewOptions(len(sources),
			progressbar.OptionSetWriter(opt.Progress),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish(),
		)
	}

	rep := reporter{every: opt.ReportEvery, log: log, start: start, last: start, total: len(sources)}
	if bar != nil {
		rep.every = 0
	}

	// Write in input order.
	index, err := timeline.NewMaintainer(st)
	if err != nil {
		return sum, err
	}
	wr := &writer{st: st, res: res, index: index, opt: opt, sum: &sum, log: log, batchSize: opt.Batch, ramp: 1, batchIDs: map[string]bool{}}
	if wr.batchSize <= 0 {
		wr.batchSize = 1
	}
	// Put results back in input order and write each article as soon as
	// all before it are written.
	headers := map[int]parsed{}
	docs := map[[2]int]parsed{}
	next, nextIdx, announced := 0, 0, false
	// worked counts the sources that queued an article: a resumed run
	// skips the stored ones in seconds, so rates and ETAs count only these.
	worked, queuedBefore := 0, 0
	var werr error
	for p := range results {
		if p.doc != nil || p.skip != nil {
			docs[[2]int{p.seq, p.idx}] = p
		} else {
			headers[p.seq] = p
		}
		for werr == nil && ctx.Err() == nil {
			h, ok := headers[next]
			if !ok {
				break
			}
			if !announced {
				announced = true
				queuedBefore = sum.Articles - sum.Unchanged
				if len(h.errs) > 0 {
					werr = wr.write(wctx, parsed{src: h.src, errs: h.errs})
				}
			}
			for werr == nil && nextIdx < h.count && ctx.Err() == nil {
				d, ok := docs[[2]int{next, nextIdx}]
				if !ok {
					break
				}
				delete(docs, [2]int{next, nextIdx})
				nextIdx++
				if d.skip != nil {
					werr = wr.write(wctx, parsed{src: d.src, errs: []error{d.skip}})
				} else {
					werr = wr.write(wctx, parsed{src: h.src, docs: []*doc.Document{d.doc}})
				}
				rep.maybe(next, worked, &sum)
			}
			if nextIdx < h.count {
				break
			}
			delete(headers, next)
			next, nextIdx, announced = next+1, 0, false
			switch {
			case sum.Articles-sum.Unchanged > queuedBefore:
				worked++
				if bar != nil {
					_ = bar.Add(1)
				}
			case bar != nil && bar.GetMax() > 1:
				// A stored or unreadable source leaves the bar, so that
				// its rate and ETA are those of the work left.
				bar.ChangeMax(bar.GetMax() - 1)
			}
			rep.maybe(next, worked, &sum)
		}
		if werr != nil {
			cancel()
		}
	}
	if werr == nil {
		werr = wr.flush(wctx)
	}
	// The last batch may still be being written: the store must not be
	// closed under it, and the summary counts it.
	if err := wr.wait(); werr == nil {
		werr = err
	}
	if bar != nil {
		_ = bar.Finish()
	}
	if wr.index.Stale() {
		log.Warn("the store's timeline index is stale: timelines are built from the whole store until 'eventgraph reindex' rebuilds it")
	}
	sum.Elapsed = time.Since(start)
	if werr != nil {
		return sum, werr
	}
	if sum.Ingested > 0 || sum.Replaced > 0 || !restored {
		// Everything resolved is stored (interrupted runs included: the
		// batch in hand was written): the next run starts from here
		// instead of reading the store.
		if err := st.SaveResolver(context.WithoutCancel(ctx), wr.res); err != nil {
			log.Warn("the next run will reload the resolver from the store", "reason", err)
		}
	}
	if parent.Err() != nil && next < len(sources) {
		return sum, fmt.Errorf("%w (%v) after storing %d article(s) from %d of %d source(s): every stored article is complete; re-run the same command to resume (stored articles are skipped)",
			ErrInterrupted, context.Cause(parent), sum.Ingested+sum.Unchanged, next, len(sources))
	}
	if err := ctx.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return sum, err
	}
	if sum.Ingested == 0 && sum.Unchanged == 0 && len(sum.Failed) > 0 {
		return sum, fmt.Errorf("nothing ingested: %d source(s) failed", len(sum.Failed))
	}
	return sum, nil
}

// reporter logs a progress line at most every so often: the line-oriented
// counterpart of the progress bar.
type reporter struct {
	every       time.Duration
	log         *slog.Logger
	start, last time.Time
	total       int
}

// maybe logs the progress after done of the total sources, worked of
// which queued articles, if a line is due.
func (r *reporter) maybe(done, worked int, sum *Summary) {
	if r.every <= 0 {
		return
	}
	now := time.Now()
	if now.Sub(r.last) < r.every {
		return
	}
	r.last = now
	elapsed := now.Sub(r.start)
	stored := sum.Ingested + sum.Unchanged
	attrs := []any{
		"sources", fmt.Sprintf("%d/%d", done, r.total),
		"stored", stored, "events", sum.NewEvents, "merged", sum.Merged, "quads", sum.Quads,
		// Ingested, not stored: articles a resumed run skips cost nothing.
		"articles_per_s", fmt.Sprintf("%.1f", float64(sum.Ingested)/elapsed.Seconds()),
		"elapsed", elapsed.Round(time.Second),
	}
	if eta, ok := remaining(elapsed, done, worked, r.total); ok {
		attrs = append(attrs, "eta", eta.Round(time.Second))
	}
	r.log.Info("progress", attrs...)
}

// remaining estimates the time left after elapsed, when done of total
// sources are through and worked of those needed work. The rate is that
// of the worked sources alone: on a resumed run, the stored sources went
// by in seconds and would otherwise promise minutes for hours of work.
// The rest is assumed to need work, so on a re-run over a mix of stored
// and new sources the estimate errs long.
func remaining(elapsed time.Duration, done, worked, total int) (time.Duration, bool) {
	if worked <= 0 || done >= total {
		return 0, false
	}
	return time.Duration(float64(elapsed) * float64(total-done) / float64(worked)), true
}

// loadResolver returns a resolver that knows what st holds: restored from
// the snapshot the last run saved when it still matches the store
// (restored is then true), otherwise read from the store.
func loadResolver(ctx context.Context, st *graph.Store, horizon int, log *slog.Logger) (*resolve.Resolver, bool, error) {
	started := time.Now()
	res := resolve.New(Rules())
	res.SetHorizon(horizon)
	restored, err := st.RestoreResolver(ctx, res)
	if err != nil {
		log.Warn("reading known events from the store instead", "reason", err)
	}
	if !restored {
		res = resolve.New(Rules())
		res.SetHorizon(horizon)
		if err := st.LoadResolverBulk(ctx, res); err != nil {
			return nil, false, fmt.Errorf("loading known actors and events: %w", err)
		}
	}
	log.Debug("resolver loaded", "events", res.Events(), "snapshot", restored, "took", time.Since(started))
	return res, restored, nil
}

// stages runs the parallel part of ingestion: workers read and parse
// sources, then workers extract articles one by one (a feed or JSON-lines
// file of thousands of articles is spread over all cores too). Results come
// out of order; each source first announces how many articles follow, so
// the writer can put them back in input order.
func stages(ctx context.Context, st *graph.Store, sources []source, opt Options, workers int) <-chan parsed {
	type job struct {
		seq, idx int
		a        doc.Article
	}
	srcJobs := make(chan int)
	parsedCh := make(chan parsed, workers)
	extractJobs := make(chan job, workers)
	results := make(chan parsed, 2*workers)
	send := func(p parsed) bool {
		select {
		case results <- p:
			return true
		case <-ctx.Done():
			return false
		}
	}
	go func() {
		defer close(srcJobs)
		for i := range sources {
			select {
			case srcJobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var parsers sync.WaitGroup
	for w := 0; w < workers; w++ {
		parsers.Add(1)
		go func() {
			defer parsers.Done()
			for i := range srcJobs {
				p := parsed{seq: i, src: sources[i].name}
				var err error
				if sources[i].articles != nil {
					p.arts, err = sources[i].articles(ctx)
				} else {
					var data []byte
					if data, err = sources[i].read(); err == nil {
						p.arts, err = article.Parse(sources[i].name, data, opt.Format)
					}
				}
				if err != nil {
					p.errs = append(p.errs, err)
				}
				if opt.Published != nil {
					datePublished(p.arts, *opt.Published)
				}
				select {
				case parsedCh <- p:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { parsers.Wait(); close(parsedCh) }()
	// The dispatcher announces each source to the writer, then hands its
	// articles to the extraction workers. results is closed once neither
	// it nor a worker can send (both stop early when ctx is done).
	var senders sync.WaitGroup
	senders.Add(1)
	go func() {
		defer senders.Done()
		defer close(extractJobs)
		for p := range parsedCh {
			arts := p.arts
			p.count, p.arts = len(arts), nil
			if !send(p) {
				return
			}
			for i, a := range arts {
				select {
				case extractJobs <- job{seq: p.seq, idx: i, a: a}:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	budget := newTextBudget(opt.MemoryLimit)
	for w := 0; w < workers; w++ {
		senders.Add(1)
		go func() {
			defer senders.Done()
			for j := range extractJobs {
				scrub(&j.a)
				d := &doc.Document{Article: j.a} // stored already: the writer skips it
				// The writer checks again; on a store that cannot be read
				// while it is written (memstore), only the writer does.
				stored := false
				if concurrent(st) && !opt.Replace {
					stored, _ = st.HasArticle(ctx, j.a.ID)
				}
				if !stored {
					release, err := budget.acquire(ctx, len(j.a.Text))
					if err != nil {
						return
					}
					extracting(j.a)
					d, err = extractArticle(ctx, j.a, opt.ArticleTimeout)
					release()
					if err != nil {
						if ctx.Err() != nil {
							return // interrupted: the article is dropped
						}
						name := j.a.Source
						if name == "" {
							name = sources[j.seq].name
						}
						if !send(parsed{seq: j.seq, idx: j.idx, src: name, skip: err}) {
							return
						}
						continue
					}
					event.Prune(d)
				}
				if !send(parsed{seq: j.seq, idx: j.idx, doc: d}) {
					return
				}
			}
		}()
	}
	go func() { senders.Wait(); close(results) }()
	return results
}

// extracting is called as each article's extraction starts (tests
// interrupt a run there).
var extracting = func(doc.Article) {}

// extractArticle extracts a within limit (none when 0): past it,
// extraction stops at its next check (ExtractContext) and the error says
// why. When ctx is done (SIGINT) it returns at once with ctx's cause: the
// extraction, left behind, stops at its next check (a sentence, or the end
// of one extractor: up to half a second of CPU over a 512 KiB article) and
// its document is dropped.
func extractArticle(ctx context.Context, a doc.Article, limit time.Duration) (*doc.Document, error) {
	actx := ctx
	if limit > 0 {
		extract.Load() // the models' loading is not the article's time
		var cancel context.CancelFunc
		actx, cancel = context.WithTimeoutCause(ctx, limit,
			fmt.Errorf("%w (%v, %d KiB of text): skipped, nothing stored", ErrArticleTimeout, limit, len(a.Text)>>10))
		defer cancel()
	}
	type extracted struct {
		d   *doc.Document
		err error
	}
	ch := make(chan extracted, 1)
	go func() {
		d, err := extract.ExtractContext(actx, a)
		ch <- extracted{d, err}
	}()
	select {
	case r := <-ch:
		return r.d, r.err
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
}

// datePublished dates the articles that have no publication date of
// their own (a year alone counts as one).
func datePublished(arts []doc.Article, t time.Time) {
	for i := range arts {
		a := &arts[i]
		if a.Published != nil || a.Props[doc.PropPublishedYear] != "" {
			continue
		}
		a.Published = &t
		if a.Props == nil {
			a.Props = map[string]string{}
		}
		a.Props["date_source"] = "--published"
	}
}

// writer resolves articles in input order and writes them in batches.
//
// Several processes may ingest into one SQL store at once. Resolution
// depends on what the store holds, so each batch is resolved and written
// under the store's cross-process lock (graph.Store.Lock; a no-op on the
// embedded stores, which admit one process): after taking it, the writer
// re-checks which articles are stored by now, reloads its resolver when
// another process has written since this one last did (Store.Changed), and
// bumps the store's write generation before writing (Store.Touch) so that
// the others reload in turn. Extraction stays outside the lock.
type writer struct {
	st        *graph.Store
	res       *resolve.Resolver
	index     *timeline.Maintainer // the store's timeline index, updated per batch
	opt       Options
	sum       *Summary
	log       *slog.Logger
	batchSize int
	// ramp is the size of the next batch: 1, doubling up to batchSize. A
	// fresh bolt store's first transaction creates most of cayley's
	// 131,072 hash buckets, each inserted into one growing root node
	// (quadratic copying: ~7 s of CPU for a first batch of 64 articles);
	// small first batches let the root split before it grows.
	ramp     int
	queue    []*doc.Document // extracted, waiting to be resolved and written
	queued   int             // bytes of text in queue
	batchIDs map[string]bool // articles in queue
	// On a store no other process writes to, a batch is written while the
	// next one is resolved (resolving and writing each take about half of
	// the writer's time): inflight delivers the outcome of the write in
	// progress, inflightIDs are its articles.
	inflight    chan written
	inflightIDs map[string]bool
}

// written is the outcome of one batch's write.
type written struct {
	quads int
	stats []docStats
	err   error
}

// docStats are one article's counts, added to the summary once stored.
type docStats struct {
	events, merged, created int
	language                string // not English: nothing extracted
}

// write queues one source's articles, skipping those already stored.
func (w *writer) write(ctx context.Context, p parsed) error {
	for _, err := range p.errs {
		w.sum.Failed = append(w.sum.Failed, Failure{Source: p.src, Err: err})
		w.log.Warn("skipped", "source", p.src, "reason", err)
	}
	for _, d := range p.docs {
		w.sum.Articles++
		a := d.Article
		exists := w.batchIDs[a.ID] || w.inflightIDs[a.ID]
		if !exists {
			var err error
			if exists, err = w.st.HasArticle(ctx, a.ID); err != nil {
				return fmt.Errorf("%s: %w", a.Source, err)
			}
		}
		if exists && (!w.opt.Replace || w.batchIDs[a.ID]) {
			w.sum.Unchanged++
			w.log.Debug("unchanged", "source", a.Source, "article", a.ID)
			continue
		}
		w.queue = append(w.queue, d)
		w.queued += len(d.Article.Text)
		w.batchIDs[a.ID] = true
		// Replacing retracts articles, which changes what later articles
		// resolve against: one article at a time.
		// A batch also ends at batchText bytes of text: the quads of a
		// few very long articles take as much memory as those of hundreds.
		if len(w.queue) >= min(w.batchSize, w.ramp) || w.queued >= batchText || w.opt.Replace {
			w.ramp = min(2*w.ramp, w.batchSize)
			if err := w.flush(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// flush resolves the queued articles and writes them in one transaction,
// under the store's write lock.
func (w *writer) flush(ctx context.Context) error {
	if len(w.queue) == 0 {
		return nil
	}
	defer func() {
		// The documents go with the batch: cleared, not only cut, so that
		// a long article's is not kept while its quads are written.
		clear(w.queue)
		w.queue, w.queued = w.queue[:0], 0
		clear(w.batchIDs)
	}()
	async := !w.st.Shared() && !w.opt.Replace && concurrent(w.st)
	if !async {
		// Replacing reads and retracts stored articles; shared stores
		// write under a lock: both need the previous write done.
		if err := w.wait(); err != nil {
			return err
		}
	}
	unlock, err := w.st.Lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	stale, err := w.st.Changed(ctx)
	if err != nil {
		return err
	}
	var (
		batch []graph.ArticleQuads
		stats []docStats
		done  = map[string]bool{}
	)
	for _, d := range w.queue {
		a := d.Article
		// Another process may have stored it since it was queued.
		exists := done[a.ID] || w.inflightIDs[a.ID]
		if !exists {
			if exists, err = w.st.HasArticle(ctx, a.ID); err != nil {
				return fmt.Errorf("%s: %w", a.Source, err)
			}
		}
		if exists && (!w.opt.Replace || done[a.ID]) {
			w.sum.Unchanged++
			w.log.Debug("unchanged", "source", a.Source, "article", a.ID, "by", "another process")
			continue
		}
		if stale {
			// Others wrote since this process last did: resolve against
			// everything stored.
			if err := w.reload(ctx); err != nil {
				return err
			}
			stale = false
		}
		if err := w.st.Touch(ctx); err != nil {
			return err
		}
		if w.opt.Replace {
			n, err := retractOld(ctx, w.st, a, exists)
			if err != nil {
				return fmt.Errorf("%s: %w", a.Source, err)
			}
			w.sum.Replaced += n
			if n > 0 {
				// The resolver must forget what the retracted versions said.
				if err := w.reload(ctx); err != nil {
					return err
				}
			}
		}
		as := w.res.Add(d)
		own, shared := graph.Quads(d, as)
		batch = append(batch, graph.ArticleQuads{Own: own, Shared: shared})
		done[a.ID] = true
		ds := docStats{events: len(d.Events), merged: len(as.Merges)}
		if !a.English() {
			ds.language = a.Props[doc.PropLanguage]
			w.log.Info("stored without extraction: not in English", "source", a.Source, "language", ds.language)
		}
		for _, isNew := range as.New {
			if isNew {
				ds.created++
			}
		}
		stats = append(stats, ds)
		w.log.Debug("resolved", "source", a.Source, "article", a.ID, "events", len(d.Events), "merged", len(as.Merges))
	}
	if len(batch) == 0 {
		return nil
	}
	if err := w.wait(); err != nil {
		return err
	}
	write := func() written {
		if err := w.index.Begin(ctx); err != nil {
			return written{err: err}
		}
		n, err := w.st.WriteBatch(ctx, batch)
		if err != nil {
			return written{err: fmt.Errorf("writing %d article(s): %w", len(batch), err)}
		}
		// The batch is stored: its index update is not cut by an
		// interrupt (else the index is stale until a reindex).
		if err := w.index.Update(context.WithoutCancel(ctx), batchEvents(batch)); err != nil {
			return written{err: fmt.Errorf("after writing %d article(s): %w", len(batch), err)}
		}
		return written{quads: n, stats: stats}
	}
	if !async {
		return w.account(write())
	}
	w.inflight = make(chan written, 1)
	w.inflightIDs = done
	go func(ch chan<- written) { ch <- write() }(w.inflight)
	return nil
}

// batchEvents are the events a batch's quads describe or link to.
func batchEvents(batch []graph.ArticleQuads) []quad.Value {
	seen := map[quad.Value]bool{}
	var out []quad.Value
	add := func(v quad.Value) {
		if iri, ok := v.(quad.IRI); ok && strings.HasPrefix(string(iri), "eg:event/") && !seen[iri] {
			seen[iri] = true
			out = append(out, iri)
		}
	}
	for _, b := range batch {
		for _, qs := range [][]quad.Quad{b.Own, b.Shared} {
			for _, q := range qs {
				add(q.Subject)
				add(q.Object)
			}
		}
	}
	return out
}

// wait waits for the write in progress, if any, and accounts for it.
func (w *writer) wait() error {
	if w.inflight == nil {
		return nil
	}
	r := <-w.inflight
	w.inflight, w.inflightIDs = nil, nil
	return w.account(r)
}

// account adds a finished write to the summary.
func (w *writer) account(r written) error {
	if r.err != nil {
		return r.err
	}
	w.sum.Quads += r.quads
	for _, ds := range r.stats {
		w.sum.Ingested++
		w.sum.Events += ds.events
		w.sum.Merged += ds.merged
		w.sum.NewEvents += ds.created
		if ds.language != "" {
			if w.sum.OtherLanguages == nil {
				w.sum.OtherLanguages = map[string]int{}
			}
			w.sum.OtherLanguages[ds.language]++
		}
	}
	return nil
}

// reload replaces the resolver with one loaded from the store.
func (w *writer) reload(ctx context.Context) error {
	res := resolve.New(Rules())
	res.SetHorizon(w.opt.Horizon)
	if err := w.st.LoadResolverBulk(ctx, res); err != nil {
		return fmt.Errorf("reloading known actors and events: %w", err)
	}
	w.res = res
	return nil
}

// retractOld removes the stored versions of a: the same article (when
// re-extracting) and other articles read from the same source.
func retractOld(ctx context.Context, st *graph.Store, a doc.Article, same bool) (int, error) {
	var ids []string
	if same {
		ids = append(ids, a.ID)
	}
	if a.Source != "" && a.Source != "-" {
		arts, err := st.In(ctx, quad.String(a.Source), graph.Source)
		if err != nil {
			return 0, err
		}
		for _, v := range arts {
			if id := strings.TrimPrefix(graph.IDOf(v), "article/"); id != a.ID {
				ids = append(ids, id)
			}
		}
	}
	n := 0
	for _, id := range ids {
		k, err := st.RetractArticle(ctx, id)
		if err != nil {
			return n, err
		}
		if k > 0 {
			n++
		}
	}
	return n, nil
}

// expand turns the inputs into sources: files as given, directories walked
// recursively in name order (hidden entries skipped), "-" as stdin.
func expand(inputs []string, stdin io.Reader, stdinName string, client *fetch.Client, maxBytes int64) ([]source, []Failure) {
	if stdinName == "" {
		stdinName = "-"
	}
	var out []source
	var fails []Failure
	for _, in := range inputs {
		if strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") {
			url := in
			out = append(out, source{name: redactURL(url), articles: func(ctx context.Context) ([]doc.Article, error) {
				return client.Articles(ctx, url)
			}})
			continue
		}
		if in == "-" {
			r := stdin
			if r == nil {
				r = os.Stdin
			}
			out = append(out, source{name: stdinName, read: func() ([]byte, error) {
				data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
				if err == nil && int64(len(data)) > maxBytes {
					return nil, fmt.Errorf("%w (more than %d bytes, ingest.max_bytes)", article.ErrTooLarge, maxBytes)
				}
				return data, err
			}})
			continue
		}
		fi, err := os.Stat(in)
		if err != nil {
			fails = append(fails, Failure{Source: in, Err: err})
			continue
		}
		if !fi.IsDir() {
			out = append(out, fileSource(in, maxBytes))
			continue
		}
		var files []string
		err = filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fails = append(fails, Failure{Source: path, Err: err})
				return nil
			}
			if path != in && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			fails = append(fails, Failure{Source: in, Err: err})
		}
		if len(files) == 0 {
			fails = append(fails, Failure{Source: in, Err: errors.New("directory holds no articles")})
		}
		sort.Strings(files)
		for _, f := range files {
			out = append(out, fileSource(f, maxBytes))
		}
	}
	return out, fails
}

func fileSource(path string, maxBytes int64) source {
	return source{name: path, read: func() ([]byte, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			return nil, err
		}
		if fi.Size() > maxBytes {
			return nil, fmt.Errorf("%w (%d bytes, limit %d: ingest.max_bytes)", article.ErrTooLarge, fi.Size(), maxBytes)
		}
		return io.ReadAll(io.LimitReader(f, maxBytes+1))
	}}
}
