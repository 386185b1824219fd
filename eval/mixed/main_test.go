package main

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
)

// TestMixedCorpus resolves ECB+ topics, TimeBank, AQUAINT and the
// repository's fixtures as one stream and checks that nothing merges
// across corpora, that the hand-labelled sample of cross-article merges
// stays right, and that other orders and disjoint shards give nearly the
// same events (the documented bound).
func TestMixedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the mixed-corpus resolution (about 500 articles)")
	}
	dir, err := evalkit.DataDir("", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"ecbplus", "tempeval3-train"} {
		if _, err := os.Stat(filepath.Join(dir, sub)); err != nil {
			t.Skipf("SKIPPING the mixed-corpus test: no %s under %s (%v)", sub, dir, err)
		}
	}
	c, err := Load(dir, DefaultTopics)
	if err != nil {
		t.Fatal(err)
	}
	labels, err := ReadLabels("testdata/merges.tsv")
	if err != nil {
		t.Fatal(err)
	}
	res := c.Run(labels, 2)
	res.Print(testWriter{t})
	if res.CrossCorpus != 0 {
		t.Errorf("%d events merge articles of different corpora", res.CrossCorpus)
	}
	// The merges the labels were written for should still be there: if
	// the extractors or the rules change them, relabel (-list).
	if res.Labelled < SampleSize/2 {
		t.Errorf("only %d of the %d labelled merges found: relabel testdata/merges.tsv (go run ./eval/mixed -list %d)", res.Labelled, SampleSize, SampleSize)
	}
	if p := evalkit.Ratio(res.Right, res.Labelled); p < floorRight {
		t.Errorf("%.1f%% of the labelled merges right, floor %.0f%%", 100*p, 100*floorRight)
	}
	if p := evalkit.Ratio(res.RightInStory, res.LabelledInStory); p < floorRightInStory {
		t.Errorf("%.1f%% of the labelled merges within a known story right, floor %.0f%%", 100*p, 100*floorRightInStory)
	}
	for _, o := range res.Orders {
		if d := math.Abs(float64(o.Events-res.Events)) / float64(res.Events); d > maxEventDiff {
			t.Errorf("%s: %d events against %d (%.2f%% apart, bound %.1f%%)", o.Name, o.Events, res.Events, 100*d, 100*maxEventDiff)
		}
		if a := o.Agreement.CoNLL(); a < minAgreement {
			t.Errorf("%s: CoNLL agreement with the first order %.3f, bound %.3f", o.Name, a, minAgreement)
		}
	}
}

// Floors and bounds, a little under what the current rules reach (95.0%
// of the sample right, 97.4% leaving out merges across ECB+ sub-topics;
// 128 of all 141 cross-article merges right, every one labelled; the
// goal of issue 22 is 95%). Order bounds: the other orders and shards
// give CoNLL agreement 0.997, 1.000 and 0.996 with 0.01%, 0.01% and 0.03%
// fewer events (with resolve.Rules.StoryLead on, which merges most, it
// was 0.990 and 0.10% last measured).
const (
	floorRight        = 0.93
	floorRightInStory = 0.96
	maxEventDiff      = 0.005
	minAgreement      = 0.98
)

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
