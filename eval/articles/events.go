package main

import (
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/event"
)

// EventResult counts the events eventgraph would store for real web pages
// (the English pages of go-trafilatura's comparison set). Nobody annotated
// their events: the counts say how much of what is stored has a named
// participant, and a fixed sample of stored events is printed for judging
// by hand.
type EventResult struct {
	Pages int
	// Found counts event mentions before pruning, Kept those stored.
	Found, Kept int
	// Named counts kept mentions with a named actor (not a description
	// such as "officials") as agent, target or participant; Coded those
	// with a CAMEO code; Bare those with neither an actor nor a place.
	Named, Coded, Bare int
	// Shown counts kept mentions salient enough for the default timeline
	// (minSalience), ShownNamed those of them with a named actor.
	Shown, ShownNamed int
	Sample            []string
}

// minSalience is the default timeline's threshold, config.yaml's
// timeline.min_salience: a single article's event is shown by default when
// its mention is at least this salient.
const minSalience = 0.5

// ScoreEvents extracts and prunes every English text page.
func ScoreEvents(pages []Page) EventResult {
	var r EventResult
	var mu sync.Mutex
	each(pages, func(p Page) {
		data, err := os.ReadFile(p.Path)
		if err != nil {
			return
		}
		a, err := article.ParseHTML(p.URL, data, "")
		if err != nil || article.LanguageOf(a) != "en" {
			return
		}
		d := extract.Extract(a)
		found := len(d.Events)
		event.Prune(d)
		mu.Lock()
		defer mu.Unlock()
		r.Pages++
		r.Found += found
		for _, e := range d.Events {
			r.Kept++
			named, any := namedParticipant(d, e)
			r.Named += b2i(named)
			r.Bare += b2i(!any)
			r.Coded += b2i(e.Type.Code != "" && !strings.HasPrefix(e.Type.Code, "EG-"))
			if e.Salience >= minSalience {
				r.Shown++
				r.ShownNamed += b2i(named)
			}
			if sampled(p.File, e.Trigger.Start) {
				r.Sample = append(r.Sample, fmt.Sprintf("%s: %s [%s] in: %s", p.File, e.Summary, e.Type.Code, sentenceOf(d, e)))
			}
		}
	})
	sort.Strings(r.Sample)
	return r
}

// namedParticipant reports whether a named actor takes part in e, and
// whether any actor or place does.
func namedParticipant(d *doc.Document, e doc.EventMention) (named, any bool) {
	for _, a := range e.Arguments {
		if a.Actor < 0 || a.Actor >= len(d.Actors) {
			continue
		}
		any = true
		if a.Role != doc.RolePlace && !strings.HasPrefix(d.Actors[a.Actor].Key, "desc:") {
			named = true
		}
	}
	return named, any
}

// sampled picks about one stored event in 40, the same ones on every run.
func sampled(file string, start int) bool {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s#%d", file, start)
	return h.Sum32()%40 == 0
}

func sentenceOf(d *doc.Document, e doc.EventMention) string {
	if e.Sentence < 0 || e.Sentence >= len(d.Sentences) {
		return ""
	}
	s := d.Sentences[e.Sentence]
	text := strings.Join(strings.Fields(d.Article.Text[s.Start:s.End]), " ")
	if len(text) > 160 {
		text = text[:160] + "…"
	}
	return text
}

// Print writes the event counts and up to n sampled events.
func (r EventResult) Print(w io.Writer, n int) {
	fmt.Fprintf(w, "\nEvents stored for %d English pages of go-trafilatura's comparison set (no gold: a development signal)\n", r.Pages)
	fmt.Fprintf(w, "  found %.1f and stored %.1f event mentions per page; of the stored: %.3f with a named actor, %.3f with a CAMEO code, %.3f with no actor or place\n",
		per(r.Found, r.Pages), per(r.Kept, r.Pages), ratio(r.Named, r.Kept), ratio(r.Coded, r.Kept), ratio(r.Bare, r.Kept))
	fmt.Fprintf(w, "  shown by the default timeline (salience >= %.2f): %.1f per page, %.3f of them with a named actor\n",
		minSalience, per(r.Shown, r.Pages), ratio(r.ShownNamed, r.Shown))
	for i, s := range r.Sample {
		if i == n {
			fmt.Fprintf(w, "  ... %d more sampled\n", len(r.Sample)-n)
			break
		}
		fmt.Fprintf(w, "  - %s\n", s)
	}
}

func per(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
