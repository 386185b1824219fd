// Package fetch downloads news articles and feeds over HTTP, politely: a
// clear User-Agent, timeouts, a size limit, at most five redirects and a
// small number of concurrent requests per host. It returns the raw bytes;
// package article reads them (article.Parse, or article.ParseHTML with the
// Content-Type for its charset).
package fetch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/extract/doc"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
)

// UserAgent is sent with every request.
const UserAgent = "eventgraph/0.1 (+https://github.com/eventgraph/eventgraph)"

// Defaults of a Client.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 5
	DefaultPerHost      = 2
)

// Errors a fetch can end with (wrapped with the URL).
var (
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrTooLarge         = article.ErrTooLarge
	ErrScheme           = errors.New("only http and https URLs can be fetched")
)

// StatusError is an HTTP response that is not a success.
type StatusError struct {
	Code   int
	Status string
}

func (e *StatusError) Error() string { return "HTTP " + e.Status }

// Client fetches URLs. The zero value is not usable: use New.
type Client struct {
	// HTTP does the requests; New gives it the timeout and redirect policy.
	HTTP *http.Client
	// MaxBytes is the largest response body accepted.
	MaxBytes int64
	// MaxRedirects is how many redirects one fetch follows.
	MaxRedirects int
	// PerHost is how many requests may be in flight to one host at once.
	PerHost   int
	UserAgent string

	mu    sync.Mutex
	hosts map[string]chan struct{}
}

// New returns a client with the defaults: 30 s timeout per request
// (connection, headers and body), article.MaxBytes bodies, 5 redirects,
// 2 requests in flight per host.
func New() *Client {
	c := &Client{
		MaxBytes:     article.MaxBytes,
		MaxRedirects: DefaultMaxRedirects,
		PerHost:      DefaultPerHost,
		UserAgent:    UserAgent,
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	tr.TLSHandshakeTimeout = 10 * time.Second
	tr.ResponseHeaderTimeout = 20 * time.Second
	tr.MaxConnsPerHost = 0 // the per-host semaphore limits requests
	c.HTTP = &http.Client{
		Transport:     tr,
		Timeout:       DefaultTimeout,
		CheckRedirect: c.checkRedirect,
	}
	return c
}

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.MaxRedirects {
		return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, c.MaxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), ErrScheme)
	}
	req.Header.Set("User-Agent", c.userAgent())
	return nil
}

func (c *Client) userAgent() string {
	if c.UserAgent != "" {
		return c.UserAgent
	}
	return UserAgent
}

