package graph

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/eventgraph/eventgraph/resolve"
)

// A fresh store records the vocabulary version; a store whose articles
// were written with another version (an older store that recorded none,
// or the previous version, whose mentions kept their own eg:handle) is
// refused with a message naming the command that rebuilds it.
func TestVocabularyVersion(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name     string
		recorded quad.Value // nil: no version quad, as before versions were recorded
		want     string
	}{
		{"no version", nil, "vocabulary version 1"},
		{"previous version", quad.Int(Version - 1), fmt.Sprintf("vocabulary version %d, this eventgraph reads version %d", Version-1, Version)},
	} {
		t.Run(tc.name, func(t *testing.T) {
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
			tx := cgraph.NewTransaction()
			tx.RemoveQuad(quad.Make(StoreNode, VocabVersion, quad.Int(Version), nil))
			if tc.recorded != nil {
				tx.AddQuad(quad.Make(StoreNode, VocabVersion, tc.recorded, nil))
			}
			if err := st.QuadWriter.ApplyTransaction(tx); err != nil {
				t.Fatal(err)
			}
			st.Close()

			for _, ro := range []bool{false, true} {
				_, err = Open(ctx, Config{Backend: "bolt", Address: dir, ReadOnly: ro})
				if !errors.Is(err, ErrOldVocabulary) {
					t.Fatalf("read-only %v: opening the store: %v, want ErrOldVocabulary", ro, err)
				}
				for _, want := range []string{tc.want, "eventgraph ingest --dbpath NEW_STORE", "a1.txt"} {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("message %q does not say %q", err, want)
					}
				}
			}
		})
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

// An article's eg:handles holds its mentions' handles, one line each:
// HandleAt reads line N back, whatever the fields hold (a newline, a "|"
// or a "\" is escaped), and fails past the last line.
func TestHandlesRoundTrip(t *testing.T) {
	hs := []MentionHandle{
		{Sentence: 0, SentEnd: 40, TrigStart: 3, TrigEnd: 9, TimexStart: -1, TimexEnd: -1, Modality: "asserted", Salience: 0.5},
		{Sentence: 2, SentStart: 80, SentEnd: 120, TrigStart: 90, TrigEnd: 95, TimexStart: 100, TimexEnd: 110, Modality: "negated",
			Salience: 0.25, Earliest: "2024-03-26", Latest: "2024-03-27", Pattern: "a\nb|c\\", Merge: "line\\\nbreak"},
		{Sentence: -1, TimexStart: -1, TimexEnd: -1, Modality: "planned", Merge: "\n"},
	}
	s := FormatHandles(hs)
	if n := strings.Count(s, "\n"); n != 5 { // 2 separators, 3 escaped newlines
		t.Errorf("%q: %d newlines, want 5", s, n)
	}
	for i, want := range hs {
		got, err := HandleAt(s, i)
		if err != nil || got != want {
			t.Errorf("handle %d of %q: %+v (%v), want %+v", i, s, got, err, want)
		}
	}
	for _, n := range []int{3, 10} {
		if _, err := HandleAt(s, n); err == nil {
			t.Errorf("HandleAt(%d) of 3 handles succeeded", n)
		}
	}
	if _, err := HandleAt("", 0); err == nil {
		t.Error("HandleAt of no handles succeeded")
	}
}
