package timex

import (
	"github.com/eventgraph/eventgraph/extract/doc"
)

// monthAllowed applies the traps for a month name standing alone: "may" the
// verb, "march" the verb, abbreviations.
func (t *tagger) monthAllowed(i int) bool {
	tk := &t.toks[i]
	l := tk.lx
	if l.abbr {
		return false
	}
	cap := tk.f&fCap != 0
	prev := t.w(i - 1)
	prepCtx := false
	switch prev {
	case wIn, wSince, wUntil, wBy, wOf, wFrom, wTo, wDuring, wBefore, wAfter, wBetween, wEarly, wLate, wMid, wLast, wNext, wThis, wThat, wOr, wAnd, wFor, wEnd, wAround:
		prepCtx = true
	}
	if t.punct(i-1, '-') && t.w(i-2) == wMid {
		prepCtx = true
	}
	if prev == wNone && i > 0 && t.toks[i-1].kind == tkWord {
		tx := t.text[t.toks[i-1].s:t.toks[i-1].e]
		if tx == "through" || tx == "Through" || tx == "throughout" || tx == "till" || tx == "past" || tx == "as" {
			prepCtx = true
		}
	}
	switch l.v {
	case 5, 3: // May, March
		if !cap {
			return false
		}
		if !prepCtx {
			return false
		}
		// "in May" yes; "may march" never reaches here.
		return true
	}
	if !cap && !prepCtx {
		return false
	}
	if l.plural {
		return false
	}
	// Capitalized month in a title-case run with no context: require a
	// preposition unless the month is followed by punctuation.
	if !prepCtx && t.sentenceInitial(i) && !t.punct(i+1, ',') {
		return true
	}
	return true
}

// yearAt parses a 4-digit year token at i (no thousands separator).
func (t *tagger) yearAt(i int) (int, bool) {
	if !t.num(i) {
		return 0, false
	}
	tk := &t.toks[i]
	if tk.nd != 4 || tk.f&(fComma|fDecimal|fColon|fOrd|fDecade) != 0 {
		return 0, false
	}
	y := int(tk.num)
	if y < 1000 || y > 2999 {
		return 0, false
	}
	// not "2024-03" style continuation of another number
	return y, true
}

// explicitDate: "March 25", "March 25, 2024", "Friday, Oct. 23", "25 March
// 2024", "March 1996", "March of 1996", "March" (with traps), "the 25th of
// March".
func (t *tagger) explicitDate(i int) (res, bool) {
	j := i
	wd := 0
	if l := t.lx(j); l != nil && l.c&cWeekday != 0 && !l.plural {
		wd = l.v
		j++
		if t.punct(j, '.') && l.abbr {
			j++
		}
		if t.punct(j, ',') {
			j++
		}
		if l := t.lx(j); !(l != nil && l.c&cMonth != 0) && !(t.num(j) && t.lx(j+1) != nil && t.lx(j+1).c&cMonth != 0) {
			return res{}, false
		}
	}
	r := res{start: i, typ: "DATE", basis: doc.BasisExplicit, setRef: true}
	if l := t.lx(j); l != nil && l.c&cMonth != 0 && !l.plural {
		m := l.v
		k := j + 1
		// "mar07", "jan" in a file name: abbreviations need a capital and
		// a separated day.
		if l.abbr && (t.toks[j].f&(fCap|fAllCaps) == 0 || t.num(k) && t.attached(k)) {
			return res{}, false
		}
		if l.abbr && t.punct(k, '.') && t.attached(k) {
			k++
		}
		// Day.
		if d, k2, ok := t.dayNum(k); ok {
			k = k2
			yk := k
			if t.punct(yk, ',') {
				yk++
			}
			if y, ok := t.yearAt(yk); ok && !(t.punct(yk+1, ':')) {
				r.p = point{g: doc.GranDay, y: y, m: m, d: d, hh: -1}
				r.end = yk + 1
			} else if t.punct(yk, '\'') && t.num(yk+1) && t.toks[yk+1].nd == 2 && t.attached(yk+1) {
				y := int(t.toks[yk+1].num)
				r.p = point{g: doc.GranDay, y: century(y), m: m, d: d, hh: -1}
				r.end = yk + 2
			} else {
				r.end = k
				r.p = t.resolveMonthDay(m, d, t.tenseDir(i, k))
				r.basis = doc.BasisRelative
			}
			if !validDay(r.p) {
				return res{}, false
			}
			return r, true
		}
		// Year: "March 1996", "March, 1996", "March of 1996".
		yk := k
		if t.punct(yk, ',') || t.w(yk) == wOf {
			yk++
		}
		if y, ok := t.yearAt(yk); ok && wd == 0 {
			r.p = point{g: doc.GranMonth, y: y, m: m, hh: -1}
			r.end = yk + 1
			return r, true
		}
		if y, k2, ok := t.spokenYearNum(yk); ok && wd == 0 {
			r.p = point{g: doc.GranMonth, y: y, m: m, hh: -1}
			r.end = k2
			return r, true
		}
		if wd != 0 {
			return res{}, false
		}
		// "July last year", "January this year"
		if w := t.w(k); (w == wLast || w == wThis || w == wNext) && t.lx(k+1) != nil && t.lx(k+1).u == uYear && !t.lx(k+1).plural && t.hasDCT {
			y := t.dct.Year()
			if w == wLast {
				y--
			} else if w == wNext {
				y++
			}
			r.p = point{g: doc.GranMonth, y: y, m: m, hh: -1}
			r.end = k + 2
			r.basis = doc.BasisRelative
			return r, true
		}
		if !t.monthAllowed(j) {
			return res{}, false
		}
		r.end = k
		if l.abbr && t.punct(k, '.') {
			r.end = k + 1
		}
		r.p = t.sentenceYear(i, t.resolveMonth(m, t.tenseDir(i, k)))
		r.basis = doc.BasisRelative
		return r, true
	}
	// Day first: "25 March 2024", "25th of March".
	if d, k, ok := t.dayNum(j); ok {
		if t.w(k) == wOf {
			k++
		}
		l := t.lx(k)
		if l == nil || l.c&cMonth == 0 || l.plural {
			return res{}, false
		}
		if l.v == 5 && t.toks[k].f&fCap == 0 {
			return res{}, false
		}
		m := l.v
		k++
		if l.abbr && t.punct(k, '.') && t.attached(k) {
			k++
		}
		yk := k
		if t.punct(yk, ',') {
			yk++
		}
		if y, ok := t.yearAt(yk); ok {
			r.p = point{g: doc.GranDay, y: y, m: m, d: d, hh: -1}
			r.end = yk + 1
		} else {
			r.end = k
			r.p = t.resolveMonthDay(m, d, t.tenseDir(i, k))
			r.basis = doc.BasisRelative
		}
		if !validDay(r.p) {
			return res{}, false
		}
		return r, true
	}
	return res{}, false
}

