package resolve

import (
	"slices"
	"strings"
	"testing"
)

func TestObjectCount(t *testing.T) {
	tests := []struct {
		sentence, trigger string
		want              string
	}{
		{"The Indian Navy on Thursday apprehended 26 Somali pirates.", "apprehended", "26 somali"},
		{"Police said he killed at least three civilians.", "killed", "3 civilian"},
		{"The navy captured the 1,500 tonne ship.", "captured", "1500 tonne"},
		{"Philadelphia won 18 of its next 23 games.", "won", "18"},
		{"He was arrested in 2005 in Atlanta.", "arrested", ""},
		{"The ship was attacked on 10 Nov by pirates.", "attacked", ""},
		{"Four robbers stole watches worth 2 million euros.", "stole", ""},
	}
	for _, tt := range tests {
		end := strings.Index(tt.sentence, tt.trigger) + len(tt.trigger)
		if got := ObjectCount(tt.sentence, end); got != tt.want {
			t.Errorf("ObjectCount(%q, %q) = %q, want %q", tt.sentence, tt.trigger, got, tt.want)
		}
	}
}

// Two reports that count what the action was done to differently are two
// happenings ("apprehending 26 Somali pirates", "arrested 23 Somali
// pirates"); other numbers of their sentences do not count.
func TestCountsDiffer(t *testing.T) {
	report := func(sentence, trigger string) *Event {
		e := &Event{}
		e.AddSentence(sentence, strings.Index(sentence, trigger)+len(trigger), "")
		return e
	}
	known := report("The Indian Navy on Thursday thwarted an attack, apprehending 26 Somali pirates and confiscating arms.", "apprehending")
	tests := []struct {
		name, sentence, trigger string
		want                    bool
	}{
		{"another count", "The Indian Navy on Saturday arrested 23 Somali pirates.", "arrested", true},
		{"another count of other things", "The Indian Navy on Saturday arrested 23 heavily armed men.", "arrested", true},
		{"the same count", "Indian commandos arrested 26 pirates off Yemen.", "arrested", false},
		{"no count", "The navy arrested the pirates after a chase.", "arrested", false},
		{"a count elsewhere in the sentence", "Two warships took part as the navy arrested the pirates.", "arrested", false},
	}
	for _, tt := range tests {
		if got := countsDiffer(known, report(tt.sentence, tt.trigger)); got != tt.want {
			t.Errorf("%s: countsDiffer = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// Two articles of one story whose reports of one action count its object
// alike report one happening, though they name no participant; not when
// they count it differently, count nothing, or count a single thing.
func TestSameCount(t *testing.T) {
	const told = "The men escaped with 12 watches in another car."
	tests := []struct {
		name  string
		last  string
		merge bool
	}{
		{"the same count", "Police said the robbers escaped with twelve watches.", true},
		{"another count", "The robbers escaped with 26 watches in a van.", false},
		{"no count", "The robbers escaped with the watches in a van.", false},
		{"one thing", "The robbers escaped with one watch in a van.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Rules{})
			a := r.Add(counted(heist("a", told, true), "escaped"))
			b := r.Add(counted(heist("b", tt.last, true), "escaped"))
			if r.StoryOf("a") == "" || r.StoryOf("a") != r.StoryOf("b") {
				t.Fatalf("articles not in one story: %q %q", r.StoryOf("a"), r.StoryOf("b"))
			}
			if got := a.Events[0] == b.Events[0]; got != tt.merge {
				t.Fatalf("merged = %v, want %v (%+v)", got, tt.merge, b.Merges)
			}
			if tt.merge && !slices.Contains(b.Merges[0].Reasons, "it counts what was done as one of the event's reports does") {
				t.Errorf("merge not explained by the count: %v", b.Merges[0].Reasons)
			}
		})
	}
}
