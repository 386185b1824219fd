package timex

import (
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

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
	rw, j, ok := t.relWordAt(i, start)
	if !ok {
		return res{}, false
	}
	rel := rw.w
	r := res{start: start, typ: "DATE", basis: doc.BasisRelative, setRef: true}
	// Counted durations: "the last three months", "next two weeks".
	if rel != wThis && rel != wCurrent {
		if r, ok := t.relCount(r, rw, j); ok {
			return r, true
		}
	}
	l := t.lx(j)
	if l == nil {
		return res{}, false
	}
	dir := dirPrevStrict
	if rw.shift > 0 {
		dir = dirNextStrict
	}
	switch {
	case l.c&cUnit != 0 && l.w != wTime:
		return t.relUnit(r, rw, l, j, start)
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
		r.p = t.unitPeriod(uYear, rw.shift)
		return r, true
	case l.c&cWeekday != 0 && !l.plural && !l.abbr:
		return t.relWeekday(r, rw, l, i, j, dir), true
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
		return t.relPartOfDay(r, rw, l, j)
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

// relWord is a word relating a period to the DCT or to the last mentioned
// date.
type relWord struct {
	w         wid  // the word: this, last, next...; "this past" reads as last
	shift     int  // the periods it shifts by: -1, 0 or 1
	anaphoric bool // relative to the last mentioned date: "the following day"
}

// relWordAt reads the relative word at token i of the expression starting
// at start ("the next day"), and returns it and the token after it.
func (t *tagger) relWordAt(i, start int) (relWord, int, bool) {
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
		return relWord{}, j, false
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
	return relWord{w: rel, shift: shiftN, anaphoric: anaphoric}, j, true
}

// relCount reads a counted duration at j after relative word rw: "the
// last three months", "next two weeks", bounded by the DCT.
func (t *tagger) relCount(r res, rw relWord, j int) (res, bool) {
	rel, shiftN, anaphoric := rw.w, rw.shift, rw.anaphoric
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
	return res{}, false
}

// relUnit reads unit l at j after relative word rw: "last week", "the
// following year", "past years", "last night", "last year's third
// quarter".
func (t *tagger) relUnit(r res, rw relWord, l *lex, j, start int) (res, bool) {
	rel, shiftN, anaphoric := rw.w, rw.shift, rw.anaphoric
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
}

// relWeekday reads weekday l at j after relative word rw at i: "last
// Friday", "this Sunday" (by the tense), "the following Monday".
func (t *tagger) relWeekday(r res, rw relWord, l *lex, i, j, dir int) res {
	rel, shiftN, anaphoric := rw.w, rw.shift, rw.anaphoric
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
	return t.withPOD(r, j+1)
}

// relPartOfDay reads part of the day l at j after relative word rw: "this
// morning", "the following evening".
func (t *tagger) relPartOfDay(r res, rw relWord, l *lex, j int) (res, bool) {
	rel, shiftN, anaphoric := rw.w, rw.shift, rw.anaphoric
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
}
