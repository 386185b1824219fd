package cayleyui

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/julienschmidt/httprouter"

	"github.com/eventgraph/eventgraph/internal/querylimit"
)

// Every query endpoint (v1 and v2 query, v1 shape; Gizmo, GraphQL, MQL)
// runs its query through run or shape below, so that all of them are
// checked by querylimit before a parser sees them, bounded by the timeout
// (compilation included), limited to cfg.Limit results, and answer with
// the same status codes (see status).

// stopWait is how long a stopped Gizmo query is given to leave its
// JavaScript VM, so that the memory it holds can be freed when the
// request ends.
const stopWait = 2 * time.Second

// errUnbounded refuses a Gizmo shape that could not be bounded in time.
var errUnbounded = errors.New("cannot bound this Gizmo session in time (cayley's gizmo.Session changed): shapes are disabled")

// run executes q in language l with at most limit results. Compilation
// runs aside, so that a query that takes long to compile still ends when
// ctx does.
func (u *UI) run(ctx context.Context, l *query.Language, qs graph.QuadStore, q string, opt query.Options) ([]any, error) {
	if err := querylimit.Check(l.Name, q); err != nil {
		return nil, err
	}
	if l.Name == "graphql" {
		var err error
		if q, err = querylimit.Limit(q, opt.Limit); err != nil {
			return nil, err
		}
	}
	if l.Session == nil {
		return nil, errors.New("this query language cannot be run over HTTP")
	}
	ses := l.Session(qs)
	if l.Name == "gizmo" {
		defer interruptOnCancel(ctx, ses)()
	}
	it, err := compile(ctx, ses, q, opt)
	if err != nil {
		return nil, err
	}
	defer func() {
		it.Close()
		if l.Name == "gizmo" {
			interrupt, _ := gizmoInterrupt(ses)
			drain(it, interrupt)
		}
	}()
	var out []any
	for (opt.Limit <= 0 || len(out) < opt.Limit) && it.Next(ctx) {
		out = append(out, it.Result())
	}
	if err := it.Err(); err != nil {
		return out, err
	}
	return out, ctx.Err()
}

// compile starts q in its own goroutine: cayley's Execute parses and
// compiles the query and cannot be interrupted. When ctx ends first, the
// iterator is closed as soon as the compilation is over (querylimit bounds
// how long that may be).
func compile(ctx context.Context, ses query.Session, q string, opt query.Options) (query.Iterator, error) {
	type started struct {
		it  query.Iterator
		err error
	}
	ch := make(chan started, 1)
	go func() {
		var s started
		defer func() { ch <- s }()
		defer recoverAs(&s.err)
		s.it, s.err = ses.Execute(ctx, q, opt)
	}()
	select {
	case s := <-ch:
		return s.it, s.err
	case <-ctx.Done():
		go func() {
			if s := <-ch; s.it != nil {
				s.it.Close()
			}
		}()
		return nil, ctx.Err()
	}
}

// recoverAs turns a panic of cayley's query code, which runs here outside
// the request's goroutine where net/http would have caught it, into an
// error.
func recoverAs(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("query failed: %v", r)
	}
}

// errStopped interrupts a Gizmo script whose query has ended.
var errStopped = errors.New("query stopped")

// drain waits until a closed Gizmo iterator's VM has stopped (its Next
// returns false once the script's goroutine has ended), interrupting the
// VM again and again meanwhile when interrupt is set (interruptUntil).
func drain(it query.Iterator, interrupt func(error)) {
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		ctx, cancel := context.WithTimeout(context.Background(), stopWait)
		defer cancel()
		for it.Next(ctx) {
		}
	}()
	if interrupt == nil {
		<-ended
		return
	}
	interruptUntil(interrupt, errStopped, ended, stopWait)
	<-ended
}

// shape returns the shape of q's query plan.
func (u *UI) shape(ctx context.Context, l *query.Language, qs graph.QuadStore, q string) (any, error) {
	if err := querylimit.Check(l.Name, q); err != nil {
		return nil, err
	}
	ses := l.HTTP(qs)
	var interrupt func(error)
	if l.Name == "gizmo" {
		var ok bool
		if interrupt, ok = bindGizmo(ses, ctx); !ok {
			return nil, errUnbounded
		}
		defer interruptOnCancel(ctx, ses)()
	}
	type shaped struct {
		v   any
		err error
	}
	ch := make(chan shaped, 1)
	go func() {
		var s shaped
		defer func() { ch <- s }()
		defer recoverAs(&s.err)
		s.v, s.err = ses.ShapeOf(q)
	}()
	select {
	case s := <-ch:
		return s.v, s.err
	case <-ctx.Done():
		if interrupt != nil {
			ended := make(chan struct{})
			go func() { <-ch; close(ended) }()
			interruptUntil(interrupt, context.Cause(ctx), ended, stopWait)
		}
		return nil, ctx.Err()
	}
}

