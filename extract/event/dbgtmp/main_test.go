package evdbg

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventgraph/eventgraph/extract/actor"
	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/event"
	"github.com/eventgraph/eventgraph/extract/text"
)

func sentences(a doc.Article) []doc.Sentence {
	var out []doc.Sentence
	blocks := a.Blocks
	if len(blocks) == 0 && a.Text != "" {
		blocks = []doc.Block{{Span: doc.Span{Start: 0, End: len(a.Text)}, Kind: doc.BlockBody}}
	}
	for bi, b := range blocks {
		if b.Kind == doc.BlockMetadata {
			continue
		}
		for _, sp := range text.Sentences(a.Text, b.Span) {
			out = append(out, doc.Sentence{Span: sp, Index: len(out), Block: bi, Kind: b.Kind, Tokens: text.Tokens(a.Text, sp)})
		}
	}
	return out
}

func TestDump(t *testing.T) {
	files, _ := filepath.Glob("/work/main/seeds/*.txt")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		a, err := article.ParseText(f, data)
		if err != nil {
			t.Fatal(err)
		}
		d := &doc.Document{Article: a}
		d.Sentences = sentences(a)
		actor.Recognize(d)
		event.Extract(d)
		fmt.Println("=====", f, a.Published)
		for _, s := range d.Sentences {
			fmt.Println("  S", s.Index, s.Kind, a.Text[s.Start:min(s.End, s.Start+60)])
		}
		for i, m := range d.ActorMentions {
			_ = i
			fmt.Printf("  M s%d %q -> %s\n", m.Sentence, m.Text, d.Actors[m.Actor].Key)
		}
		for i, e := range d.Events {
			fmt.Printf("%2d s%d %-28q %-6s %-15s %-11s %v..%v %s | %s\n", i, e.Sentence, e.TriggerText, e.Type.Code, e.Type.Extension, e.Modality, e.Earliest.Format("2006-01-02"), e.Latest.Format("2006-01-02"), e.Basis, e.Summary)
		}
		for _, l := range d.Links {
			fmt.Printf("link %q %s %q (%s)\n", d.Events[l.From].TriggerText, l.Type, d.Events[l.To].TriggerText, l.Cue)
		}
	}
}
