// Package cayleyui serves cayley's web UI (query, query shape, visualize,
// write and docs pages) and its HTTP APIs (v1 and v2) from files embedded in
// the binary.
//
// cayley v0.7.7 wires its UI in the internal package
// github.com/cayleygraph/cayley/internal/http, which loads templates and
// static files through packr from cayley's source folder at run time and
// registers itself on http.DefaultServeMux. That package cannot be imported
// from this module, breaks in -trimpath binaries and leaves no room for
// CORS or size limits, so this package rebuilds the same routes on top of the
// public pieces (server/http's APIv2, the query languages) and the embedded
// copy of the UI files (see gen/ and assets.README.md). The v1 handlers follow
// cayley's internal/http (Apache-2.0, Copyright 2014 The Cayley Authors).
package cayleyui

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/graph"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/julienschmidt/httprouter"
	"github.com/russross/blackfriday"
)

// Link is an extra entry for the UI's sidebar.
type Link struct {
	ID, Href, Text string
}

// Config tunes the UI and the APIs.
type Config struct {
	// ReadOnly refuses every write and delete.
	ReadOnly bool
	// Timeout bounds each query; zero means none.
	Timeout time.Duration
	// Limit is the default and maximal number of results of a query.
	Limit int
	// Batch is the write batch size of the v2 write API.
	Batch int
	// Links are added to the sidebar below cayley's own pages.
	Links []Link
	// Logger receives request errors; slog.Default() when nil.
	Logger *slog.Logger
}

// DefaultLimit is used when Config.Limit is not positive.
const DefaultLimit = 100

// ExtraPrefix is where this package serves its own scripts.
const ExtraPrefix = "/ui-extra/"

// UI is an http.Handler for cayley's pages and APIs.
type UI struct {
	h      *graph.Handle
	cfg    Config
	log    *slog.Logger
	router *httprouter.Router
	assets fs.FS
	static fs.FS
	tmpl   *template.Template
	docs   map[string]string // lower-case page name -> file in docs/
}

// New builds the handler over h. It fails with ErrNoAssets when the UI
// files were not generated before the build.
func New(h *graph.Handle, cfg Config) (*UI, error) {
	if h == nil || h.QuadStore == nil {
		return nil, errors.New("cayleyui: no quad store")
	}
	if cfg.Limit <= 0 {
		cfg.Limit = DefaultLimit
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	assets, err := Assets()
	if err != nil {
		return nil, err
	}
	u := &UI{h: h, cfg: cfg, log: cfg.Logger, assets: assets}
	if u.static, err = fs.Sub(assets, "static"); err != nil {
		return nil, fmt.Errorf("cayleyui: static: %w", err)
	}
	if err := u.parseTemplates(); err != nil {
		return nil, err
	}
	if err := u.indexDocs(); err != nil {
		return nil, err
	}
	u.routes()
	return u, nil
}

func (u *UI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	u.router.ServeHTTP(w, r)
}

// Handle is the cayley handle the APIs work on.
func (u *UI) Handle() *graph.Handle { return u.h }

func (u *UI) routes() {
	r := httprouter.New()
	r.RedirectTrailingSlash = false
	r.HandleMethodNotAllowed = true

	r.POST("/api/v1/query/:query_lang", u.serveV1Query)
	r.POST("/api/v1/shape/:query_lang", u.serveV1Shape)
	r.POST("/api/v1/write", u.rw(u.serveV1Write))
	r.POST("/api/v1/write/file/nquad", u.rw(u.serveV1WriteNQuad))
	r.POST("/api/v1/delete", u.rw(u.serveV1Delete))

	api2 := cayleyhttp.NewAPIv2(u.h)
	api2.SetReadOnly(u.cfg.ReadOnly)
	api2.SetBatchSize(u.cfg.Batch)
	// cayley's data routes; queries go through serveV2Query (query.go).
	api2.RegisterDataOn(r)
	r.GET("/api/v2/query", u.serveV2Query)
	r.POST("/api/v2/query", u.serveV2Query)
	if u.cfg.ReadOnly {
		// APIv2 leaves the write routes out when read-only; say why.
		for _, p := range []string{"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete"} {
			r.POST(p, u.rw(nil))
		}
	}

	r.GET("/", u.serveUI)
	r.GET("/ui/:ui_type", u.serveUI)
	r.GET("/docs/:docpage", u.serveDoc)
	r.GET("/static/*filepath", u.serveStatic)
	r.GET(ExtraPrefix+"*filepath", u.serveExtra)
	u.router = r
}

// ---- pages ----

var sidebarWrite = `<li id="sbWrite"><a href="/ui/write">Write</a></li>`

func (u *UI) parseTemplates() error {
	entries, err := fs.ReadDir(u.assets, "templates")
	if err != nil {
		return fmt.Errorf("cayleyui: templates: %w", err)
	}
	t := template.New("cayley")
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := fs.ReadFile(u.assets, "templates/"+e.Name())
		if err != nil {
			return fmt.Errorf("cayleyui: template %s: %w", e.Name(), err)
		}
		src := string(b)
		switch e.Name() {
		case "sidebar.tmpl":
			src = strings.Replace(src, sidebarWrite, sidebarWrite+u.linksHTML(), 1)
		case "head.tmpl":
			// The prefill script fills the editor from ?q= (see web/prefill.js).
			src = strings.Replace(src, `{{define "foot"}}`,
				`{{define "foot"}}`+"\n"+`    <script src="`+ExtraPrefix+`prefill.js"></script>`, 1)
		}
		if _, err := t.New(e.Name()).Parse(src); err != nil {
			return fmt.Errorf("cayleyui: template %s: %w", e.Name(), err)
		}
	}
	u.tmpl = t
	return nil
}

