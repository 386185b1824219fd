package main

import (
	"testing"

	"github.com/eventgraph/eventgraph/extract/internal/wordnet"
)

func TestPlural(t *testing.T) {
	tests := []struct{ in, want string }{
		{"prosecutor", "prosecutors"},
		{"spokeswoman", "spokeswomen"},
		{"human", "humans"},
		{"boss", "bosses"},
		{"coach", "coaches"},
		{"deputy", "deputies"},
		{"attorney", "attorneys"},
	}
	for _, tt := range tests {
		if got := plural(tt.in); got != tt.want {
			t.Errorf("plural(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParticiple(t *testing.T) {
	verbs := map[string][]string{"accuse": nil, "wound": nil}
	tests := []struct {
		w    string
		want bool
	}{
		{"accused", true}, {"wounded", true}, {"deceased", false}, {"bed", false}, {"prosecutor", false},
	}
	for _, tt := range tests {
		if got := participle(tt.w, verbs); got != tt.want {
			t.Errorf("participle(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

// TestClassOf walks hypernyms to the kept roots; an act sense or a
// gathering in the first two senses makes a noun an event.
func TestClassOf(t *testing.T) {
	syns := map[string]wordnet.Synset{
		personRoot:       {Lexfile: "03"},
		socialGroupRoot:  {Lexfile: "14"},
		organizationRoot: {Lexfile: "14", Hyper: []string{socialGroupRoot}},
		gatheringRoot:    {Lexfile: "14", Hyper: []string{socialGroupRoot}},
		"1":              {Lexfile: "18", Hyper: []string{personRoot}},       // lawyer
		"2":              {Lexfile: "18", Hyper: []string{"1"}},              // prosecutor
		"3":              {Lexfile: "14", Hyper: []string{organizationRoot}}, // political party
		"4":              {Lexfile: "14", Hyper: []string{gatheringRoot}},    // party (the occasion)
		"5":              {Lexfile: lexAct},                                  // patrol (the act)
		"6":              {Lexfile: "17"},                                    // a star in the sky
		causalAgentRoot:  {Lexfile: "03"},
		"7":              {Lexfile: lexPerson},                                   // a spirit
		"8":              {Lexfile: lexPerson, Hyper: []string{causalAgentRoot}}, // motorist
	}
	cache := map[string]string{}
	for off, want := range map[string]string{"2": "person", "3": "organization", "6": "", "7": "", "8": "person"} {
		if got := classOf(off, syns, cache); got != want {
			t.Errorf("classOf(%s) = %q, want %q", off, got, want)
		}
	}
	for _, tt := range []struct {
		offs []string
		want bool
	}{{[]string{"3", "4"}, true}, {[]string{"3", "5"}, true}, {[]string{"2", "6"}, false}, {[]string{"2", "6", "5"}, false}} {
		if got := eventLike(tt.offs, syns); got != tt.want {
			t.Errorf("eventLike(%v) = %v, want %v", tt.offs, got, tt.want)
		}
	}
}
