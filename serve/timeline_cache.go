package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"sync"
	"time"

	"github.com/eventgraph/eventgraph/timeline"
)

// DefaultTimelineCacheTTL is how long a built timeline answers pages
// before it is built again (a store other processes write to, such as
// postgres, changes under a server).
const DefaultTimelineCacheTTL = time.Minute

// TimelineCacheForever is the TTL for a store only the server writes to
// (bolt, leveldb, badger: their file admits one writer, and writes through
// the server drop the built timelines): a built timeline then answers
// until such a write, instead of a rebuild of the whole store each minute.
const TimelineCacheForever = time.Duration(math.MaxInt64)

// DefaultTimelineBuildTimeout bounds the build of a filter's timeline (the
// default timeline of a 2,000-article store, 21,000 of its 56,000 events,
// took 1.5 to 5 minutes on two busy cores). The default timeline's own
// build is not bounded: every first screen needs it, and a cancelled build
// would start again from nothing at the next request, so that on a busy
// machine a large store's never ended (a 25,500-article store at load
// 13-16: cancelled at 10 minutes, 63 % read; docs/UX.md).
const DefaultTimelineBuildTimeout = 10 * time.Minute

// timelineCacheSize is how many filters keep their built timeline.
const timelineCacheSize = 8

// timelineIdleStop is how long a filter's build goes on once no
// request waits for it: the page asks again 5 s after a 503 (Retry-After),
// so a build that nobody asked about for three times as long was left.
const timelineIdleStop = 15 * time.Second

// errAbandoned stops a build that no request waited for.
var errAbandoned = errors.New("no request waited for this timeline any more")

// timelineCache keeps the timelines built for the last filters, so that the
// pages of one timeline are cut from one build: the first page costs the
// build, the next ones a slice. Concurrent requests for a filter being
// built wait for that build; an expired timeline answers while the next
// build runs.
type timelineCache struct {
	build TimelineFunc
	ttl   time.Duration
	// timeout bounds a build but the default timeline's. A build runs
	// apart from the request that started it, so that a client going away
	// (or whose time is up) does not fail the others: a large store's
	// timeline takes longer to build than a request waits.
	timeout time.Duration
	now     func() time.Time
	log     *slog.Logger
	// idleStop is how long a build (but the default timeline's) goes on
	// once the last request that waited for it has left.
	idleStop time.Duration

	mu      sync.Mutex
	entries map[cacheKey]*cacheEntry
	gen     int
	// narrowed keeps the timelines cut from the default one (narrow.go).
	narrowed map[cacheKey]narrowedEntry
}

type cacheEntry struct {
	done  chan struct{}
	tl    *timeline.Timeline
	err   error
	built time.Time
	used  time.Time
	gen   int
	// refreshing is set while a new build of an expired entry runs.
	refreshing bool
	started    time.Time
	// waiters count the requests waiting for the build; when the last
	// leaves before it is done, idle stops the build after idleStop
	// (cancel), unless the entry is the default timeline (keep).
	waiters int
	idle    *time.Timer
	cancel  context.CancelCauseFunc
	keep    bool
}

func newTimelineCache(build TimelineFunc, ttl, timeout time.Duration, log *slog.Logger) *timelineCache {
	return &timelineCache{build: build, ttl: ttl, timeout: timeout, now: time.Now, log: log, idleStop: timelineIdleStop,
		entries: map[cacheKey]*cacheEntry{}, narrowed: map[cacheKey]narrowedEntry{}}
}

// cacheKey is a comparable form of a Filter (MinSalience is a pointer).
type cacheKey struct {
	actor, from, to, typ string
	min                  float64
	hasMin               bool
}

func keyOf(f Filter) cacheKey {
	k := cacheKey{actor: f.Actor, from: f.From, to: f.To, typ: f.Type}
	if f.MinSalience != nil {
		k.min, k.hasMin = *f.MinSalience, true
	}
	return k
}

// get returns the timeline of f, built now or earlier, or cut from the
// default timeline when f asks for part of it (narrow.go). A timeline
// older than the TTL still answers while its new build runs in the
// background, so that a large store's first screen does not wait for it.
func (c *timelineCache) get(ctx context.Context, f Filter) (*timeline.Timeline, error) {
	if tl, ok, err := c.narrow(ctx, f); ok {
		return tl, err
	}
	c.mu.Lock()
	e := c.entry(ctx, f)
	c.mu.Unlock()
	return c.wait(ctx, e)
}

