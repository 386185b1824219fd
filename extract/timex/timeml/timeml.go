// Package timeml reads and writes TempEval-3 TimeML documents: it takes the
// document creation time from <DCT>, reads the TIMEX3 and EVENT tags of
// <TEXT> (an EVENT with the tense, aspect, polarity, modality and part of
// speech of its first MAKEINSTANCE) as gold annotations, strips the
// TIMEX3/EVENT/SIGNAL tags (keeping their text), unescapes the XML entities
// of the text while remembering where every byte came from, and writes new
// TIMEX3 and EVENT tags back. It also scores system annotations against
// gold ones with the TempEval-3 rules (Counts for TIMEX3, EventCounts for
// Task B events).
package timeml

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// Timex is a TIMEX3 annotation with its span in Doc.Text.
type Timex struct {
	Start, End int
	Type       string
	Value      string
	Mod        string
	Text       string
}

// Doc is a parsed TimeML document.
type Doc struct {
	raw       []byte
	textStart int // raw offset of the TEXT content
	textEnd   int // raw offset of </TEXT>
	// DCT is the document creation time; nil when the file has none.
	DCT *time.Time
	// Text is the unescaped content of <TEXT> without tags.
	Text string
	// Gold are the TIMEX3 tags found inside <TEXT>.
	Gold []Timex
	// Events are the EVENT tags found inside <TEXT>, in text order.
	Events []Event
	esc    []byte // TEXT content with TIMEX3/EVENT/SIGNAL tags removed, still escaped
	escOff []int  // Text byte offset -> esc offset; len(Text)+1 entries
}

var stripTags = map[string]bool{"TIMEX3": true, "EVENT": true, "SIGNAL": true}

// Parse parses a TimeML document.
func Parse(raw []byte) (*Doc, error) {
	d := &Doc{raw: raw}
	if v, ok := dctValue(raw); ok {
		if t, ok := parseDCT(v); ok {
			d.DCT = &t
		}
	}
	open := bytes.Index(raw, []byte("<TEXT>"))
	if open < 0 {
		return nil, fmt.Errorf("no <TEXT> element")
	}
	d.textStart = open + len("<TEXT>")
	end := bytes.Index(raw[d.textStart:], []byte("</TEXT>"))
	if end < 0 {
		return nil, fmt.Errorf("unterminated <TEXT> element")
	}
	d.textEnd = d.textStart + end
	if err := d.scan(raw[d.textStart:d.textEnd]); err != nil {
		return nil, err
	}
	d.readInstances(raw[d.textEnd:])
	return d, nil
}

func dctValue(raw []byte) (string, bool) {
	s := bytes.Index(raw, []byte("<DCT>"))
	if s < 0 {
		return "", false
	}
	e := bytes.Index(raw[s:], []byte("</DCT>"))
	if e < 0 {
		return "", false
	}
	seg := raw[s : s+e]
	tagStart := bytes.Index(seg, []byte("<TIMEX3"))
	if tagStart < 0 {
		return "", false
	}
	tagEnd := bytes.IndexByte(seg[tagStart:], '>')
	if tagEnd < 0 {
		return "", false
	}
	attrs := parseAttrs(string(seg[tagStart+len("<TIMEX3") : tagStart+tagEnd]))
	v, ok := attrs["value"]
	return v, ok
}