// acquire waits for a request slot for host, or for ctx to end.
func (c *Client) acquire(ctx context.Context, host string) (release func(), err error) {
	n := c.PerHost
	if n <= 0 {
		n = DefaultPerHost
	}
	c.mu.Lock()
	if c.hosts == nil {
		c.hosts = map[string]chan struct{}{}
	}
	sem, ok := c.hosts[host]
	if !ok {
		sem = make(chan struct{}, n)
		c.hosts[host] = sem
	}
	c.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Fetch downloads rawURL. It returns the source to record (the final URL
// after redirects), the body, and its Content-Type. A body larger than
// MaxBytes, more than MaxRedirects redirects, a non-2xx status, a
// non-HTTP URL and the end of ctx are errors.
func (c *Client) Fetch(ctx context.Context, rawURL string) (source string, data []byte, contentType string, err error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return "", nil, "", fmt.Errorf("fetch %q: %w", rawURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", nil, "", fmt.Errorf("fetch %s: %w", u.Redacted(), ErrScheme)
	}
	if u.Host == "" {
		return "", nil, "", fmt.Errorf("fetch %q: no host", rawURL)
	}
	release, err := c.acquire(ctx, strings.ToLower(u.Host))
	if err != nil {
		return "", nil, "", fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	defer release()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return "", nil, "", fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	req.Header.Set("User-Agent", c.userAgent())
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	start := time.Now()
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return "", nil, "", fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return final, nil, "", fmt.Errorf("fetch %s: %w", u.Redacted(), &StatusError{Code: resp.StatusCode, Status: resp.Status})
	}
	limit := c.MaxBytes
	if limit <= 0 {
		limit = article.MaxBytes
	}
	if resp.ContentLength > limit {
		return final, nil, "", fmt.Errorf("fetch %s: %w (%d bytes, limit %d)", u.Redacted(), ErrTooLarge, resp.ContentLength, limit)
	}
	data, err = io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return final, nil, "", fmt.Errorf("fetch %s: reading body: %w", u.Redacted(), err)
	}
	if int64(len(data)) > limit {
		return final, nil, "", fmt.Errorf("fetch %s: %w (more than %d bytes)", u.Redacted(), ErrTooLarge, limit)
	}
	slog.Debug("fetched", "url", u.Redacted(), "final", final, "bytes", len(data), "status", resp.StatusCode, "took", time.Since(start))
	return final, data, resp.Header.Get("Content-Type"), nil
}

// Articles fetches rawURL and reads its articles with article.Parse. The
// content decides the format; when it does not (it looks like plain text),
// the Content-Type does. The charset of an HTML page's Content-Type wins over
// the page's own declaration, as in a browser. Like article.Parse, it may
// return articles together with an error about bad items.
func (c *Client) Articles(ctx context.Context, rawURL string) ([]doc.Article, error) {
	source, data, ct, err := c.Fetch(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	format := article.Detect(source, data)
	if format == article.Text {
		if f := article.FormatFromContentType(ct); f != article.Auto {
			format = f
		}
	}
	if format == article.HTML {
		data = headerCharset(data, ct)
	}
	return article.Parse(source, data, format)
}

// headerCharset re-encodes a page in the charset its Content-Type names as
// UTF-8 with a byte-order mark, which the HTML reader trusts before any
// <meta> charset. Pages with a BOM of their own, or no charset in the
// header, are left as they are.
func headerCharset(data []byte, contentType string) []byte {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return data
	}
	bom := []byte{0xEF, 0xBB, 0xBF}
	if bytes.HasPrefix(data, bom) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return data
	}
	enc, name := charset.Lookup(params["charset"])
	switch {
	case enc == nil:
		return data
	case name == "utf-8":
		if !utf8.Valid(data) {
			return data
		}
		return append(bom, data...)
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return data
	}
	return append(bom, out...)
}

// Result is one URL fetched by FetchAll.
type Result struct {
	URL         string // as asked
	Source      string // after redirects
	Data        []byte
	ContentType string
	Err         error
}

// FetchAll fetches urls with up to workers requests at once (PerHost still
// applies to each host) and returns the results in the order of urls.
func (c *Client) FetchAll(ctx context.Context, urls []string, workers int) []Result {
	if workers <= 0 {
		workers = 8
	}
	out := make([]Result, len(urls))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers && w < len(urls); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r := Result{URL: urls[i]}
				r.Source, r.Data, r.ContentType, r.Err = c.Fetch(ctx, urls[i])
				out[i] = r
			}
		}()
	}
	for i := range urls {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

// ReadURLs reads a URL list: one URL per line; blank lines and lines
// starting with # are skipped, as is a " #" comment after a URL. Bad lines
// are reported (naming the line) together with the good URLs, like
// article.Parse; duplicates are dropped.
func ReadURLs(name string, r io.Reader) ([]string, error) {
	var urls []string
	var errs []error
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		ln := strings.TrimSpace(sc.Text())
		if i := strings.Index(ln, " #"); i >= 0 {
			ln = strings.TrimSpace(ln[:i])
		}
		if i := strings.Index(ln, "\t#"); i >= 0 {
			ln = strings.TrimSpace(ln[:i])
		}
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		u, err := url.Parse(ln)
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("%s:%d: %w", name, n, err))
			continue
		case u.Scheme != "http" && u.Scheme != "https":
			errs = append(errs, fmt.Errorf("%s:%d: %q: %w", name, n, ln, ErrScheme))
			continue
		case u.Host == "":
			errs = append(errs, fmt.Errorf("%s:%d: %q: no host", name, n, ln))
			continue
		}
		if !seen[ln] {
			seen[ln] = true
			urls = append(urls, ln)
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", name, err))
	}
	return urls, errors.Join(errs...)
}

// ReadURLFile reads a --urls file (see ReadURLs).
func ReadURLFile(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadURLs(path, f)
}
