package serve

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/timeline"
)

func events(ids ...string) []timeline.Event {
	out := make([]timeline.Event, len(ids))
	for i, id := range ids {
		out[i] = timeline.Event{ID: id}
	}
	return out
}

func ids(evs []timeline.Event) string {
	var b []string
	for _, e := range evs {
		b = append(b, e.ID)
	}
	return strings.Join(b, ",")
}

func TestParseCursor(t *testing.T) {
	tests := []struct {
		in      string
		want    cursor
		wantErr bool
	}{
		{"", cursor{}, false},
		{cursor{Start: 3, After: "event/abc"}.String(), cursor{Start: 3, After: "event/abc"}, false},
		{cursor{}.String(), cursor{}, false},
		{"%%%", cursor{}, true},
		{"bm9wZQ", cursor{}, true},          // "nope"
		{b64("-1:event/a"), cursor{}, true}, // negative
		{b64("0:event/a"), cursor{}, true},  // start 0 after an event
		{b64("4:"), cursor{}, true},         // start 4 after nothing
		{b64("x:event/a"), cursor{}, true},  // not a number
		{b64("12:event/a:b"), cursor{12, "event/a:b"}, false},
	}
	for _, tt := range tests {
		got, err := parseCursor(tt.in)
		if (err != nil) != tt.wantErr || (!tt.wantErr && got != tt.want) {
			t.Errorf("parseCursor(%q) = %+v, %v; want %+v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func TestParseLimit(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr bool
	}{
		{"", DefaultTimelinePage, false},
		{"1", 1, false},
		{"1000", 1000, false},
		{"0", 0, true},
		{"1001", 0, true},
		{"-5", 0, true},
		{"ten", 0, true},
	}
	for _, tt := range tests {
		got, err := parseLimit(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("parseLimit(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestPaginate(t *testing.T) {
	tl := &timeline.Timeline{Schema: timeline.Schema, Events: events("a", "b", "c", "d", "e", "f", "g")}
	// The same timeline rebuilt with an event before c, and without d.
	grown := &timeline.Timeline{Schema: timeline.Schema, Events: events("a", "b", "x", "c", "d", "e", "f", "g")}
	shrunk := &timeline.Timeline{Schema: timeline.Schema, Events: events("a", "b", "c", "e", "f", "g")}
	tests := []struct {
		name      string
		tl        *timeline.Timeline
		c         cursor
		limit     int
		want      string
		start     int
		next      *cursor
		prev      *cursor
		wantTotal int
	}{
		{"first page", tl, cursor{}, 3, "a,b,c", 0, &cursor{3, "c"}, nil, 7},
		{"middle page", tl, cursor{3, "c"}, 3, "d,e,f", 3, &cursor{6, "f"}, &cursor{}, 7},
		{"last page", tl, cursor{6, "f"}, 3, "g", 6, nil, &cursor{3, "c"}, 7},
		{"all in one", tl, cursor{}, 100, "a,b,c,d,e,f,g", 0, nil, nil, 7},
		{"an event added before the cursor", grown, cursor{3, "c"}, 3, "d,e,f", 4, &cursor{7, "f"}, &cursor{1, "a"}, 8},
		{"the cursor's event gone", shrunk, cursor{4, "d"}, 3, "f,g", 4, nil, &cursor{1, "a"}, 6},
		{"past the end", tl, cursor{40, "zz"}, 3, "", 7, nil, &cursor{4, "d"}, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := paginate(tt.tl, tt.c, tt.limit)
			if got := ids(p.Doc.Events); got != tt.want {
				t.Errorf("events %q, want %q", got, tt.want)
			}
			if p.Start != tt.start || p.Total != tt.wantTotal {
				t.Errorf("start %d of %d, want %d of %d", p.Start, p.Total, tt.start, tt.wantTotal)
			}
			if fmt.Sprint(p.Next) != fmt.Sprint(tt.next) || fmt.Sprint(p.Prev) != fmt.Sprint(tt.prev) {
				t.Errorf("next %v prev %v, want %v %v", p.Next, p.Prev, tt.next, tt.prev)
			}
			if len(tt.tl.Events) != tt.wantTotal {
				t.Errorf("paginate changed the timeline")
			}
		})
	}
}

// manyEvents is a Timeline func of n events that counts its builds.
func manyEvents(n int, builds *atomic.Int32) TimelineFunc {
	return func(_ context.Context, f Filter) (*timeline.Timeline, error) {
		builds.Add(1)
		if f.Actor == "boom" {
			return nil, errors.New("boom")
		}
		tl := &timeline.Timeline{Schema: timeline.Schema, Filter: timeline.Filter{Actor: f.Actor}}
		for i := range n {
			tl.Events = append(tl.Events, timeline.Event{ID: fmt.Sprintf("event/%03d", i), Action: "meet"})
		}
		return tl, nil
	}
}

// TestTimelineAPIPages follows the Link headers through a 250-event
// timeline: every event once, in order, from one build.
func TestTimelineAPIPages(t *testing.T) {
	var builds atomic.Int32
	srv := newServer(t, Options{Timeline: manyEvents(250, &builds)})
	var got []string
	path := "/api/timeline?limit=100&actor=Acme"
	var sizes []int
	for path != "" {
		resp, body := do(t, srv, call{path: path})
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, body)
		}
		if h := resp.Header.Get("X-Total-Count"); h != "250" {
			t.Errorf("%s: X-Total-Count %q", path, h)
		}
		var doc timeline.Timeline
		if err := json.Unmarshal([]byte(body), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Schema != timeline.Schema || doc.Filter.Actor != "Acme" {
			t.Errorf("%s: schema %q filter %+v", path, doc.Schema, doc.Filter)
		}
		if h := resp.Header.Get("X-Page-Start"); h != fmt.Sprint(len(got)) {
			t.Errorf("%s: X-Page-Start %s, want %d", path, h, len(got))
		}
		for _, e := range doc.Events {
			got = append(got, e.ID)
		}
		sizes = append(sizes, len(doc.Events))
		path = ""
		for _, l := range strings.Split(resp.Header.Get("Link"), ", ") {
			if strings.HasSuffix(l, `rel="next"`) {
				path = strings.TrimSuffix(strings.TrimPrefix(strings.SplitN(l, ">", 2)[0], "<"), ">")
				u, err := url.Parse(path)
				if err != nil || u.Query().Get("actor") != "Acme" || u.Query().Get("limit") != "100" {
					t.Errorf("next link %q keeps the filter and limit", path)
				}
				if u.Query().Get("cursor") != resp.Header.Get("X-Next-Cursor") {
					t.Errorf("next link %q and X-Next-Cursor %q differ", path, resp.Header.Get("X-Next-Cursor"))
				}
			}
		}
		if len(sizes) > 5 {
			t.Fatal("too many pages")
		}
	}
	if fmt.Sprint(sizes) != "[100 100 50]" {
		t.Errorf("page sizes %v", sizes)
	}
	for i, id := range got {
		if id != fmt.Sprintf("event/%03d", i) {
			t.Fatalf("event %d is %s", i, id)
		}
	}
	if n := builds.Load(); n != 1 {
		t.Errorf("%d builds for three pages of one filter, want 1", n)
	}
	// Default page size, and the previous page's link.
	resp, body := do(t, srv, call{path: "/api/timeline?actor=Acme&cursor=" + cursor{Start: 200, After: "event/199"}.String()})
	var doc timeline.Timeline
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 50 || resp.Header.Get("X-Next-Cursor") != "" || !strings.Contains(resp.Header.Get("Link"), `rel="prev"`) {
		t.Errorf("last page: %d events, headers %v", len(doc.Events), resp.Header)
	}
	if resp, _ := do(t, srv, call{path: "/api/timeline"}); resp.Header.Get("X-Next-Cursor") == "" {
		t.Errorf("the default page of 250 events has no next page")
	}
}

func TestTimelineAPIBadPage(t *testing.T) {
	var builds atomic.Int32
	srv := newServer(t, Options{Timeline: manyEvents(3, &builds)})
	for _, p := range []string{"/api/timeline?limit=0", "/api/timeline?limit=5000", "/api/timeline?limit=x", "/api/timeline?cursor=%25%25", "/api/timeline?cursor=bm9wZQ"} {
		resp, body := do(t, srv, call{path: p})
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "bad ") {
			t.Errorf("%s: %d %s, want 400", p, resp.StatusCode, body)
		}
	}
	if n := builds.Load(); n != 0 {
		t.Errorf("a bad request built the timeline %d times", n)
	}
}

// TestTimelineCache: one build for concurrent requests, a build per filter,
// errors not kept, entries expire and are dropped on a write.
func TestTimelineCache(t *testing.T) {
	var builds atomic.Int32
	release := make(chan struct{})
	slow := func(ctx context.Context, f Filter) (*timeline.Timeline, error) {
		<-release
		return manyEvents(2, &builds)(ctx, f)
	}
	c := newTimelineCache(slow, time.Minute, time.Second, slog.New(slog.NewTextHandler(io.Discard, nil)))
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	ctx := context.Background()

	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if tl, err := c.get(ctx, Filter{Actor: "Acme"}); err != nil || len(tl.Events) != 2 {
				t.Errorf("get: %v, %v", tl, err)
			}
		}()
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	check := func(step string, want int32) {
		t.Helper()
		if n := builds.Load(); n != want {
			t.Errorf("%s: %d builds, want %d", step, n, want)
		}
	}
	check("ten concurrent requests", 1)

	half := 0.5
	for _, f := range []Filter{{Actor: "Acme"}, {Actor: "Acme", MinSalience: &half}, {Actor: "Acme", MinSalience: new(float64)}} {
		if _, err := c.get(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	other := 0.5
	if _, err := c.get(ctx, Filter{Actor: "Acme", MinSalience: &other}); err != nil {
		t.Fatal(err)
	}
	check("two more filters (min_salience 0.5 twice, through two pointers)", 3)

	for range 2 {
		if _, err := c.get(ctx, Filter{Actor: "boom"}); err == nil {
			t.Fatal("no error")
		}
	}
	check("a failing build, twice", 5)

	c.mu.Lock()
	now = now.Add(2 * time.Minute)
	old := c.entries[keyOf(Filter{Actor: "Acme"})]
	c.mu.Unlock()
	if tl, err := c.get(ctx, Filter{Actor: "Acme"}); err != nil || tl != old.tl {
		t.Fatalf("after the TTL: %p, %v; want the previous build %p at once", tl, err, old.tl)
	}
	// The new build replaces it in the background.
	for i := 0; ; i++ {
		c.mu.Lock()
		cur := c.entries[keyOf(Filter{Actor: "Acme"})]
		c.mu.Unlock()
		if cur != old {
			break
		}
		if i > 200 {
			t.Fatal("the expired entry was not rebuilt")
		}
		time.Sleep(5 * time.Millisecond)
	}
	check("after the TTL", 6)

	c.invalidate()
	if _, err := c.get(ctx, Filter{Actor: "Acme"}); err != nil {
		t.Fatal(err)
	}
	check("after a write", 7)

	for i := range timelineCacheSize + 4 {
		if _, err := c.get(ctx, Filter{Type: fmt.Sprint(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(c.entries); n > timelineCacheSize {
		t.Errorf("%d entries kept, want at most %d", n, timelineCacheSize)
	}
}

// TestTimelineCacheTTL: with a TTL, a request after it starts a new build
// of the whole timeline (a store other processes write to); with
// TimelineCacheForever (a store only the server writes to) the built
// timeline answers a day later without a build, until a write drops it.
func TestTimelineCacheTTL(t *testing.T) {
	for _, tc := range []struct {
		name        string
		ttl         time.Duration
		afterADay   int32
		afterAWrite int32
	}{
		{"a minute", DefaultTimelineCacheTTL, 2, 3},
		{"forever", TimelineCacheForever, 1, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var builds atomic.Int32
			c := newTimelineCache(manyEvents(2, &builds), tc.ttl, time.Second, slog.New(slog.NewTextHandler(io.Discard, nil)))
			now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			c.now = func() time.Time { return now }
			get := func() {
				t.Helper()
				if tl, err := c.get(context.Background(), Filter{}); err != nil || len(tl.Events) != 2 {
					t.Fatalf("get: %v, %v", tl, err)
				}
			}
			settled := func(step string, want int32) {
				t.Helper()
				deadline := time.Now().Add(5 * time.Second)
				for builds.Load() < want && time.Now().Before(deadline) {
					time.Sleep(time.Millisecond)
				}
				time.Sleep(20 * time.Millisecond) // a build started late would show now
				if n := builds.Load(); n != want {
					t.Errorf("%s: %d builds, want %d", step, n, want)
				}
			}
			get()
			c.mu.Lock()
			now = now.Add(24 * time.Hour)
			c.mu.Unlock()
			get()
			settled("a day later", tc.afterADay)
			c.invalidate()
			get()
			settled("after a write through the server", tc.afterAWrite)
		})
	}
}

// TestTimelineBuildTimeout: a filter's build longer than the build
// timeout is cancelled; the default timeline's goes on to the end (it was
// cancelled too, and started again from nothing at the next request).
func TestTimelineBuildTimeout(t *testing.T) {
	for _, tc := range []struct {
		name    string
		f       Filter
		wantErr bool
	}{
		{"an actor's timeline", Filter{Actor: "Acme"}, true},
		{"the default timeline", Filter{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var builds atomic.Int32
			slow := func(ctx context.Context, f Filter) (*timeline.Timeline, error) {
				select {
				case <-time.After(200 * time.Millisecond):
				case <-ctx.Done():
					return nil, ctx.Err()
				}
				return manyEvents(2, &builds)(ctx, f)
			}
			c := newTimelineCache(slow, TimelineCacheForever, 20*time.Millisecond, slog.New(slog.NewTextHandler(io.Discard, nil)))
			tl, err := c.get(context.Background(), tc.f)
			if tc.wantErr {
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("got %v, %v; want the build cancelled at its timeout", tl, err)
				}
				return
			}
			if err != nil || len(tl.Events) != 2 {
				t.Errorf("got %v, %v; want the build's 2 events", tl, err)
			}
		})
	}
}

// TestTimelineCacheDroppedOnIngest: a source stored through the server
// drops the built timelines.
func TestTimelineCacheDroppedOnIngest(t *testing.T) {
	var builds atomic.Int32
	srv := newServer(t, Options{
		Timeline: manyEvents(3, &builds),
		Ingest: func(context.Context, IngestRequest) (any, error) {
			return map[string]int{"articles": 1}, nil
		},
	})
	do(t, srv, call{path: "/api/timeline"})
	do(t, srv, call{path: "/api/timeline"})
	if resp, body := do(t, srv, call{method: "POST", path: IngestPath + "?name=a.txt", body: "text"}); resp.StatusCode != 200 {
		t.Fatalf("ingest: %d %s", resp.StatusCode, body)
	}
	do(t, srv, call{path: "/api/timeline"})
	if n := builds.Load(); n != 2 {
		t.Errorf("%d builds, want 2 (one before the ingest, one after)", n)
	}
}

// TestTimelineAPIStillBuilding: a build longer than a request's time
// answers 503 with Retry-After and goes on; the next request gets it.
func TestTimelineAPIStillBuilding(t *testing.T) {
	var builds atomic.Int32
	release := make(chan struct{})
	srv := newServer(t, Options{
		QueryTimeout: 50 * time.Millisecond,
		Timeline: func(ctx context.Context, f Filter) (*timeline.Timeline, error) {
			select {
			case <-release:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			return manyEvents(3, &builds)(ctx, f)
		},
	})
	resp, body := do(t, srv, call{path: "/api/timeline?all=1"})
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, "still being built") {
		t.Fatalf("while building: %d %v %s, want 503 with Retry-After", resp.StatusCode, resp.Header, body)
	}
	close(release)
	for i := 0; ; i++ {
		resp, body = do(t, srv, call{path: "/api/timeline?all=1"})
		if resp.StatusCode == 200 {
			break
		}
		if i > 100 {
			t.Fatalf("after the build: %d %s", resp.StatusCode, body)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if n := builds.Load(); n != 1 {
		t.Errorf("%d builds, want the one the first request started", n)
	}
}
