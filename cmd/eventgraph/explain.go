package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/report"
	"github.com/eventgraph/eventgraph/timeline"
)

func newExplainCmd(a *app, runF runner[explainOptions]) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explain EVENT",
		Short: "Show an event's mentions, coding patterns, date evidence, and why its mentions merged",
		Long: `Explain one event: every mention that reports it (article, sentence, trigger),
the dictionary pattern that produced its CAMEO code, the evidence for its date,
and, for each mention merged into it, the reasons the resolver gave.
EVENT is an event ID as 'eventgraph timeline --format json' prints it
(event/…), or the node as 'eventgraph query' prints it (<eg:event/…>), or
its full IRI as 'eventgraph export' writes it.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, _ := cmd.Flags().GetString("format")
			opts := explainOptions{Store: a.set.store(true), Event: eventID(args[0]), Format: format}
			return start(cmd, opts, runExplain, runF)
		},
	}
	enumFlag(cmd, cmd.Flags(), "format", "text", "text or json", []string{"text", "json"})
	return cmd
}

// explainOptions are what `eventgraph explain` runs with.
type explainOptions struct {
	Store  graph.Config
	Event  string // eg:event/… (eventID)
	Format string // text or json
}

func runExplain(ctx context.Context, opts explainOptions, std streams) error {
	st, err := openRead(ctx, opts.Store)
	if err != nil {
		return err
	}
	defer st.Close()
	e, err := timeline.Get(ctx, st, opts.Event)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(std.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(e)
	}
	articles, err := articleLines(ctx, st, e)
	if err != nil {
		return err
	}
	writeExplanation(std.Out, e, articles)
	stories, err := report.Stories(ctx, st)
	if err != nil {
		return err
	}
	writeEventStories(std.Out, e, stories)
	return nil
}

// writeEventStories names the story (or stories) the event's articles
// belong to: events merge across articles inside a story.
func writeEventStories(w io.Writer, e timeline.Event, stories []report.Story) {
	of := map[string]*report.Story{}
	for i := range stories {
		for _, a := range stories[i].Articles {
			of[a.ID] = &stories[i]
		}
	}
	seen := map[*report.Story]bool{}
	for _, m := range e.Mentions {
		s := of[strings.TrimPrefix(graph.IDOf(quad.IRI(m.Article)), "article/")]
		if s == nil || seen[s] {
			continue
		}
		seen[s] = true
		fmt.Fprintf(w, "\nstory %s: %d article(s), published %s..%s (eventgraph stories)\n", s.ID, len(s.Articles), orDash(s.From), orDash(s.To))
	}
}

// articleLines describes each article that reports the event with what
// its source says of it: headline, site, author, language, publication
// time, last modification, canonical URL.
func articleLines(ctx context.Context, st *graph.Store, e timeline.Event) (map[string]string, error) {
	out := map[string]string{}
	for _, m := range e.Mentions {
		if _, ok := out[m.Article]; ok {
			continue
		}
		p, err := st.Out(ctx, quad.IRI(m.Article))
		if err != nil {
			return nil, fmt.Errorf("reading article %s: %w", m.Article, err)
		}
		var parts []string
		if h := p.Str(graph.Headline); h != "" {
			parts = append(parts, strconv.Quote(h))
		}
		for _, f := range []struct {
			label string
			pred  quad.IRI
		}{{"", graph.Publisher}, {"by ", graph.Author}, {"in ", graph.InLanguage}, {"published ", graph.PublishedAt}, {"modified ", graph.Modified}, {"", graph.URL}} {
			if v := p.Str(f.pred); v != "" {
				parts = append(parts, f.label+v)
			}
		}
		out[m.Article] = strings.Join(parts, ", ")
	}
	return out, nil
}

func writeExplanation(w io.Writer, e timeline.Event, articles map[string]string) {
	fmt.Fprintf(w, "%s\n  %s\n", e.ID, e.Summary)
	fmt.Fprintf(w, "  action %s, CAMEO %s %s (quad class %d, Goldstein %.1f)", e.Action, e.Type.Code, e.Type.Label, e.Type.QuadClass, e.Type.Goldstein)
	if e.Type.Extension != "" {
		fmt.Fprintf(w, ", extension %s", e.Type.Extension)
	}
	fmt.Fprintf(w, "\n  modality %s\n", e.Modality)
	fmt.Fprintf(w, "  when %s (basis %s, granularity %s", timeline.DateLabel(e.When), e.When.Basis, e.When.Granularity)
	if e.When.Text != "" {
		fmt.Fprintf(w, ", from %q", e.When.Text)
	}
	fmt.Fprintln(w, ")")
	for _, a := range e.Actors {
		fmt.Fprintf(w, "  %-11s %s (%s)\n", a.Role, a.Name, a.ID)
	}
	if len(e.After) > 0 {
		fmt.Fprintf(w, "  after %s\n", strings.Join(e.After, ", "))
	}
	fmt.Fprintf(w, "\n%d mention(s):\n", len(e.Mentions))
	for i, m := range e.Mentions {
		pub := "undated"
		if m.Published != nil {
			pub = "published " + *m.Published
		}
		fmt.Fprintf(w, "%d. %s (%s), bytes %d-%d\n", i+1, m.Source, pub, m.Start, m.End)
		if a := articles[m.Article]; a != "" {
			fmt.Fprintf(w, "   article %s\n", a)
		}
		fmt.Fprintf(w, "   %q\n", m.Sentence)
		fmt.Fprintf(w, "   trigger %q, pattern %s, modality %s\n", m.Trigger, m.Pattern, m.Modality)
		date := "no date of its own"
		if m.Earliest != nil || m.Latest != nil {
			date = fmt.Sprintf("%s..%s", orQ(m.Earliest), orQ(m.Latest))
		}
		fmt.Fprintf(w, "   date %s, basis %s", date, m.Basis)
		switch {
		case m.TimeText != "":
			fmt.Fprintf(w, ", from %q = %s", m.TimeText, m.Value)
		case m.Basis == "publication" && m.Value != "":
			fmt.Fprintf(w, ", placed on %s: no date in the text, a past or present event reported that day", m.Value)
		case m.Basis == "publication" && m.Earliest != nil:
			fmt.Fprint(w, ", not placed: future, planned or conditional, so after the publication day")
		case m.Basis == "publication":
			fmt.Fprint(w, ", not placed: past perfect, before some earlier point")
		}
		fmt.Fprintln(w)
		if m.Merge != "" {
			fmt.Fprintf(w, "   merged: %s\n", m.Merge)
		} else {
			fmt.Fprintln(w, "   first report: this mention created the event")
		}
	}
}

func orQ(s *string) string {
	if s == nil {
		return "?"
	}
	return *s
}

// eventID reads an event as the commands print it: event/…, eg:event/…,
// <eg:event/…> (query's output), or the full IRI <https://…#event/…>
// (export's), into the eg:event/… form timeline.Get reads.
func eventID(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") {
		s = s[1 : len(s)-1]
	}
	if rest, ok := strings.CutPrefix(s, graph.NSEG); ok {
		s = "eg:" + rest
	}
	return s
}
