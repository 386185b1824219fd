package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/cayleyui"
	"github.com/eventgraph/eventgraph/serve"
	"github.com/eventgraph/eventgraph/timeline"
)

// newServeCmd is `eventgraph serve`: cayley's query UI and HTTP APIs over the
// project's store, with the timeline page at /timeline.
//
// Configuration (flags win over config):
//
//	serve.host          --host       listen address (127.0.0.1:64210)
//	serve.read_only     --read-only  refuse writes (true)
//	serve.cors_origins               foreign origins allowed to call the APIs
//	serve.max_body_bytes             request body limit (8 MiB)
//	query.timeout                    per-query time limit (30s)
//	query.limit                      default and maximal query results (100)
//	store.backend, store.address (or --dbpath), store.options
func newServeCmd(a *app, runF runner[serveOptions]) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve cayley's query UI and HTTP APIs over the store, with a timeline page",
		Long: `Serve cayley's web UI (query, query shape, visualize, write, docs) and its
HTTP APIs (/api/v1, /api/v2) over the eventgraph store, with eventgraph's
timeline page at /timeline and its JSON at /api/timeline.

By default the server listens on loopback only, is read-only, refuses
cross-origin requests (allow origins with serve.cors_origins) and bounds
queries by query.timeout and query.limit. The UI is embedded in the binary
and needs no network.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts := serveOptions{Store: a.set.store(a.set.Serve.ReadOnly), Settings: a.set, Log: a.log}
			return start(cmd, opts, runServe, runF)
		},
	}
	cmd.Flags().String("host", serve.DefaultAddr, "host:port to listen on (config serve.host)")
	cmd.Flags().Bool("read-only", true, "refuse writes through the APIs (config serve.read_only); --read-only=false to allow them")
	return cmd
}

// serveOptions are what `eventgraph serve` runs with: the store, and the
// settings it serves by (serve.*, query.*, timeline.min_salience, and
// ingest.* for the files sent to a server that takes writes).
type serveOptions struct {
	Store    graph.Config
	Settings settings
	Log      *slog.Logger
}

// runServe serves until ctx is cancelled (main cancels it on SIGINT and
// SIGTERM: the server then shuts down gracefully, and a second signal
// ends it at once).
func runServe(ctx context.Context, opts serveOptions, std streams) error {
	set := opts.Settings
	log := opts.Log
	host, readOnly := set.Serve.Host, set.Serve.ReadOnly
	timeout, limit := set.Query.Timeout, set.Query.Limit
	// A read-only server needs a store to read; one that takes writes
	// may start on an empty store.
	sc := opts.Store
	if readOnly {
		if err := storeExists(sc); err != nil {
			return fmt.Errorf("serve: %w", err)
		}
	}
	if _, err := cayleyui.Assets(); err != nil {
		return fmt.Errorf("serve: %w", err)
	}

	st, err := graph.Open(ctx, shared(sc))
	if err = lockMessage(sc, err); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer func() {
		if err := st.Close(); err != nil {
			log.Error("closing store", "err", err)
		}
	}()

	// With a fresh timeline index, pages are read from it: the default
	// timeline is built only when a request needs it.
	ix, err := timeline.OpenIndex(ctx, st)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	indexed := ix != nil
	if indexed {
		log.Info("timeline pages read from the store's timeline index")
	} else {
		log.Info("no fresh timeline index: the timeline is built from the whole store ('eventgraph reindex' writes the index)")
	}

	var allowed []string
	if serve.IsLoopback(host) {
		allowed = serve.LoopbackHosts
	} else {
		log.Warn("serving beyond loopback: anyone who can reach this address can query the store", "host", host, "read_only", readOnly)
	}
	h, err := serve.New(serve.Options{
		Handle:           &cgraph.Handle{QuadStore: st.QuadStore, QuadWriter: st.QuadWriter},
		ReadOnly:         readOnly,
		QueryTimeout:     timeout,
		QueryLimit:       limit,
		CORSOrigins:      set.Serve.CORSOrigins,
		AllowedHosts:     allowed,
		MaxBodyBytes:     set.Serve.MaxBodyBytes,
		QueryMaxHeap:     uint64(set.Query.MaxHeapBytes),
		WarmTimeline:     !indexed,
		TimelineCacheTTL: timelineCacheTTL(st.Shared()),
		Timeline: func(ctx context.Context, f serve.Filter) (*timeline.Timeline, error) {
			return timeline.BuildFrom(ctx, st, timelineFilter(f, set.Timeline.MinSalience))
		},
		TimelinePage: func(ctx context.Context, f serve.Filter, after string, limit int) (*timeline.Page, error) {
			ix, err := timeline.OpenIndex(ctx, st)
			if ix == nil {
				return nil, err
			}
			return ix.Page(ctx, st, timelineFilter(f, set.Timeline.MinSalience), after, limit)
		},
		Ingest: serveIngest(st, set, log),
		Logger: log,
	})
	if err != nil {
		return err
	}
	return serve.ListenAndServe(ctx, host, h, log, func(a net.Addr) {
		url := "http://" + serveBrowsable(a.String())
		log.Info("eventgraph serve listening", "addr", a.String(), "read_only", readOnly,
			"query_timeout", timeout.String(), "query_limit", limit)
		fmt.Fprintf(std.Out, "eventgraph: cayley UI at %s/ , timeline at %s/timeline\n", url, url)
	})
}

// timelineFilter is the timeline filter of a server's, with the
// configured salience floor when it gives none.
func timelineFilter(f serve.Filter, min float64) timeline.Filter {
	if f.MinSalience != nil {
		min = *f.MinSalience
	}
	return timeline.Filter{Actor: f.Actor, From: f.From, To: f.To, Type: f.Type, MinSalience: min}
}

// timelineCacheTTL is how long the server's built timelines answer: until
// the server writes, on a store no other process writes to while it runs
// (an embedded store); a minute on a shared one (PostgreSQL, CockroachDB),
// which other processes change under it.
func timelineCacheTTL(shared bool) time.Duration {
	if shared {
		return serve.DefaultTimelineCacheTTL
	}
	return serve.TimelineCacheForever
}

// serveBrowsable turns a listen address into one a browser can open.
func serveBrowsable(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
