package article

import (
	"net/url"
	"strings"
	"unicode"
)

// titleSeparators part a headline from the site's name in a page title:
// "Storm hits coast - WSVN 7News | Miami News".
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » "}

// minHeadline is the shortest headline left once a site's name is cut.
const minHeadline = 12

// headline is a page title without the site's name that pages add before
// or after it, recognized by the site name or the host name.
func headline(title, site, host string) string {
	names := siteNames(site, host)
	if len(names) == 0 {
		return title
	}
	// A suffix: the longest one that names the site.
	for i := 0; i < len(title); i++ {
		for _, sep := range titleSeparators {
			if !strings.HasPrefix(title[i:], sep) {
				continue
			}
			head := strings.TrimSpace(title[:i])
			if len(head) >= minHeadline && namesSite(title[i+len(sep):], names) {
				return head
			}
		}
	}
	// A prefix: "The Site | Headline".
	for _, sep := range titleSeparators {
		if i := strings.Index(title, sep); i > 0 {
			rest := strings.TrimSpace(title[i+len(sep):])
			if len(rest) >= minHeadline && namesSite(title[:i], names) {
				return rest
			}
		}
	}
	return title
}

// siteNames are the folded names a site goes by: its name, and its host
// name without "www." and the top-level domain ("bostonglobe").
func siteNames(site, host string) []string {
	var out []string
	if s := fold(site); len(s) >= 3 {
		out = append(out, s)
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	if i := strings.LastIndexByte(host, '.'); i > 0 {
		host = host[:i]
	}
	if h := fold(host); len(h) >= 3 {
		out = append(out, h)
	}
	return out
}

// namesSite reports a title part that is, or begins with, one of the
// site's names ("WSVN 7News | Miami News, Weather" for "WSVN 7News"),
// or that a name begins with ("BBC" for "BBC News").
func namesSite(part string, names []string) bool {
	p := fold(part)
	if p == "" {
		return false
	}
	for _, n := range names {
		if strings.HasPrefix(p, n) || strings.HasPrefix(n, p) && len(p) >= 3 {
			return true
		}
	}
	return false
}

// fold keeps the letters and digits of s, lower-cased.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// hostOf is the host name of an absolute URL, empty for anything else.
func hostOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return u.Hostname()
}
