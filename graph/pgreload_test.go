package graph

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"github.com/cayleygraph/cayley/graph/memstore"

	"github.com/eventgraph/eventgraph/internal/pgtest"
	"github.com/eventgraph/eventgraph/resolve"
)

// memQuads lists a memory store's quads, sorted.
func memQuads(t *testing.T, mem *memstore.QuadStore) []string {
	t.Helper()
	ctx := context.Background()
	it := mem.QuadsAllIterator()
	defer it.Close()
	var out []string
	for it.Next(ctx) {
		out = append(out, mem.Quad(it.Result()).String())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// A process's reload copies only what other processes added since its
// last one, and everything again after a retraction; either way the
// resolver it loads is the one a full copy gives.
func TestPostgresIncrementalResolverCopy(t *testing.T) {
	srv := pgtest.Start(t)
	if srv.Backend != "postgres" {
		t.Skip("CockroachDB copies everything each time")
	}
	ctx := context.Background()
	dsn := srv.NewDatabase(t)
	reader, other := openPG(t, dsn, nil), openPG(t, dsn, nil)
	writer := resolve.New(resolve.Rules{})
	write := func(ids ...string) {
		t.Helper()
		for _, id := range ids {
			d := sampleDoc(id)
			if id == "a3" {
				d.Events[0].Type.Code = "0871"
				d.Events[0].Action = "quit"
			}
			own, shared := Quads(d, writer.Add(d))
			if _, err := other.WriteArticle(ctx, own, shared); err != nil {
				t.Fatal(err)
			}
		}
	}
	// check reloads reader and compares its copy and resolver with a
	// fresh process's; it returns the copy.
	check := func(step string) *memstore.QuadStore {
		t.Helper()
		got := resolve.New(resolve.Rules{})
		if err := reader.LoadResolverBulk(ctx, got); err != nil {
			t.Fatal(err)
		}
		fresh := openPG(t, dsn, nil)
		want := resolve.New(resolve.Rules{})
		if err := fresh.LoadResolverBulk(ctx, want); err != nil {
			t.Fatal(err)
		}
		a, b := memQuads(t, reader.sql.copied.mem), memQuads(t, fresh.sql.copied.mem)
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("%s: the kept copy has %d quads, a full copy %d", step, len(a), len(b))
		}
		if got.Events() != want.Events() {
			t.Errorf("%s: %d events reloaded, %d from a full copy", step, got.Events(), want.Events())
		}
		for _, id := range []string{"b1", "b2"} {
			d := sampleDoc(id)
			if x, y := got.Add(d), want.Add(d); fmt.Sprint(x) != fmt.Sprint(y) {
				t.Errorf("%s: resolving %s: %+v after the reload, %+v after a full copy", step, id, x, y)
			}
		}
		return reader.sql.copied.mem
	}
	write("a1", "a2")
	first := check("first load")
	// The copy holds what makes an actor one: its kind's class, a
	// subclass of sem:Actor (without it a reloading process knows no actor
	// another wrote, and makes its own).
	inCopy, err := Wrap(first).OfType(ctx, ClassActor)
	if err != nil {
		t.Fatal(err)
	}
	inStore, err := other.OfType(ctx, ClassActor)
	if err != nil {
		t.Fatal(err)
	}
	if len(inCopy) != len(inStore) || len(inStore) == 0 {
		t.Errorf("the resolver's copy has %d actors, the store %d", len(inCopy), len(inStore))
	}
	write("a3")
	if check("after another process wrote") != first {
		t.Error("the reload after an addition copied everything again")
	}
	if _, err := other.RetractArticle(ctx, "a1"); err != nil {
		t.Fatal(err)
	}
	if check("after a retraction") == first {
		t.Error("the reload after a retraction kept the old copy")
	}
}
