// Package timeml reads and writes TempEval-3 TimeML documents for the
// temporal tagger: it takes the document creation time from <DCT>, strips
// TIMEX3/EVENT/SIGNAL tags from <TEXT> (keeping their text), unescapes the
// XML entities of the text while remembering where every byte came from,
// and writes new TIMEX3 tags back with the rest of the file byte-identical.
// It also scores system expressions against gold ones with the TempEval-3
// rules (see Score).
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
	Gold   []Timex
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
	type openTimex struct {
		attrs map[string]string
		start int
	}
	var stack []openTimex
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
			if name == "TIMEX3" {
				selfClosing := strings.HasSuffix(tag, "/")
				switch {
				case closing:
					if len(stack) > 0 {
						o := stack[len(stack)-1]
						stack = stack[:len(stack)-1]
						d.Gold = append(d.Gold, Timex{Start: o.start, End: len(plain), Type: o.attrs["type"], Value: o.attrs["value"], Mod: o.attrs["mod"]})
					}
				case !selfClosing:
					stack = append(stack, openTimex{attrs: parseAttrs(tag[len("TIMEX3"):]), start: len(plain)})
				}
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
	return nil
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
	pos := 0
	n := 0
	for _, x := range tx {
		if x.Start < 0 || x.End > len(d.Text) || x.Start >= x.End {
			continue
		}
		s, e := d.escOff[x.Start], d.escOff[x.End]
		if s < pos {
			continue
		}
		n++
		b.Write(d.esc[pos:s])
		fmt.Fprintf(&b, `<TIMEX3 tid="t%d" type="%s" value="%s"`, n, escapeAttr(x.Type), escapeAttr(x.Value))
		if x.Mod != "" {
			fmt.Fprintf(&b, ` mod="%s"`, escapeAttr(x.Mod))
		}
		b.WriteByte('>')
		b.Write(d.esc[s:e])
		b.WriteString("</TIMEX3>")
		pos = e
	}
	b.Write(d.esc[pos:])
	b.Write(d.raw[d.textEnd:])
	return b.Bytes()
}
