package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/pipeline"
	"github.com/eventgraph/eventgraph/serve"
)

// ingestReply is what a server answers for one source sent to it
// (serve.IngestPath): the run's summary.
type ingestReply struct {
	Ingested       int             `json:"ingested"`
	Unchanged      int             `json:"unchanged"`
	Replaced       int             `json:"replaced"`
	Failed         []ingestFailure `json:"failed,omitempty"`
	Events         int             `json:"event_mentions"`
	NewEvents      int             `json:"new_events"`
	Merged         int             `json:"merged"`
	OtherLanguages map[string]int  `json:"other_languages,omitempty"`
	Quads          int             `json:"quads"`
	Error          string          `json:"error,omitempty"`
}

type ingestFailure struct {
	Source string `json:"source"`
	Reason string `json:"reason"`
}

// serveIngest ingests the sources sent to a server that takes writes,
// one at a time (a run holds the resolver), with the server's settings.
func serveIngest(st *graph.Store, set settings, log *slog.Logger) serve.IngestFunc {
	var mu sync.Mutex
	return func(ctx context.Context, req serve.IngestRequest) (any, error) {
		mu.Lock()
		defer mu.Unlock()
		format := set.Ingest.Format
		if req.Format != "" {
			if !strings.Contains(" "+strings.Join(formatNames(), " ")+" ", " "+req.Format+" ") {
				return ingestReply{Error: "format: want " + orList(formatNames())}, errors.New("bad format")
			}
			format = article.Format(req.Format)
		}
		opt := pipeline.Options{
			Workers:     set.Ingest.Workers,
			Batch:       set.Ingest.Batch,
			Format:      format,
			MaxBytes:    set.Ingest.MaxBytes,
			MemoryLimit: set.Ingest.MemoryLimit,
			Replace:     req.Replace,
			Horizon:     set.Resolve.Horizon,
			Log:         log,
			Stdin:       req.Body,
			StdinName:   req.Name,
		}
		if req.Published != "" {
			t, err := time.Parse(time.DateOnly, req.Published)
			if err != nil {
				return nil, err
			}
			opt.Published = &t
		}
		sum, err := pipeline.Run(ctx, st, []string{"-"}, opt)
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, err
		}
		rep := replyOf(sum)
		if err != nil {
			rep.Error = err.Error()
			if len(sum.Failed) == 0 {
				return nil, err // the store failed
			}
			return rep, err
		}
		log.Info("ingested through the server", "source", req.Name, "articles", sum.Ingested, "events", sum.Events)
		return rep, nil
	}
}

func replyOf(s pipeline.Summary) ingestReply {
	r := ingestReply{Ingested: s.Ingested, Unchanged: s.Unchanged, Replaced: s.Replaced, Events: s.Events,
		NewEvents: s.NewEvents, Merged: s.Merged, OtherLanguages: s.OtherLanguages, Quads: s.Quads}
	for _, f := range s.Failed {
		r.Failed = append(r.Failed, ingestFailure{Source: f.Source, Reason: f.Err.Error()})
	}
	return r
}

// ingestThrough sends each source to a running `eventgraph serve
// --read-only=false` at server, which ingests it into its store: the way
// in while the server holds the store. Files and directories (walked as
// ingest walks them) and "-" are read here and sent with their names.
func ingestThrough(ctx context.Context, opts ingestOptions, inputs []string, std streams) error {
	server := opts.Server
	base, err := url.Parse(strings.TrimRight(server, "/"))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return fmt.Errorf("--server %q: want the server's URL, http://HOST:PORT", server)
	}
	var names []string
	var failed []pipeline.Failure
	for _, in := range inputs {
		if strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") {
			return fmt.Errorf("--server sends files, not URLs (%s): fetch the page, then ingest the file through the server", in)
		}
		if in == "-" {
			names = append(names, in)
			continue
		}
		found, err := walkSources(in)
		if err != nil {
			failed = append(failed, pipeline.Failure{Source: in, Err: err})
		}
		names = append(names, found...)
	}
	format := opts.Format
	var published string
	if opts.Published != nil {
		published = opts.Published.Format(time.DateOnly)
	}
	start := time.Now()
	total := pipeline.Summary{Sources: len(names), Failed: failed}
	client := &http.Client{}
	for _, name := range names {
		if ctx.Err() != nil {
			printSummary(std.Err, total)
			fmt.Fprintf(std.Err, "eventgraph: %v\n", pipeline.ErrInterrupted)
			return exitError{code: interruptedStatus}
		}
		body, err := readSource(std.In, name, opts.Settings.Ingest.MaxBytes)
		if err != nil {
			total.Failed = append(total.Failed, pipeline.Failure{Source: name, Err: err})
			continue
		}
		q := url.Values{"name": {name}}
		if format != "" {
			q.Set("format", format)
		}
		if opts.Replace {
			q.Set("replace", "true")
		}
		if published != "" {
			q.Set("published", published)
		}
		u := *base
		u.Path += serve.IngestPath
		u.RawQuery = q.Encode()
		rep, err := postSource(ctx, client, u.String(), body)
		if err != nil {
			return fmt.Errorf("ingest through %s: %s: %w", server, name, err)
		}
		total.Ingested += rep.Ingested
		total.Unchanged += rep.Unchanged
		total.Replaced += rep.Replaced
		total.Events += rep.Events
		total.NewEvents += rep.NewEvents
		total.Merged += rep.Merged
		total.Quads += rep.Quads
		for _, fl := range rep.Failed {
			total.Failed = append(total.Failed, pipeline.Failure{Source: fl.Source, Err: errors.New(fl.Reason)})
		}
		for l, n := range rep.OtherLanguages {
			if total.OtherLanguages == nil {
				total.OtherLanguages = map[string]int{}
			}
			total.OtherLanguages[l] += n
		}
	}
	total.Elapsed = time.Since(start)
	printSummary(std.Err, total)
	if total.Ingested+total.Unchanged+total.Replaced == 0 && len(total.Failed) > 0 {
		return exitError{code: 1}
	}
	return nil
}

// postSource sends one source and reads the server's reply.
func postSource(ctx context.Context, client *http.Client, u string, body []byte) (ingestReply, error) {
	var rep ingestReply
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return rep, err
	}
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := client.Do(req)
	if err != nil {
		return rep, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return rep, err
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		return rep, fmt.Errorf("%s: %s", resp.Status, strings.TrimSpace(string(data)))
	}
	switch resp.StatusCode {
	case http.StatusOK, http.StatusUnprocessableEntity:
		return rep, nil
	}
	return rep, fmt.Errorf("%s: %s", resp.Status, rep.Error)
}

// readSource reads a file, or stdin for "-", up to max bytes
// (ingest.max_bytes).
func readSource(stdin io.Reader, name string, max int64) ([]byte, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err == nil && int64(len(data)) > max {
		return nil, fmt.Errorf("%w (more than %d bytes, ingest.max_bytes)", article.ErrTooLarge, max)
	}
	return data, err
}

// walkSources lists a file, or a directory's files in name order with
// hidden entries skipped, as ingest reads them.
func walkSources(in string) ([]string, error) {
	fi, err := os.Stat(in)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []string{in}, nil
	}
	var out []string
	err = filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != in && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			out = append(out, path)
		}
		return nil
	})
	if err == nil && len(out) == 0 {
		err = errors.New("directory holds no articles")
	}
	return out, err
}
