package extract

import (
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/extract/doc"
)

// FuzzExtract runs every extractor over arbitrary text (read as a
// plain-text article when it is one, else taken as it is) with an
// arbitrary publication date, and checks that nothing panics and that every
// index and span the document holds points inside it.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Israeli Prime Minister Benjamin Netanyahu cancelled a delegation's visit to Washington on Monday after the United States abstained.",
		"The minister did not resign. He will resign next week, officials said, and may have met the king on 30 February.",
		"Apple's CEO Tim Cook met French President Emmanuel Macron in Paris; they signed an agreement two days later.",
		"He said she said they said. It. They. Her. His own. The the the.",
		"مصر تستضيف المحادثات 🔥 Hamas and Israel resumed talks in Cairo 😀 on Tuesday.",
		"On 0000-01-01 and 99999-12-31 and 2024-02-30 nothing happened.",
		"U.S. Sen. J. Doe (D-N.Y.) said Mr. Smith's firm, Acme Corp., was fined $3 million by the S.E.C. on Jan. 3.",
	} {
		f.Add(s, int64(1711411200))
		f.Add(s, int64(0))
	}
	for _, glob := range []string{"../seeds/*.txt", "../testdata/bad/*.txt"} {
		files, _ := filepath.Glob(glob)
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil && len(data) < 32<<10 {
				f.Add(string(data), int64(1711411200))
			}
		}
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		if len(text) > 16<<10 {
			return // keep each run fast; size is the bad-input test's business
		}
		a, err := article.ParseText("fuzz.txt", []byte(text))
		if err != nil {
			if !utf8.ValidString(text) {
				return
			}
			a = doc.Article{ID: "fuzz", Source: "fuzz.txt", Text: text}
		}
		if unix != 0 {
			d := time.Unix(unix%(1<<36), 0).UTC()
			a.Published = &d
		}
		d := Extract(a)
		n := len(a.Text)
		span := func(what string, s doc.Span) {
			if s.Start < 0 || s.End < s.Start || s.End > n {
				t.Fatalf("%s span %+v outside the text (%d bytes)", what, s, n)
			}
		}
		for _, s := range d.Sentences {
			span("sentence", s.Span)
			for _, tok := range s.Tokens {
				span("token", tok.Span)
			}
		}
		for _, x := range d.Timexes {
			span("timex", x.Span)
			if !x.Earliest.IsZero() && !x.Latest.IsZero() && x.Latest.Before(x.Earliest) {
				t.Fatalf("timex %q: latest %v before earliest %v", x.Text, x.Latest, x.Earliest)
			}
		}
		for _, m := range d.ActorMentions {
			span("actor mention", m.Span)
			if m.Actor < 0 || m.Actor >= len(d.Actors) {
				t.Fatalf("actor mention %q points at actor %d of %d", m.Text, m.Actor, len(d.Actors))
			}
		}
		for _, ac := range d.Actors {
			for _, r := range ac.Relations {
				if r.Object >= len(d.Actors) {
					t.Fatalf("actor %q relation to actor %d of %d", ac.Name, r.Object, len(d.Actors))
				}
			}
		}
		for _, e := range d.Events {
			if e.Sentence < -1 || e.Sentence >= len(d.Sentences) {
				t.Fatalf("event %q in sentence %d of %d", e.TriggerText, e.Sentence, len(d.Sentences))
			}
			span("trigger", e.Trigger)
			if e.Timex < -1 || e.Timex >= len(d.Timexes) {
				t.Fatalf("event %q timex %d of %d", e.TriggerText, e.Timex, len(d.Timexes))
			}
			for _, arg := range e.Arguments {
				if arg.Actor < -1 || arg.Actor >= len(d.Actors) || arg.Mention < -1 || arg.Mention >= len(d.ActorMentions) {
					t.Fatalf("event %q argument %+v (%d actors, %d mentions)", e.TriggerText, arg, len(d.Actors), len(d.ActorMentions))
				}
			}
			if !e.Earliest.IsZero() && !e.Latest.IsZero() && e.Latest.Before(e.Earliest) {
				t.Fatalf("event %q: latest %v before earliest %v", e.TriggerText, e.Latest, e.Earliest)
			}
		}
		for _, l := range d.Links {
			if l.From < 0 || l.From >= len(d.Events) || l.To < 0 || l.To >= len(d.Events) {
				t.Fatalf("link %+v with %d events", l, len(d.Events))
			}
		}
	})
}
