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
// min_salience=0).
type Filter struct {
	Actor string `json:"actor,omitempty"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
	Type  string `json:"type,omitempty"`
	// MinSalience keeps events at least this salient; nil leaves the
	// server's default (timeline.min_salience).
	MinSalience *float64 `json:"min_salience,omitempty"`
}

// TimelineFunc builds the timeline JSON document for a filter
// (schema eventgraph/timeline/v1, see package timeline).
type TimelineFunc func(ctx context.Context, f Filter) (any, error)

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
	mux.HandleFunc("GET /timeline/{file}", serveAsset)
	mux.HandleFunc("GET /api/timeline", timelineAPI(o))
	mux.HandleFunc("POST "+IngestPath, ingestAPI(o))
	mux.HandleFunc("GET /api/health", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"ok": true, "read_only": o.ReadOnly})
	})
	mux.Handle("/", memoryGuard(cayley, o.QueryMaxHeap, 10*time.Millisecond))

	var h http.Handler = mux
	h = limitBody(h, o.MaxBodyBytes)
	h = cors(h, o.CORSOrigins, o.Logger)
	h = hostGuard(h, o.AllowedHosts)
	h = securityHeaders(h)
	h = logRequests(h, o.Logger)
	return h, nil
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

func timelineAPI(o Options) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if o.Timeline == nil {
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
		ctx, cancel := context.WithTimeout(r.Context(), o.QueryTimeout)
		defer cancel()
		tl, err := o.Timeline(ctx, f)
		if err != nil {
			o.Logger.Error("timeline", "filter", f, "err", err)
			code := http.StatusInternalServerError
			if errors.Is(err, context.DeadlineExceeded) {
				code = http.StatusGatewayTimeout
			}
			writeError(w, code, "timeline: "+err.Error())
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		writeJSON(w, http.StatusOK, tl)
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
