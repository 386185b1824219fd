package resolve

import (
	"slices"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
)

func TestWeekday(t *testing.T) {
	tests := []struct {
		value string
		want  int
	}{
		{"XXXX-WXX-6", 6},  // "Saturday" in an undated article
		{"2011-W45-4", 4},  // a weekday of a known week
		{"2011-11-10", 4},  // "10 Nov 11" fell on a Thursday
		{"2013-05-05", 7},  // a Sunday
		{"2011-11", 0},     // a month names no day
		{"2011-W45", 0},    // nor a week
		{"XXXX-XX-XX", 0},  // "yesterday" in an undated article
		{"PRESENT_REF", 0}, // "now"
		{"", 0},
	}
	for _, tt := range tests {
		if got := Weekday(tt.value); got != tt.want {
			t.Errorf("Weekday(%q) = %d, want %d", tt.value, got, tt.want)
		}
	}
}

// Reports from two articles told on different days of the week are two
// happenings, whatever else they share: the 2008 and the 2011 piracy
// raids the Indian Navy foiled in the Gulf of Aden (ECB+ topic 12), told
// in undated articles.
func TestDaysDiffer(t *testing.T) {
	report := func(sentence, trigger, timex string) *Event {
		e := &Event{}
		e.AddSentence(sentence, strings.Index(sentence, trigger)+len(trigger), timex)
		return e
	}
	known := report("The Indian Navy patrolling the Gulf of Aden on Thursday thwarted a multi-boat attack by sea brigands.", "thwarted", "XXXX-WXX-4")
	tests := []struct {
		name, sentence, timex string
		want                  bool
	}{
		{"another weekday", "The Indian Navy on Saturday foiled a hijack attempt in the Gulf of Aden.", "XXXX-WXX-6", true},
		{"the same weekday", "Warship INS Sukanya on Thursday foiled a piracy attempt in the Gulf of Aden.", "XXXX-WXX-4", false},
		{"a date on that weekday", "INS Sukanya foiled a piracy attempt on 10 Nov 11.", "2011-11-10", false},
		{"a date on another weekday", "INS Sukanya foiled a piracy attempt on 13 Dec 08.", "2008-12-13", true},
		{"no day", "Indian Navy patrolling the Gulf of Aden yesterday foiled a multi-boat attack.", "XXXX-XX-XX", false},
		{"no time expression", "The navy foiled a piracy attempt off Somalia.", "", false},
	}
	for _, tt := range tests {
		if got := daysDiffer(known, report(tt.sentence, "foiled", tt.timex)); got != tt.want {
			t.Errorf("%s: daysDiffer = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// dayed dates the mention of d by a time expression of value.
func dayed(d *doc.Document, value string) *doc.Document {
	if value == "" {
		return d
	}
	d.Timexes = []doc.Timex{{Value: value, Type: "DATE", Sentence: d.Events[0].Sentence}}
	d.Events[0].Timex, d.Events[0].Value = 0, value
	return d
}

// Two articles of one story whose reports of one action are told on the
// same day of the week report one happening, though they name no
// participant; not when the days differ or one names none.
func TestSameDay(t *testing.T) {
	const told = "The men escaped on Tuesday in another car."
	tests := []struct {
		name  string
		last  string
		day   string
		merge bool
	}{
		{"the same weekday", "The robbers escaped on Tuesday in a van.", "XXXX-WXX-2", true},
		{"a date on that weekday", "The robbers escaped on March 26, 2024 in a van.", "2024-03-26", true},
		{"another weekday", "The robbers escaped on Friday in a van.", "XXXX-WXX-5", false},
		{"no day", "The robbers escaped in a van.", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Rules{})
			a := r.Add(dayed(counted(heist("a", told, true), "escaped"), "XXXX-WXX-2"))
			b := r.Add(dayed(counted(heist("b", tt.last, true), "escaped"), tt.day))
			if r.StoryOf("a") == "" || r.StoryOf("a") != r.StoryOf("b") {
				t.Fatalf("articles not in one story: %q %q", r.StoryOf("a"), r.StoryOf("b"))
			}
			if got := a.Events[0] == b.Events[0]; got != tt.merge {
				t.Fatalf("merged = %v, want %v (%+v)", got, tt.merge, b.Merges)
			}
			if tt.merge && !slices.Contains(b.Merges[0].Reasons, "it is told on the weekday one of the event's reports gives") {
				t.Errorf("merge not explained by the day: %v", b.Merges[0].Reasons)
			}
		})
	}
}
