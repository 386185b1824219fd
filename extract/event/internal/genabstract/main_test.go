package main

import (
	"testing"

	"github.com/eventgraph/eventgraph/extract/internal/wordnet"
)

// TestAbstract: the first sense decides, a physical second sense or any
// sense that is a group or a person keeps a noun out, and so does a name.
func TestAbstract(t *testing.T) {
	syns := map[string]wordnet.Synset{
		"feel":  {Lexfile: "12"},                                    // a feeling
		"state": {Lexfile: "26"},                                    // a state
		"art":   {Lexfile: "06"},                                    // an artifact
		"grp":   {Lexfile: "14"},                                    // a military unit
		"name":  {Lexfile: "10", Names: map[string]bool{"x": true}}, // written capitalized
	}
	tests := []struct {
		offs []string
		want bool
	}{
		{[]string{"feel"}, true},                  // "worry"
		{[]string{"feel", "state"}, true},         // "tension"
		{[]string{"feel", "art"}, false},          // "tie": also a necktie
		{[]string{"feel", "state", "grp"}, false}, // "force": also troops
		{[]string{"art", "feel"}, false},          // a thing first
		{[]string{"name"}, false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := abstract(tt.offs, syns); got != tt.want {
			t.Errorf("abstract(%v) = %v, want %v", tt.offs, got, tt.want)
		}
	}
}
