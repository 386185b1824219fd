package graph

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/resolve"
)

// A fresh store records the vocabulary version; a store whose articles
// were written with another version (here: an older store, which recorded
// none) is refused with a message naming the command that rebuilds it.
func TestVocabularyVersion(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "db")
	st, err := Open(ctx, Config{Backend: "bolt", Address: dir})
	if err != nil {
		t.Fatal(err)
	}
	// An empty store stays empty; the first write records the version.
	if p, err := st.Out(ctx, StoreNode); err != nil || len(p) != 0 {
		t.Fatalf("a fresh store holds %v (%v)", p, err)
	}
	d := sampleDoc("a1")
	own, shared := Quads(d, resolve.New(resolve.Rules{}).Add(d))
	if _, err := st.WriteArticle(ctx, own, shared); err != nil {
		t.Fatal(err)
	}
	p, err := st.Out(ctx, StoreNode)
	if err != nil {
		t.Fatal(err)
	}
	if v := p.Int(VocabVersion); v != Version {
		t.Fatalf("the store records version %d, want %d", v, Version)
	}
	st.Close()

	// Reopened as is: accepted.
	st, err = Open(ctx, Config{Backend: "bolt", Address: dir})
	if err != nil {
		t.Fatalf("reopening a current store: %v", err)
	}
	// As a store of version 1 would be: no version recorded.
	if err := st.QuadWriter.RemoveQuad(quad.Make(StoreNode, VocabVersion, quad.Int(Version), nil)); err != nil {
		t.Fatal(err)
	}
	st.Close()

	for _, ro := range []bool{false, true} {
		_, err = Open(ctx, Config{Backend: "bolt", Address: dir, ReadOnly: ro})
		if !errors.Is(err, ErrOldVocabulary) {
			t.Fatalf("read-only %v: opening a version 1 store: %v, want ErrOldVocabulary", ro, err)
		}
		for _, want := range []string{"vocabulary version 1", "eventgraph ingest --dbpath NEW_STORE", "a1.txt"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("message %q does not say %q", err, want)
			}
		}
	}
}

func TestMentionHandleRoundTrip(t *testing.T) {
	tests := []MentionHandle{
		{Sentence: 3, SentStart: 120, SentEnd: 245, TrigStart: 130, TrigEnd: 139, Modality: "asserted", Salience: 0.65,
			Earliest: "2024-03-26", Latest: "2024-03-26", Gran: "day", Basis: "explicit", Value: "2024-03-26",
			TimexStart: 150, TimexEnd: 160, Lead: true, Pattern: `patterns.tsv:1 v:a|b\c`, Merge: "same type 190; same agent actor/x"},
		{Sentence: -1, TimexStart: -1, TimexEnd: -1, Modality: "planned", Salience: 0.1234567891},
		{Sentence: 0, SentEnd: 40, TrigStart: 3, TrigEnd: 9, TimexStart: -1, TimexEnd: -1, Lead: true, Headline: true},
	}
	for _, h := range tests {
		got, err := ParseHandle(h.String())
		if err != nil {
			t.Fatalf("%q: %v", h.String(), err)
		}
		if got != h {
			t.Errorf("round trip of %q:\n got %+v\nwant %+v", h.String(), got, h)
		}
	}
	for _, bad := range []string{"", "1|2", "x|0-1|0-1|a|0|||||||||"} {
		if _, err := ParseHandle(bad); err == nil {
			t.Errorf("ParseHandle(%q) succeeded", bad)
		}
	}
}
