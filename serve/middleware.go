package serve

import (
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"
)

// cors replaces cayley's permissive CORS (it echoes any Origin): a request
// carrying an Origin is served only when that origin is the server's own or
// listed in allowed ("*" allows any); others get 403 and no CORS headers.
func cors(next http.Handler, allowed []string, log *slog.Logger) http.Handler {
	anyOrigin := slices.Contains(allowed, "*")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" {
			next.ServeHTTP(w, r)
			return
		}
		if sameOrigin(r, origin) {
			if r.Method == http.MethodOptions {
				w.WriteHeader(http.StatusNoContent)
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		if !anyOrigin && !slices.Contains(allowed, strings.TrimSuffix(origin, "/")) {
			log.Warn("cross-origin request refused", "origin", origin, "method", r.Method, "path", r.URL.Path)
			writeError(w, http.StatusForbidden, "cross-origin request refused (origin "+origin+" is not in serve.cors_origins)")
			return
		}
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", origin)
		h.Add("Vary", "Origin")
		h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
		h.Set("Access-Control-Allow-Headers", "Accept, Content-Type, Content-Encoding, Accept-Encoding")
		h.Set("Access-Control-Expose-Headers", strings.Join(pageHeaders, ", "))
		h.Set("Access-Control-Max-Age", "600")
		if r.Method == http.MethodOptions {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func sameOrigin(r *http.Request, origin string) bool {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return strings.EqualFold(origin, scheme+"://"+r.Host)
}

// hostGuard refuses requests whose Host is not one of hosts (when any are
// given), so a page on another site cannot reach a loopback server through
// DNS rebinding. When hosts admit a loopback address, any loopback address
// is admitted (127.0.0.2, ::ffff:127.0.0.1): an IP address in Host was
// typed by the user, never rebound.
func hostGuard(next http.Handler, hosts []string) http.Handler {
	if len(hosts) == 0 {
		return next
	}
	loopback := slices.ContainsFunc(hosts, func(h string) bool {
		ip := net.ParseIP(h)
		return ip != nil && ip.IsLoopback()
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.Trim(host, "[]")
		if ip := net.ParseIP(host); loopback && ip != nil && ip.IsLoopback() {
			next.ServeHTTP(w, r)
			return
		}
		for _, ok := range hosts {
			if strings.EqualFold(host, ok) {
				next.ServeHTTP(w, r)
				return
			}
		}
		writeError(w, http.StatusMisdirectedRequest, "unexpected Host "+r.Host)
	})
}

func limitBody(next http.Handler, max int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			writeError(w, http.StatusRequestEntityTooLarge, "request is too large")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, max)
		next.ServeHTTP(w, r)
	})
}

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Frame-Options", "SAMEORIGIN")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.code = code
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func logRequests(next http.Handler, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(rec, r)
		log.Debug("http", "method", r.Method, "path", r.URL.Path, "status", rec.code, "dur", time.Since(start))
	})
}
