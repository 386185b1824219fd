package resolve

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/text"
)

// heist is an article of one story: its sentences, and an escape told
// in the last one by men known only by a description.
func heist(id, last string, argued bool) *doc.Document {
	sents := []string{
		"Robbers rammed a car into a jewellery store in central Paris on Monday and stole watches and jewels.",
		"Police said the robbers smashed the windows of the jewellery store before dawn.",
		last,
	}
	d := &doc.Document{Article: doc.Article{ID: id, Text: strings.Join(sents, " ")}}
	start := 0
	for i, s := range sents {
		sp := doc.Span{Start: start, End: start + len(s)}
		d.Sentences = append(d.Sentences, doc.Sentence{Span: sp, Index: i, Kind: doc.BlockBody, Tokens: text.Tokens(d.Article.Text, sp)})
		start += len(s) + 1
	}
	d.Actors = []doc.Actor{{Key: "desc:" + id + ":men", Name: "men", Kind: doc.KindPerson}}
	m := doc.EventMention{Sentence: 2, Action: "escape", Type: doc.EventType{Extension: "EG-ESCAPE"}, Modality: doc.Asserted, Timex: -1}
	if argued {
		m.Arguments = []doc.Argument{{Role: doc.RoleAgent, Actor: 0, Mention: -1}}
	}
	d.Events = []doc.EventMention{m}
	return d
}

// Two articles of one story that tell the same action in one sentence,
// or a close rewrite of it, report one happening, though they name no
// participant; not when the sentences differ, count one thing
// differently, or the mention says nothing of its own.
func TestRetold(t *testing.T) {
	const told = "They then set fire to the car and escaped with 12 watches in another car."
	tests := []struct {
		name   string
		last   string
		argued bool
		merge  bool
	}{
		{"the same sentence", told, true, true},
		{"a close rewrite", "The robbers then set fire to the car and escaped with 12 watches in a second car.", true, true},
		{"another sentence", "Three hours later the men escaped from a police station in Lyon.", true, false},
		{"another count", "They then set fire to the car and escaped with 26 watches in another car.", true, false},
		{"nothing of its own", told, false, false},
	}
	if r := New(Rules{}); r.Add(heist("a", told, true)).Events[0] == r.Add(heist("b", told, true)).Events[0] {
		t.Error("merged with Rules.Retold off")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Rules{Retold: true})
			a := r.Add(heist("a", told, true))
			b := r.Add(heist("b", tt.last, tt.argued))
			if a.Story.Story == "" || r.StoryOf("a") != r.StoryOf("b") {
				t.Fatalf("articles not in one story: %q %q", r.StoryOf("a"), r.StoryOf("b"))
			}
			if got := a.Events[0] == b.Events[0]; got != tt.merge {
				t.Fatalf("merged = %v, want %v (%+v)", got, tt.merge, b.Merges)
			}
			if tt.merge && !slices.Contains(b.Merges[0].Reasons, "its sentence retells one of the event's") {
				t.Errorf("merge not explained by the retelling: %v", b.Merges[0].Reasons)
			}
		})
	}
}

func TestSentenceCounts(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string
	}{
		{"The Indian Navy captured 26 Somali pirates.", []string{"pirate=26", "somali=26"}},
		{"Three dead after fire-bomb hits bank", []string{"dead=3"}},
		{"Telerate shares closed at $19.50, up 12.5 cents.", []string{"cent=12.5"}},
		{"Andrew Lopez, 20, was found guilty.", nil},
	}
	for _, tt := range tests {
		if got := SentenceCounts(tt.sentence); !slices.Equal(got, tt.want) {
			t.Errorf("SentenceCounts(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

// A new report is compared with each report's sentence on its own, not
// with their union: a sentence that retells a report but counts its
// thing differently is not that report, though another report of the
// event, in other words, counts it as the new one does.
func TestRetoldEachReport(t *testing.T) {
	const (
		first   = "The robbers set fire to the car and escaped with 12 watches in another car."
		other   = "Police later said that 26 watches were missing from the store on the Rue de Castiglione."
		recount = "The robbers set fire to the car and escaped with 26 watches in another car."
		same    = "The robbers set fire to the car and escaped with 12 watches in a second car."
	)
	tests := []struct {
		name     string
		sentence string
		want     bool
	}{
		{"retells the first report, counting as it does", same, true},
		{"retells the first report, counting as the other", recount, false},
	}
	r := New(Rules{Retold: true})
	e := &Event{Story: "s"}
	e.AddSentence(first, -1, "")
	e.AddSentence(other, -1, "")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Event{Story: "s", argued: true}
			c.AddSentence(tt.sentence, -1, "")
			if got := r.retold(e, c); got != tt.want {
				t.Errorf("retold = %v, want %v", got, tt.want)
			}
		})
	}
}

// A sentence of more than maxSentenceWords content words (a list, a page
// read as one sentence) is not kept for retold.
func TestAddSentenceBound(t *testing.T) {
	long := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString("word" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26)) + " ")
		}
		return b.String()
	}
	for _, n := range []int{maxSentenceWords, maxSentenceWords + 1} {
		var e Event
		e.AddSentence(long(n), -1, "")
		if got, want := len(e.sentences), map[bool]int{true: 1, false: 0}[n <= maxSentenceWords]; got != want {
			t.Errorf("%d content words: %d sentences kept, want %d (words %d)", n, got, want, len(SentenceWords(long(n))))
		}
	}
}

// A resolver restored from a snapshot compares a new report with the
// sentences of the reports it knew, as the one that saved it would.
func TestRetoldAfterSnapshot(t *testing.T) {
	const told = "They then set fire to the car and escaped with 12 watches in another car."
	first := New(Rules{Retold: true})
	a := first.Add(heist("a", told, true))
	var buf bytes.Buffer
	if err := first.Save(&buf); err != nil {
		t.Fatal(err)
	}
	restored := New(Rules{Retold: true})
	if err := restored.Load(&buf); err != nil {
		t.Fatal(err)
	}
	if b := restored.Add(heist("b", told, true)); b.Events[0] != a.Events[0] {
		t.Errorf("the restored resolver did not merge the retold report: %v, %v", b.Events, a.Events)
	}
}

// An event keeps each sentence once and at most maxEventSentences of
// them, the same ones whatever order its reports came in (a resolver
// reloaded from the store reads them in another order).
func TestEventSentencesBounded(t *testing.T) {
	var texts []string
	for i := range maxEventSentences + 8 {
		texts = append(texts, fmt.Sprintf("The robbers escaped with %d watches from the store in %s.", i+1, strings.Repeat("x", i+3)))
	}
	var forward, backward Event
	for _, s := range texts {
		forward.AddSentence(s, -1, "")
		forward.AddSentence(s, -1, "") // told twice: kept once
	}
	for _, s := range slices.Backward(texts) {
		backward.AddSentence(s, -1, "")
	}
	if len(forward.sentences) != maxEventSentences {
		t.Errorf("%d sentences kept, want %d", len(forward.sentences), maxEventSentences)
	}
	if !slices.EqualFunc(forward.sentences, backward.sentences, func(a, b sentence) bool { return a.Hash == b.Hash }) {
		t.Error("the sentences kept depend on the order they came in")
	}
}

// counted gives d's event the span of trigger in its sentence.
func counted(d *doc.Document, trigger string) *doc.Document {
	m := &d.Events[0]
	sp := d.Sentences[m.Sentence].Span
	i := strings.Index(d.Article.Text[sp.Start:sp.End], trigger)
	m.Trigger = doc.Span{Start: sp.Start + i, End: sp.Start + i + len(trigger)}
	return d
}
