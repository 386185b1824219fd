// Command seedstore writes a small fixture article's events into a store,
// through the same mapping (resolve, graph.Quads) that `eventgraph ingest`
// uses. The browser test uses it only when the binary has no ingest command.
//
//	go run ./tests/browser/seedstore -dbpath DIR
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/resolve"
)

func main() {
	dbpath := flag.String("dbpath", "", "bolt store directory")
	flag.Parse()
	if err := run(*dbpath); err != nil {
		slog.Error("seedstore", "err", err)
		os.Exit(1)
	}
}

const title = "Netanyahu cancels Washington trip after US abstention"

var sentences = []string{
	"Israeli Prime Minister Benjamin Netanyahu cancelled a planned delegation to Washington.",
	"The cancellation came after the United States abstained from a United Nations Security Council vote on a ceasefire resolution in Gaza.",
	"Netanyahu had threatened to pull out the delegation.",
	"Israel did not send the delegation.",
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func run(dbpath string) error {
	if dbpath == "" {
		return fmt.Errorf("-dbpath is required")
	}
	text := title + "\n\n" + strings.Join(sentences, " ")
	pub := day("2024-03-26")
	d := &doc.Document{Article: doc.Article{
		ID: "fixture-netanyahu-delegation", Source: "fixture", Title: title, Published: &pub, Text: text,
	}}
	for i, s := range sentences {
		start := strings.Index(text, s)
		d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: start, End: start + len(s)}, Index: i, Kind: "paragraph"})
	}
	d.Actors = []doc.Actor{
		{Key: "person/benjamin-netanyahu", Name: "Benjamin Netanyahu", Kind: doc.KindPerson, Code: "ISRGOV"},
		{Key: "country/united-states", Name: "United States", Kind: doc.KindCountry, Code: "USA"},
		{Key: "igo/un-security-council", Name: "UN Security Council", Kind: doc.KindIGO, Code: "IGOUNO"},
		{Key: "country/israel", Name: "Israel", Kind: doc.KindCountry, Code: "ISR"},
	}
	mention := func(sent int, word string, actor int) int {
		s := d.Sentences[sent]
		off := s.Start + strings.Index(text[s.Start:s.End], word)
		d.ActorMentions = append(d.ActorMentions, doc.ActorMention{
			Span: doc.Span{Start: off, End: off + len(word)}, Text: word, Sentence: sent, Actor: actor,
			Head: doc.Span{Start: off, End: off + len(word)}, How: "fixture",
		})
		d.Actors[actor].Mentions = append(d.Actors[actor].Mentions, len(d.ActorMentions)-1)
		return len(d.ActorMentions) - 1
	}
	event := func(sent int, trigger, action, summary string, typ doc.EventType, mod doc.Modality, from, to string, gran doc.Granularity, basis doc.Basis, args ...doc.Argument) {
		s := d.Sentences[sent]
		off := s.Start + strings.Index(text[s.Start:s.End], trigger)
		d.Events = append(d.Events, doc.EventMention{
			Sentence: sent, Trigger: doc.Span{Start: off, End: off + len(trigger)}, TriggerText: trigger,
			Action: action, Type: typ, Pattern: "fixture", Modality: mod, Arguments: args, Timex: -1,
			Earliest: day(from), Latest: day(to), Granularity: gran, Basis: basis, Summary: summary,
		})
	}
	arg := func(role string, sent int, word string, actor int) doc.Argument {
		return doc.Argument{Role: role, Actor: actor, Mention: mention(sent, word, actor)}
	}
	event(0, "cancelled", "cancel", "Benjamin Netanyahu cancelled a planned delegation to Washington",
		doc.EventType{Code: "1246", Label: "Cancel or postpone a visit", QuadClass: 3, Goldstein: -4},
		doc.Asserted, "2024-03-25", "2024-03-26", "day", doc.BasisPublication,
		arg(doc.RoleAgent, 0, "Benjamin Netanyahu", 0), arg(doc.RoleTarget, 1, "United States", 1))
	event(1, "abstained", "abstain", "The United States abstained from a UN Security Council vote",
		doc.EventType{Code: "0", Label: "Abstain from a vote", QuadClass: 1, Goldstein: 0},
		doc.Asserted, "2024-03-25", "2024-03-25", "day", doc.BasisExplicit,
		arg(doc.RoleAgent, 1, "United States", 1), arg(doc.RoleTarget, 1, "United Nations Security Council", 2))
	event(2, "threatened", "threaten", "Netanyahu threatened to pull out the delegation",
		doc.EventType{Code: "13", Label: "Threaten", QuadClass: 3, Goldstein: -4.4},
		doc.Threatened, "2024-03-01", "2024-03-25", "month", doc.BasisInferred,
		arg(doc.RoleAgent, 2, "Netanyahu", 0))
	event(3, "send", "send", "Israel did not send the delegation",
		doc.EventType{Code: "043", Label: "Visit", QuadClass: 1, Goldstein: 1.9},
		doc.Negated, "2024-03-25", "2024-03-26", "day", doc.BasisPublication,
		arg(doc.RoleAgent, 3, "Israel", 3))
	d.Links = []doc.Link{{From: 0, To: 1, Type: doc.RelAfter, Cue: "came after", Sentence: 1}}

	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: "bolt", Address: dbpath})
	if err != nil {
		return err
	}
	defer st.Close()
	as := resolve.New(resolve.Rules{}).Add(d)
	own, shared := graph.Quads(d, as)
	n, err := st.WriteArticle(ctx, own, shared)
	if err != nil {
		return fmt.Errorf("write fixture: %w", err)
	}
	slog.Info("fixture stored", "quads", n, "events", len(d.Events), "dbpath", dbpath)
	return nil
}
