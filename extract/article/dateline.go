package article

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// Datelines of plain-text articles. A text file carries its date in its
// head: a line that is a date ("10/30/89", "Tue March 26, 2024"), a
// header ("Date: 26 March 2024", "Updated 5:02 PM EDT, Tue March 26,
// 2024"), or a wire dateline that opens the first paragraph
// ("WASHINGTON, March 26, 2024 (AP) — The president..."). Dates further
// down are the news's, never the publication's.

// Parts of a written date, for the patterns below.
const (
	monthPat   = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	weekdayPat = `(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?`
	ordinalPat = `(?:st|nd|rd|th)?`
	clockPat   = `(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?(?:\s+(` + zonePat + `)\b)?`
	zonePat    = `utc|gmt|z|bst|cet|cest|eet|eest|est|edt|cst|cdt|mst|mdt|pst|pdt`
)

var (
	// leadingDateRE matches a date at the start of a string, with an
	// optional weekday and an optional time before or after it.
	leadingDateRE = regexp.MustCompile(`(?i)^(?:` + clockPat + `,?\s+)?` + weekdayPat + `(?:` +
		monthPat + `\s+(\d{1,2})` + ordinalPat + `,?\s+(\d{4})` + // March 26, 2024
		`|(\d{1,2})` + ordinalPat + `\.?\s+` + monthPat + `,?\s+(\d{4})` + // 26 March 2024
		`|(\d{4})-(\d{2})-(\d{2})` + // 2024-03-26
		`|(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4}|\d{2})` + // 10/30/89, 08-15-90, 26.03.2024
		`)(?:(?:,?\s+(?:at\s+)?|T)` + clockPat + `)?`)
	// headerRE matches the words that introduce a date in a text's head.
	headerRE = regexp.MustCompile(`(?i)^(?:(date|dateline|published|posted|first published|updated|last updated|last modified)(?:\s+(?:on|at))?\s*[:=]?\s*)`)
	// wireDatelineRE matches a wire dateline that opens a paragraph: a
	// place in capitals, a date, an optional agency, and a dash.
	wireDatelineRE = regexp.MustCompile(`^([A-Z][A-Z.'’ -]{1,40}[A-Z.](?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?),\s+`)
	// wireStampRE matches the time wire services put after a date line
	// ("08-15-90 1337EDT").
	wireStampRE  = regexp.MustCompile(`(?i)^\s+\d{3,4}\s*(` + zonePat + `)?$`)
	wireAgencyRE = regexp.MustCompile(`^\s*(?:\([A-Za-z][A-Za-z .&-]{0,30}\))?\s*(?:—|–|--|-|:)\s*`)
)

// Zone abbreviations news datelines use (zonePat), with their UTC offsets
// in hours.
var zoneOffsets = map[string]int{
	"utc": 0, "gmt": 0, "z": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3,
	"est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
}

