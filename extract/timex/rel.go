package timex

import (
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// numberExpr handles expressions starting with digits: years, ISO and
// numeric dates, clock times, day-month dates, durations, decades.
func (t *tagger) numberExpr(i int) (res, bool) {
	tk := &t.toks[i]
	var best res
	found := false
	try := func(r res, ok bool) {
		if ok && (!found || r.end > best.end) {
			best, found = r, true
		}
	}
	if tk.f&fDecade != 0 {
		try(t.decadeExpr(i, i))
		return best, found
	}
	if tk.f&fOrd != 0 {
		try(t.centuryExpr(i, i))
	}
	try(t.clockExpr(i))
	if tk.nd <= 2 {
		try(t.explicitDate(i))
		try(t.numericDate(i))
	}
	try(t.durationExpr(i))
	if tk.nd == 4 {
		try(t.isoDate(i))
		try(t.quarterExpr(i, i))
		if !found {
			try(t.yearExpr(i, i))
		}
	}
	return best, found
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

// yearExpr: a 4-digit number in a year-like context; "2009-10" ranges keep
// only the first year.
func (t *tagger) yearExpr(i, start int) (res, bool) {
	y, ok := t.yearAt(i)
	if !ok {
		return res{}, false
	}
	if !t.yearContext(i) {
		return res{}, false
	}
	r := res{start: start, end: i + 1, typ: "DATE", p: point{g: doc.GranYear, y: y, hh: -1}, basis: doc.BasisExplicit, setRef: true, yearOnly: true}
	return r, true
}

// yearContext decides whether the 4-digit number at i is a year.
func (t *tagger) yearContext(i int) bool {
	y := int(t.toks[i].num)
	if t.toks[i].f&fSpace == 0 && i > 0 && (t.toks[i-1].kind == tkNum || t.punct(i-1, '$') || t.punct(i-1, '#') || t.punct(i-1, '.') || t.punct(i-1, '-') || t.punct(i-1, '/')) {
		return false
	}
	if t.punct(i+1, '%') {
		return false
	}
	prev := t.lx(i - 1)
	if prev != nil && prev.c&cYearPrep != 0 {
		// "in 2009", "since 2009"... but not "to 2009 people"? accept.
		if prev.w == wAnd || prev.w == wOr || prev.w == wTo {
			// Lists and ranges need a year before: "1990 and 1991", "from 2009 to 2010".
			return t.lastYear == i-1 || t.lastYear == i-2
		}
		return true
	}
	if prev != nil && prev.c&(cMonth|cSeason|cHoliday) != 0 {
		return true
	}
	if t.punct(i-1, ',') && (t.lastYear == i-1 || t.lastYear == i-2) {
		return true
	}
	if t.punct(i-1, '(') && t.punct(i+1, ')') {
		return y >= 1800 && y <= 2100
	}
	if nx := t.lx(i + 1); nx != nil && nx.c&cYearNoun != 0 {
		return y >= 1800 && y <= 2100
	}
	if t.punct(i+1, '-') && t.attached(i+1) && t.num(i+2) && (t.toks[i+2].nd == 2 || t.toks[i+2].nd == 4) {
		return y >= 1800 && y <= 2100
	}
	if prev != nil && (prev.c&(cDet|cPronoun) != 0 || prev == possLex || prev.w == wThat || prev.w == wThis || prev.w == wEach || prev.w == wEvery) {
		return y >= 1800 && y <= 2100 && t.nextNotPlural(i)
	}
	// "the 1988 period" handled by quarterExpr.
	return false
}

// nextNotPlural reports whether the word after i does not look like a
// counted plural noun ("2009 people").
func (t *tagger) nextNotPlural(i int) bool {
	if i+1 >= len(t.toks) {
		return true
	}
	nt := &t.toks[i+1]
	if nt.kind != tkWord {
		return true
	}
	if nt.lx != nil && nt.lx.c&cYearNoun != 0 {
		return true
	}
	s := t.text[nt.s:nt.e]
	switch s {
	case "people", "children", "men", "women", "police", "staff", "personnel", "cattle", "persons", "troops", "soldiers":
		return false
	}
	return !(len(s) > 3 && s[len(s)-1] == 's' && s[len(s)-2] != 's')
}

// spokenYearNum parses a year in words: "nineteen ninety-seven", "two
// thousand", "two thousand and one".
func (t *tagger) spokenYearNum(i int) (int, int, bool) {
	l := t.lx(i)
	if l == nil || l.c&cNum == 0 {
		return 0, i, false
	}
	if l.v >= 11 && l.v <= 20 && !l.ord && l.c&cTens == 0 || l.v == 20 {
		// nineteen + ninety-seven / nineteen + eighty
		if v, j, ok := t.numWords(i + 1); ok && v >= 10 && v < 100 {
			if nl := t.lx(i + 1); nl != nil && (nl.c&cTens != 0 || nl.v >= 10) {
				return l.v*100 + v, j, true
			}
		}
		if t.w(i+1) == wHundred {
			return l.v * 100, i + 2, true
		}
		return 0, i, false
	}
	if l.v == 2 && t.w(i+1) == wThousand {
		j := i + 2
		y := 2000
		k := j
		if t.w(k) == wAnd {
			k++
		}
		if v, e, ok := t.numWords(k); ok && v < 100 {
			y += v
			j = e
		}
		return y, j, true
	}
	return 0, i, false
}

// spokenYear: a year in words in year context ("in nineteen ninety-six").
func (t *tagger) spokenYear(i int) (res, bool) {
	y, j, ok := t.spokenYearNum(i)
	if !ok {
		return res{}, false
	}
	if t.lx(i).v == 2 {
		// "two thousand" needs year context.
		if p := t.lx(i - 1); p == nil || p.c&(cYearPrep|cMonth) == 0 || !t.nextNotPlural(j-1) {
			return res{}, false
		}
	}
	return res{start: i, end: j, typ: "DATE", p: point{g: doc.GranYear, y: y, hh: -1}, basis: doc.BasisExplicit, setRef: true}, true
}

// decadeExpr: "1990s", "'90s", "nineties", "the 1990s", "the early 1980s".
func (t *tagger) decadeExpr(i, start int) (res, bool) {
	tk := &t.toks[i]
	var dec int
	switch {
	case tk.kind == tkNum && tk.f&fDecade != 0:
		v := int(tk.num)
		if tk.nd == 4 {
			if v%10 != 0 || v < 1000 {
				return res{}, false
			}
			if v%100 == 0 && t.punct(i-1, '$') {
				return res{}, false
			}
			dec = v / 10
		} else {
			if v%10 != 0 {
				return res{}, false
			}
			dec = 190 + v/10
			if v < 30 && t.hasDCT && t.dct.Year() >= 2000+v+10 {
				dec = 200 + v/10
			}
			if t.punct(i-1, '\'') && t.attached(i) && start == i {
				start = i - 1
			}
		}
	case tk.lx != nil && tk.lx.c&cDecadeWord != 0:
		dec = 190 + tk.lx.v
		if tk.lx.v <= 2 && t.hasDCT && t.dct.Year() >= 2000+tk.lx.v*10+10 {
			dec = 200 + tk.lx.v
		}
		if start == i && !t.has(i-1, cYearPrep) {
			return res{}, false
		}
	default:
		return res{}, false
	}
	return res{start: start, end: i + 1, typ: "DATE", p: point{g: doc.GranDecade, y: dec, hh: -1}, basis: doc.BasisExplicit}, true
}

// centuryExpr: "the 20th century", "the twentieth century".
func (t *tagger) centuryExpr(i, start int) (res, bool) {
	n, j, ok := t.ordinal(i)
	if !ok || n < 1 || n > 30 {
		return res{}, false
	}
	if t.punct(j, '-') && t.attached(j) {
		j++
	}
	if l := t.lx(j); l == nil || l.u != uCentury || l.plural {
		return res{}, false
	}
	return res{start: start, end: j + 1, typ: "DATE", p: point{g: doc.GranCentury, y: n - 1, hh: -1}, basis: doc.BasisExplicit}, true
}

// refExpr: now, currently, recently, today, yesterday, tomorrow, tonight,
// these days, recent (years), right now, soon, at present.
func (t *tagger) refExpr(i int) (res, bool) {
	l := t.lx(i)
	r := res{start: i, end: i + 1, typ: "DATE", basis: doc.BasisPublication}
	ref := func(v string) (res, bool) {
		r.val = v
		r.gran = doc.GranUnknown
		return r, true
	}
	switch l.w {
	case wNow:
		if t.punct(i+1, '-') && t.attached(i+1) {
			return res{}, false // now-defunct
		}
		return ref("PRESENT_REF")
	case wCurrently:
		return ref("PRESENT_REF")
	case wRecently:
		return ref("PAST_REF")
	case wMore:
		if t.w(i+1) == wRecently {
			r.end = i + 2
			return ref("PAST_REF")
		}
		return res{}, false
	case wSoon:
		// "as soon as" is a conjunction, "as soon as possible" a time.
		if t.w(i+1) == wAs {
			if t.w(i-1) == wAs && t.isWord(i+2, "possible") {
				r.start = i - 1
				r.end = i + 3
				return ref("FUTURE_REF")
			}
			return res{}, false
		}
		if w := t.w(i + 1); w == wAfter || w == wThen {
			return res{}, false
		}
		return ref("FUTURE_REF")
	case wPresent:
		if t.w(i-1) == wAt {
			return ref("PRESENT_REF")
		}
		return res{}, false
	case wThese:
		if l2 := t.lx(i + 1); l2 != nil && l2.w == wDays {
			r.end = i + 2
			return ref("PRESENT_REF")
		}
		return res{}, false
	case wRecent:
		if l2 := t.lx(i + 1); l2 != nil && l2.c&cUnit != 0 && l2.plural {
			r.end = i + 2
			switch l2.u {
			case uYear, uDay, uDecade:
				return ref("PAST_REF")
			}
			r.typ = "DURATION"
			r.val = durValue(-1, l2.u)
			r.gran = unitGran(l2.u)
			return r, true
		}
		if t.w(i+1) == wPast {
			r.end = i + 2
		}
		return ref("PAST_REF")
	case wFuture:
		if w := t.w(i - 1); w == wIn || w == wNear {
			return ref("FUTURE_REF")
		}
		return res{}, false
	case wToday, wYesterday, wTomorrow, wTonight:
		p, e, _ := t.dayExpr(i)
		r.end = e
		r.p = p
		r.basis = doc.BasisRelative
		r.setRef = true
		if l.w == wTonight {
			r.p.g = doc.GranTime
			r.p.pod = podNI
			r.p.hh = -1
			return r, true
		}
		return t.withPOD(r, e), true
	}
	return res{}, false
}

// unitPeriod resolves "this/last/next <unit>" against the DCT.
func (t *tagger) unitPeriod(u unit, n int) point {
	if !t.hasDCT {
		return unanchored(u)
	}
	return shiftUnit(t.dct, u, n)
}

// relExpr: this/last/next/past/coming/previous/following/current/latest +
// unit, weekday, month, season, holiday, or a counted duration.
func (t *tagger) relExpr(i, start int) (res, bool) {
	rel := t.w(i)
	j := i + 1
	// "this past weekend", "this coming Sunday"
	if rel == wThis && (t.w(j) == wPast || t.w(j) == wComing) {
		rel = t.w(j)
		if rel == wPast {
			rel = wLast
		} else {
			rel = wNext
		}
		j++
	}
	r := res{start: start, typ: "DATE", basis: doc.BasisRelative, setRef: true}
	shiftN := 0
	anaphoric := false
	switch rel {
	case wThis, wCurrent:
	case wLast, wPast, wLatest:
		shiftN = -1
	case wNext, wComing, wUpcoming:
		shiftN = 1
	case wPrevious, wPreceding, wPrior:
		shiftN, anaphoric = -1, true
	case wFollowing:
		shiftN, anaphoric = 1, true
	default:
		return res{}, false
	}
	// "next" after "the" in narrative is anaphoric: "the next day".
	if start < i && t.w(start) == wThe && (rel == wNext) {
		if l := t.lx(j); l != nil && l.c&cUnit != 0 && (l.u == uDay || l.u == uNight) {
			anaphoric = true
		}
		if l := t.lx(j); l != nil && l.c&cPOD != 0 {
			anaphoric = true
		}
	}
	// Counted durations: "the last three months", "next two weeks".
	if rel != wThis && rel != wCurrent {
		if v, k, mod, ok := t.count(j); ok && t.w(j) != wA && t.w(j) != wAn {
			if u, _, k2, ok := t.unitAt(k); ok && u != uWeekend && !(t.punct(k, '-')) {
				r.end = k2
				r.typ = "DURATION"
				r.mod = mod
				r.val = durValue(v, u)
				r.gran = unitGran(u)
				r.setRef = false
				if t.hasDCT && v > 0 && !anaphoric && v == float64(int(v)) {
					a := t.dct
					var b time.Time
					switch u {
					case uDay, uNight:
						b = a.AddDate(0, 0, int(v)*int(shiftN))
					case uWeek:
						b = a.AddDate(0, 0, 7*int(v)*shiftN)
					case uMonth:
						b = a.AddDate(0, int(v)*shiftN, 0)
					case uQuarter:
						b = a.AddDate(0, 3*int(v)*shiftN, 0)
					case uYear:
						b = a.AddDate(int(v)*shiftN, 0, 0)
					case uDecade:
						b = a.AddDate(10*int(v)*shiftN, 0, 0)
					}
					if !b.IsZero() && rel != wLatest {
						r.lo, r.hi = rangeOf(a, b)
					}
				}
				if rel == wPast || rel == wLast || rel == wNext || rel == wComing {
					r.basis = doc.BasisRelative
				}
				return r, true
			}
		}
	}
	l := t.lx(j)
	if l == nil {
		return res{}, false
	}
	dir := dirPrevStrict
	if shiftN > 0 {
		dir = dirNextStrict
	}
	switch {
	case l.c&cUnit != 0 && l.w != wTime:
		u := l.u
		if l.plural {
			// "past years", "coming weeks", "recent months"
			r.end = j + 1
			switch rel {
			case wPast, wLast, wPrevious:
				if u == uYear || u == uDay {
					r.val = "PAST_REF"
					r.gran = unitGran(u)
					r.setRef = false
					return r, true
				}
			case wThis, wCurrent:
				return res{}, false
			}
			r.typ = "DURATION"
			r.val = durValue(-1, u)
			r.gran = unitGran(u)
			r.setRef = false
			return r, true
		}
		r.end = j + 1
		if u == uNight {
			if rel == wLast || rel == wThis {
				n := -1
				if rel == wThis {
					n = 0
				}
				r.p = point{g: doc.GranDay, y: unk, hh: -1}
				if t.hasDCT {
					r.p = dayPoint(t.dct.AddDate(0, 0, n))
				}
				r.p.g = doc.GranTime
				r.p.pod = podNI
				r.p.hh = -1
				r.typ = "TIME"
				return r, true
			}
			return res{}, false
		}
		if u == uSecond || u == uMinute || u == uHour {
			return res{}, false
		}
		if rel == wPast && (u == uDecade || u == uCentury) {
			r.typ = "DURATION"
			r.val = durValue(1, u)
			r.gran = unitGran(u)
			r.setRef = false
			return r, true
		}
		if rel == wLatest && u != uQuarter && u != uYear && u != uMonth && u != uWeek {
			return res{}, false
		}
		if anaphoric {
			ref, ok := t.refPoint()
			if !ok {
				r.p = unanchored(u)
			} else {
				r.p = shiftRef(ref, u, shiftN)
				if u == uDay && r.p.g != doc.GranDay {
					r.p = unanchored(u)
				}
			}
			if u == uYear {
				r.p.g = doc.GranYear
			}
		} else {
			r.p = t.unitPeriod(u, shiftN)
		}
		// "last year's third quarter", "this year's first half"
		if t.toks[min(j+1, len(t.toks)-1)].lx == possLex && j+1 < len(t.toks) && u == uYear && r.p.known() {
			if q, ok := t.quarterExpr(j+2, start); ok && q.p.g == doc.GranQuarter {
				q.p.y = r.p.y
				return q, true
			}
		}
		// "this week's" etc. keep the unit.
		// "last fiscal year"
		return r, true
	case l.w == wPeriod && !l.plural && (rel == wLatest || rel == wCurrent || rel == wThis):
		// "the latest period": the reported quarter.
		r.end = j + 1
		switch {
		case t.hasRef && t.ref.g == doc.GranQuarter && t.ref.known():
			r.p = t.ref
		case t.hasDCT:
			r.p = shiftUnit(t.dct, uQuarter, -1)
		default:
			r.p = unanchored(uQuarter)
		}
		return r, true
	case l.w == wFiscal && t.lx(j+1) != nil && t.lx(j+1).u == uYear:
		r.end = j + 2
		r.p = t.unitPeriod(uYear, shiftN)
		return r, true
	case l.c&cWeekday != 0 && !l.plural && !l.abbr:
		if anaphoric {
			ref, ok := t.refPoint()
			if ok && ref.g == doc.GranDay && ref.known() {
				diff := l.v - isoWeekday(ref.time())
				if shiftN < 0 && diff >= 0 {
					diff -= 7
				}
				if shiftN > 0 && diff <= 0 {
					diff += 7
				}
				r.p = dayPoint(ref.time().AddDate(0, 0, diff))
			} else {
				r.p = t.resolveWeekday(l.v, dir)
			}
		} else if rel == wThis || rel == wCurrent {
			r.p = t.resolveWeekday(l.v, t.tenseDir(i, j+1))
		} else {
			r.p = t.resolveWeekday(l.v, dir)
		}
		r.end = j + 1
		return t.withPOD(r, j+1), true
	case l.c&cMonth != 0 && !l.plural && !l.abbr:
		r.end = j + 1
		if rel == wThis || rel == wCurrent {
			r.p = point{g: doc.GranMonth, y: unk, m: l.v, hh: -1}
			if t.hasDCT {
				r.p.y = t.dct.Year()
			}
		} else {
			r.p = t.resolveMonth(l.v, dir)
		}
		return r, true
	case l.c&cSeason != 0:
		r.end = j + 1
		if rel == wThis || rel == wCurrent {
			r.p = t.resolveSeason(l.v, 0)
		} else {
			r.p = t.resolveSeason(l.v, dir)
		}
		return r, true
	case l.c&cPOD != 0 && !l.plural:
		if rel != wThis && !anaphoric {
			return res{}, false
		}
		r.end = j + 1
		if anaphoric {
			ref, ok := t.refPoint()
			if ok && ref.g == doc.GranDay || ok && ref.g == doc.GranTime {
				r.p = shift(ref, shiftN)
			} else {
				r.p = point{g: doc.GranDay, y: unk, hh: -1}
			}
		} else if t.hasDCT {
			r.p = t.today()
		} else {
			r.p = point{g: doc.GranDay, y: unk, hh: -1}
		}
		r.p.g = doc.GranTime
		r.p.pod = l.v
		r.p.hh = -1
		r.typ = "TIME"
		return r, true
	case l.c&(cHoliday|cDayAdj) != 0 || l.w == wNew || l.w == wIndepend || l.w == wLabor || l.w == wMemorial || l.w == wElection:
		return t.holidayExpr(j, start)
	case l.c&cNum != 0 && !l.ord && (rel == wPast || rel == wLast || rel == wNext || rel == wComing):
		return res{}, false
	case (l.w == wFew || l.w == wSeveral || l.w == wCouple) && rel != wThis:
		return res{}, false
	}
	if rel == wThis || rel == wCurrent || rel == wLatest || rel == wLast || rel == wNext {
		// "this quarter" / "the latest quarter" handled as units; ordinals
		// "the last quarter" likewise. "this third quarter"? rare.
		if q, ok := t.quarterExpr(j, start); ok {
			return q, true
		}
	}
	return res{}, false
}

// posExpr: early/late/mid/earlier/later + expression.
func (t *tagger) posExpr(i int) (res, bool) { return t.posExprFrom(i, i) }

func (t *tagger) posExprFrom(i, start int) (res, bool) {
	w := t.w(i)
	mod := ""
	switch w {
	case wEarly, wEarlier:
		mod = "START"
	case wLate, wLater:
		mod = "END"
	case wMid, wMiddle:
		mod = "MID"
	default:
		return res{}, false
	}
	j := i + 1
	if t.punct(j, '-') && t.attached(j) {
		j++
	}
	if w == wMiddle {
		if t.w(j) != wOf {
			return res{}, false
		}
		j++
	}
	if j >= len(t.toks) || !t.sameSent(i, j) {
		return res{}, false
	}
	var r res
	ok := false
	l := t.lx(j)
	if (w == wEarlier || w == wLater) && (t.w(j) == wIn || t.w(j) == wThat) {
		// "earlier in the year", "later that day", "later in the month"
		k := j + 1
		if t.w(j) == wIn && t.w(k) == wThe {
			k++
		}
		if t.w(j) == wIn && t.w(k-1) != wThe {
			return res{}, false
		}
		ul := t.lx(k)
		if ul == nil || ul.c&cUnit == 0 || ul.plural {
			return res{}, false
		}
		ref, okr := t.refPoint()
		if t.w(j) == wIn && t.hasDCT {
			ref, okr = t.today(), true
		}
		r = res{start: start, end: k + 1, typ: "DATE", basis: doc.BasisRelative}
		if okr {
			r.p = periodOfPoint(ref, unitGran(ul.u))
		} else {
			r.p = unanchored(ul.u)
		}
		r.mod = mod
		return r, true
	}
	switch {
	case l == nil && t.num(j):
		if t.toks[j].f&fDecade != 0 {
			r, ok = t.decadeExpr(j, j)
		} else if y, yok := t.yearAt(j); yok {
			r = res{start: j, end: j + 1, typ: "DATE", p: point{g: doc.GranYear, y: y, hh: -1}, basis: doc.BasisExplicit, setRef: true}
			ok = true
		}
	case l == nil:
	case l.c&cMonth != 0:
		if w == wEarlier || w == wLater {
			return res{}, false
		}
		r, ok = t.explicitDate(j)
		if !ok && !l.abbr {
			// "early March": the month needs no preposition here.
			r = res{start: j, end: j + 1, typ: "DATE", p: t.resolveMonth(l.v, t.tenseDir(i, j+1)), basis: doc.BasisRelative, setRef: true}
			if y, yok := t.yearAt(j + 1); yok {
				r.p.y = y
				r.end = j + 2
			}
			ok = true
		}
	case l.c&cRel != 0:
		r, ok = t.relExpr(j, j)
	case l.c&cWeekday != 0:
		r, ok = t.weekdayExpr(j)
	case l.c&cSeason != 0:
		r, ok = t.seasonExpr(j, j)
		if !ok {
			r = res{start: j, end: j + 1, typ: "DATE", p: t.resolveSeason(l.v, t.tenseDir(i, j+1)), basis: doc.BasisRelative}
			ok = true
		}
	case l.w == wToday || l.w == wYesterday || l.w == wTomorrow || l.w == wTonight:
		r, ok = t.refExpr(j)
	case l.c&cDecadeWord != 0:
		r, ok = t.decadeExpr(j, j)
	case l.c&cPOD != 0 && w == wMid:
		r = res{start: j, end: j + 1, typ: "TIME", basis: doc.BasisRelative}
		if t.hasDCT {
			r.p = t.today()
		} else {
			r.p = point{g: doc.GranDay, y: unk, hh: -1}
		}
		r.p.g = doc.GranTime
		r.p.pod = l.v
		r.p.hh = -1
		ok = true
		r = t.attachDayAfter(r, j+1)
	case l.c&cNum != 0 || l.w == wThe:
		r, ok = t.quarterExpr(j, j)
	}
	if !ok || r.start != j || r.typ == "DURATION" || r.typ == "SET" {
		return res{}, false
	}
	if r.val != "" && (r.val == "PRESENT_REF" || r.val == "PAST_REF" || r.val == "FUTURE_REF") {
		return res{}, false
	}
	r.start = start
	if r.mod == "" {
		r.mod = mod
	}
	return r, true
}

// attachDayAfter lets a part of day take a following day: "mid-afternoon
// yesterday".
func (t *tagger) attachDayAfter(r res, k int) res {
	if d, e, ok := t.dayExpr(k); ok && t.lx(k) != nil && t.lx(k).c&cMonth == 0 {
		pod := r.p.pod
		r.p = d
		r.p.g = doc.GranTime
		r.p.pod = pod
		r.p.hh = -1
		r.end = e
	}
	return r
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
