package serve

import (
	"context"

	"github.com/eventgraph/eventgraph/timeline"
)

// A filter without an actor (dates, a type, a salience floor at least the
// default's) reads every event of the store, as the default timeline
// does: its timeline is cut from the default one instead of built again
// (timeline.Narrow), so that on a 300-article store it answers in
// milliseconds rather than seconds once the default timeline is built,
// and waits for that one build before. An actor filter reads the actor's
// events alone and is built on its own.

// narrowedEntry is a timeline cut from the default timeline from.
type narrowedEntry struct {
	from *timeline.Timeline
	tl   *timeline.Timeline
}

// narrow answers f from the default timeline; ok is false when f is not
// a part of it (an actor filter, a lower salience floor, or a default
// timeline that no build made), and f's own build answers.
func (c *timelineCache) narrow(ctx context.Context, f Filter) (tl *timeline.Timeline, ok bool, err error) {
	k := keyOf(f)
	if f.Actor != "" || k == (cacheKey{}) {
		return nil, false, nil
	}
	c.mu.Lock()
	base, building := c.entries[cacheKey{}]
	if f.MinSalience != nil && (!building || base.gen != c.gen || base.tl == nil) {
		// Whether the default covers this floor is known once it is
		// built: until then the filter's own build answers.
		c.mu.Unlock()
		return nil, false, nil
	}
	e := c.entry(ctx, Filter{})
	c.mu.Unlock()
	whole, err := c.wait(ctx, e)
	if err != nil {
		return nil, true, err
	}
	tf := timeline.Filter{From: f.From, To: f.To, Type: f.Type, MinSalience: whole.Filter.MinSalience}
	if f.MinSalience != nil {
		tf.MinSalience = *f.MinSalience
	}
	if !whole.Covers(tf) {
		return nil, false, nil
	}
	c.mu.Lock()
	n, kept := c.narrowed[k]
	c.mu.Unlock()
	if kept && n.from == whole {
		return n.tl, true, nil
	}
	if tl, err = whole.Narrow(ctx, tf); err != nil {
		if ctx.Err() != nil {
			return nil, true, err
		}
		c.log.Debug("the default timeline cannot be narrowed: building the filter's own", "filter", f, "err", err)
		return nil, false, nil
	}
	c.mu.Lock()
	if len(c.narrowed) >= timelineCacheSize {
		clear(c.narrowed)
	}
	c.narrowed[k] = narrowedEntry{from: whole, tl: tl}
	c.mu.Unlock()
	return tl, true, nil
}