// entry is the cache entry of f, started when there is none and
// refreshed when it expired; c.mu is held.
func (c *timelineCache) entry(ctx context.Context, f Filter) *cacheEntry {
	k := keyOf(f)
	now := c.now()
	e, ok := c.entries[k]
	if ok && e.gen == c.gen {
		e.used = now
		if !e.built.IsZero() && now.Sub(e.built) >= c.ttl && !e.refreshing {
			e.refreshing = true
			c.start(ctx, k, f, false)
		}
		return e
	}
	return c.start(ctx, k, f, true)
}

// start builds f's timeline in the background; c.mu is held. With install
// the entry is cached at once and requests wait for it; otherwise it
// replaces the entry in the cache when it is built, and the old one
// answers until then.
func (c *timelineCache) start(ctx context.Context, k cacheKey, f Filter, install bool) *cacheEntry {
	e := &cacheEntry{done: make(chan struct{}), used: c.now(), gen: c.gen, started: time.Now(), keep: k == cacheKey{}}
	if install {
		c.entries[k] = e
		c.evict()
	}
	bctx, cancel := context.WithCancelCause(context.WithoutCancel(ctx))
	e.cancel = cancel
	go func() {
		if !e.keep {
			var stop context.CancelFunc
			bctx, stop = context.WithTimeout(bctx, c.timeout)
			defer stop()
		}
		defer cancel(nil)
		tl, err := c.build(bctx, f)
		c.mu.Lock()
		e.tl, e.err, e.built = tl, err, c.now()
		cur := c.entries[k]
		switch {
		case err != nil && install && cur == e:
			// Errors are not kept: the next request tries again.
			delete(c.entries, k)
		case err != nil && cur != nil:
			c.log.Warn("rebuilding a timeline; the previous build still answers", "filter", f, "err", err)
			cur.refreshing = false
		case err == nil && !install && e.gen == c.gen:
			if cur != nil {
				e.used = cur.used
			}
			c.entries[k] = e
			c.evict()
		}
		c.mu.Unlock()
		close(e.done)
	}()
	return e
}

// stillBuilding is a request that stopped waiting (its time was up) while
// the build it waited for goes on: the next request gets its result.
type stillBuilding struct {
	since time.Duration
	err   error // the request's context error
}

func (e *stillBuilding) Error() string {
	return fmt.Sprintf("the timeline is still being built (%s so far): try again shortly", e.since.Round(time.Second))
}

func (e *stillBuilding) Unwrap() error { return e.err }

// wait waits for e's build, or until ctx ends: then, when no other
// request waits for it, the build is stopped after c.idleStop unless a
// request comes back for it meanwhile.
func (c *timelineCache) wait(ctx context.Context, e *cacheEntry) (*timeline.Timeline, error) {
	c.mu.Lock()
	e.waiters++
	if e.idle != nil {
		e.idle.Stop()
		e.idle = nil
	}
	c.mu.Unlock()
	select {
	case <-e.done:
		c.mu.Lock()
		e.waiters--
		c.mu.Unlock()
		return e.tl, e.err
	case <-ctx.Done():
		c.mu.Lock()
		e.waiters--
		if e.waiters == 0 && !e.keep {
			e.idle = time.AfterFunc(c.idleStop, func() {
				c.mu.Lock()
				defer c.mu.Unlock()
				if e.waiters == 0 {
					e.cancel(errAbandoned)
				}
			})
		}
		c.mu.Unlock()
		return nil, &stillBuilding{since: time.Since(e.started), err: ctx.Err()}
	}
}

// evict drops the least recently used entries past the cache's size; c.mu
// is held.
func (c *timelineCache) evict() {
	for len(c.entries) > timelineCacheSize {
		var oldK cacheKey
		var old *cacheEntry
		for k, e := range c.entries {
			if old == nil || e.used.Before(old.used) {
				oldK, old = k, e
			}
		}
		delete(c.entries, oldK)
	}
}

// invalidate forgets every built timeline (after a write through the
// server).
func (c *timelineCache) invalidate() {
	c.mu.Lock()
	c.gen++
	c.entries = map[cacheKey]*cacheEntry{}
	c.narrowed = map[cacheKey]narrowedEntry{}
	c.mu.Unlock()
}
