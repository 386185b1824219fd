package pipeline

import (
	"context"
	"net/url"
	"strings"

	"github.com/cayleygraph/cayley/graph/memstore"
	"golang.org/x/sync/semaphore"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/graph"
)

// concurrent reports whether st may be read while it is written. cayley's
// memstore may not (its maps are unguarded: `--db memstore ingest` died of
// a concurrent map read and write), so on it the pipeline reads and
// writes the store from the writer alone, one batch after the other.
func concurrent(st *graph.Store) bool {
	_, mem := st.QuadStore.(*memstore.QuadStore)
	return !mem
}

// textBudget bounds the article text in extraction at once.
type textBudget struct {
	sem *semaphore.Weighted
	max int64
}

// newTextBudget gives extraction half of memoryLimit at ExtractCost bytes
// per byte of text; no bound when memoryLimit is 0.
func newTextBudget(memoryLimit int64) *textBudget {
	if memoryLimit <= 0 {
		return &textBudget{}
	}
	n := max(memoryLimit/2/ExtractCost, 1)
	return &textBudget{sem: semaphore.NewWeighted(n), max: n}
}

// acquire waits until n bytes of text may be extracted (an article over
// the whole budget waits to run alone).
func (b *textBudget) acquire(ctx context.Context, n int) (release func(), err error) {
	if b.sem == nil {
		return func() {}, nil
	}
	w := min(int64(max(n, 1)), b.max)
	if err := b.sem.Acquire(ctx, w); err != nil {
		return nil, err
	}
	return func() { b.sem.Release(w) }, nil
}

// scrub removes user names and passwords from the URLs an article
// carries (its source, canonical URL and URL properties), which would
// otherwise be stored in the graph (eg:source, schema:url) and shown by
// export and timeline.
func scrub(a *doc.Article) {
	a.Source = stripUserinfo(a.Source)
	a.URL = stripUserinfo(a.URL)
	for k, v := range a.Props {
		a.Props[k] = stripUserinfo(v)
	}
}

// stripUserinfo is s without user information when s is a URL that has
// some, else s.
func stripUserinfo(s string) string {
	if !strings.Contains(s, "@") || !strings.Contains(s, "://") {
		return s
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.User == nil {
		return s
	}
	u.User = nil
	return u.String()
}

// redactURL hides the password of a URL named in messages.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	return u.Redacted()
}
