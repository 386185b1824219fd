package serve

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/timeline"
)

// Paging of /api/timeline: the body stays an eventgraph/timeline/v1
// document holding one page of events; the page's place in the whole is
// told in headers (as GitHub's API does), so that the JSON contract is the
// same as `eventgraph timeline --format json`:
//
//	X-Total-Count  events that pass the filter
//	X-Page-Start   index of the page's first event among them (0-based)
//	Link           <URL>; rel="next", <URL>; rel="prev" (when there is one)
//	X-Next-Cursor  the cursor of the next page ("" on the last page)
//	X-Prev-Cursor  the cursor of the previous page ("" on the first)
const (
	// DefaultTimelinePage is the page size when no limit is given.
	DefaultTimelinePage = 100
	// MaxTimelinePage is the largest limit accepted.
	MaxTimelinePage = 1000
)

// pageHeaders are the headers a cross-origin reader may see.
var pageHeaders = []string{"Link", "X-Total-Count", "X-Page-Start", "X-Next-Cursor", "X-Prev-Cursor"}

// cursor is a position in a timeline: the page starts at Start, right after
// the event After (empty at the start). The ID keeps a cursor on the same
// event when the timeline was rebuilt with events added before it.
type cursor struct {
	Start int
	After string
}

func (c cursor) String() string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(c.Start) + ":" + c.After))
}

func parseCursor(s string) (cursor, error) {
	if s == "" {
		return cursor{}, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, fmt.Errorf("bad cursor %q: not a cursor this server gave", s)
	}
	n, id, ok := strings.Cut(string(b), ":")
	start, err := strconv.Atoi(n)
	if !ok || err != nil || start < 0 || (start == 0) != (id == "") {
		return cursor{}, fmt.Errorf("bad cursor %q: not a cursor this server gave", s)
	}
	return cursor{Start: start, After: id}, nil
}

// parseLimit reads the limit parameter: DefaultTimelinePage when empty.
func parseLimit(s string) (int, error) {
	if s == "" {
		return DefaultTimelinePage, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MaxTimelinePage {
		return 0, fmt.Errorf("bad limit %q: want a number from 1 to %d", s, MaxTimelinePage)
	}
	return n, nil
}

// locate returns where c starts in events: right after its event when
// that event is still there, else at its index (clamped).
func (c cursor) locate(events []timeline.Event) int {
	if c.After == "" {
		return 0
	}
	if c.Start <= len(events) && c.Start > 0 && events[c.Start-1].ID == c.After {
		return c.Start
	}
	for i, e := range events {
		if e.ID == c.After {
			return i + 1
		}
	}
	return min(c.Start, len(events))
}

// cursorAt is the cursor of a page starting at index i.
func cursorAt(events []timeline.Event, i int) cursor {
	if i <= 0 {
		return cursor{}
	}
	return cursor{Start: i, After: events[i-1].ID}
}

// page is one page of a timeline and the links around it.
type page struct {
	Doc        timeline.Timeline
	Total      int
	Start      int
	Next, Prev *cursor
}

// paginate cuts the page of tl that starts at c and holds up to limit
// events. tl is not changed (it may be shared through the cache).
func paginate(tl *timeline.Timeline, c cursor, limit int) page {
	evs := tl.Events
	start := c.locate(evs)
	end := min(start+limit, len(evs))
	p := page{Doc: *tl, Total: len(evs), Start: start}
	p.Doc.Events = evs[start:end:end]
	if end < len(evs) {
		n := cursorAt(evs, end)
		p.Next = &n
	}
	if start > 0 {
		pr := cursorAt(evs, max(0, start-limit))
		p.Prev = &pr
	}
	return p
}

// setHeaders writes the page's place in the whole (see the constants).
func (p page) setHeaders(h http.Header, u *url.URL) {
	h.Set("X-Total-Count", strconv.Itoa(p.Total))
	h.Set("X-Page-Start", strconv.Itoa(p.Start))
	var links []string
	link := func(c *cursor, rel, header string) {
		if c == nil {
			h.Set(header, "")
			return
		}
		q := u.Query()
		if c.After == "" {
			q.Del("cursor")
		} else {
			q.Set("cursor", c.String())
		}
		links = append(links, fmt.Sprintf("<%s?%s>; rel=%q", u.Path, q.Encode(), rel))
		h.Set(header, c.String())
	}
	link(p.Next, "next", "X-Next-Cursor")
	link(p.Prev, "prev", "X-Prev-Cursor")
	if len(links) > 0 {
		h.Set("Link", strings.Join(links, ", "))
	}
}

// indexPage is the page the index read after c: its place in the whole
// is c's (the index knows the events around the page, not their count
// before it).
func indexPage(ip *timeline.Page, c cursor, limit int) page {
	p := page{Doc: *ip.Timeline, Total: ip.Total, Start: c.Start}
	if ip.Next != "" {
		p.Next = &cursor{Start: c.Start + len(ip.Timeline.Events), After: ip.Next}
	}
	if ip.HasPrev {
		pr := cursor{}
		if ip.Prev != "" {
			pr = cursor{Start: max(1, c.Start-limit), After: ip.Prev}
		}
		p.Prev = &pr
	}
	return p
}
