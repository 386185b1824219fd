package main

import "testing"

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
	syns := map[string]synset{
		personRoot:       {lexfile: "03"},
		socialGroupRoot:  {lexfile: "14"},
		organizationRoot: {lexfile: "14", hyper: []string{socialGroupRoot}},
		gatheringRoot:    {lexfile: "14", hyper: []string{socialGroupRoot}},
		"1":              {lexfile: "18", hyper: []string{personRoot}},       // lawyer
		"2":              {lexfile: "18", hyper: []string{"1"}},              // prosecutor
		"3":              {lexfile: "14", hyper: []string{organizationRoot}}, // political party
		"4":              {lexfile: "14", hyper: []string{gatheringRoot}},    // party (the occasion)
		"5":              {lexfile: lexAct},                                  // patrol (the act)
		"6":              {lexfile: "17"},                                    // a star in the sky
		causalAgentRoot:  {lexfile: "03"},
		"7":              {lexfile: lexPerson},                                   // a spirit
		"8":              {lexfile: lexPerson, hyper: []string{causalAgentRoot}}, // motorist
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
