package serve

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

// POST /api/ingest hands the body and its name to Options.Ingest on a
// server that takes writes; a read-only server, a missing name, a bad
// date, a body over the limit and a cross-origin request are refused.
func TestIngestAPI(t *testing.T) {
	var got IngestRequest
	var body string
	ingest := func(_ context.Context, r IngestRequest) (any, error) {
		got = r
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		body = string(b)
		if body == "nothing" {
			return map[string]any{"failed": 1}, errors.New("nothing ingested")
		}
		return map[string]any{"ingested": 1}, nil
	}
	rw := newServer(t, Options{Ingest: ingest, MaxBodyBytes: 64})
	ro := newServer(t, Options{Ingest: ingest, ReadOnly: true})
	none := newServer(t, Options{})
	for _, tc := range []struct {
		name string
		srv  func() string
		c    call
		code int
		want string
	}{
		{"stored", func() string { return rw.URL }, call{method: "POST", path: "/api/ingest?name=a%2Fb.txt&format=text&replace=true&published=2024-03-26", body: "Title\n\ntext"}, 200, `"ingested":1`},
		{"nothing stored", func() string { return rw.URL }, call{method: "POST", path: "/api/ingest?name=x", body: "nothing"}, 422, `"failed":1`},
		{"read-only", func() string { return ro.URL }, call{method: "POST", path: "/api/ingest?name=x", body: "t"}, 403, "--read-only=false"},
		{"no ingest", func() string { return none.URL }, call{method: "POST", path: "/api/ingest?name=x", body: "t"}, 501, "not available"},
		{"no name", func() string { return rw.URL }, call{method: "POST", path: "/api/ingest", body: "t"}, 400, "name the source"},
		{"bad date", func() string { return rw.URL }, call{method: "POST", path: "/api/ingest?name=x&published=26/03/2024", body: "t"}, 400, "YYYY-MM-DD"},
		{"too large", func() string { return rw.URL }, call{method: "POST", path: "/api/ingest?name=x", body: strings.Repeat("x", 100)}, 413, "too large"},
		{"cross-origin", func() string { return rw.URL }, call{method: "POST", path: "/api/ingest?name=x", body: "t", header: map[string]string{"Origin": "http://evil.example"}}, 403, "cross-origin"},
		{"GET", func() string { return rw.URL }, call{path: "/api/ingest?name=x"}, 404, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := rw
			switch tc.srv() {
			case ro.URL:
				s = ro
			case none.URL:
				s = none
			}
			resp, out := do(t, s, tc.c)
			if resp.StatusCode != tc.code || !strings.Contains(out, tc.want) {
				t.Errorf("status %d %q, want %d %q", resp.StatusCode, out, tc.code, tc.want)
			}
		})
	}
	if got.Name != "x" && got.Name != "a/b.txt" {
		t.Errorf("name %q", got.Name)
	}
}

// The request's parameters reach Options.Ingest as sent.
func TestIngestAPIParameters(t *testing.T) {
	var got IngestRequest
	srv := newServer(t, Options{Ingest: func(_ context.Context, r IngestRequest) (any, error) {
		got = r
		got.Body = nil
		return "ok", nil
	}})
	resp, _ := do(t, srv, call{method: "POST", path: "/api/ingest?name=a%2Fb.txt&format=text&replace=true&published=2024-03-26", body: "x"})
	want := IngestRequest{Name: "a/b.txt", Format: "text", Replace: true, Published: "2024-03-26"}
	if resp.StatusCode != 200 || got != want {
		t.Errorf("status %d, request %+v, want %+v", resp.StatusCode, got, want)
	}
}
