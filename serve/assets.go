package serve

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
)

// web holds eventgraph's own pages: hand-written HTML, CSS and JS, and in
// web/vendor the pinned libraries they use (vis-timeline, with its
// licence); no network at run time.
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
		// vis-timeline's standalone build adds its stylesheet as <style>
		// elements and positions items with style attributes: inline
		// styles are allowed, inline scripts are not (the page writes
		// text with textContent, never as HTML).
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'self'")
		_, _ = w.Write(b)
	}
}

// serveAsset serves a file of dir (web/, or web/vendor/ for the libraries
// the pages use, see vendor.sh) by name; no folder listing.
func serveAsset(dir string) http.HandlerFunc {
	sub, err := fs.Sub(web, dir)
	if err != nil {
		panic("serve: no embedded " + dir + ": " + err.Error())
	}
	return func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("file")
		if name == "" || name != path.Base(name) || path.Ext(name) == ".html" {
			http.NotFound(w, r)
			return
		}
		st, err := fs.Stat(sub, name)
		if err != nil || !st.Mode().IsRegular() {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeFileFS(w, r, sub, name)
	}
}
