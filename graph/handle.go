package graph

import (
	"fmt"
	"strconv"
	"strings"
)

// MentionHandle is what an event mention stores of itself beside
// eg:mentionOf, packed into one line of its article's eg:handles literal
// (FormatHandles: line N is the handle of <eg:mention/ID/N>), so that a
// mention costs one quad, not twenty (its article is named by its IRI,
// MentionArticle).
// Offsets are byte offsets into the article's text (schema:text of the
// article), which is stored once: the sentence, trigger and time
// expression are read from it rather than stored again on every mention.
//
// A handle is version 2 of the format (version 1, vocabulary 2 to 4, was
// the same line stored as its mention's own eg:handle), fields separated by
// "|" in this order (a "|", "\" or newline inside a field is escaped with
// "\"):
//
//	sentence   index of the sentence in the article, -1 when none
//	sentSpan   START-END of the sentence
//	trigger    START-END of the trigger
//	modality   the mention's own modality (asserted, negated, ...)
//	salience   the mention's salience, 0-1 (package event)
//	earliest   the mention's own earliest day bound, YYYY-MM-DD or empty
//	latest     the mention's own latest day bound, YYYY-MM-DD or empty
//	gran       granularity of its date (day, month, ...) or empty
//	basis      evidence of its date (explicit, relative, publication, ...)
//	value      where a timeline places it (a TIMEX3 value) or empty
//	timex      START-END of the time expression dating it, or empty
//	lead       "1" when the mention is in its article's lead (resolve.IsLead),
//	           "2" when besides in its headline (resolve.IsHeadline)
//	pattern    the coding pattern that typed it
//	merge      why it was merged into an event reported earlier, or empty
//
// A trigger or time expression whose text is not the article text at its
// span (never, for what the extractors give today) is stored explicitly
// (eg:trigger, eg:timeText) and wins over the span.
type MentionHandle struct {
	Sentence   int
	SentStart  int
	SentEnd    int
	TrigStart  int
	TrigEnd    int
	Modality   string
	Salience   float64
	Earliest   string
	Latest     string
	Gran       string
	Basis      string
	Value      string
	TimexStart int // -1 when no time expression dates the mention
	TimexEnd   int
	Lead       bool
	Headline   bool
	Pattern    string
	Merge      string
}

// handleFields is the number of fields of a version 1 handle.
const handleFields = 14

// String packs the handle (see MentionHandle).
func (h MentionHandle) String() string {
	var b strings.Builder
	span := func(s, e int) string { return strconv.Itoa(s) + "-" + strconv.Itoa(e) }
	timex := ""
	if h.TimexStart >= 0 {
		timex = span(h.TimexStart, h.TimexEnd)
	}
	lead := ""
	switch {
	case h.Headline:
		lead = "2"
	case h.Lead:
		lead = "1"
	}
	for i, f := range [handleFields]string{
		strconv.Itoa(h.Sentence), span(h.SentStart, h.SentEnd), span(h.TrigStart, h.TrigEnd),
		h.Modality, strconv.FormatFloat(h.Salience, 'g', -1, 64), h.Earliest, h.Latest, h.Gran, h.Basis,
		h.Value, timex, lead, h.Pattern, h.Merge,
	} {
		if i > 0 {
			b.WriteByte('|')
		}
		for j := 0; j < len(f); j++ {
			if f[j] == '|' || f[j] == '\\' || f[j] == '\n' {
				b.WriteByte('\\')
			}
			b.WriteByte(f[j])
		}
	}
	return b.String()
}

// FormatHandles packs an article's event mention handles into the literal
// of its eg:handles: one line each (MentionHandle.String, which escapes
// newlines), in the order of the mentions.
func FormatHandles(hs []MentionHandle) string {
	var b strings.Builder
	for i, h := range hs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(h.String())
	}
	return b.String()
}

