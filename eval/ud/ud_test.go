package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"github.com/eventgraph/eventgraph/extract/syntax/conllu"
)

// TestScore scores the first 300 sentences of EWT dev: the figures must be
// those of a working tokenizer and tagger, and the report must print them.
func TestScore(t *testing.T) {
	dir, err := evalkit.DataDir("", "ud")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, treebanks[0].file("dev"))
	if _, err := os.Stat(path); err != nil {
		t.Skipf("SKIP: no UD treebank (%v): see ../shared/data/README.md", err)
	}
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := score(sents[:300], nil)
	pct := func(n int) float64 { return 100 * evalkit.Ratio(n, r.tags.words) }
	if r.tags.words < 3000 {
		t.Fatalf("%d words in 300 sentences", r.tags.words)
	}
	for name, v := range map[string]float64{
		"token F1": 100 * r.tokens.F1(), "sentence F1": 100 * r.splits.F1(),
		"UPOS": pct(r.tags.upos), "XPOS": pct(r.tags.xpos), "lemma": pct(r.tags.lemma),
	} {
		if v < 75 || v > 100 {
			t.Errorf("%s %.2f", name, v)
		}
	}
	if pct(r.tags.upos) < 93 {
		t.Errorf("UPOS %.2f, want >= 93", pct(r.tags.upos))
	}
	var b strings.Builder
	r.print(&b, "EWT dev")
	if !strings.Contains(b.String(), "UPOS") {
		t.Errorf("report %q", b.String())
	}
}