// leadingDate parses the date at the start of s: a written or numeric
// date (US month/day and European day.month orders, two-digit years
// resolved to the century that makes them nearest to now), with an
// optional weekday and time. It returns the date and the bytes it took.
func leadingDate(s string) (pubDate, int, bool) {
	m := leadingDateRE.FindStringSubmatchIndex(s)
	if m == nil {
		return pubDate{}, 0, false
	}
	g := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	var y, mo, d int
	switch {
	case g(6) != "": // March 26, 2024
		y, mo, d = atoi(g(8)), monthOf(g(6)), atoi(g(7))
	case g(9) != "": // 26 March 2024
		y, mo, d = atoi(g(11)), monthOf(g(10)), atoi(g(9))
	case g(12) != "": // 2024-03-26
		y, mo, d = atoi(g(12)), atoi(g(13)), atoi(g(14))
	default: // 10/30/89, 26.03.2024
		a, b := atoi(g(15)), atoi(g(17))
		mo, d = a, b // US order with slashes
		if g(16) == "." || a > 12 {
			mo, d = b, a // European order with dots, or a day first
		}
		if mo > 12 && d <= 12 {
			mo, d = d, mo
		}
		y = fullYear(g(18))
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if mo < 1 || mo > 12 || t.Day() != d || checkYear(t) != nil {
		return pubDate{}, 0, false
	}
	date := pubDate{t, doc.GranDay}
	// The time, before (group 1) or after (group 19) the date.
	for _, c := range []int{1, 19} {
		if g(c) == "" {
			continue
		}
		if tt, ok := withClock(t, g(c), g(c+1), g(c+2), g(c+3), g(c+4)); ok {
			date = pubDate{tt, doc.GranTime}
		}
	}
	return date, m[1], true
}

// withClock sets the time of day of t, in the offset the zone
// abbreviation names; a time without a known zone leaves the day alone.
func withClock(t time.Time, h, min, sec, ampm, zone string) (time.Time, bool) {
	off, ok := zoneOffsets[strings.ToLower(zone)]
	if !ok {
		return t, false
	}
	hour := atoi(h)
	switch strings.ToLower(ampm) {
	case "p":
		if hour < 12 {
			hour += 12
		}
	case "a":
		if hour == 12 {
			hour = 0
		}
	}
	if hour > 23 || atoi(min) > 59 || atoi(sec) > 59 {
		return t, false
	}
	loc := time.FixedZone(strings.ToUpper(zone), off*3600)
	return time.Date(t.Year(), t.Month(), t.Day(), hour, atoi(min), atoi(sec), 0, loc), true
}

// fullYear resolves a two-digit year to the century that puts it at most
// a year ahead of now: "89" is 1989, "24" is 2024.
func fullYear(s string) int {
	y := atoi(s)
	if len(s) != 2 {
		return y
	}
	now := time.Now().Year()
	y += now / 100 * 100
	if y > now+1 {
		y -= 100
	}
	return y
}

func monthOf(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(s, m) {
			return i + 1
		}
	}
	return 0
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// dateLine reads a line of a text's head that is a date, alone or after a
// header word: "10/30/89", "Date: Tue, 26 Mar 2024", "Updated 5:02 PM
// EDT, Tue March 26, 2024". It returns the date and the Props key it
// dates ("published" or "updated").
func dateLine(s string) (pubDate, string, bool) {
	key := "published"
	if h := headerRE.FindStringSubmatch(s); h != nil {
		if w := strings.ToLower(h[1]); strings.Contains(w, "updated") || strings.Contains(w, "modified") {
			key = "updated"
		}
		s = s[len(h[0]):]
	}
	if m := isoBasicRE.FindStringSubmatch(strings.TrimSpace(s)); m != nil && len(s) >= 8 {
		t, err := parseISOBasic(m) // "19980108", as wire services stamp stories
		if err != nil || checkYear(t) != nil {
			return pubDate{}, "", false
		}
		if m[4] != "" {
			return pubDate{t, doc.GranTime}, key, true
		}
		return pubDate{t, doc.GranDay}, key, true
	}
	d, n, ok := leadingDate(s)
	if !ok {
		return pubDate{}, "", false
	}
	if rest := strings.TrimRight(s[n:], " .,;"); rest != "" && !wireStampRE.MatchString(rest) {
		return pubDate{}, "", false
	}
	return d, key, true
}

// wireDateline reads the dateline that opens a wire story's first
// paragraph, "WASHINGTON, March 26, 2024 (AP) — ", returning the date and
// its length.
func wireDateline(s string) (pubDate, int, bool) {
	m := wireDatelineRE.FindStringIndex(s)
	if m == nil {
		return pubDate{}, 0, false
	}
	d, n, ok := leadingDate(s[m[1]:])
	if !ok {
		return pubDate{}, 0, false
	}
	end := m[1] + n
	a := wireAgencyRE.FindStringIndex(s[end:])
	if a == nil {
		return pubDate{}, 0, false
	}
	return d, end + a[1], true
}
