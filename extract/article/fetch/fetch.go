// Package fetch downloads news articles and feeds over HTTP, politely: a
// clear User-Agent, timeouts, a size limit, at most five redirects and a
// small number of concurrent requests per host. It returns the raw bytes;
// package article reads them (article.Parse, or article.ParseHTML with the
// Content-Type for its charset).
//
// It is safe by default against server-side request forgery: it connects
// only to public addresses, never to loopback, link-local (169.254.169.254,
// the cloud metadata service), private, multicast or reserved ones, unless
// Client.AllowPrivate is set. The address is checked when the connection is
// made, after DNS resolution and for every redirect, so a name that
// resolves to a private address, or rebinds to one, is refused too. User
// names and passwords in URLs are sent but never returned as the source.
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
	"net/netip"
	"net/url"
	"os"
	"strings"
	"sync"
	"syscall"
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
	ErrPrivate          = errors.New("not a public address")
)

// AddrError is a connection refused because its address is not public.
type AddrError struct {
	Addr netip.Addr
	Kind string // loopback, link-local, private...
}

func (e *AddrError) Error() string {
	return fmt.Sprintf("refusing to connect to %s (%s address): allow it with --allow-private (ingest.allow_private)", e.Addr, e.Kind)
}

func (e *AddrError) Unwrap() error { return ErrPrivate }

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
	// AllowPrivate lets the client connect to addresses that are not
	// public (see the package documentation); off by default.
	AllowPrivate bool

	mu      sync.Mutex
	hosts   map[string]chan struct{}
	proxies sync.Map // host:port of the proxies in use: dialed unchecked
	// classify names the kind of a non-public address, or returns "";
	// nonPublic when nil (tests replace it).
	classify func(netip.Addr) string
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
	checked := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: c.checkDial}
	plain := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if _, ok := c.proxies.Load(addr); ok {
			return plain.DialContext(ctx, network, addr) // the operator's proxy
		}
		return checked.DialContext(ctx, network, addr)
	}
	tr.Proxy = c.proxy
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

// checkDial refuses a connection to an address that is not public, unless
// AllowPrivate is set. It runs for every connection, once the name is
// resolved: redirects and DNS rebinding cannot get around it.
func (c *Client) checkDial(_, address string, _ syscall.RawConn) error {
	if c.AllowPrivate {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("refusing to connect to %q: %w", address, ErrPrivate)
	}
	if kind := c.kind(ap.Addr()); kind != "" {
		return &AddrError{Addr: ap.Addr().Unmap(), Kind: kind}
	}
	return nil
}

func (c *Client) kind(a netip.Addr) string {
	if c.classify != nil {
		return c.classify(a)
	}
	return nonPublic(a)
}

// proxy is http.ProxyFromEnvironment. Through a proxy the client never
// sees the address the proxy connects to, so the target's name is resolved
// and checked here (a name that changes its address between this lookup
// and the proxy's is not caught); the proxy itself may be private.
func (c *Client) proxy(req *http.Request) (*url.URL, error) {
	p, err := http.ProxyFromEnvironment(req)
	if p == nil || err != nil || c.AllowPrivate {
		return p, err
	}
	addrs, err := net.DefaultResolver.LookupNetIP(req.Context(), "ip", req.URL.Hostname())
	if err != nil {
		return nil, err
	}
	for _, a := range addrs {
		if kind := c.kind(a); kind != "" {
			return nil, &AddrError{Addr: a.Unmap(), Kind: kind}
		}
	}
	port := p.Port()
	if port == "" {
		port = map[string]string{"https": "443", "socks5": "1080"}[p.Scheme]
	}
	if port == "" {
		port = "80"
	}
	c.proxies.Store(net.JoinHostPort(p.Hostname(), port), true)
	return p, nil
}

// reserved are IPv4 ranges that are neither public nor covered by netip's
// predicates.
var reserved = []struct {
	prefix netip.Prefix
	kind   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "this-network"},
	{netip.MustParsePrefix("100.64.0.0/10"), "shared (carrier-grade NAT)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
}

// nat64 is the well-known NAT64 prefix: it embeds an IPv4 address.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// nonPublic names the kind of a non-public address, or returns "".
func nonPublic(a netip.Addr) string {
	a = a.Unmap()
	if nat64.Contains(a) {
		b := a.As16()
		return nonPublic(netip.AddrFrom4([4]byte(b[12:])))
	}
	switch {
	case a.IsLoopback():
		return "loopback"
	case a.IsLinkLocalUnicast(), a.IsLinkLocalMulticast():
		return "link-local"
	case a.IsPrivate():
		return "private"
	case a.IsMulticast(), a.IsInterfaceLocalMulticast():
		return "multicast"
	case a.IsUnspecified():
		return "unspecified"
	}
	for _, r := range reserved {
		if r.prefix.Contains(a) {
			return r.kind
		}
	}
	return ""
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
	final := withoutUserinfo(resp.Request.URL)
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

// withoutUserinfo is u without its user name and password, which must not
// be stored with what was fetched.
func withoutUserinfo(u *url.URL) string {
	clean := *u
	clean.User = nil
	return clean.String()
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
