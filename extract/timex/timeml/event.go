package timeml

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// Event is a TimeML EVENT with the attributes of its first MAKEINSTANCE.
// Attributes TimeML leaves unset are empty here and written as "NONE"
// (tense, aspect), "POS" (polarity) or left out (modality).
type Event struct {
	Start, End int    // span in Doc.Text
	ID         string // eid
	Class      string // OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION
	Tense      string // PAST, PRESENT, FUTURE, INFINITIVE, PRESPART, PASTPART, NONE
	Aspect     string // PROGRESSIVE, PERFECTIVE, PERFECTIVE_PROGRESSIVE, NONE
	Polarity   string // POS, NEG
	Modality   string // the modal word ("would", "can"), if any
	POS        string // VERB, NOUN, ADJECTIVE, PREPOSITION, OTHER
	Text       string
}

var instanceTag = regexp.MustCompile(`<MAKEINSTANCE\b[^>]*>`)

// readInstances copies the attributes of each event's first MAKEINSTANCE
// (in tail, the file after </TEXT>) onto the event.
func (d *Doc) readInstances(tail []byte) {
	if len(d.Events) == 0 {
		return
	}
	byID := make(map[string]int, len(d.Events))
	for k, e := range d.Events {
		byID[e.ID] = k
	}
	seen := make(map[string]bool, len(d.Events))
	for _, m := range instanceTag.FindAll(tail, -1) {
		a := parseAttrs(string(m[len("<MAKEINSTANCE") : len(m)-1]))
		id := a["eventID"]
		k, ok := byID[id]
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		e := &d.Events[k]
		e.Tense, e.Aspect, e.Polarity = a["tense"], a["aspect"], a["polarity"]
		e.Modality, e.POS = a["modality"], a["pos"]
	}
}

// linkTag matches the elements after TEXT that refer to event instances.
var linkTag = regexp.MustCompile(`<(?:MAKEINSTANCE|TLINK|SLINK|ALINK)\b[^>]*>[ \t]*\r?\n?`)

// AnnotateEvents is Annotate with events: TEXT gets the expressions as
// TIMEX3 tags and the events (spans in Doc.Text, any order) as EVENT tags
// eid="e1"..., each followed after </TEXT> by its MAKEINSTANCE eiid="ei1"...
// with tense, aspect, polarity, pos and modality. An event overlapping an
// expression or an earlier event is left out (TimeML does not nest them).
// The file's own MAKEINSTANCE, TLINK, SLINK and ALINK elements, which refer
// to the stripped events, are dropped; the rest is byte-identical.
func (d *Doc) AnnotateEvents(tx []doc.Timex, ev []Event) []byte {
	tags := d.timexTags(tx)
	nt := len(tags)
	sorted := append([]Event(nil), ev...)
	sort.SliceStable(sorted, func(a, b int) bool { return sorted[a].Start < sorted[b].Start })
	var kept []Event
	for _, e := range sorted {
		if e.Start < 0 || e.End > len(d.Text) || e.Start >= e.End || overlaps(tags, e.Start, e.End) {
			continue
		}
		e.ID = fmt.Sprintf("e%d", len(kept)+1)
		kept = append(kept, e)
		tags = append(tags, tag{e.Start, e.End, fmt.Sprintf(`<EVENT eid="%s" class="%s">`, e.ID, escapeAttr(or(e.Class, "OCCURRENCE"))), "</EVENT>"})
	}
	if len(tags) > nt {
		sort.SliceStable(tags, func(a, b int) bool { return tags[a].start < tags[b].start })
	}

	var b bytes.Buffer
	b.Grow(len(d.raw) + 80*len(tx) + 150*len(kept))
	b.Write(d.raw[:d.textStart])
	d.writeText(&b, tags)
	tail := d.raw[d.textEnd:]
	const closeText = "</TEXT>"
	b.WriteString(closeText)
	b.WriteString("\n\n")
	for k, e := range kept {
		fmt.Fprintf(&b, `<MAKEINSTANCE eventID="%s" eiid="ei%d" tense="%s" aspect="%s" polarity="%s" pos="%s"`,
			e.ID, k+1, escapeAttr(or(e.Tense, "NONE")), escapeAttr(or(e.Aspect, "NONE")), escapeAttr(or(e.Polarity, "POS")), escapeAttr(or(e.POS, "OTHER")))
		if e.Modality != "" {
			fmt.Fprintf(&b, ` modality="%s"`, escapeAttr(e.Modality))
		}
		b.WriteString(" />\n")
	}
	b.Write(linkTag.ReplaceAll(tail[len(closeText):], nil))
	return b.Bytes()
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