// queryFailure is a query refused or stopped: its status code and message.
func (u *UI) queryFailure(ctx context.Context, err error) (int, string) {
	var big *querylimit.Error
	switch cause := context.Cause(ctx); {
	case errors.As(err, &big) && errors.Is(err, querylimit.ErrTooLarge):
		return http.StatusRequestEntityTooLarge, err.Error()
	case errors.As(err, &big):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, querylimit.ErrNoLimit):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, errUnbounded):
		return http.StatusNotImplemented, err.Error()
	case ctx.Err() == nil:
		return http.StatusBadRequest, err.Error()
	case errors.Is(cause, context.DeadlineExceeded):
		return http.StatusGatewayTimeout, fmt.Sprintf("query timed out after %s (query.timeout)", u.cfg.Timeout)
	case cause != nil && !errors.Is(cause, context.Canceled):
		return http.StatusServiceUnavailable, cause.Error()
	default:
		return http.StatusServiceUnavailable, "query cancelled"
	}
}

// queryReply writes a query's results as cayley does: {"result": [...]},
// or {"data": {...}} for GraphQL; errors as {"error": "..."} (GraphQL:
// {"errors": [{"message": "..."}]}).
func queryReply(w http.ResponseWriter, lang, contentType string, code int, out []any, msg string) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	switch {
	case lang == "graphql" && code != http.StatusOK:
		_ = enc.Encode(map[string]any{"errors": []map[string]string{{"message": msg}}})
	case code != http.StatusOK:
		_ = enc.Encode(map[string]string{"error": msg})
	case lang == "graphql":
		var data any
		if len(out) > 0 {
			data = out[0]
		}
		_ = enc.Encode(map[string]any{"data": data})
	default:
		_ = enc.Encode(map[string]any{"result": out})
	}
}

// serveV1Query answers POST /api/v1/query/:lang like cayley does. The reply
// has no JSON content type on purpose: cayley's UI parses the text itself.
func (u *UI) serveV1Query(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
	const ct = "text/plain; charset=utf-8"
	ctx, cancel := u.queryContext(r)
	defer cancel()
	lang := p.ByName("query_lang")
	l := query.GetLanguage(lang)
	if l == nil {
		jsonError(w, http.StatusBadRequest, "Unknown query language.")
		return
	}
	h, err := u.handleFor(r)
	if err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	out, err := u.run(ctx, l, h.QuadStore, string(body), query.Options{Collation: query.JSON, Limit: u.limit(r)})
	if err != nil {
		code, msg := u.queryFailure(ctx, err)
		queryReply(w, l.Name, ct, code, nil, msg)
		return
	}
	queryReply(w, l.Name, ct, http.StatusOK, out, "")
}

// serveV2Query answers GET and POST /api/v2/query?lang=...[&qu=...] like
// cayley's APIv2 does (JSON, or JSON-LD when the Accept header asks for
// it), through run.
func (u *UI) serveV2Query(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	ctx, cancel := u.queryContext(r)
	defer cancel()
	vals := r.URL.Query()
	l := query.GetLanguage(vals.Get("lang"))
	if vals.Get("lang") == "" || l == nil {
		jsonError(w, http.StatusBadRequest, "unknown or missing query language (lang=gizmo, graphql or mql)")
		return
	}
	h, err := u.handleFor(r)
	if err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	q := vals.Get("qu")
	if r.Method == http.MethodPost {
		body, ok := readBody(w, r)
		if !ok {
			return
		}
		q = string(body)
	}
	if q == "" {
		jsonError(w, http.StatusBadRequest, "query is empty")
		return
	}
	opt := query.Options{Collation: query.JSON, Limit: u.limit(r)}
	ct := "application/json"
	if specs := cayleyhttp.ParseAccept(r.Header, "Accept"); len(specs) != 0 && specs[0].Value == "application/ld+json" {
		opt.Collation, ct = query.JSONLD, "application/ld+json"
	}
	out, err := u.run(ctx, l, h.QuadStore, q, opt)
	if err != nil {
		code, msg := u.queryFailure(ctx, err)
		queryReply(w, l.Name, "application/json", code, nil, msg)
		return
	}
	queryReply(w, l.Name, ct, http.StatusOK, out, "")
}

// serveV1Shape answers POST /api/v1/shape/:lang: the query plan, not its
// results.
func (u *UI) serveV1Shape(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
	ctx, cancel := u.queryContext(r)
	defer cancel()
	l := query.GetLanguage(p.ByName("query_lang"))
	if l == nil {
		jsonError(w, http.StatusBadRequest, "Unknown query language.")
		return
	}
	if l.HTTP == nil {
		jsonError(w, http.StatusBadRequest, "HTTP interface is not supported for this query language.")
		return
	}
	h, err := u.handleFor(r)
	if err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	shape, err := u.shape(ctx, l, h.QuadStore, string(body))
	switch {
	case err == query.ErrParseMore:
		jsonError(w, http.StatusBadRequest, "Incomplete data?")
		return
	case err != nil:
		code, msg := u.queryFailure(ctx, err)
		jsonError(w, code, msg)
		return
	}
	b, err := json.Marshal(shape)
	if err != nil {
		jsonError(w, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(b)
}
