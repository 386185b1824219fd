package resolve

import (
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// tok is a token of a hand-built parse: its text, tag, relation and head.
type tok struct {
	text, tag, rel string
	head           int
}

// parsed builds a one-sentence document from tokens joined by spaces and
// a mention whose trigger is token trigger.
func parsed(toks []tok, trigger int) (*doc.Document, doc.EventMention) {
	var words []string
	for _, t := range toks {
		words = append(words, t.text)
	}
	text := strings.Join(words, " ")
	d := &doc.Document{Article: doc.Article{ID: "a", Text: text}}
	s := doc.Sentence{Span: doc.Span{Start: 0, End: len(text)}, Kind: doc.BlockBody}
	at := 0
	var m doc.EventMention
	for i, t := range toks {
		sp := doc.Span{Start: at, End: at + len(t.text)}
		s.Tokens = append(s.Tokens, doc.Token{Span: sp, Text: t.text, Tag: t.tag, Rel: t.rel, Head: t.head})
		if i == trigger {
			m.Trigger = sp
		}
		at += len(t.text) + 1
	}
	d.Sentences = []doc.Sentence{s}
	return d, m
}

func TestMainLine(t *testing.T) {
	tests := []struct {
		name    string
		toks    []tok
		trigger int
		main    bool
	}{
		{"the root", []tok{{"Navy", "PROPN", "nsubj", 1}, {"foiled", "VERB", "root", -1}, {"attack", "NOUN", "obj", 1}}, 1, true},
		{"a conjunct of the root", []tok{{"Navy", "PROPN", "nsubj", 1}, {"foiled", "VERB", "root", -1}, {"and", "CCONJ", "cc", 3}, {"arrested", "VERB", "conj", 1}}, 3, true},
		{"a relative clause", []tok{{"Cheeks", "PROPN", "nsubj", 4}, {"who", "PRON", "nsubj:pass", 3}, {"was", "AUX", "aux:pass", 3}, {"fired", "VERB", "acl:relcl", 0}, {"left", "VERB", "root", -1}}, 3, false},
		{"under a relative clause", []tok{{"Ayers", "PROPN", "root", -1}, {"who", "PRON", "nsubj", 2}, {"lasted", "VERB", "acl:relcl", 0}, {"before", "SCONJ", "mark", 4}, {"replaced", "VERB", "advcl", 2}}, 4, false},
		{"a noun subject", []tok{{"cancellation", "NOUN", "nsubj", 1}, {"came", "VERB", "root", -1}}, 0, true},
		{"a noun object", []tok{{"Navy", "PROPN", "nsubj", 1}, {"foiled", "VERB", "root", -1}, {"attack", "NOUN", "obj", 1}}, 2, true},
		{"a compound noun", []tok{{"riot", "NOUN", "compound", 1}, {"gear", "NOUN", "root", -1}}, 0, false},
		{"a noun modifier", []tok{{"footage", "NOUN", "root", -1}, {"of", "ADP", "case", 2}, {"shooting", "NOUN", "nmod", 0}}, 2, false},
		{"no tree", []tok{{"officers", "NOUN", "", -1}, {"in", "ADP", "", -1}, {"riot", "NOUN", "", -1}, {"gear", "NOUN", "", -1}}, 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, m := parsed(tt.toks, tt.trigger)
			if got := MainLine(d, m); got != tt.main {
				t.Errorf("MainLine = %v, want %v", got, tt.main)
			}
		})
	}
}

func TestQuotedAndTimex(t *testing.T) {
	tests := []struct {
		name, text, trigger string
		timex               string // a time expression of the text
		quoted, inTimex     bool
	}{
		{"narrated", "Police stopped the car on Saturday.", "stopped", "Saturday", false, false},
		{"in curly quotes", "He screamed, “stop, stop,” and fell.", "stop", "", true, false},
		{"in straight quotes", `"They went down," she said.`, "went", "", true, false},
		{"after a closed quote", `"We are calm," she said, and left.`, "left", "", false, false},
		{"in TeX quotes", "Bush said ``Iraq would withdraw'' soon.", "withdraw", "", true, false},
		{"a dateline", "WASHINGTON, March 12 (Xinhua) -- Talks resumed.", "March", "March 12", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Document{Article: doc.Article{ID: "a", Text: tt.text}}
			d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(tt.text)}, Kind: doc.BlockBody}}
			i := strings.Index(tt.text, tt.trigger)
			m := doc.EventMention{Trigger: doc.Span{Start: i, End: i + len(tt.trigger)}}
			if tt.timex != "" {
				j := strings.Index(tt.text, tt.timex)
				d.Timexes = []doc.Timex{{Span: doc.Span{Start: j, End: j + len(tt.timex)}, Text: tt.timex}}
			}
			if got := quoted(d, m); got != tt.quoted {
				t.Errorf("quoted = %v, want %v", got, tt.quoted)
			}
			if got := inTimex(d, m); got != tt.inTimex {
				t.Errorf("inTimex = %v, want %v", got, tt.inTimex)
			}
			if want := !tt.quoted && !tt.inTimex; IsLead(d, m) != want {
				t.Errorf("IsLead = %v, want %v", !want, want)
			}
		})
	}
}

// The lead is the headline and the first sentence, and the first four for
// an event with a named participant.
func TestIsLeadSentences(t *testing.T) {
	text := "Storm hits coast. Rain fell. Jane Roe cancelled the summit. Officials cancelled classes. Roe cancelled again."
	d := &doc.Document{Article: doc.Article{ID: "a", Text: text}}
	at := 0
	for i, s := range strings.SplitAfter(text, ". ") {
		kind := doc.BlockBody
		if i == 0 {
			kind = doc.BlockTitle
		}
		d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: at, End: at + len(strings.TrimSpace(s))}, Kind: kind})
		at += len(s)
	}
	d.Actors = []doc.Actor{
		{Key: "person:jane roe", Name: "Jane Roe", Kind: doc.KindPerson},
		{Key: "desc:a:official", Name: "officials", Kind: doc.KindPerson},
	}
	mention := func(sentence, actor int) doc.EventMention {
		m := doc.EventMention{Sentence: sentence, Trigger: doc.Span{Start: d.Sentences[sentence].Start, End: d.Sentences[sentence].Start + 1}}
		if actor >= 0 {
			m.Arguments = []doc.Argument{{Role: doc.RoleAgent, Actor: actor, Mention: -1}}
		}
		return m
	}
	tests := []struct {
		name     string
		sentence int
		actor    int
		lead     bool
	}{
		{"the headline", 0, -1, true},
		{"the first sentence", 1, -1, true},
		{"the second sentence, a named agent", 2, 0, true},
		{"the third sentence, a description only", 3, 1, false},
		{"the fourth sentence, a named agent", 4, 0, true},
		{"the fourth sentence, no participant", 4, -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsLead(d, mention(tt.sentence, tt.actor)); got != tt.lead {
				t.Errorf("IsLead = %v, want %v", got, tt.lead)
			}
		})
	}
}
