// Package serve is eventgraph's web server: cayley's query UI and HTTP APIs
// (internal/cayleyui) over the project's store, plus eventgraph's own pages
// (the timeline at /timeline and its JSON at /api/timeline).
//
// Defaults are safe for a laptop: read-only, loopback Host names only when
// bound to loopback, cross-origin requests refused unless the Origin is
// listed, request bodies bounded, queries bounded in time and size.
package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/graph"

	"github.com/eventgraph/eventgraph/internal/cayleyui"
	"github.com/eventgraph/eventgraph/timeline"
)

// Defaults for Options fields left zero.
const (
	DefaultAddr         = "127.0.0.1:64210"
	DefaultQueryTimeout = 30 * time.Second
	DefaultQueryLimit   = 100
	DefaultMaxBodyBytes = 8 << 20
)

// Filter selects timeline events; the fields are the /api/timeline query
// parameters (actor, from, to, type, min_salience; all=1 is
// min_salience=0). The API answers a page of the result: limit (1 to
// MaxTimelinePage, DefaultTimelinePage when left out) events from cursor
// (see timeline_page.go).
type Filter struct {
	Actor string `json:"actor,omitempty"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
	Type  string `json:"type,omitempty"`
	// MinSalience keeps events at least this salient; nil leaves the
	// server's default (timeline.min_salience).
	MinSalience *float64 `json:"min_salience,omitempty"`
}

// TimelineFunc builds the whole timeline of a filter (schema
// eventgraph/timeline/v1, see package timeline); /api/timeline answers
// pages of it.
type TimelineFunc func(ctx context.Context, f Filter) (*timeline.Timeline, error)

// TimelinePageFunc reads the page of f's timeline that follows the event
// after ("" from the start) and holds up to limit events.
type TimelinePageFunc func(ctx context.Context, f Filter, after string, limit int) (*timeline.Page, error)

// Options configure the server.
type Options struct {
	// Handle is the store to serve; required.
	Handle *graph.Handle
	// ReadOnly refuses writes through cayley's APIs.
	ReadOnly bool
	// QueryTimeout bounds every query (cayley's and the timeline's).
	QueryTimeout time.Duration
	// QueryLimit is the default and maximal number of query results.
	QueryLimit int
	// CORSOrigins are the foreign origins (scheme://host[:port]) allowed to
	// call the server from a browser; "*" allows any. Same-origin requests
	// are always allowed.
	CORSOrigins []string
	// AllowedHosts, when not empty, are the only Host header names
	// (without port) accepted: a guard against DNS rebinding. See
	// LoopbackHosts.
	AllowedHosts []string
	// MaxBodyBytes bounds request bodies.
	MaxBodyBytes int64
	// QueryMaxHeap stops a query that grows the heap by more than this
	// many bytes; DefaultQueryMaxHeap when zero.
	QueryMaxHeap uint64
	// Timeline answers /api/timeline; nil answers 501.
	Timeline TimelineFunc
	// TimelinePage, when set, answers a page of a filter without an actor
	// from an index kept with the store, without building the timeline;
	// it returns nil when it cannot (no index, or one older than the
	// store), and Timeline answers.
	TimelinePage TimelinePageFunc
	// TimelineCacheTTL is how long a built timeline answers the pages of
	// its filter before it is built again (it answers while the new build
	// runs); DefaultTimelineCacheTTL when zero. Writes through the server
	// drop every built timeline at once.
	TimelineCacheTTL time.Duration
	// TimelineBuildTimeout bounds the build of a filter's timeline (not
	// the default timeline's, which every first screen needs);
	// DefaultTimelineBuildTimeout when zero. A request waits for it at
	// most QueryTimeout, then answers 503 with Retry-After while the
	// build goes on.
	TimelineBuildTimeout time.Duration
	// WarmTimeline builds the default timeline (no filter) in the
	// background as the server starts, so that the page's first screen
	// answers from the cache.
	WarmTimeline bool
	// Ingest answers POST /api/ingest when the server takes writes; nil
	// answers 501.
	Ingest IngestFunc
	// Logger receives the server's logs; slog.Default() when nil.
	Logger *slog.Logger
}

func (o *Options) defaults() {
	if o.QueryTimeout <= 0 {
		o.QueryTimeout = DefaultQueryTimeout
	}
	if o.QueryLimit <= 0 {
		o.QueryLimit = DefaultQueryLimit
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.QueryMaxHeap == 0 {
		o.QueryMaxHeap = DefaultQueryMaxHeap
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.TimelineCacheTTL <= 0 {
		o.TimelineCacheTTL = DefaultTimelineCacheTTL
	}
	if o.TimelineBuildTimeout <= 0 {
		o.TimelineBuildTimeout = DefaultTimelineBuildTimeout
	}
}

// New returns the server's handler. When the cayley UI was not generated
// before the build, the UI and cayley's APIs answer 503 with the command to
// run (and an error is logged); the timeline still works.
func New(o Options) (http.Handler, error) {
	o.defaults()
	if o.Handle == nil || o.Handle.QuadStore == nil {
		return nil, errors.New("serve: no store handle")
	}
	var cayley http.Handler
	ui, err := cayleyui.New(o.Handle, cayleyui.Config{
		ReadOnly: o.ReadOnly,
		Timeout:  o.QueryTimeout,
		Limit:    o.QueryLimit,
		Links:    []cayleyui.Link{{ID: "sbTimeline", Href: "/timeline", Text: "Timeline"}},
		Logger:   o.Logger,
	})
	switch {
	case errors.Is(err, cayleyui.ErrNoAssets):
		o.Logger.Error("cayley UI unavailable", "err", err)
		cayley = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
		})
	case err != nil:
		return nil, fmt.Errorf("serve: cayley UI: %w", err)
	default:
		cayley = ui
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /timeline", servePage("timeline.html"))
	mux.HandleFunc("GET /timeline/{file}", serveAsset("web"))
	mux.HandleFunc("GET /timeline/vendor/{file}", serveAsset("web/vendor"))
	var cache *timelineCache
	if o.Timeline != nil {
		cache = newTimelineCache(o.Timeline, o.TimelineCacheTTL, o.TimelineBuildTimeout, o.Logger)
		if o.WarmTimeline {
			go func() {
				start := time.Now()
				tl, err := cache.get(context.Background(), Filter{})
				if err != nil {
					o.Logger.Warn("building the default timeline", "err", err)
					return
				}
				o.Logger.Info("default timeline built", "events", len(tl.Events), "took", time.Since(start).Round(time.Millisecond).String())
			}()
		}
	}
	mux.HandleFunc("GET /api/timeline", timelineAPI(o, cache))
	mux.HandleFunc("POST "+IngestPath, ingestAPI(o, cache))
	mux.HandleFunc("GET /api/health", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"ok": true, "read_only": o.ReadOnly})
	})
	mux.Handle("/", invalidateOnWrite(memoryGuard(cayley, o.QueryMaxHeap, guardEvery), cache))

	var h http.Handler = mux
	h = limitBody(h, o.MaxBodyBytes)
	h = cors(h, o.CORSOrigins, o.Logger)
	h = hostGuard(h, o.AllowedHosts)
	h = securityHeaders(h)
	h = logRequests(h, o.Logger)
	return h, nil
}

// invalidateOnWrite drops the built timelines after a write or delete
// through cayley's APIs (/api/v1/write, /api/v2/delete...).
func invalidateOnWrite(next http.Handler, cache *timelineCache) http.Handler {
	if cache == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		if r.Method == http.MethodPost && (strings.Contains(r.URL.Path, "/write") || strings.Contains(r.URL.Path, "/delete")) {
			cache.invalidate()
		}
	})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

func timelineAPI(o Options, cache *timelineCache) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if cache == nil {
			writeError(w, http.StatusNotImplemented, "timeline is not available in this build")
			return
		}
		q := r.URL.Query()
		f := Filter{
			Actor: strings.TrimSpace(q.Get("actor")),
			From:  strings.TrimSpace(q.Get("from")),
			To:    strings.TrimSpace(q.Get("to")),
			Type:  strings.TrimSpace(q.Get("type")),
		}
		for _, d := range []string{f.From, f.To} {
			if d != "" && !validDate(d) {
				writeError(w, http.StatusBadRequest, fmt.Sprintf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", d))
				return
			}
		}
		min, err := minSalience(q.Get("min_salience"), q.Get("all"))
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		f.MinSalience = min
		limit, err := parseLimit(q.Get("limit"))
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		cur, err := parseCursor(q.Get("cursor"))
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), o.QueryTimeout)
		defer cancel()
		if f.Actor == "" && o.TimelinePage != nil {
			ip, err := o.TimelinePage(ctx, f, cur.After, limit)
			if err != nil {
				o.Logger.Error("timeline page", "filter", f, "err", err)
				writeError(w, http.StatusInternalServerError, "timeline: "+err.Error())
				return
			}
			if ip != nil {
				p := indexPage(ip, cur, limit)
				w.Header().Set("Cache-Control", "no-store")
				p.setHeaders(w.Header(), r.URL)
				writeJSON(w, http.StatusOK, p.Doc)
				return
			}
		}
		tl, err := cache.get(ctx, f)
		var building *stillBuilding
		if errors.As(err, &building) && r.Context().Err() == nil {
			// The page asks again after Retry-After seconds.
			w.Header().Set("Retry-After", "5")
			writeError(w, http.StatusServiceUnavailable, err.Error())
			return
		}
		if err != nil {
			o.Logger.Error("timeline", "filter", f, "err", err)
			code := http.StatusInternalServerError
			if errors.Is(err, context.DeadlineExceeded) {
				code = http.StatusGatewayTimeout
			}
			writeError(w, code, "timeline: "+err.Error())
			return
		}
		p := paginate(tl, cur, limit)
		w.Header().Set("Cache-Control", "no-store")
		p.setHeaders(w.Header(), r.URL)
		writeJSON(w, http.StatusOK, p.Doc)
	}
}

// minSalience reads the min_salience and all parameters: nil when neither
// is given.
func minSalience(v, all string) (*float64, error) {
	switch all {
	case "1", "true":
		zero := 0.0
		return &zero, nil
	case "", "0", "false":
	default:
		return nil, fmt.Errorf("bad all=%q: want 1 or 0", all)
	}
	if v == "" {
		return nil, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || f > 1 {
		return nil, fmt.Errorf("bad min_salience %q: want a number from 0 to 1", v)
	}
	return &f, nil
}

// validDate accepts YYYY, YYYY-MM and YYYY-MM-DD.
func validDate(s string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// LoopbackHosts are the Host names accepted by a server bound to loopback.
var LoopbackHosts = []string{"localhost", "127.0.0.1", "::1"}

// IsLoopback tells whether a listen address (host:port) is on loopback.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ListenAndServe serves h on addr until ctx is done, then shuts down
// gracefully. ready, when not nil, receives the bound address (useful with
// port 0).
func ListenAndServe(ctx context.Context, addr string, h http.Handler, log *slog.Logger, ready func(net.Addr)) error {
	if log == nil {
		log = slog.Default()
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve on %s: %w", addr, err)
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