// HandleAt reads the n-th handle of an eg:handles literal (FormatHandles):
// the handle of the article's mention <eg:mention/ID/n>.
func HandleAt(handles string, n int) (MentionHandle, error) {
	start, line := 0, 0
	for i := 0; i <= len(handles); i++ {
		switch {
		case i < len(handles) && handles[i] == '\\':
			i++ // an escaped character, a newline maybe
		case i == len(handles) || handles[i] == '\n':
			if line == n {
				return ParseHandle(handles[start:i])
			}
			start, line = i+1, line+1
		}
	}
	return MentionHandle{}, fmt.Errorf("no mention handle %d among the article's %d", n, line)
}

// ParseHandle reads what MentionHandle.String wrote.
func ParseHandle(s string) (MentionHandle, error) {
	var fs []string
	var cur strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
		case c == '|':
			fs = append(fs, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	fs = append(fs, cur.String())
	if len(fs) != handleFields {
		return MentionHandle{}, fmt.Errorf("mention handle %q: %d fields, want %d", s, len(fs), handleFields)
	}
	h := MentionHandle{Modality: fs[3], Earliest: fs[5], Latest: fs[6], Gran: fs[7], Basis: fs[8], Value: fs[9],
		Lead: fs[11] == "1" || fs[11] == "2", Headline: fs[11] == "2", Pattern: fs[12], Merge: fs[13], TimexStart: -1, TimexEnd: -1}
	var err error
	if h.Sentence, err = strconv.Atoi(fs[0]); err != nil {
		return h, fmt.Errorf("mention handle %q: sentence: %w", s, err)
	}
	if h.SentStart, h.SentEnd, err = parseSpan(fs[1]); err != nil {
		return h, fmt.Errorf("mention handle %q: sentence span: %w", s, err)
	}
	if h.TrigStart, h.TrigEnd, err = parseSpan(fs[2]); err != nil {
		return h, fmt.Errorf("mention handle %q: trigger span: %w", s, err)
	}
	if h.Salience, err = strconv.ParseFloat(fs[4], 64); err != nil {
		return h, fmt.Errorf("mention handle %q: salience: %w", s, err)
	}
	if fs[10] != "" {
		if h.TimexStart, h.TimexEnd, err = parseSpan(fs[10]); err != nil {
			return h, fmt.Errorf("mention handle %q: time expression span: %w", s, err)
		}
	}
	return h, nil
}

// parseSpan reads "START-END".
func parseSpan(s string) (int, int, error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return 0, 0, fmt.Errorf("%q is not START-END", s)
	}
	start, err := strconv.Atoi(a)
	if err != nil {
		return 0, 0, err
	}
	end, err := strconv.Atoi(b)
	if err != nil {
		return 0, 0, err
	}
	return start, end, nil
}

// Slice returns text[start:end], or "" when the span is not inside text.
func Slice(text string, start, end int) string {
	if start < 0 || end < start || end > len(text) {
		return ""
	}
	return text[start:end]
}

// FormatSpans packs an article's mentions of one actor as eg:spans holds
// them: "SENTENCE:START-END" for each, space-separated, in text order.
func FormatSpans(spans [][3]int) string {
	var b strings.Builder
	for i, s := range spans {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d:%d-%d", s[0], s[1], s[2])
	}
	return b.String()
}

// ParseSpans reads what FormatSpans wrote: [sentence, start, end] each.
func ParseSpans(s string) ([][3]int, error) {
	var out [][3]int
	for _, f := range strings.Fields(s) {
		sent, span, ok := strings.Cut(f, ":")
		if !ok {
			return nil, fmt.Errorf("actor mention span %q is not SENTENCE:START-END", f)
		}
		n, err := strconv.Atoi(sent)
		if err != nil {
			return nil, fmt.Errorf("actor mention span %q: %w", f, err)
		}
		a, b, err := parseSpan(span)
		if err != nil {
			return nil, fmt.Errorf("actor mention span %q: %w", f, err)
		}
		out = append(out, [3]int{n, a, b})
	}
	return out, nil
}

// CountSpans is how many mentions an eg:spans literal holds.
func CountSpans(spans string) int { return len(strings.Fields(spans)) }
