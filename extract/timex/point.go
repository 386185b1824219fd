package timex

import (
	"strconv"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// point is a calendar reference at some granularity, possibly partial
// (unknown fields are rendered as X in the TIMEX3 value).
type point struct {
	g      doc.Granularity
	y      int // year (decade: 199 for the 1990s; century: 19 for the 1900s); unk when unknown
	m, d   int // 0 when unknown
	wk     int // ISO week (GranWeek); 0 unknown
	wd     int // weekday 1..7 of an unanchored day (XXXX-WXX-1)
	q      int // quarter 1..4 (GranQuarter); 0 unknown
	h      int // half 1..2 (GranQuarter with h set renders as H)
	season int // 1..4 SP SU FA WI (GranSeason)
	pod    int // part of day (GranTime)
	hh, mi int // clock time (GranTime), hh = -1 none
	we     bool
}

const unk = -1 << 30

func (p point) known() bool { return p.y != unk }

func pad(b []byte, v, w int) []byte {
	s := strconv.Itoa(v)
	for k := len(s); k < w; k++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func (p point) yearStr(b []byte) []byte {
	if p.y == unk {
		return append(b, "XXXX"...)
	}
	return pad(b, p.y, 4)
}

// value renders the TIMEX3 value.
func (p point) value() string {
	b := make([]byte, 0, 16)
	switch p.g {
	case doc.GranCentury:
		if p.y == unk {
			return "XX"
		}
		return string(pad(b, p.y, 2))
	case doc.GranDecade:
		if p.y == unk {
			return "XXX"
		}
		return string(pad(b, p.y, 3))
	case doc.GranYear:
		return string(p.yearStr(b))
	case doc.GranQuarter:
		b = p.yearStr(b)
		if p.h > 0 {
			b = append(b, "-H"...)
			return string(pad(b, p.h, 1))
		}
		b = append(b, "-Q"...)
		if p.q == 0 {
			return string(append(b, 'X'))
		}
		return string(pad(b, p.q, 1))
	case doc.GranSeason:
		b = p.yearStr(b)
		b = append(b, '-')
		return string(append(b, seasonCodes[p.season]...))
	case doc.GranMonth:
		b = p.yearStr(b)
		b = append(b, '-')
		if p.m == 0 {
			return string(append(b, "XX"...))
		}
		return string(pad(b, p.m, 2))
	case doc.GranWeek:
		b = p.yearStr(b)
		b = append(b, "-W"...)
		if p.wk == 0 {
			b = append(b, "XX"...)
		} else {
			b = pad(b, p.wk, 2)
		}
		if p.we {
			b = append(b, "-WE"...)
		}
		return string(b)
	case doc.GranDay, doc.GranTime:
		b = p.dayStr(b)
		if p.g == doc.GranTime {
			b = append(b, 'T')
			if p.hh >= 0 {
				b = pad(b, p.hh, 2)
				b = append(b, ':')
				b = pad(b, p.mi, 2)
			} else if p.pod > 0 {
				b = append(b, podCodes[p.pod]...)
			}
		}
		return string(b)
	}
	return "XXXX"
}

func (p point) dayStr(b []byte) []byte {
	if p.y == unk && p.m == 0 && p.wd > 0 {
		b = append(b, "XXXX-WXX-"...)
		return pad(b, p.wd, 1)
	}
	b = p.yearStr(b)
	b = append(b, '-')
	if p.m == 0 {
		b = append(b, "XX"...)
	} else {
		b = pad(b, p.m, 2)
	}
	b = append(b, '-')
	if p.d == 0 {
		return append(b, "XX"...)
	}
	return pad(b, p.d, 2)
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func dayPoint(t time.Time) point {
	return point{g: doc.GranDay, y: t.Year(), m: int(t.Month()), d: t.Day(), hh: -1}
}

func (p point) time() time.Time { return date(p.y, p.m, p.d) }

// periodOf returns the period of granularity g containing day t.
func periodOf(t time.Time, g doc.Granularity) point {
	p := point{g: g, y: t.Year(), hh: -1}
	switch g {
	case doc.GranDay:
		return dayPoint(t)
	case doc.GranWeek:
		p.y, p.wk = t.ISOWeek()
	case doc.GranMonth:
		p.m = int(t.Month())
	case doc.GranQuarter:
		p.q = (int(t.Month())-1)/3 + 1
	case doc.GranSeason:
		m := int(t.Month())
		switch {
		case m >= 3 && m <= 5:
			p.season = 1
		case m >= 6 && m <= 8:
			p.season = 2
		case m >= 9 && m <= 11:
			p.season = 3
		default:
			p.season = 4
			if m <= 2 {
				p.y--
			}
		}
	case doc.GranDecade:
		p.y = t.Year() / 10
	case doc.GranCentury:
		p.y = t.Year() / 100
	}
	return p
}

// isoWeekStart returns the Monday of ISO week wk of year y.
func isoWeekStart(y, wk int) time.Time {
	jan4 := date(y, 1, 4)
	wd := int(jan4.Weekday())
	if wd == 0 {
		wd = 7
	}
	return jan4.AddDate(0, 0, 1-wd+(wk-1)*7)
}

// shift moves a known point by n periods of its own granularity.
func shift(p point, n int) point {
	if !p.known() {
		return p
	}
	switch p.g {
	case doc.GranDay, doc.GranTime:
		t := date(p.y, p.m, p.d+n)
		q := p
		q.y, q.m, q.d = t.Year(), int(t.Month()), t.Day()
		return q
	case doc.GranWeek:
		t := isoWeekStart(p.y, p.wk).AddDate(0, 0, 7*n)
		q := p
		q.y, q.wk = t.ISOWeek()
		return q
	case doc.GranMonth:
		if p.m == 0 {
			return p
		}
		k := p.y*12 + p.m - 1 + n
		p.y, p.m = floorDiv(k, 12), k-floorDiv(k, 12)*12+1
	case doc.GranQuarter:
		if p.h > 0 {
			k := p.y*2 + p.h - 1 + n
			p.y, p.h = floorDiv(k, 2), k-floorDiv(k, 2)*2+1
			return p
		}
		if p.q == 0 {
			p.y += floorDiv(n, 4)
			return p
		}
		k := p.y*4 + p.q - 1 + n
		p.y, p.q = floorDiv(k, 4), k-floorDiv(k, 4)*4+1
	case doc.GranSeason:
		k := p.y*4 + p.season - 1 + n
		p.y, p.season = floorDiv(k, 4), k-floorDiv(k, 4)*4+1
	default:
		p.y += n
	}
	return p
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// shiftUnit moves a known point by n units u, keeping the granularity of
// the unit (two weeks ago -> a week).
func shiftUnit(anchor time.Time, u unit, n int) point {
	switch u {
	case uDay:
		return dayPoint(anchor.AddDate(0, 0, n))
	case uWeek:
		return periodOf(anchor.AddDate(0, 0, 7*n), doc.GranWeek)
	case uWeekend:
		p := periodOf(anchor.AddDate(0, 0, 7*n), doc.GranWeek)
		p.we = true
		return p
	case uMonth:
		return shift(periodOf(anchor, doc.GranMonth), n)
	case uQuarter:
		return shift(periodOf(anchor, doc.GranQuarter), n)
	case uHalfYear:
		p := periodOf(anchor, doc.GranQuarter)
		p.h = (p.q-1)/2 + 1
		p.q = 0
		return shift(p, n)
	case uYear:
		return shift(periodOf(anchor, doc.GranYear), n)
	case uDecade:
		return shift(periodOf(anchor, doc.GranDecade), n)
	case uCentury:
		return shift(periodOf(anchor, doc.GranCentury), n)
	}
	return point{g: doc.GranUnknown, y: unk}
}

func unitGran(u unit) doc.Granularity {
	switch u {
	case uSecond, uMinute, uHour, uNight:
		return doc.GranTime
	case uDay:
		return doc.GranDay
	case uWeek, uWeekend:
		return doc.GranWeek
	case uMonth:
		return doc.GranMonth
	case uQuarter, uHalfYear:
		return doc.GranQuarter
	case uYear:
		return doc.GranYear
	case uDecade:
		return doc.GranDecade
	case uCentury, uMillennium:
		return doc.GranCentury
	}
	return doc.GranUnknown
}

// unanchored returns the X-valued point for a unit relative expression
// when no DCT is known.
func unanchored(u unit) point {
	p := point{g: unitGran(u), y: unk, hh: -1}
	if u == uWeekend {
		p.we = true
	}
	if p.g == doc.GranTime {
		p.g = doc.GranDay
	}
	return p
}

// durValue renders a duration of n units (n < 0: unknown count, X).
func durValue(n float64, u unit) string {
	b := make([]byte, 0, 12)
	b = append(b, 'P')
	unknown := n < 0
	num := func(v float64) {
		if unknown {
			b = append(b, 'X')
			return
		}
		if v == float64(int64(v)) {
			b = strconv.AppendInt(b, int64(v), 10)
		} else {
			b = strconv.AppendFloat(b, v, 'f', -1, 64)
		}
	}
	frac := func(whole float64, big byte, small byte, factor float64, timeSmall bool) {
		w := float64(int64(whole))
		rest := (whole - w) * factor
		if unknown || rest == 0 || rest != float64(int64(rest)) {
			num(whole)
			b = append(b, big)
			return
		}
		if w > 0 {
			num(w)
			b = append(b, big)
		}
		if timeSmall {
			b = append(b, 'T')
		}
		num(rest)
		b = append(b, small)
	}
	switch u {
	case uSecond:
		b = append(b, 'T')
		num(n)
		b = append(b, 'S')
	case uMinute:
		b = append(b, 'T')
		frac(n, 'M', 'S', 60, false)
	case uHour:
		b = append(b, 'T')
		frac(n, 'H', 'M', 60, false)
	case uDay, uNight:
		frac(n, 'D', 'H', 24, true)
	case uWeek:
		if !unknown && n != float64(int64(n)) {
			num(n * 7)
			b = append(b, 'D')
		} else {
			num(n)
			b = append(b, 'W')
		}
	case uWeekend:
		if unknown {
			b = append(b, "XWE"...)
		} else {
			num(n * 2)
			b = append(b, 'D')
		}
	case uMonth:
		frac(n, 'M', 'D', 30, false)
	case uQuarter:
		if !unknown && n != float64(int64(n)) {
			num(n * 3)
			b = append(b, 'M')
		} else {
			num(n)
			b = append(b, 'Q')
		}
	case uHalfYear:
		num(n * 6)
		b = append(b, 'M')
	case uYear:
		frac(n, 'Y', 'M', 12, false)
	case uDecade:
		if unknown {
			b = append(b, "XE"...)
		} else {
			num(n * 10)
			b = append(b, 'Y')
		}
	case uCentury:
		if unknown {
			b = append(b, "XC"...)
		} else {
			num(n * 100)
			b = append(b, 'Y')
		}
	case uMillennium:
		if unknown {
			b = append(b, "XL"...)
		} else {
			num(n * 1000)
			b = append(b, 'Y')
		}
	default:
		b = append(b, "XX"...)
	}
	return string(b)
}

// periodOfPoint returns the period of granularity g containing point p.
func periodOfPoint(p point, g doc.Granularity) point {
	if !p.known() {
		q := point{g: g, y: unk, hh: -1}
		return q
	}
	switch p.g {
	case doc.GranDay, doc.GranTime:
		if p.m > 0 && p.d > 0 {
			return periodOf(p.time(), g)
		}
	case doc.GranMonth:
		if p.m > 0 && (g == doc.GranYear || g == doc.GranQuarter) {
			return periodOf(date(p.y, p.m, 1), g)
		}
	}
	if g == doc.GranYear {
		return point{g: g, y: p.y, hh: -1}
	}
	return p
}
