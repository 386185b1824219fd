package timeline

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// Formats lists the output formats Write knows.
var Formats = []string{"table", "json", "timelinejs", "csv"}

// Write renders t in format.
func Write(w io.Writer, t *Timeline, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(t)
	case "timelinejs":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(TimelineJS(t))
	case "csv":
		return writeCSV(w, t)
	case "table", "":
		return writeTable(w, t)
	}
	return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// DateLabel renders an event's time for people: the value, or its bounds.
func DateLabel(w When) string {
	lo, hi := deref(w.Earliest), deref(w.Latest)
	switch {
	case w.Value != nil && lo != "" && lo == hi:
		return lo
	case w.Value != nil && len(*w.Value) == len(time.DateOnly):
		// A day that the bounds do not pin down: the day it was reported
		// (the text gives no date), or borrowed from such an event.
		return "≈ " + *w.Value
	case w.Value != nil:
		return *w.Value
	case lo != "" && lo == hi:
		return lo
	case lo != "" && hi != "":
		return lo + ".." + hi
	case hi != "":
		return "≤ " + hi
	case lo != "":
		return "≥ " + lo
	}
	return "undated"
}

func writeTable(w io.Writer, t *Timeline) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "WHEN\tEVENT\tTYPE\tMODALITY\tSOURCES")
	for _, e := range t.Events {
		typ := e.Type.Code
		if e.Type.Label != "" {
			typ += " " + e.Type.Label
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", DateLabel(e.When), clip(e.Summary, 70), clip(typ, 34), e.Modality, articles(e))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d events\n", len(t.Events))
	return err
}

// articles counts the distinct articles that report e.
func articles(e Event) int {
	seen := map[string]bool{}
	for _, m := range e.Mentions {
		seen[m.Article] = true
	}
	return len(seen)
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func writeCSV(w io.Writer, t *Timeline) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "earliest", "latest", "value", "basis", "action", "summary", "cameo", "label", "quad_class", "modality", "actors", "articles", "first_source", "first_sentence"})
	for _, e := range t.Events {
		var actors []string
		for _, a := range e.Actors {
			actors = append(actors, a.Role+":"+a.Name)
		}
		val := ""
		if e.When.Value != nil {
			val = *e.When.Value
		}
		src, sent := "", ""
		if len(e.Mentions) > 0 {
			src, sent = e.Mentions[0].Source, e.Mentions[0].Sentence
		}
		cw.Write([]string{e.ID, deref(e.When.Earliest), deref(e.When.Latest), val, e.When.Basis, e.Action, e.Summary,
			e.Type.Code, e.Type.Label, strconv.Itoa(e.Type.QuadClass), e.Modality, strings.Join(actors, "; "),
			strconv.Itoa(articles(e)), src, sent})
	}
	cw.Flush()
	return cw.Error()
}

// TimelineJS is Knight Lab TimelineJS's JSON format.
type TimelineJSDoc struct {
	Title  *TJSSlide  `json:"title,omitempty"`
	Events []TJSSlide `json:"events"`
}

// TJSSlide is one TimelineJS slide.
type TJSSlide struct {
	StartDate *TJSDate `json:"start_date,omitempty"`
	EndDate   *TJSDate `json:"end_date,omitempty"`
	Text      TJSText  `json:"text"`
	Group     string   `json:"group,omitempty"`
	UniqueID  string   `json:"unique_id,omitempty"`
	// DisplayDate shows uncertain dates honestly.
	DisplayDate string `json:"display_date,omitempty"`
}

// TJSDate is a TimelineJS date; month and day are omitted when unknown.
type TJSDate struct {
	Year  string `json:"year"`
	Month string `json:"month,omitempty"`
	Day   string `json:"day,omitempty"`
}

// TJSText is a slide's text.
type TJSText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

// TimelineJS converts t; undated events cannot be placed and are left out.
func TimelineJS(t *Timeline) TimelineJSDoc {
	out := TimelineJSDoc{Title: &TJSSlide{Text: TJSText{Headline: "eventgraph timeline", Text: fmt.Sprintf("%d events", len(t.Events))}}, Events: []TJSSlide{}}
	for _, e := range t.Events {
		start := tjsDate(e.When, true)
		if start == nil {
			continue
		}
		var body strings.Builder
		for _, m := range e.Mentions {
			fmt.Fprintf(&body, "<p>%s <em>(%s)</em></p>", htmlEscape(m.Sentence), htmlEscape(m.Source))
		}
		s := TJSSlide{
			StartDate:   start,
			Text:        TJSText{Headline: htmlEscape(e.Summary), Text: body.String()},
			Group:       e.Type.Label,
			UniqueID:    strings.ReplaceAll(e.ID, "/", "-"),
			DisplayDate: DateLabel(e.When),
		}
		if end := tjsDate(e.When, false); end != nil && *end != *start {
			s.EndDate = end
		}
		out.Events = append(out.Events, s)
	}
	return out
}

func tjsDate(w When, start bool) *TJSDate {
	d := deref(w.Earliest)
	if !start || d == "" {
		d = deref(w.Latest)
	}
	if d == "" {
		return nil
	}
	parts := strings.Split(d, "-")
	td := &TJSDate{Year: strings.TrimLeft(parts[0], "0")}
	switch w.Granularity {
	case "year", "decade", "century":
		return td
	case "month", "quarter", "season":
		td.Month = strings.TrimLeft(parts[1], "0")
		return td
	}
	td.Month, td.Day = strings.TrimLeft(parts[1], "0"), strings.TrimLeft(parts[2], "0")
	return td
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func htmlEscape(s string) string { return htmlEscaper.Replace(s) }
