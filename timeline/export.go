package timeline

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// Formats lists the output formats Write knows.
var Formats = []string{"table", "json", "timelinejs", "csv"}

// Write renders t in format, TimelineJS slides in lanes by quad class.
func Write(w io.Writer, t *Timeline, format string) error {
	return WriteGrouped(w, t, format, GroupClass)
}

// WriteGrouped renders t in format; group (one of GroupBys) sets the
// lanes of a TimelineJS export.
func WriteGrouped(w io.Writer, t *Timeline, format, group string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(t)
	case "timelinejs":
		doc, err := TimelineJSGrouped(t, group)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
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
	case w.Value != nil && refs[*w.Value] != "":
		return refs[*w.Value] // "in the future": no day to show
	case w.Value != nil && isDay(*w.Value):
		// A day that the bounds do not pin down: the day it was reported
		// (the text gives no date), or borrowed from such an event.
		return "≈ " + *w.Value
	case w.Value != nil && lo == "" && hi != "":
		return "≤ " + valueLabel(*w.Value) // "more than two decades ago"
	case w.Value != nil && hi == "" && lo != "":
		return "≥ " + valueLabel(*w.Value) // "2030 or later"
	case w.Value != nil:
		return valueLabel(*w.Value)
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

// isDay reports whether v is a TIMEX3 day value ("2024-03-26").
func isDay(v string) bool {
	_, err := time.Parse(time.DateOnly, v)
	return err == nil
}

// valueLabel renders a TIMEX3 value that people do not read as a date:
// a decade ("200": "2000s"), a century ("19": "1900s"), a season
// ("2020-SU": "summer 2020"); other values as they are.
func valueLabel(v string) string {
	digits := strings.Trim(v, "0123456789") == ""
	switch {
	case digits && len(v) == 3:
		return v + "0s"
	case digits && len(v) == 2:
		return v + "00s"
	case len(v) == 7 && v[4] == '-' && seasons[v[5:]] != "":
		return seasons[v[5:]] + " " + v[:4]
	}
	return v
}

// refs names the TIMEX3 reference values.
var refs = map[string]string{"PAST_REF": "in the past", "PRESENT_REF": "now", "FUTURE_REF": "in the future"}

// seasons names the TIMEX3 season codes.
var seasons = map[string]string{"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}

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

// TimelineJSDoc is Knight Lab TimelineJS's JSON format
// (https://timeline.knightlab.com/docs/json-format.html).
type TimelineJSDoc struct {
	Title  *TJSSlide  `json:"title,omitempty"`
	Events []TJSSlide `json:"events"`
}

// TJSSlide is one TimelineJS slide.
type TJSSlide struct {
	StartDate *TJSDate  `json:"start_date,omitempty"`
	EndDate   *TJSDate  `json:"end_date,omitempty"`
	Text      TJSText   `json:"text"`
	Media     *TJSMedia `json:"media,omitempty"`
	Group     string    `json:"group,omitempty"`
	UniqueID  string    `json:"unique_id,omitempty"`
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

// TJSMedia is a slide's media: the first source, linked when it is a URL.
type TJSMedia struct {
	URL     string `json:"url"`
	Caption string `json:"caption,omitempty"`
	Credit  string `json:"credit,omitempty"`
}

// Ways to group TimelineJS slides into lanes.
const (
	GroupClass = "class" // CAMEO quad class: four lanes and "Other"
	GroupActor = "actor" // the event's first agent (or first actor)
	GroupNone  = "none"
)

// GroupBys lists the groupings TimelineJSGrouped knows.
var GroupBys = []string{GroupClass, GroupActor, GroupNone}

// quadClasses names CAMEO's quad classes by number.
var quadClasses = [...]string{"Other", "Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"}

// TimelineJS converts t with slides grouped by quad class.
func TimelineJS(t *Timeline) TimelineJSDoc {
	doc, _ := TimelineJSGrouped(t, GroupClass)
	return doc
}

// TimelineJSGrouped converts t with slides in lanes by group (one of
// GroupBys). An event without a day to place it on (undated, or bounded
// on one side only) cannot be drawn; the title slide says how many were
// left out.
func TimelineJSGrouped(t *Timeline, group string) (TimelineJSDoc, error) {
	if !slices.Contains(GroupBys, group) {
		return TimelineJSDoc{}, fmt.Errorf("unknown TimelineJS grouping %q (want one of %s)", group, strings.Join(GroupBys, ", "))
	}
	out := TimelineJSDoc{Events: []TJSSlide{}}
	for _, e := range t.Events {
		start := tjsStart(e.When)
		if start == nil {
			continue
		}
		s := TJSSlide{
			StartDate:   start,
			Text:        TJSText{Headline: htmlEscape(e.Summary), Text: tjsBody(e)},
			Media:       tjsMedia(e),
			Group:       tjsGroup(e, group),
			UniqueID:    strings.ReplaceAll(e.ID, "/", "-"),
			DisplayDate: DateLabel(e.When),
		}
		if end := tjsDate(e.When, false); end != nil && e.When.Value == nil && *end != *start {
			s.EndDate = end
		}
		out.Events = append(out.Events, s)
	}
	title := fmt.Sprintf("%d events", len(out.Events))
	if left := len(t.Events) - len(out.Events); left > 0 {
		title += fmt.Sprintf("; %d more without a day to place them on (undated, planned or bounded on one side) are left out: see --format table", left)
	}
	out.Title = &TJSSlide{Text: TJSText{Headline: "eventgraph timeline", Text: "<p>" + htmlEscape(title) + "</p>"}}
	return out, nil
}

// tjsStart is where a slide starts: the day the event is placed on, else
// its earliest day when both bounds are known; nil when it cannot be
// placed.
func tjsStart(w When) *TJSDate {
	if w.Value != nil {
		if d := tjsValue(*w.Value); d != nil {
			return d
		}
	}
	if w.Earliest == nil || w.Latest == nil {
		return nil
	}
	return tjsDate(w, true)
}

// tjsValue turns a TIMEX3 value (YYYY, YYYY-MM, YYYY-MM-DD) into a date.
func tjsValue(v string) *TJSDate {
	parts := strings.Split(v, "-")
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil {
			return nil
		}
	}
	d := &TJSDate{Year: strings.TrimLeft(parts[0], "0")}
	if len(parts) > 1 {
		d.Month = strings.TrimLeft(parts[1], "0")
	}
	if len(parts) > 2 {
		d.Day = strings.TrimLeft(parts[2], "0")
	}
	return d
}

// tjsBody is a slide's text: each distinct sentence that reports the
// event once, with the sources that carry it.
func tjsBody(e Event) string {
	var order []string
	sources := map[string][]string{}
	for _, m := range e.Mentions {
		if _, ok := sources[m.Sentence]; !ok {
			order = append(order, m.Sentence)
		}
		src := sourceName(m)
		if !slices.Contains(sources[m.Sentence], src) {
			sources[m.Sentence] = append(sources[m.Sentence], src)
		}
	}
	var b strings.Builder
	for _, sent := range order {
		fmt.Fprintf(&b, "<p>%s <em>(%s)</em></p>", htmlEscape(sent), htmlEscape(strings.Join(sources[sent], "; ")))
	}
	return b.String()
}

// sourceName names a mention's source for people: its headline and site
// when the article has them, else its file or URL.
func sourceName(m Mention) string {
	switch {
	case m.Headline != "" && m.Site != "":
		return m.Headline + ", " + m.Site
	case m.Headline != "":
		return m.Headline
	}
	return m.Source
}

// tjsMedia links the first source that is a web address.
func tjsMedia(e Event) *TJSMedia {
	for _, m := range e.Mentions {
		u := m.URL
		if u == "" && (strings.HasPrefix(m.Source, "http://") || strings.HasPrefix(m.Source, "https://")) {
			u = m.Source
		}
		if u != "" {
			return &TJSMedia{URL: u, Caption: htmlEscape(sourceName(m)), Credit: htmlEscape(m.Site)}
		}
	}
	return nil
}

// tjsGroup is the slide's lane.
func tjsGroup(e Event, group string) string {
	switch group {
	case GroupClass:
		if q := e.Type.QuadClass; q > 0 && q < len(quadClasses) {
			return quadClasses[q]
		}
		return quadClasses[0]
	case GroupActor:
		for _, a := range e.Actors {
			if a.Role == "agent" {
				return a.Name
			}
		}
		if len(e.Actors) > 0 {
			return e.Actors[0].Name
		}
		return "No actor"
	}
	return ""
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
