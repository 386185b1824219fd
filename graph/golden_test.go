package graph_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/pipeline"
)

var update = flag.Bool("update", false, "rewrite graph/testdata/seeds.nq from the seeds")

// seedQuads ingests the repository's seed articles into a fresh memstore
// through the pipeline and returns every stored quad as an N-Quads line
// (IRIs in the stored, prefixed form), sorted.
func seedQuads(t *testing.T) []string {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: "memstore"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := pipeline.Run(ctx, st, []string{filepath.Join("..", "seeds")}, pipeline.Options{Workers: 1, Batch: 8}); err != nil {
		t.Fatalf("ingesting the seeds: %v", err)
	}
	it := st.QuadsAllIterator()
	defer it.Close()
	var lines []string
	for it.Next(ctx) {
		lines = append(lines, quad.Quad(st.Quad(it.Result())).NQuad())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return lines
}

// The seeds' quads are the graph contract: any change to the vocabulary or
// to what an article is mapped to shows up as a diff of testdata/seeds.nq
// (go test ./graph -run Golden -update rewrites it, for review).
func TestGoldenSeeds(t *testing.T) {
	got := strings.Join(seedQuads(t), "\n") + "\n"
	path := filepath.Join("testdata", "seeds.nq")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./graph -run Golden -update writes it)", err)
	}
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	inWant := map[string]bool{}
	for _, l := range wl {
		inWant[l] = true
	}
	inGot := map[string]bool{}
	for _, l := range gl {
		inGot[l] = true
	}
	shown := 0
	for _, l := range wl {
		if !inGot[l] && shown < 20 {
			t.Errorf("- %s", l)
			shown++
		}
	}
	for _, l := range gl {
		if !inWant[l] && shown < 40 {
			t.Errorf("+ %s", l)
			shown++
		}
	}
	t.Errorf("the seeds' quads differ from %s (%d lines, want %d); review, then -update", path, len(gl), len(wl))
}