func (u *UI) linksHTML() string {
	var b strings.Builder
	for _, l := range u.cfg.Links {
		fmt.Fprintf(&b, "\n    <li id=\"%s\"><a href=\"%s\">%s</a></li>",
			template.HTMLEscapeString(l.ID), template.HTMLEscapeString(l.Href), template.HTMLEscapeString(l.Text))
	}
	return b.String()
}

func (u *UI) serveUI(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
	page := p.ByName("ui_type")
	if r.URL.Path == "/" {
		page = "query"
	}
	t := u.tmpl.Lookup(page + ".html")
	if t == nil || strings.ContainsAny(page, "./") {
		http.NotFound(w, r)
		return
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, nil); err != nil {
		u.log.Error("render cayley UI page", "page", page, "err", err)
		http.Error(w, "cannot render page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(buf.Bytes())
}

func (u *UI) serveStatic(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
	serveFile(w, r, u.static, p.ByName("filepath"))
}

func (u *UI) serveExtra(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
	sub, _ := fs.Sub(extra, "web")
	serveFile(w, r, sub, p.ByName("filepath"))
}

// serveFile serves one regular file of fsys; folders are never listed.
func serveFile(w http.ResponseWriter, r *http.Request, fsys fs.FS, name string) {
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	if name == "" || !fs.ValidPath(name) {
		http.NotFound(w, r)
		return
	}
	st, err := fs.Stat(fsys, name)
	if err != nil || !st.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeFileFS(w, r, fsys, name)
}

func (u *UI) indexDocs() error {
	u.docs = make(map[string]string)
	return fs.WalkDir(u.assets, "docs", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel := strings.TrimPrefix(p, "docs/")
			u.docs[strings.ToLower(strings.TrimSuffix(rel, ".md"))] = p
		}
		return nil
	})
}

const markdownCSS = "/static/css/docs.css"

