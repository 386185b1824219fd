package timex

import (
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// Bounds converts a TIMEX3 date value into inclusive day bounds (UTC
// midnights) and its granularity: 2024-03-25 (and 2024-03-25T14:30,
// 2024-03-25TMO), 2024-03, 2024, 2024-W13, 2024-W13-WE, 2024-Q1, 2024-H2,
// 2024-SU, 199 (the 1990s), 19 (the 1900s). Partially unknown values are
// bounded by their known prefix (2024-XX-XX is the year 2024). ok is false
// for durations, references (PRESENT_REF...) and values without a known
// year.
func Bounds(value string) (earliest, latest time.Time, g doc.Granularity, ok bool) {
	v := value
	if len(v) < 2 || !isDigit(v[0]) || !isDigit(v[1]) {
		return
	}
	var y int
	n := 0
	for n < len(v) && isDigit(v[n]) {
		y = y*10 + int(v[n]-'0')
		n++
		if n > 4 {
			return
		}
	}
	rest := v[n:]
	switch n {
	case 2:
		if rest != "" {
			return
		}
		return date(y*100, 1, 1), date(y*100+99, 12, 31), doc.GranCentury, true
	case 3:
		if rest != "" {
			return
		}
		return date(y*10, 1, 1), date(y*10+9, 12, 31), doc.GranDecade, true
	case 4:
	default:
		return
	}
	yearB := func() (time.Time, time.Time, doc.Granularity, bool) {
		return date(y, 1, 1), date(y, 12, 31), doc.GranYear, true
	}
	if rest == "" {
		return yearB()
	}
	if rest[0] != '-' || len(rest) < 2 {
		return
	}
	rest = rest[1:]
	switch {
	case rest[0] == 'Q' && len(rest) == 2:
		if q := int(rest[1] - '0'); q >= 1 && q <= 4 {
			return date(y, 3*q-2, 1), date(y, 3*q+1, 0), doc.GranQuarter, true
		}
		return yearB()
	case rest[0] == 'H' && len(rest) == 2:
		if h := int(rest[1] - '0'); h >= 1 && h <= 2 {
			return date(y, 6*h-5, 1), date(y, 6*h+1, 0), doc.GranQuarter, true
		}
		return yearB()
	case rest == "SP":
		return date(y, 3, 1), date(y, 6, 0), doc.GranSeason, true
	case rest == "SU":
		return date(y, 6, 1), date(y, 9, 0), doc.GranSeason, true
	case rest == "FA":
		return date(y, 9, 1), date(y, 12, 0), doc.GranSeason, true
	case rest == "WI":
		return date(y, 12, 1), date(y+1, 3, 0), doc.GranSeason, true
	case rest[0] == 'W':
		if strings.HasPrefix(rest, "WXX") {
			return yearB()
		}
		if len(rest) < 2 || !isDigit(rest[1]) {
			return
		}
		wk := int(rest[1] - '0')
		k := 2
		if len(rest) > 2 && isDigit(rest[2]) {
			wk = wk*10 + int(rest[2]-'0')
			k = 3
		}
		if wk < 1 || wk > 53 {
			return
		}
		s := isoWeekStart(y, wk)
		tail := rest[k:]
		switch {
		case tail == "":
			return s, s.AddDate(0, 0, 6), doc.GranWeek, true
		case tail == "-WE":
			return s.AddDate(0, 0, 5), s.AddDate(0, 0, 6), doc.GranWeek, true
		case len(tail) == 2 && tail[0] == '-' && tail[1] >= '1' && tail[1] <= '7':
			d := s.AddDate(0, 0, int(tail[1]-'1'))
			return d, d, doc.GranDay, true
		}
		return
	}
	// Month.
	if len(rest) < 2 {
		return
	}
	if rest[:2] == "XX" {
		return yearB()
	}
	if !isDigit(rest[0]) || !isDigit(rest[1]) {
		return
	}
	m := int(rest[0]-'0')*10 + int(rest[1]-'0')
	if m < 1 || m > 12 {
		return
	}
	rest = rest[2:]
	monthB := func() (time.Time, time.Time, doc.Granularity, bool) {
		return date(y, m, 1), date(y, m+1, 0), doc.GranMonth, true
	}
	if rest == "" {
		return monthB()
	}
	if rest[0] != '-' || len(rest) < 3 {
		return
	}
	if rest[1:3] == "XX" {
		return monthB()
	}
	if !isDigit(rest[1]) || !isDigit(rest[2]) {
		return
	}
	d := int(rest[1]-'0')*10 + int(rest[2]-'0')
	if d < 1 || d > 31 {
		return
	}
	t := date(y, m, d)
	if int(t.Month()) != m {
		return
	}
	rest = rest[3:]
	if rest == "" {
		return t, t, doc.GranDay, true
	}
	if rest[0] == 'T' {
		// Midnight written as T24 belongs to the day it ends.
		return t, t, doc.GranTime, true
	}
	return
}
