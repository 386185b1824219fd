package serve

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"
)

// IngestPath is where a server that takes writes accepts articles
// (`eventgraph ingest --server URL`): POST the source's bytes, with its
// name in the query (name=, and format=, replace=true, published=
// YYYY-MM-DD as ingest takes them).
const IngestPath = "/api/ingest"

// IngestRequest is one source sent to IngestPath.
type IngestRequest struct {
	Name      string // the source's name on the client (a path, or "-")
	Body      io.Reader
	Format    string // "" detects it
	Replace   bool
	Published string // YYYY-MM-DD for an undated source, or ""
}

// IngestFunc stores one source and returns what to answer (a summary).
// An error with a result is a source that yielded nothing: both go back.
type IngestFunc func(ctx context.Context, req IngestRequest) (any, error)

// ingestAPI answers IngestPath: 403 on a read-only server, 501 without
// Options.Ingest, 413 past serve.max_body_bytes, 422 when nothing of the
// source could be stored.
//
// A source that stored anything drops the built timelines.
func ingestAPI(o Options, cache *timelineCache) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if o.ReadOnly {
			writeError(w, http.StatusForbidden, "this server is read-only: start it with 'eventgraph serve --read-only=false' to ingest through it")
			return
		}
		if o.Ingest == nil {
			writeError(w, http.StatusNotImplemented, "ingest is not available in this build")
			return
		}
		q := r.URL.Query()
		req := IngestRequest{
			Name:      strings.TrimSpace(q.Get("name")),
			Body:      r.Body,
			Format:    strings.TrimSpace(q.Get("format")),
			Replace:   q.Get("replace") == "true",
			Published: strings.TrimSpace(q.Get("published")),
		}
		if req.Name == "" {
			writeError(w, http.StatusBadRequest, "name the source: ?name=PATH")
			return
		}
		if req.Published != "" {
			if _, err := time.Parse(time.DateOnly, req.Published); err != nil {
				writeError(w, http.StatusBadRequest, "published: want a date as YYYY-MM-DD")
				return
			}
		}
		res, err := o.Ingest(r.Context(), req)
		if cache != nil && (err == nil || res != nil) {
			cache.invalidate()
		}
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			writeError(w, http.StatusRequestEntityTooLarge, "ingest: "+err.Error()+" (serve.max_body_bytes)")
		case err != nil && res != nil:
			writeJSON(w, http.StatusUnprocessableEntity, res)
		case err != nil:
			o.Logger.Error("ingest", "source", req.Name, "err", err)
			writeError(w, http.StatusInternalServerError, "ingest: "+err.Error())
		default:
			writeJSON(w, http.StatusOK, res)
		}
	}
}
