package main

import (
	"os"
	"testing"
)

// TestSample scores every fourth page of each test set (sorted by file
// name) and checks that eventgraph reads them at least as well as the
// libraries alone: snippet recall and boilerplate leakage against
// go-trafilatura with its defaults, exact publication day against
// go-htmldate's fast mode (within a page: on the whole set eventgraph is
// ahead, 244 to 243 of 278, but a sample can tip either way). `make
// eval-articles` scores all of them.
func TestSample(t *testing.T) {
	tdir, err := moduleDir(trafilaturaModule)
	if err != nil {
		t.Skipf("SKIPPING page-reading evaluation: %v", err)
	}
	ddir, err := moduleDir(htmldateModule)
	if err != nil {
		t.Skipf("SKIPPING page-reading evaluation: %v", err)
	}
	tpages, err := TextPages(tdir)
	if err != nil {
		t.Skipf("SKIPPING page-reading evaluation: %v", err)
	}
	dpages, err := DatePages(ddir)
	if err != nil {
		t.Skipf("SKIPPING page-reading evaluation: %v", err)
	}
	tr := ScoreText(every(first(tpages, 0), 4))
	dr := ScoreDates(every(first(dpages, 0), 4))
	tr.Print(os.Stderr, 10)
	dr.Print(os.Stderr, 10)
	if tr.Pages < 25 || dr.Dated < 50 {
		t.Fatalf("too few pages scored: %d text, %d dated", tr.Pages, dr.Dated)
	}
	if tr.Ours.Recall() < tr.Lib.Recall() {
		t.Errorf("snippet recall %.3f below go-trafilatura's %.3f", tr.Ours.Recall(), tr.Lib.Recall())
	}
	if tr.Ours.Leakage() > tr.Lib.Leakage() {
		t.Errorf("boilerplate leakage %.3f above go-trafilatura's %.3f", tr.Ours.Leakage(), tr.Lib.Leakage())
	}
	if tr.Ours.Empty > 0 {
		t.Errorf("%d pages left without text", tr.Ours.Empty)
	}
	if tr.Kept < tr.Pages {
		t.Errorf("%d of %d English pages tagged with another language", tr.Pages-tr.Kept, tr.Pages)
	}
	if dr.Ours < dr.Fast-1 {
		t.Errorf("exact day on %d pages, go-htmldate fast on %d", dr.Ours, dr.Fast)
	}
}

// every keeps every kth page.
func every(p []Page, k int) []Page {
	var out []Page
	for i := 0; i < len(p); i += k {
		out = append(out, p[i])
	}
	return out
}
