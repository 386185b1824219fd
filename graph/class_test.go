package graph

import (
	"context"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// An event's class names its type node and action, whatever the action's
// characters; a value that is no event class names none.
func TestEventClass(t *testing.T) {
	for _, tc := range []struct {
		typ    doc.EventType
		action string
		iri    quad.IRI
	}{
		{doc.EventType{Code: "190"}, "attack", "eg:cameo/190/attack"},
		{doc.EventType{Code: "0874", Extension: "EG-RESIGN"}, "step down", "eg:cameo/EG-RESIGN/step%20down"},
		{doc.EventType{Code: "043"}, "visit/tour", "eg:cameo/043/visit%2Ftour"},
		{doc.EventType{Code: "010"}, "", "eg:cameo/010"},
	} {
		c := ActionClass(tc.typ, tc.action)
		if c != tc.iri {
			t.Errorf("ActionClass(%v, %q) = %s, want %s", tc.typ, tc.action, c, tc.iri)
		}
		typ, action, ok := EventClass(c)
		if !ok || typ != TypeIRI(tc.typ) || action != tc.action {
			t.Errorf("EventClass(%s) = %s, %q, %v", c, typ, action, ok)
		}
		if !IsEventType(typ) || IsEventType(c) != (tc.action == "") {
			t.Errorf("IsEventType(%s) or IsEventType(%s) wrong", typ, c)
		}
	}
	for _, v := range []quad.Value{quad.IRI("eg:kind/person"), quad.String("eg:cameo/190"), ClassEvent} {
		if _, _, ok := EventClass(v); ok {
			t.Errorf("EventClass(%v) ok", v)
		}
	}
}

// Articles may give an actor different kinds: OfType lists it once, and
// its kind is the first stated.
func TestOfTypeListsAnActorOfTwoKindsOnce(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, Config{Backend: "memstore"})
	if err != nil {
		t.Fatal(err)
	}
	castro := quad.IRI("eg:actor/person/fidel-castro")
	a1, a2 := ArticleIRI("a1"), ArticleIRI("a2")
	applyTx(t, st, []quad.Quad{
		{Subject: KindClass(doc.KindPerson), Predicate: SubClassOf, Object: ClassActor, Label: a1},
		{Subject: castro, Predicate: Type, Object: KindClass(doc.KindPerson), Label: a1},
		{Subject: KindClass(doc.KindGovernment), Predicate: SubClassOf, Object: ClassActor, Label: a2},
		{Subject: castro, Predicate: Type, Object: KindClass(doc.KindGovernment), Label: a2},
	}, nil)
	actors, err := st.OfType(ctx, ClassActor)
	if err != nil {
		t.Fatal(err)
	}
	if len(actors) != 1 || actors[0] != quad.Value(castro) {
		t.Fatalf("OfType(sem:Actor) = %v, want [%s]", actors, castro)
	}
	p, err := st.Out(ctx, castro)
	if err != nil {
		t.Fatal(err)
	}
	if k := p.ActorKind(); k != doc.KindPerson {
		t.Errorf("kind %q, want person", k)
	}
}
