package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/eventgraph/eventgraph/graph"
)

// errPowerCut stands for a crash between two transactions.
var errPowerCut = errors.New("power cut")

// countingWriter counts transactions and fails from the failAt-th on (1-based;
// 0 never fails), as a process killed between two transactions would.
type countingWriter struct {
	cgraph.QuadWriter
	n, failAt int
}

func (w *countingWriter) ApplyTransaction(tx *cgraph.Transaction) error {
	w.n++
	if w.failAt > 0 && w.n >= w.failAt {
		return errPowerCut
	}
	return w.QuadWriter.ApplyTransaction(tx)
}

// A batch longer than the write chunk is written in several transactions;
// a run stopped between two of them leaves a partial article (quads under
// its label, no rdf:type quad), which the next run undoes and ingests
// again: whatever transaction fails, the store ends holding exactly what
// one uninterrupted run stores, and Check finds nothing.
func TestInterruptedChunkedWriteResumes(t *testing.T) {
	data := "../../../shared/data"
	if v := os.Getenv("EVENTGRAPH_DATA"); v != "" {
		data = v
	}
	if _, err := os.Stat(filepath.Join(data, "tempeval3-train")); err != nil {
		t.Skipf("SKIPPED: needs the gold corpora in %s: %v", data, err)
	}
	src := t.TempDir()
	crashCorpus(t, data, src, 12)
	ctx := context.Background()
	const chunk = 300 // quads per transaction: a batch of 4 news articles takes several
	opt := Options{Workers: 1, Batch: 4}
	open := func(dir string) *graph.Store {
		t.Helper()
		st, err := graph.Open(ctx, graph.Config{Backend: "bolt", Address: dir})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}

	// One transaction per batch (the default chunk): the reference.
	whole := openStore(t)
	if _, err := Run(ctx, whole, []string{src}, opt); err != nil {
		t.Fatal(err)
	}
	want := dumpQuads(t, whole)

	chunked := openStore(t)
	chunked.SetWriteChunk(chunk)
	counter := &countingWriter{QuadWriter: chunked.QuadWriter}
	chunked.QuadWriter = counter
	if _, err := Run(ctx, chunked, []string{src}, opt); err != nil {
		t.Fatal(err)
	}
	if got := dumpQuads(t, chunked); !slices.Equal(got, want) {
		t.Fatalf("written in transactions of %d quads, the store holds %d quads; in one per batch, %d", chunk, len(got), len(want))
	}
	txs := counter.n
	if txs < 12 {
		t.Fatalf("%d transactions for 12 articles in chunks of %d quads: the batches were not split", txs, chunk)
	}

	partial := 0
	for _, failAt := range []int{2, txs / 4, txs / 3, txs / 2, 2 * txs / 3, txs - 1} {
		t.Run(fmt.Sprintf("fail_at_%d_of_%d", failAt, txs), func(t *testing.T) {
			dir := t.TempDir()
			st := open(dir)
			st.SetWriteChunk(chunk)
			st.QuadWriter = &countingWriter{QuadWriter: st.QuadWriter, failAt: failAt}
			if _, err := Run(ctx, st, []string{src}, opt); !errors.Is(err, errPowerCut) {
				st.Close()
				t.Fatalf("Run: %v, want the power cut", err)
			}
			rep, err := st.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			partial += rep.Count(graph.OrphanLabel)
			st.Close()

			st = open(dir)
			defer st.Close()
			if _, err := Run(ctx, st, []string{src}, opt); err != nil {
				t.Fatalf("resumed run: %v", err)
			}
			if got := dumpQuads(t, st); !slices.Equal(got, want) {
				t.Errorf("after the resumed run the store holds %d quads, one clean run %d", len(got), len(want))
				for _, l := range got {
					if _, found := slices.BinarySearch(want, l); !found {
						t.Logf("+ %s", l)
					}
				}
			}
			if rep, err := st.Check(ctx); err != nil || !rep.OK() {
				t.Errorf("Check after the resumed run: %v, %+v", err, rep)
			}
		})
	}
	if partial == 0 {
		t.Error("no interrupted run left a partial article: the test does not exercise recovery")
	}
}
