package evdbg

import (
	"fmt"
	"os"
	"testing"

	"github.com/eventgraph/eventgraph/extract/actor"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/event"
)

func TestOne(t *testing.T) {
	txt := os.Getenv("TXT")
	a := doc.Article{Text: txt}
	d := &doc.Document{Article: a}
	d.Sentences = sentences(a)
	actor.Recognize(d)
	event.Extract(d)
	for _, m := range d.ActorMentions {
		fmt.Printf("  M %q %s %s\n", m.Text, m.How, d.Actors[m.Actor].Key)
	}
	for i, e := range d.Events {
		fmt.Printf("%2d s%d %-28q %-6s %-15s %-11s %s | %s | %s\n", i, e.Sentence, e.TriggerText, e.Type.Code, e.Type.Extension, e.Modality, e.Basis, e.Summary, e.Pattern)
	}
	for _, l := range d.Links {
		fmt.Printf("link %q %s %q (%s)\n", d.Events[l.From].TriggerText, l.Type, d.Events[l.To].TriggerText, l.Cue)
	}
}