func century(yy int) int {
	if yy < 50 {
		return 2000 + yy
	}
	return 1900 + yy
}

func validDay(p point) bool {
	if p.m < 1 || p.m > 12 || p.d < 1 || p.d > 31 {
		return false
	}
	y := p.y
	if y == unk {
		y = 2000 // leap year: Feb 29 allowed
	}
	return date(y, p.m, p.d).Day() == p.d
}

// dayNum parses a day of month: "25", "25th", "twenty-fifth", "eighth".
func (t *tagger) dayNum(i int) (int, int, bool) {
	if i >= len(t.toks) {
		return 0, i, false
	}
	tk := &t.toks[i]
	if tk.kind == tkNum {
		if tk.nd > 2 || tk.f&(fComma|fDecimal|fColon|fDecade) != 0 || tk.num < 1 || tk.num > 31 {
			return 0, i, false
		}
		if t.punct(i+1, '/') && t.attached(i+1) {
			return 0, i, false
		}
		return int(tk.num), i + 1, true
	}
	if v, j, ok := t.ordinal(i); ok && v >= 1 && v <= 31 {
		return v, j, true
	}
	return 0, i, false
}

// weekdayExpr: "Monday", "Friday morning", "Tuesdays", "Tuesday nights".
func (t *tagger) weekdayExpr(i int) (res, bool) {
	tk := &t.toks[i]
	l := tk.lx
	if l.abbr {
		return res{}, false
	}
	// "Black Friday sales", "Bloody Sunday", "Super Tuesday": names.
	if i > 0 && t.has(i-1, cDayAdj) && t.capAt(i-1) && tk.f&fCap != 0 {
		return res{}, false
	}
	if tk.f&fCap == 0 && tk.f&fAllCaps == 0 && !t.sentenceInitial(i) {
		// lower-case weekday: still a weekday in most texts.
	}
	r := res{start: i, end: i + 1, typ: "DATE", basis: doc.BasisRelative, setRef: true}
	if l.plural {
		r.typ = "SET"
		p := point{g: doc.GranDay, y: unk, wd: l.v, hh: -1}
		if pl := t.lx(i + 1); pl != nil && pl.c&cPOD != 0 {
			p.g = doc.GranTime
			p.pod = pl.v
			r.end = i + 2
		}
		r.val = p.value()
		r.gran = doc.GranWeek
		r.setRef = false
		return r, true
	}
	r.p = t.resolveWeekday(l.v, t.tenseDir(i, i+1))
	return t.withPOD(r, i+1), true
}

