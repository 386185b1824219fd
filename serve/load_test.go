package serve

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/resolve"
	"github.com/eventgraph/eventgraph/timeline"
)

// loadDuration is how long TestLoad runs: 5s by default (make test), 30s
// with EVENTGRAPH_LOAD=1, or EVENTGRAPH_LOAD_DURATION (a Go duration).
func loadDuration() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("EVENTGRAPH_LOAD_DURATION")); err == nil && d > 0 {
		return d
	}
	if os.Getenv("EVENTGRAPH_LOAD") == "1" {
		return 30 * time.Second
	}
	return 5 * time.Second
}

// loadStore fills a bolt store with n synthetic articles: a handful of
// actors, events of several CAMEO types over a year, some reported twice.
func loadStore(t *testing.T, n int) *graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: "bolt", Address: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	actors := []doc.Actor{
		{Key: "person:ada lovelace", Name: "Ada Lovelace", Kind: doc.KindPerson},
		{Key: "person:alan turing", Name: "Alan Turing", Kind: doc.KindPerson},
		{Key: "gov:GBR", Name: "Government of the United Kingdom", Kind: doc.KindGovernment, Code: "GBRGOV"},
		{Key: "gov:FRA", Name: "Government of France", Kind: doc.KindGovernment, Code: "FRAGOV"},
		{Key: "org:acme", Name: "Acme", Kind: doc.KindOrganization},
	}
	types := []struct{ code, action, label string }{
		{"042", "visit", "Make a visit"}, {"0874", "resign", "Resign"}, {"130", "threaten", "Threaten"},
		{"190", "fight", "Use conventional military force"}, {"036", "meet", "Express intent to meet"},
	}
	res := resolve.New(resolve.Rules{})
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var batch []graph.ArticleQuads
	for i := 0; i < n; i++ {
		k := i
		if i%4 == 3 {
			k = i - 1 // every fourth article reports the previous one's event
		}
		ag, tg, ty := actors[k%len(actors)], actors[(k+1)%len(actors)], types[k%len(types)]
		pub := base.AddDate(0, 0, k)
		text := fmt.Sprintf("%s %s %s on day %d, article %d.", ag.Name, ty.action, tg.Name, k, i)
		d := &doc.Document{
			Article:       doc.Article{ID: fmt.Sprintf("load%04d", i), Source: fmt.Sprintf("load/%04d.txt", i), Title: fmt.Sprintf("Article %d", i), Text: text, Published: &pub},
			Sentences:     []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}}},
			Actors:        []doc.Actor{ag, tg},
			ActorMentions: []doc.ActorMention{{Span: doc.Span{Start: 0, End: len(ag.Name)}, Text: ag.Name, Actor: 0}},
			Events: []doc.EventMention{{Sentence: 0, TriggerText: ty.action, Action: ty.action, Type: doc.EventType{Code: ty.code, Label: ty.label},
				Modality: doc.Asserted, Timex: -1, Earliest: pub, Latest: pub, Basis: doc.BasisExplicit, Granularity: "day",
				Summary:   fmt.Sprintf("%s %ss %s", ag.Name, ty.action, tg.Name),
				Arguments: []doc.Argument{{Role: doc.RoleAgent, Actor: 0, Mention: 0}, {Role: doc.RoleTarget, Actor: 1, Mention: -1}}}},
		}
		own, shared := graph.Quads(d, res.Add(d))
		batch = append(batch, graph.ArticleQuads{Own: own, Shared: shared})
	}
	if _, err := st.WriteBatch(ctx, batch); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestLoad runs 50 concurrent clients against a real server on loopback,
