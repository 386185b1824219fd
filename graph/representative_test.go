package graph

import (
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/resolve"
)

// TestRepresentatives: an event an article creates takes its coding from
// its first mention, unless a later mention of the article names
// participants the first lacks (any, or more with the same action).
func TestRepresentatives(t *testing.T) {
	arg := func(n int) []doc.Argument { return make([]doc.Argument, n) }
	tests := []struct {
		name   string
		events []doc.EventMention
		want   int
	}{
		{"bare first", []doc.EventMention{{Action: "call"}, {Action: "urge", Arguments: arg(2)}}, 1},
		{"same action, more", []doc.EventMention{{Action: "warn", Arguments: arg(1)}, {Action: "warn", Arguments: arg(2)}}, 1},
		{"other action, more", []doc.EventMention{{Action: "express", Arguments: arg(1)}, {Action: "emphasize", Arguments: arg(2)}}, 0},
		{"same action, fewer", []doc.EventMention{{Action: "warn", Arguments: arg(2)}, {Action: "warn", Arguments: arg(1)}}, 0},
	}
	for _, tt := range tests {
		d := &doc.Document{Events: tt.events}
		as := resolve.Assignment{Events: []string{"e1", "e1"}, New: []bool{true, false}}
		if got := representatives(d, as)["e1"]; got != tt.want {
			t.Errorf("%s: representative %d, want %d", tt.name, got, tt.want)
		}
	}
}
