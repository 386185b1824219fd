package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/timeline"
)

// hasActor reports whether e has an actor whose name contains name, in
// role (any role when role is "").
func hasActor(e timeline.Event, role, name string) bool {
	for _, a := range e.Actors {
		if (role == "" || a.Role == role) && strings.Contains(a.Name, name) {
			return true
		}
	}
	return false
}

// TestSeedsDefaultTimeline: the default timeline of the seeds shows every
// key event of the story and none of the fragments that an earlier
// extractor put there (issue 18).
func TestSeedsDefaultTimeline(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "store")
	mustRun(t, "ingest", "--dbpath", db, seedsDir(t))
	tl := readTimeline(t, db)
	all := readTimeline(t, db, "--all")
	if len(tl.Events) >= len(all.Events) {
		t.Errorf("default timeline has %d events, --all %d: nothing left out", len(tl.Events), len(all.Events))
	}
	for _, e := range tl.Events {
		t.Logf("%.2f %s %q %s %s", e.Salience, timeline.DateLabel(e.When), e.Summary, e.Type.Code, e.Modality)
	}

	key := []struct {
		name string
		ok   func(e timeline.Event) bool
	}{
		{"the cancellation", func(e timeline.Event) bool { return e.Action == "cancel" && hasActor(e, "agent", "Netanyahu") }},
		{"the abstention", func(e timeline.Event) bool { return e.Action == "abstain" && hasActor(e, "agent", "United States") }},
		{"Sa'ar's resignation", func(e timeline.Event) bool { return e.Action == "resign" && hasActor(e, "agent", "Sa'ar") }},
		{"Kirby's confusion", func(e timeline.Event) bool { return e.Type.Extension == "EG-CONCERN" && hasActor(e, "agent", "Kirby") }},
		{"the office's criticism", func(e timeline.Event) bool { return e.Action == "criticize" && hasActor(e, "agent", "office") }},
		{"the planned Rafah offensive", func(e timeline.Event) bool {
			return strings.HasPrefix(e.Type.Code, "19") && e.Modality == "planned" && hasActor(e, "agent", "Israel")
		}},
		{"the 2020 cabinet meeting", func(e timeline.Event) bool { return e.When.Value != nil && *e.When.Value == "2020-05-24" }},
	}
	for _, k := range key {
		if !slices.ContainsFunc(tl.Events, k.ok) {
			t.Errorf("default timeline lacks %s", k.name)
		}
	}

	noise := []struct {
		name string
		bad  func(e timeline.Event) bool
	}{
		{"an actorless fragment (brief, issue, try, ally, drive, signal, collaborate)", func(e timeline.Event) bool {
			return len(e.Actors) == 0 && slices.Contains([]string{"brief", "issue", "try", "ally", "drive", "signal", "collaborate"}, e.Action)
		}},
		{"'could harm U.S.-Israel ties' as physical assault", func(e timeline.Event) bool {
			return e.Action == "harm" && strings.HasPrefix(e.Type.Code, "18")
		}},
		{"'Tensions Escalate' as military force", func(e timeline.Event) bool {
			return e.Action == "escalate" && (strings.HasPrefix(e.Type.Code, "19") || strings.HasPrefix(e.Type.Code, "20"))
		}},
		{"one actor on both sides", func(e timeline.Event) bool {
			for _, a := range e.Actors {
				if a.Role == "agent" && hasActor(e, "target", a.Name) {
					return true
				}
			}
			return false
		}},
		{"a city as the agent (Rafah)", func(e timeline.Event) bool { return hasActor(e, "agent", "Rafah") }},
		{"tensions, a state, as an event (\"Israel tensions\")", func(e timeline.Event) bool { return e.Action == "tension" }},
		{"the release of hostages asserted", func(e timeline.Event) bool {
			return e.Action == "release" && e.Modality == "asserted"
		}},
	}
	for _, n := range noise {
		for _, e := range tl.Events {
			if n.bad(e) {
				t.Errorf("default timeline shows %s: %q", n.name, e.Summary)
			}
		}
	}
	// The negotiated ceasefire is not asserted, shown or not.
	for _, e := range all.Events {
		for _, m := range e.Mentions {
			if strings.Contains(m.Sentence, "negotiations between Israel and Hamas over a ceasefire") &&
				slices.Contains([]string{"release", "ceasefire"}, e.Action) && m.Modality == "asserted" {
				t.Errorf("%q asserted in %q", e.Summary, m.Sentence)
			}
		}
	}
}
