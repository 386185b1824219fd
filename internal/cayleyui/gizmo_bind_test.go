package cayleyui

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// cayley's Gizmo session still has the fields bindGizmo reaches for, and
// binding them bounds a shape computation: an endless script stops when
// it is interrupted.
func TestBindGizmo(t *testing.T) {
	qs, err := graph.NewQuadStore("memstore", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	ses := gizmo.NewSession(qs)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	interrupt, ok := bindGizmo(ses, ctx)
	if !ok {
		t.Fatal("gizmo.Session no longer has the fields vm and ctx: Gizmo shapes cannot be bounded (see bindGizmo)")
	}
	done := make(chan error, 1)
	go func() {
		_, err := ses.ShapeOf(`while (true) {}`)
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	stop := errors.New("stop")
	interrupt(stop)
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("interrupted script ended without an error")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the interrupted script goes on")
	}
	if _, ok := bindGizmo(struct{}{}, ctx); ok {
		t.Error("bound something that is no Gizmo session")
	}
}