func parseDCT(v string) (time.Time, bool) {
	if len(v) >= 10 {
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			return t, true
		}
	}
	if len(v) == 8 {
		if t, err := time.Parse("20060102", v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// scan builds esc, Text, escOff and Gold from the TEXT content.
func (d *Doc) scan(content []byte) error {
	var plain []byte
	esc := make([]byte, 0, len(content))
	off := make([]int, 0, len(content)+1)
	type open struct {
		attrs map[string]string
		start int
	}
	stacks := map[string][]open{}
	i := 0
	for i < len(content) {
		c := content[i]
		switch c {
		case '<':
			j := bytes.IndexByte(content[i:], '>')
			if j < 0 {
				return fmt.Errorf("unterminated tag at byte %d of TEXT", i)
			}
			tag := string(content[i+1 : i+j])
			closing := strings.HasPrefix(tag, "/")
			name := strings.TrimPrefix(tag, "/")
			if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
				name = name[:k]
			}
			if !stripTags[name] {
				esc = append(esc, content[i:i+j+1]...)
				i += j + 1
				continue
			}
			st := stacks[name]
			switch {
			case closing:
				if len(st) > 0 {
					o := st[len(st)-1]
					stacks[name] = st[:len(st)-1]
					d.addGold(name, o.attrs, o.start, len(plain))
				}
			case !strings.HasSuffix(tag, "/"):
				stacks[name] = append(st, open{attrs: parseAttrs(tag[len(name):]), start: len(plain)})
			}
			i += j + 1
		case '&':
			j := bytes.IndexByte(content[i:], ';')
			if j > 0 && j < 12 {
				if dec, ok := decodeEntity(string(content[i+1 : i+j])); ok {
					for range dec {
						off = append(off, len(esc))
					}
					plain = append(plain, dec...)
					esc = append(esc, content[i:i+j+1]...)
					i += j + 1
					continue
				}
			}
			fallthrough
		default:
			off = append(off, len(esc))
			plain = append(plain, c)
			esc = append(esc, c)
			i++
		}
	}
	off = append(off, len(esc))
	d.Text = string(plain)
	d.esc = esc
	d.escOff = off
	for k := range d.Gold {
		g := &d.Gold[k]
		g.Text = d.Text[g.Start:g.End]
	}
	sort.SliceStable(d.Gold, func(a, b int) bool { return d.Gold[a].Start < d.Gold[b].Start })
	for k := range d.Events {
		// A few gold events start with a space: the span is the word.
		e := &d.Events[k]
		for e.Start < e.End && isSpace(d.Text[e.Start]) {
			e.Start++
		}
		for e.End > e.Start && isSpace(d.Text[e.End-1]) {
			e.End--
		}
		e.Text = d.Text[e.Start:e.End]
	}
	sort.SliceStable(d.Events, func(a, b int) bool { return d.Events[a].Start < d.Events[b].Start })
	return nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// addGold records a closed TIMEX3 or EVENT tag spanning plain[start:end].
func (d *Doc) addGold(name string, attrs map[string]string, start, end int) {
	switch name {
	case "TIMEX3":
		d.Gold = append(d.Gold, Timex{Start: start, End: end, Type: attrs["type"], Value: attrs["value"], Mod: attrs["mod"]})
	case "EVENT":
		d.Events = append(d.Events, Event{Start: start, End: end, ID: attrs["eid"], Class: attrs["class"]})
	}
}

func decodeEntity(name string) (string, bool) {
	switch name {
	case "amp":
		return "&", true
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "quot":
		return "\"", true
	case "apos":
		return "'", true
	}
	if strings.HasPrefix(name, "#") {
		var n int64
		var err error
		if strings.HasPrefix(name, "#x") || strings.HasPrefix(name, "#X") {
			n, err = strconv.ParseInt(name[2:], 16, 32)
		} else {
			n, err = strconv.ParseInt(name[1:], 10, 32)
		}
		if err != nil || n <= 0 || !utf8.ValidRune(rune(n)) {
			return "", false
		}
		return string(rune(n)), true
	}
	return "", false
}

// parseAttrs parses name="value" pairs.
func parseAttrs(s string) map[string]string {
	m := map[string]string{}
	for {
		s = strings.TrimLeft(s, " \t\r\n/")
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			return m
		}
		name := strings.TrimSpace(s[:eq])
		s = strings.TrimLeft(s[eq+1:], " \t")
		if s == "" {
			return m
		}
		q := s[0]
		if q != '"' && q != '\'' {
			return m
		}
		e := strings.IndexByte(s[1:], q)
		if e < 0 {
			return m
		}
		v := s[1 : 1+e]
		if dv, err := unescapeAttr(v); err == nil {
			v = dv
		}
		m[name] = v
		s = s[e+2:]
	}
}

func unescapeAttr(v string) (string, error) {
	if !strings.Contains(v, "&") {
		return v, nil
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '&' {
			if j := strings.IndexByte(v[i:], ';'); j > 0 {
				if dec, ok := decodeEntity(v[i+1 : i+j]); ok {
					b.WriteString(dec)
					i += j
					continue
				}
			}
		}
		b.WriteByte(v[i])
	}
	return b.String(), nil
}

func escapeAttr(v string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;")
	return r.Replace(v)
}

// Annotate returns the document with TIMEX3/EVENT/SIGNAL tags stripped from
// TEXT and the given expressions (spans in Doc.Text, sorted, non-
// overlapping) tagged as TIMEX3 tid="t1"... The rest of the file is
// byte-identical.
func (d *Doc) Annotate(tx []doc.Timex) []byte {
	var b bytes.Buffer
	b.Grow(len(d.raw) + 80*len(tx))
	b.Write(d.raw[:d.textStart])
	d.writeText(&b, d.timexTags(tx))
	b.Write(d.raw[d.textEnd:])
	return b.Bytes()
}

// tag is one annotation to write into TEXT: open and close tags around
// Text[start:end].
type tag struct {
	start, end  int
	open, close string
}

// timexTags turns expressions into TEXT tags tid="t1"..., keeping those
// in range that start after the previous one ends.
func (d *Doc) timexTags(tx []doc.Timex) []tag {
	var out []tag
	pos := 0
	for _, x := range tx {
		if x.Start < 0 || x.End > len(d.Text) || x.Start >= x.End {
			continue
		}
		if d.escOff[x.Start] < pos {
			continue
		}
		open := fmt.Sprintf(`<TIMEX3 tid="t%d" type="%s" value="%s"`, len(out)+1, escapeAttr(x.Type), escapeAttr(x.Value))
		if x.Mod != "" {
			open += fmt.Sprintf(` mod="%s"`, escapeAttr(x.Mod))
		}
		out = append(out, tag{x.Start, x.End, open + ">", "</TIMEX3>"})
		pos = d.escOff[x.End]
	}
	return out
}

func overlaps(tags []tag, start, end int) bool {
	for _, t := range tags {
		if t.start < end && start < t.end {
			return true
		}
	}
	return false
}

// writeText writes the escaped TEXT content with tags inserted.
func (d *Doc) writeText(b *bytes.Buffer, tags []tag) {
	pos := 0
	for _, t := range tags {
		s, e := d.escOff[t.start], d.escOff[t.end]
		b.Write(d.esc[pos:s])
		b.WriteString(t.open)
		b.Write(d.esc[s:e])
		b.WriteString(t.close)
		pos = e
	}
	b.Write(d.esc[pos:])
}
