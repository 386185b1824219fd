package serve

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
)

// web holds eventgraph's own pages: hand-written HTML, CSS and JS, no
// network at run time.
//
//go:embed web
var web embed.FS

func servePage(name string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, err := fs.ReadFile(web, "web/"+name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'self'")
		_, _ = w.Write(b)
	}
}

// serveAsset serves a file of web/ by name; no folder listing.
func serveAsset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if name == "" || name != path.Base(name) || path.Ext(name) == ".html" {
		http.NotFound(w, r)
		return
	}
	sub, _ := fs.Sub(web, "web")
	st, err := fs.Stat(sub, name)
	if err != nil || !st.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeFileFS(w, r, sub, name)
}