// issuing timeline and Gizmo queries (v1 and v2 APIs) for loadDuration, and
// requires every request to succeed. It logs latency percentiles per kind.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped in -short mode")
	}
	requireAssets(t)
	const clients = 50
	dur := loadDuration()
	st := loadStore(t, 300)
	h, err := New(Options{
		Handle:       &cgraph.Handle{QuadStore: st.QuadStore, QuadWriter: st.QuadWriter},
		ReadOnly:     true,
		QueryTimeout: 30 * time.Second,
		AllowedHosts: LoopbackHosts,
		Timeline: func(ctx context.Context, f Filter) (*timeline.Timeline, error) {
			return timeline.Build(ctx, st.QuadStore, timeline.Filter{Actor: f.Actor, From: f.From, To: f.To, Type: f.Type})
		},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- ListenAndServe(ctx, "127.0.0.1:0", h, slog.New(slog.NewTextHandler(io.Discard, nil)), func(a net.Addr) { addrc <- a })
	}()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a.String()
	case err := <-done:
		t.Fatal(err)
	}
	defer func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("shutdown: %v", err)
		}
	}()

	type request struct {
		kind, method, path, body string
		want                     string // substring of a good answer
	}
	requests := []request{
		{"timeline", "GET", "/api/timeline", "", `"eventgraph/timeline/v1"`},
		{"timeline", "GET", "/api/timeline?actor=Ada+Lovelace&from=2024-03", "", `"events"`},
		{"timeline", "GET", "/api/timeline?type=19&to=2024-06-30", "", `"events"`},
		{"gizmo-v1", "POST", "/api/v1/query/gizmo", `g.V("<sem:Event>").In("<rdfs:subClassOf>").In("<rdf:type>").Tag("event").Out("<schema:description>").All()`, `"result"`},
		{"gizmo-v1", "POST", "/api/v1/query/gizmo", `g.V("<eg:actor/person/ada-lovelace>").In(["<eg:agent>", "<eg:target>", "<eg:participant>"]).Tag("event").Out("<rdf:type>").Out("<eg:action>").Tag("action").All()`, `"action"`},
		{"gizmo-v2", "POST", "/api/v2/query?lang=gizmo", `g.V("<sem:Event>").In("<rdfs:subClassOf>").In("<rdf:type>").In("<eg:mentionOf>").Tag("mention").Out("<eg:mentionOf>").Out("<rdf:type>").Out("<eg:action>").All()`, `"result"`},
	}
	client := &http.Client{
		Timeout:   time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients},
	}
	defer client.CloseIdleConnections()
	var mu sync.Mutex
	lat := map[string][]time.Duration{}
	var errs []string
	end := time.Now().Add(dur)
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := c; time.Now().Before(end); i++ {
				r := requests[i%len(requests)]
				var body io.Reader
				if r.body != "" {
					body = strings.NewReader(r.body)
				}
				req, _ := http.NewRequest(r.method, base+r.path, body)
				start := time.Now()
				resp, err := client.Do(req)
				var b []byte
				if err == nil {
					b, err = io.ReadAll(resp.Body)
					resp.Body.Close()
				}
				d := time.Since(start)
				mu.Lock()
				switch {
				case err != nil:
					errs = append(errs, fmt.Sprintf("%s %s: %v", r.method, r.path, err))
				case resp.StatusCode != 200 || !strings.Contains(string(b), r.want):
					errs = append(errs, fmt.Sprintf("%s %s: %d %.200s", r.method, r.path, resp.StatusCode, b))
				default:
					lat[r.kind] = append(lat[r.kind], d)
					lat["all"] = append(lat["all"], d)
				}
				mu.Unlock()
			}
		}(c)
	}
	wg.Wait()
	for i, e := range errs {
		if i == 10 {
			t.Errorf("… and %d more errors", len(errs)-10)
			break
		}
		t.Error(e)
	}
	kinds := make([]string, 0, len(lat))
	for k := range lat {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		ds := lat[k]
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		pct := func(p float64) time.Duration { return ds[int(p*float64(len(ds)-1))].Round(time.Microsecond) }
		t.Logf("%-9s %6d requests (%.0f/s)  p50 %v  p90 %v  p99 %v  max %v", k, len(ds), float64(len(ds))/dur.Seconds(),
			pct(0.50), pct(0.90), pct(0.99), ds[len(ds)-1].Round(time.Microsecond))
	}
	if len(lat["all"]) == 0 {
		t.Fatal("no request succeeded")
	}
	t.Logf("%d clients for %v: %d requests, %d errors", clients, dur, len(lat["all"]), len(errs))
}
