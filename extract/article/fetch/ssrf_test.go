package fetch

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

// local is a client for the tests' own servers, on loopback.
func local() *Client {
	c := New()
	c.AllowPrivate = true
	return c
}

func TestNonPublic(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1": "loopback", "127.9.9.9": "loopback", "::1": "loopback", "::ffff:127.0.0.1": "loopback",
		"169.254.169.254": "link-local", "fe80::1": "link-local",
		"10.1.2.3": "private", "172.16.0.1": "private", "192.168.1.1": "private", "fd00::1": "private",
		"224.0.0.1": "link-local", "239.1.2.3": "multicast", "ff02::1": "link-local", "ff05::1": "multicast",
		"0.0.0.0": "unspecified", "::": "unspecified", "0.1.2.3": "this-network",
		"100.64.0.1": "shared (carrier-grade NAT)", "255.255.255.255": "reserved",
		"64:ff9b::a9fe:a9fe": "link-local", // NAT64 of 169.254.169.254
		"93.184.216.34":      "", "2606:4700::1": "", "64:ff9b::5db8:d822": "",
	} {
		if got := nonPublic(netip.MustParseAddr(addr)); got != want {
			t.Errorf("nonPublic(%s) = %q, want %q", addr, got, want)
		}
	}
}

// URLs on addresses that are not public are refused before any byte is
// sent: directly, by name, and in every form of the address.
func TestFetchRefusesPrivateAddresses(t *testing.T) {
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		w.Write([]byte("secret"))
	}))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	for _, u := range []string{
		srv.URL + "/",
		"http://localhost:" + port + "/",
		"http://[::ffff:127.0.0.1]:" + port + "/",
		"http://127.1:" + port + "/",
		"http://2130706433:" + port + "/", // 127.0.0.1 as one number
		"http://169.254.169.254/latest/meta-data/",
		"http://10.0.0.1/", "http://192.168.0.1/", "http://100.64.0.1/", "http://[fd00::1]/", "http://0.0.0.0:" + port + "/",
	} {
		_, data, _, err := New().Fetch(context.Background(), u)
		var ae *AddrError
		if !errors.Is(err, ErrPrivate) && !errors.As(err, &ae) {
			// Some forms do not resolve at all: refused too, but not by us.
			if err == nil || strings.Contains(string(data), "secret") {
				t.Errorf("%s: fetched %q (err %v)", u, data, err)
			}
			continue
		}
		if !strings.Contains(err.Error(), "--allow-private") {
			t.Errorf("%s: the error does not say how to allow it: %v", u, err)
		}
	}
	if hits != 0 {
		t.Errorf("the private server was reached %d time(s)", hits)
	}
	if _, data, _, err := local().Fetch(context.Background(), srv.URL+"/"); err != nil || string(data) != "secret" {
		t.Errorf("AllowPrivate: %q %v", data, err)
	}
}

// A redirect from an allowed server to a private address is refused, and
// the source recorded never holds the URL's user name and password.
func TestFetchRedirectToPrivateAndCredentials(t *testing.T) {
	private := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("secret"))
	}))
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2: %v", err)
	}
	private.Listener = ln
	private.Start()
	defer private.Close()
	public := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/away":
			http.Redirect(w, r, private.URL+"/", http.StatusFound)
		default:
			if u, p, ok := r.BasicAuth(); !ok || u != "bob" || p != "Hunter2" {
				http.Error(w, "who?", http.StatusUnauthorized)
				return
			}
			w.Write([]byte("<html><body><p>Welcome back.</p></body></html>"))
		}
	}))
	defer public.Close()
	c := New()
	// The test's "public" server is 127.0.0.1; everything else on
	// loopback stands for a private network.
	c.classify = func(a netip.Addr) string {
		if a.Unmap() == netip.MustParseAddr("127.0.0.1") {
			return ""
		}
		return nonPublic(a)
	}
	if _, data, _, err := c.Fetch(context.Background(), public.URL+"/away"); !errors.Is(err, ErrPrivate) {
		t.Errorf("redirect to %s: %q %v, want ErrPrivate", private.URL, data, err)
	}
	withCreds := strings.Replace(public.URL, "http://", "http://bob:Hunter2@", 1) + "/page"
	source, data, _, err := c.Fetch(context.Background(), withCreds)
	if err != nil || !strings.Contains(string(data), "Welcome") {
		t.Fatalf("fetch with credentials: %q %v", data, err)
	}
	if strings.Contains(source, "Hunter2") || strings.Contains(source, "bob") || source != public.URL+"/page" {
		t.Errorf("source %q keeps the credentials", source)
	}
}
