package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract/article"
)

func TestFetch(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, r.UserAgent())
	})
	// /redirect/N redirects N more times, then lands on /ok.
	mux.HandleFunc("/redirect/", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/redirect/"))
		if n <= 0 {
			http.Redirect(w, r, "/ok", http.StatusFound)
			return
		}
		http.Redirect(w, r, "/redirect/"+strconv.Itoa(n-1), http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		// Streamed, no Content-Length: the limit must hold while reading.
		chunk := strings.Repeat("a", 1<<20)
		for i := 0; i <= article.MaxBytes>>20; i++ {
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/declared-big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(article.MaxBytes+1))
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("/exact", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, strings.Repeat("b", 100))
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		name     string
		path     string
		maxBytes int64
		timeout  time.Duration
		want     error  // errors.Is target; nil for success
		wantErr  string // substring, when want is nil but an error is expected
		body     string
		source   string
	}{
		{name: "ok sends user agent", path: "/ok", body: UserAgent, source: "/ok"},
		{name: "five redirects followed", path: "/redirect/4", body: UserAgent, source: "/ok"},
		{name: "six redirects refused", path: "/redirect/5", want: ErrTooManyRedirects},
		{name: "streamed body over MaxBytes", path: "/big", want: ErrTooLarge},
		{name: "declared length over MaxBytes", path: "/declared-big", want: ErrTooLarge},
		{name: "small limit", path: "/exact", maxBytes: 99, want: ErrTooLarge},
		{name: "exactly the limit", path: "/exact", maxBytes: 100, body: strings.Repeat("b", 100), source: "/exact"},
		{name: "404", path: "/missing", wantErr: "HTTP 404"},
		{name: "context deadline", path: "/slow", timeout: 100 * time.Millisecond, want: context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := local()
			if tt.maxBytes > 0 {
				c.MaxBytes = tt.maxBytes
			}
			ctx := context.Background()
			if tt.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.timeout)
				defer cancel()
			}
			source, data, _, err := c.Fetch(ctx, srv.URL+tt.path)
			switch {
			case tt.want != nil:
				if !errors.Is(err, tt.want) {
					t.Fatalf("err %v, want %v", err, tt.want)
				}
				return
			case tt.wantErr != "":
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want %q", err, tt.wantErr)
				}
				return
			case err != nil:
				t.Fatal(err)
			}
			if string(data) != tt.body {
				t.Errorf("body %.40q, want %.40q", data, tt.body)
			}
			if source != srv.URL+tt.source {
				t.Errorf("source %q, want %q", source, srv.URL+tt.source)
			}
		})
	}
}

func TestArticles(t *testing.T) {
	lorem := "The delegation met officials from both sides in the capital on Monday and said it would report to the council by the end of the week."
	pages := map[string]struct{ ct, body string }{
		// Latin-1 declared only in the header.
		"/latin1": {"text/html; charset=ISO-8859-1", "<html><head><title>Caf\xe9</title></head><body><article><h1>Caf\xe9 cr\xe8me</h1><p>D\xe9l\xe9gation. " + lorem + "</p></article></body></html>"},
		// The header wins over a wrong meta declaration.
		"/utf8": {"text/html; charset=utf-8", "<html><head><meta charset=\"iso-8859-1\"></head><body><article><p>Délégation. " + lorem + "</p></article></body></html>"},
		"/feed": {"application/rss+xml", `<rss version="2.0"><channel><title>F</title><item><title>One</title><link>https://x.example/1</link><description>First.</description></item><item><title>Two</title><description>Second.</description></item></channel></rss>`},
		// A fragment without <html> served as HTML.
		"/fragment": {"text/html", "Délégation. " + lorem + "<br>" + lorem},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", p.ct)
		fmt.Fprint(w, p.body)
	}))
	defer srv.Close()
	tests := []struct {
		path string
		n    int
		text string
	}{
		{"/latin1", 1, "Délégation."},
		{"/utf8", 1, "Délégation."},
		{"/feed", 2, "First."},
		{"/fragment", 1, "Délégation."},
	}
	for _, tt := range tests {
		arts, err := local().Articles(context.Background(), srv.URL+tt.path)
		if err != nil {
			t.Errorf("%s: %v", tt.path, err)
			continue
		}
		if len(arts) != tt.n || !strings.Contains(arts[0].Text, tt.text) {
			t.Errorf("%s: %d articles, first text %q", tt.path, len(arts), arts[0].Text)
		}
		if !strings.HasPrefix(arts[0].Source, srv.URL+tt.path) {
			t.Errorf("%s: source %q", tt.path, arts[0].Source)
		}
	}
	if _, err := local().Articles(context.Background(), srv.URL+"/none"); err == nil {
		t.Error("404 read as an article")
	}
}

func TestFetchRefusesOtherSchemes(t *testing.T) {
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/x", "gopher://x"} {
		if _, _, _, err := New().Fetch(context.Background(), u); !errors.Is(err, ErrScheme) {
			t.Errorf("%s: err %v, want ErrScheme", u, err)
		}
	}
}

// At most PerHost requests reach one host at once, however many are asked.
func TestPerHostLimit(t *testing.T) {
	var inFlight, maxSeen atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := maxSeen.Load()
			if n <= m || maxSeen.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(40 * time.Millisecond)
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()

	c := local()
	urls := make([]string, 10)
	for i := range urls {
		urls[i] = fmt.Sprintf("%s/a/%d", srv.URL, i)
	}
	res := c.FetchAll(context.Background(), urls, 10)
	for _, r := range res {
		if r.Err != nil || string(r.Data) != "ok" {
			t.Fatalf("%s: %q %v", r.URL, r.Data, r.Err)
		}
	}
	if m := maxSeen.Load(); m > DefaultPerHost || m < 1 {
		t.Errorf("%d requests in flight at once, limit %d", m, DefaultPerHost)
	}

	// A request waiting for a slot gives up when its context ends.
	release, err := c.acquire(context.Background(), "busy.example")
	if err != nil {
		t.Fatal(err)
	}
	release2, _ := c.acquire(context.Background(), "busy.example")
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := c.acquire(ctx, "busy.example"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("acquire on a full host: %v", err)
	}
	release()
	release2()
}

func TestFetchAllCancel(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(block)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	var res []Result
	go func() {
		defer wg.Done()
		res = local().FetchAll(ctx, []string{srv.URL + "/1", srv.URL + "/2", srv.URL + "/3"}, 3)
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	wg.Wait()
	for _, r := range res {
		if !errors.Is(r.Err, context.Canceled) {
			t.Errorf("%s: err %v, want context.Canceled", r.URL, r.Err)
		}
	}
}

func TestReadURLs(t *testing.T) {
	in := `# news to read
https://news.example.com/a.html
  https://news.example.com/b.html   # the second one

ftp://example.com/file
https://news.example.com/a.html
http://
https://news.example.com/c.html#section
`
	urls, err := ReadURLs("urls.txt", strings.NewReader(in))
	want := []string{"https://news.example.com/a.html", "https://news.example.com/b.html", "https://news.example.com/c.html#section"}
	if strings.Join(urls, " ") != strings.Join(want, " ") {
		t.Errorf("urls %q, want %q", urls, want)
	}
	if err == nil || !strings.Contains(err.Error(), "urls.txt:5:") || !strings.Contains(err.Error(), "urls.txt:7:") {
		t.Errorf("err %v, want lines 5 and 7 named", err)
	}
}
