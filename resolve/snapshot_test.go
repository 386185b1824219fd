package resolve

import (
	"bytes"
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// storyTexts are the texts of the stream's articles: five stories.
var storyTexts = []string{
	summit,
	"Heavy rain flooded the valley; the river burst its banks and villages were evacuated.",
	"The central bank raised interest rates as inflation climbed to a decade high.",
	"The striker scored twice as the champions beat the league leaders in the derby.",
	"Astronomers found water vapour in the atmosphere of a distant exoplanet.",
}

// stream makes n documents of three events each, drawn from a small pool
// of actors, codes and weeks so that many of them report one event.
func stream(n int) []*doc.Document {
	rng := rand.New(rand.NewSource(7))
	codes := []string{"0874", "042", "057", "190", "111", "036"}
	var docs []*doc.Document
	for i := 0; i < n; i++ {
		d := withText(&doc.Document{Article: doc.Article{ID: fmt.Sprintf("art%04d", i)}}, storyTexts[rng.Intn(len(storyTexts))])
		for k := 0; k < 4; k++ {
			name := fmt.Sprintf("person:p%02d", rng.Intn(40))
			d.Actors = append(d.Actors, doc.Actor{Key: name, Name: name, Kind: doc.KindPerson})
			d.ActorMentions = append(d.ActorMentions, doc.ActorMention{Actor: k})
		}
		for k := 0; k < 3; k++ {
			week := rng.Intn(30)
			m := doc.EventMention{
				Type: doc.EventType{Code: codes[rng.Intn(len(codes))]}, Action: "act", Modality: doc.Asserted,
				Arguments: []doc.Argument{{Role: doc.RoleAgent, Actor: rng.Intn(4), Mention: -1}, {Role: doc.RoleTarget, Actor: rng.Intn(4), Mention: -1}},
				Timex:     -1, Basis: doc.BasisExplicit,
				Earliest: parseDay("2024-01-01").AddDate(0, 0, 7*week), Latest: parseDay("2024-01-07").AddDate(0, 0, 7*week),
			}
			if rng.Intn(2) == 0 {
				m.Arguments = m.Arguments[1:] // no agent: the cast decides
			}
			d.Events = append(d.Events, m)
		}
		docs = append(docs, d)
	}
	return docs
}

// A resolver restored from a snapshot resolves the rest of a stream
// exactly as the one that kept running, forgetting the same events.
func TestSnapshotResumesExactly(t *testing.T) {
	for _, horizon := range []int{0, 50} {
		t.Run(fmt.Sprint("horizon ", horizon), func(t *testing.T) {
			docs := stream(600)
			live := New(Rules{})
			live.SetHorizon(horizon)
			var want []Assignment
			for _, d := range docs {
				want = append(want, live.Add(d))
			}
			first := New(Rules{})
			first.SetHorizon(horizon)
			for _, d := range docs[:300] {
				first.Add(d)
			}
			var buf bytes.Buffer
			if err := first.Save(&buf); err != nil {
				t.Fatal(err)
			}
			restored := New(Rules{})
			restored.SetHorizon(horizon)
			if err := restored.Load(bytes.NewReader(buf.Bytes())); err != nil {
				t.Fatal(err)
			}
			if restored.Events() != first.Events() {
				t.Fatalf("restored %d events, saved %d", restored.Events(), first.Events())
			}
			merged := 0
			for i, d := range docs[300:] {
				got := restored.Add(d)
				w := want[300+i]
				if !slices.Equal(got.Events, w.Events) || !slices.Equal(got.Actors, w.Actors) || !slices.Equal(got.New, w.New) {
					t.Fatalf("document %d: restored resolver gave %v, live %v", 300+i, got.Events, w.Events)
				}
				merged += len(got.Merges)
			}
			if merged == 0 {
				t.Fatal("no merges in the second half: the test shows nothing")
			}
			if horizon > 0 && live.Events() > horizon {
				t.Errorf("%d events known, horizon %d", live.Events(), horizon)
			}
		})
	}
}

// Beyond the horizon an event is forgotten: a later report of it becomes a
// new event, where a resolver without a horizon merges it.
func TestHorizonForgets(t *testing.T) {
	for _, tt := range []struct {
		horizon int
		merge   bool
	}{{0, true}, {20, true}, {5, false}} {
		r := New(Rules{})
		r.SetHorizon(tt.horizon)
		old := r.Add(mention("a", "0874", "cancel", doc.Asserted, "person:jane roe", "", ""))
		for i := 0; i < 10; i++ {
			r.Add(mention(fmt.Sprintf("filler%d", i), "042", "visit", doc.Asserted, fmt.Sprintf("person:p%d", i), "", ""))
		}
		again := r.Add(mention("z", "0874", "cancel", doc.Asserted, "person:jane roe", "", ""))
		if got := again.Events[0] == old.Events[0]; got != tt.merge {
			t.Errorf("horizon %d: merged = %v, want %v", tt.horizon, got, tt.merge)
		}
	}
}

func TestLoadRefusesOtherHorizon(t *testing.T) {
	r := New(Rules{})
	r.SetHorizon(10)
	r.Add(mention("a", "0874", "cancel", doc.Asserted, "person:jane roe", "", ""))
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		t.Fatal(err)
	}
	other := New(Rules{})
	if err := other.Load(&buf); err == nil {
		t.Error("snapshot with another horizon loaded")
	}
	if err := New(Rules{}).Load(bytes.NewReader([]byte("not a snapshot"))); err == nil {
		t.Error("garbage loaded")
	}
}
