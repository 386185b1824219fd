package timex

import (
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// Direction of a relative resolution.
const (
	dirPast       = -1 // on or before the DCT
	dirFuture     = 1  // on or after the DCT
	dirPrevStrict = -2 // strictly before ("last Monday")
	dirNextStrict = 2  // strictly after ("next Monday")
)

func isoWeekday(t time.Time) int {
	wd := int(t.Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

// resolveWeekday anchors weekday wd to the DCT.
func (t *tagger) resolveWeekday(wd, dir int) point {
	if !t.hasDCT {
		return point{g: doc.GranDay, y: unk, wd: wd, hh: -1}
	}
	diff := wd - isoWeekday(t.dct)
	switch dir {
	case dirFuture:
		if diff < 0 {
			diff += 7
		}
	case dirPrevStrict:
		if diff >= 0 {
			diff -= 7
		}
	case dirNextStrict:
		if diff <= 0 {
			diff += 7
		}
	default:
		if diff > 0 {
			diff -= 7
		}
	}
	return dayPoint(t.dct.AddDate(0, 0, diff))
}

// resolveMonth anchors a month name without a year.
func (t *tagger) resolveMonth(m, dir int) point {
	p := point{g: doc.GranMonth, y: unk, m: m, hh: -1}
	if !t.hasDCT {
		return p
	}
	y, cm := t.dct.Year(), int(t.dct.Month())
	switch dir {
	case dirPast, dirFuture, 0:
		// The nearest occurrence, unless the tense points to one that is
		// less than eight months away.
		past, future := y, y
		if m > cm {
			past--
		}
		if m < cm {
			future++
		}
		dp, df := (y-past)*12+cm-m, (future-y)*12+m-cm
		switch {
		case dir == dirPast && dp <= 8:
			y = past
		case dir == dirFuture && df <= 8:
			y = future
		case dp <= df:
			y = past
		default:
			y = future
		}
	case dirPrevStrict:
		// "last February" in March is a year ago: the month just ended
		// would be "last month".
		if m >= cm-1 {
			y--
		}
	case dirNextStrict:
		if m <= cm+1 {
			y++
		}
	}
	p.y = y
	return p
}

// resolveMonthDay anchors a month and day without a year.
func (t *tagger) resolveMonthDay(m, d, dir int) point {
	p := point{g: doc.GranDay, y: unk, m: m, d: d, hh: -1}
	if !t.hasDCT {
		return p
	}
	y := t.dct.Year()
	cur := date(y, m, d)
	past, future := y, y
	if cur.After(t.dct) {
		past--
	}
	if cur.Before(t.dct) {
		future++
	}
	switch {
	case dir == dirPrevStrict:
		y = past
	case dir == dirNextStrict:
		y = future
	case dir == dirPast && absDays(date(past, m, d).Sub(t.dct)) <= 300:
		y = past
	case dir == dirFuture && absDays(date(future, m, d).Sub(t.dct)) <= 300:
		y = future
	default:
		// Nearest occurrence.
		best := y
		bd := absDays(cur.Sub(t.dct))
		for _, yy := range []int{y - 1, y + 1} {
			if dd := absDays(date(yy, m, d).Sub(t.dct)); dd < bd {
				best, bd = yy, dd
			}
		}
		y = best
	}
	p.y = y
	return p
}

func absDays(d time.Duration) int {
	if d < 0 {
		d = -d
	}
	return int(d / (24 * time.Hour))
}

// resolveSeason anchors a season without a year.
func (t *tagger) resolveSeason(s, dir int) point {
	p := point{g: doc.GranSeason, y: unk, season: s, hh: -1}
	if !t.hasDCT {
		return p
	}
	cur := periodOf(t.dct, doc.GranSeason)
	ci := cur.y*4 + cur.season - 1
	ti := cur.y*4 + s - 1
	switch dir {
	case dirPast:
		if ti > ci {
			ti -= 4
		}
	case dirFuture:
		if ti < ci {
			ti += 4
		}
	case dirPrevStrict:
		if ti >= ci {
			ti -= 4
		}
	case dirNextStrict:
		if ti <= ci {
			ti += 4
		}
	default:
		// Same year as the DCT.
		ti = t.dct.Year()*4 + s - 1
		if s == 4 && t.dct.Month() <= 2 {
			ti -= 4
		}
	}
	p.y, p.season = floorDiv(ti, 4), ti-floorDiv(ti, 4)*4+1
	return p
}

// resolveQuarter anchors a quarter (or half when half) without a year.
func (t *tagger) resolveQuarter(q int, half bool, dir int) point {
	p := point{g: doc.GranQuarter, y: unk, hh: -1}
	if half {
		p.h = q
	} else {
		p.q = q
	}
	if !t.hasDCT {
		return p
	}
	y := t.dct.Year()
	cq := (int(t.dct.Month())-1)/3 + 1
	if half {
		cq = (cq-1)/2 + 1
	}
	// A quarter two or more ahead of the current one is last year's
	// ("fourth-quarter results" in January); otherwise this year's.
	if half && q > cq && t.dct.Month() <= 2 || !half && q-cq >= 2 {
		y--
	}
	_ = dir
	p.y = y
	return p
}

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
		r.p = t.resolveMonth(m, t.tenseDir(i, k))
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

// tenseDir maps the tense around tokens [i, j) to a resolution direction.
func (t *tagger) tenseDir(i, j int) int {
	// "until Tuesday", "by Dec. 15", "as soon as Tuesday": deadlines lie ahead.
	switch t.w(i - 1) {
	case wUntil, wBy:
		if t.tense(i, j) >= 0 || t.w(i-1) == wUntil {
			return dirFuture
		}
	case wAs:
		if t.w(i-2) == wSoon || t.isWord(i-2, "early") {
			return dirFuture
		}
	}
	switch t.tense(i, j) {
	case 1:
		return dirFuture
	case -1:
		return dirPast
	}
	return 0
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

// clockExpr: "10:35 a.m.", "10 p.m. Wednesday", "4 a.m. EDT Thursday",
// "noon Saturday", "midnight", "5 p.m. EST, Nov. 6".
func (t *tagger) clockExpr(i int) (res, bool) {
	tk := &t.toks[i]
	hh, mi := -1, 0
	j := i + 1
	switch {
	case tk.kind == tkNum && tk.f&fColon != 0:
		hh, mi = int(tk.num), int(tk.num2)
		if hh > 24 || mi > 59 {
			return res{}, false
		}
		if w := t.w(j); w == wAM || w == wPM {
			if hh > 12 {
				return res{}, false
			}
			if w == wPM && hh < 12 {
				hh += 12
			}
			if w == wAM && hh == 12 {
				hh = 0
			}
			j++
			if t.punct(j, '.') && t.attached(j) && !t.text2(j-1, '.') {
				j++
			}
		} else if !t.has(j, cTZ) && !(t.w(i-1) == wAt || t.w(i-1) == wBy || t.w(i-1) == wUntil || t.w(i-1) == wFrom || t.w(i-1) == wAround || t.w(i-1) == wBefore || t.w(i-1) == wAfter) {
			return res{}, false
		}
	case tk.kind == tkNum && tk.nd <= 2 && tk.f&(fComma|fDecimal|fOrd|fDecade) == 0:
		hh = int(tk.num)
		if hh < 1 || hh > 12 {
			return res{}, false
		}
		switch w := t.w(j); w {
		case wAM, wPM:
			if w == wPM && hh < 12 {
				hh += 12
			}
			if w == wAM && hh == 12 {
				hh = 0
			}
			j++
			if t.punct(j, '.') && t.attached(j) && !t.text2(j-1, '.') {
				j++
			}
		case wOclock:
			j++
		case wIn:
			// "4 in the morning"
			if t.w(j+1) == wThe && t.has(j+2, cPOD) {
				switch t.lx(j + 2).v {
				case podAF, podEV:
					if hh < 12 {
						hh += 12
					}
				case podNI:
					if hh >= 6 && hh < 12 {
						hh += 12
					}
				}
				j += 3
			} else {
				return res{}, false
			}
		default:
			if t.w(j) == wO && t.punct(j+1, '\'') {
				return res{}, false
			}
			return res{}, false
		}
	case tk.w() == wNoon || tk.w() == wMidday:
		if i > 0 && t.toks[i-1].kind == tkWord && (t.text[t.toks[i-1].s:t.toks[i-1].e] == "high" || t.text[t.toks[i-1].s:t.toks[i-1].e] == "High") {
			return res{}, false
		}
		hh = 12
	case tk.w() == wMidnight:
		hh = 24
	case tk.w() == wOvernight:
		r := res{start: i, end: i + 1, typ: "TIME", basis: doc.BasisRelative}
		if t.hasDCT {
			r.p = dayPoint(t.dct.AddDate(0, 0, -1))
		} else {
			r.p = point{g: doc.GranDay, y: unk, hh: -1}
		}
		r.p.g = doc.GranTime
		r.p.pod = podNI
		r.p.hh = -1
		return r, true
	default:
		return res{}, false
	}
	if t.has(j, cTZ) && t.toks[j].f&(fAllCaps|fCap) != 0 {
		j++
	}
	r := res{start: i, end: j, typ: "TIME", basis: doc.BasisRelative}
	// Attached day: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6".
	k := j
	if t.punct(k, ',') {
		k++
	}
	if t.w(k) == wOn {
		k++
	}
	var day point
	if d, e, ok := t.dayExpr(k); ok && t.sameSent(i, k) {
		day = d
		r.end = e
		r.basis = doc.BasisRelative
	} else if t.hasRef && t.refSent == t.tsent[i] && t.ref.g == doc.GranDay {
		day = t.ref
	} else if t.hasDCT {
		day = t.today()
	} else {
		day = point{g: doc.GranDay, y: unk, hh: -1}
	}
	day.g = doc.GranTime
	day.hh, day.mi = hh, mi
	day.pod = 0
	r.p = day
	r.gran = doc.GranTime
	return r, true
}

// text2 reports whether token i's text ends with byte c.
func (t *tagger) text2(i int, c byte) bool {
	if i < 0 || i >= len(t.toks) {
		return false
	}
	tk := &t.toks[i]
	return tk.e > tk.s && t.text[tk.e-1] == c
}
