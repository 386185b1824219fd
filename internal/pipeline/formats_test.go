package pipeline

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventgraph/eventgraph/extract/article/fetch"
	"github.com/eventgraph/eventgraph/timeline"
)

// Each format ends in the right events and dates: the minister's
// resignation "on Tuesday" in an article published Tuesday 2024-03-26.
func TestFormatsEndInEvents(t *testing.T) {
	testdata := "../../extract/article/testdata"
	page, err := os.ReadFile(filepath.Join(testdata, "news.html"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer srv.Close()

	tests := []struct {
		name  string
		input string
	}{
		{"html", filepath.Join(testdata, "news.html")},
		{"feed", filepath.Join(testdata, "rss.xml")},
		{"jsonl", filepath.Join(testdata, "articles.jsonl")},
		{"url", srv.URL + "/politics/2024/minister-resigns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			st := openStore(t)
			// The test server is on loopback, which fetching refuses unless allowed.
			client := fetch.New()
			client.AllowPrivate = true
			sum, err := Run(ctx, st, []string{tt.input}, Options{Fetcher: client})
			if err != nil {
				t.Fatalf("%v (%+v)", err, sum)
			}
			if sum.Ingested == 0 {
				t.Fatalf("nothing ingested: %+v", sum)
			}
			tl, err := timeline.BuildFrom(ctx, st, timeline.Filter{Type: "resign"})
			if err != nil {
				t.Fatal(err)
			}
			if len(tl.Events) == 0 {
				t.Fatal("no resignation event")
			}
			e := tl.Events[0]
			if e.When.Latest == nil || *e.When.Latest != "2024-03-26" {
				t.Errorf("resignation dated %+v, want on or before 2024-03-26", e.When)
			}
			for _, m := range e.Mentions {
				if m.Published == nil || *m.Published != "2024-03-26" {
					t.Errorf("mention published %v, want 2024-03-26", m.Published)
				}
			}
		})
	}
}