// serveDoc renders a page of cayley's docs; names are matched without regard
// to case, so the UI's /docs/GizmoAPI finds docs/gizmoapi.md.
func (u *UI) serveDoc(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
	page := strings.TrimSuffix(p.ByName("docpage"), ".md")
	if page == "" {
		page = "README"
	}
	file, ok := u.docs[strings.ToLower(page)]
	if !ok {
		http.NotFound(w, r)
		return
	}
	data, err := fs.ReadFile(u.assets, file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	flags := blackfriday.HTML_USE_XHTML | blackfriday.HTML_USE_SMARTYPANTS |
		blackfriday.HTML_SMARTYPANTS_FRACTIONS | blackfriday.HTML_SMARTYPANTS_LATEX_DASHES |
		blackfriday.HTML_COMPLETE_PAGE
	renderer := blackfriday.HtmlRenderer(flags, "Cayley Docs - "+page, markdownCSS)
	ext := blackfriday.EXTENSION_TABLES | blackfriday.EXTENSION_FENCED_CODE |
		blackfriday.EXTENSION_AUTOLINK | blackfriday.EXTENSION_STRIKETHROUGH |
		blackfriday.EXTENSION_HEADER_IDS | blackfriday.EXTENSION_LAX_HTML_BLOCKS
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(blackfriday.Markdown(data, renderer, ext))
}

// ---- API v1 ----

func jsonError(w http.ResponseWriter, code int, msg any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	b, _ := json.Marshal(map[string]string{"error": fmt.Sprint(msg)})
	_, _ = w.Write(b)
}

// rw refuses a write route when the server is read-only.
func (u *UI) rw(h httprouter.Handle) httprouter.Handle {
	if u.cfg.ReadOnly || h == nil {
		return func(w http.ResponseWriter, _ *http.Request, _ httprouter.Params) {
			jsonError(w, http.StatusForbidden, "Database is read-only.")
		}
	}
	return h
}

func (u *UI) queryContext(r *http.Request) (context.Context, context.CancelFunc) {
	if u.cfg.Timeout > 0 {
		return context.WithTimeout(r.Context(), u.cfg.Timeout)
	}
	return context.WithCancel(r.Context())
}

// readBody reads a request body; the server bounds its size
// (http.MaxBytesReader), which surfaces here as 413.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			jsonError(w, http.StatusRequestEntityTooLarge, "request is too large")
		} else {
			jsonError(w, http.StatusBadRequest, err)
		}
		return nil, false
	}
	return b, true
}

func (u *UI) handleFor(r *http.Request) (*graph.Handle, error) {
	return cayleyhttp.HandleForRequest(u.h, "single", nil, r)
}

// limit returns the result limit of a v1 query: ?limit= when it is smaller
// than the configured one.
func (u *UI) limit(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || n <= 0 || n > u.cfg.Limit {
		return u.cfg.Limit
	}
	return n
}

type jsonQuad struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	Label     string `json:"label"`
}

// parseQuads reads the v1 write/delete body: a JSON list of quads.
func parseQuads(body []byte) ([]quad.Quad, error) {
	var in []jsonQuad
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, err
	}
	out := make([]quad.Quad, 0, len(in))
	for i, jq := range in {
		q := quad.Quad{
			Subject:   quad.StringToValue(jq.Subject),
			Predicate: quad.StringToValue(jq.Predicate),
			Object:    quad.StringToValue(jq.Object),
			Label:     quad.StringToValue(jq.Label),
		}
		if !q.IsValid() {
			return nil, fmt.Errorf("invalid quad at index %d. %s", i, q)
		}
		out = append(out, q)
	}
	return out, nil
}

func (u *UI) serveV1Write(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	quads, err := parseQuads(body)
	if err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	h, err := u.handleFor(r)
	if err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	if err := h.QuadWriter.AddQuadSet(quads); err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	fmt.Fprintf(w, "{\"result\": \"Successfully wrote %d quads.\"}", len(quads))
}

func (u *UI) serveV1WriteNQuad(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	file, _, err := r.FormFile("NQuadFile")
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			jsonError(w, http.StatusRequestEntityTooLarge, "request is too large")
			return
		}
		jsonError(w, http.StatusBadRequest, "Couldn't read file: "+err.Error())
		return
	}
	defer file.Close()
	batch, err := strconv.Atoi(r.URL.Query().Get("block_size"))
	if err != nil || batch <= 0 {
		batch = quad.DefaultBatch
	}
	h, err := u.handleFor(r)
	if err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	dec := nquads.NewReader(file, false)
	qw := graph.NewWriter(h.QuadWriter)
	n, err := quad.CopyBatch(qw, dec, batch)
	if err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	if err := qw.Close(); err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	fmt.Fprintf(w, "{\"result\": \"Successfully wrote %d quads.\"}", n)
}

func (u *UI) serveV1Delete(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	quads, err := parseQuads(body)
	if err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	h, err := u.handleFor(r)
	if err != nil {
		jsonError(w, http.StatusBadRequest, err)
		return
	}
	for _, q := range quads {
		if err := h.QuadWriter.RemoveQuad(q); err != nil && !graph.IsQuadNotExist(err) {
			jsonError(w, http.StatusBadRequest, err)
			return
		}
	}
	fmt.Fprintf(w, "{\"result\": \"Successfully deleted %d quads.\"}", len(quads))
}