// withPOD extends a day result with a following part of day: "Friday
// morning", "yesterday afternoon".
func (t *tagger) withPOD(r res, k int) res {
	if pl := t.lx(k); pl != nil && pl.c&cPOD != 0 && !pl.plural && pl.v != 5 {
		// "Friday night's game": still the night.
		r.p.g = doc.GranTime
		r.p.pod = pl.v
		r.p.hh = -1
		r.end = k + 1
		r.typ = "DATE"
	}
	return r
}

// dayExpr parses a day reference usable after a clock time: weekday,
// today/yesterday/tomorrow/tonight, or an explicit date.
func (t *tagger) dayExpr(i int) (point, int, bool) {
	l := t.lx(i)
	if l == nil {
		return point{}, i, false
	}
	switch l.w {
	case wToday, wTonight:
		if t.hasDCT {
			return t.today(), i + 1, true
		}
		return point{g: doc.GranDay, y: unk, hh: -1}, i + 1, true
	case wYesterday, wTomorrow:
		n := -1
		if l.w == wTomorrow {
			n = 1
		}
		if t.hasDCT {
			return dayPoint(t.dct.AddDate(0, 0, n)), i + 1, true
		}
		return point{g: doc.GranDay, y: unk, hh: -1}, i + 1, true
	}
	if r, ok := t.explicitDate(i); ok && r.p.g == doc.GranDay {
		return r.p, r.end, true
	}
	if l.c&cWeekday != 0 && !l.plural && !l.abbr {
		return t.resolveWeekday(l.v, t.tenseDir(i, i+1)), i + 1, true
	}
	return point{}, i, false
}

// isoDate: 2024-03-25, 2024-03-25T14:30, 2024/03/25, 2024-03.
func (t *tagger) isoDate(i int) (res, bool) {
	y, ok := t.yearAt(i)
	if !ok {
		return res{}, false
	}
	sep := byte(0)
	if t.punct(i+1, '-') {
		sep = '-'
	} else if t.punct(i+1, '/') {
		sep = '/'
	} else {
		return res{}, false
	}
	if !t.attached(i+1) || !t.num(i+2) || !t.attached(i+2) || t.toks[i+2].nd != 2 {
		return res{}, false
	}
	m := int(t.toks[i+2].num)
	if m < 1 || m > 12 {
		return res{}, false
	}
	r := res{start: i, typ: "DATE", basis: doc.BasisExplicit, setRef: true}
	if t.punct(i+3, sep) && t.attached(i+3) && t.num(i+4) && t.attached(i+4) && t.toks[i+4].nd == 2 {
		d := int(t.toks[i+4].num)
		r.p = point{g: doc.GranDay, y: y, m: m, d: d, hh: -1}
		if !validDay(r.p) {
			return res{}, false
		}
		r.end = i + 5
		// T14:30
		if k := i + 5; k+1 < len(t.toks) && t.attached(k) && t.toks[k].kind == tkWord && (t.text[t.toks[k].s] == 'T' || t.text[t.toks[k].s] == 't') && t.toks[k].e == t.toks[k].s+1 && t.num(k+1) && t.attached(k+1) && t.toks[k+1].f&fColon != 0 {
			r.p.g = doc.GranTime
			r.p.hh, r.p.mi = int(t.toks[k+1].num), int(t.toks[k+1].num2)
			r.typ = "TIME"
			r.end = k + 2
		}
		return r, true
	}
	if sep == '-' && !t.num(i+3) && !t.punct(i+3, '-') {
		// "2009-10" is more often a season/fiscal range than a month; only
		// accept YYYY-MM when MM > 12 cannot be a year suffix: skip.
		return res{}, false
	}
	return res{}, false
}

// numericDate: 03/25/2024 (US order), 25/03/2024 when the first part > 12.
func (t *tagger) numericDate(i int) (res, bool) {
	if !(t.punct(i+1, '/') && t.attached(i+1) && t.num(i+2) && t.attached(i+2) && t.punct(i+3, '/') && t.attached(i+3) && t.num(i+4) && t.attached(i+4)) {
		return res{}, false
	}
	a, b := int(t.toks[i].num), int(t.toks[i+2].num)
	y, ok := t.yearAt(i + 4)
	if !ok {
		if t.toks[i+4].nd != 2 {
			return res{}, false
		}
		y = century(int(t.toks[i+4].num))
	}
	m, d := a, b
	if a > 12 {
		m, d = b, a
	}
	p := point{g: doc.GranDay, y: y, m: m, d: d, hh: -1}
	if !validDay(p) || t.toks[i+2].nd > 2 {
		return res{}, false
	}
	return res{start: i, end: i + 5, typ: "DATE", p: p, basis: doc.BasisExplicit, setRef: true}, true
}
