package timex

import "github.com/eventgraph/eventgraph/extract/doc"

// theExpr: expressions led by "the".
func (t *tagger) theExpr(i int) (res, bool) {
	j := i + 1
	if j >= len(t.toks) {
		return res{}, false
	}
	var best res
	found := false
	try := func(r res, ok bool) {
		if ok && r.start == i && (!found || r.end > best.end) {
			best, found = r, true
		}
	}
	l := t.lx(j)
	tk := &t.toks[j]
	if tk.kind == tkNum {
		if tk.f&fDecade != 0 {
			try(t.decadeExpr(j, i))
		}
		try(t.quarterExpr(j, i))
		try(t.centuryExpr(j, i))
		try(t.theCount(i))
		try(t.theDayOf(i))
		return best, found
	}
	if t.punct(j, '\'') && t.num(j+1) && t.toks[j+1].f&fDecade != 0 {
		r, ok := t.decadeExpr(j+1, i)
		return r, ok
	}
	if l == nil {
		return res{}, false
	}
	if l.c&cRel != 0 {
		try(t.relExpr(j, i))
	}
	if l.c&cPosMod != 0 {
		try(t.posExprFrom(j, i))
	}
	if l.c&cDecadeWord != 0 {
		try(t.decadeExpr(j, i))
	}
	if l.c&cNum != 0 || t.isWord(j, "final") || t.isWord(j, "initial") || t.isWord(j, "remaining") {
		try(t.centuryExpr(j, i))
		try(t.quarterExpr(j, i))
		try(t.theCount(i))
		try(t.theDayOf(i))
	}
	if l.c&cSeason != 0 {
		try(t.seasonExpr(j, i))
	}
	if l.c&cUnit != 0 && !l.plural {
		try(t.theUnit(i))
	}
	if l.c&cUnit != 0 && l.plural && l.u >= uDay && l.u <= uCentury {
		// "the weeks ahead", "over the years"
		switch {
		case t.w(j+1) == wAhead:
			try(res{start: i, end: j + 2, typ: "DURATION", val: durValue(-1, l.u), gran: unitGran(l.u)}, true)
		case t.w(i-1) == wOver || t.isWord(i-1, "through") || t.isWord(i-1, "throughout") || t.isWord(i-1, "across"):
			try(res{start: i, end: j + 1, typ: "DURATION", val: durValue(-1, l.u), gran: unitGran(l.u)}, true)
		}
	}
	if l.w == wFiscal && t.w(j+1) == wYear {
		if r, ok := t.theUnit(i); ok {
			try(r, ok)
		}
	}
	switch l.w {
	case wPast:
		if t.punct(j+1, '-') || t.has(j+1, cUnit) || t.has(j+1, cNum) || t.num(j+1) || t.w(j+1) == wFew || t.w(j+1) == wSeveral || t.w(j+1) == wCouple {
			break
		}
		try(res{start: i, end: j + 1, typ: "DATE", val: "PAST_REF", gran: doc.GranUnknown, basis: doc.BasisPublication}, true)
	case wFuture:
		if t.w(j+1) == wOf {
			// "the future of U.S.-Israel relations": a topic, not a time.
			break
		}
		return res{start: i, end: j + 1, typ: "DATE", val: "FUTURE_REF", gran: doc.GranUnknown, basis: doc.BasisPublication}, true
	case wPresent:
		if t.has(j+1, cUnit) {
			break
		}
		return res{start: i, end: j + 1, typ: "DATE", val: "PRESENT_REF", gran: doc.GranUnknown, basis: doc.BasisPublication}, true
	case wNear, wShort, wLong:
		switch t.w(j + 1) {
		case wFuture, wTerm:
			return res{start: i, end: j + 2, typ: "DATE", val: "FUTURE_REF", gran: doc.GranUnknown, basis: doc.BasisPublication}, true
		}
	case wBeginning, wStart, wEnd, wMiddle:
		try(t.partOf(i))
	case wSame:
		if u := t.lx(j + 1); u != nil && u.c&cUnit != 0 && !u.plural && u.w != wTime {
			ref, ok := t.refPoint()
			r := res{start: i, end: j + 2, typ: "DATE", basis: doc.BasisInferred, setRef: true}
			if ok {
				r.p = periodOfPoint(ref, unitGran(u.u))
				if u.u == uDay && r.p.g != doc.GranDay {
					r.p = unanchored(u.u)
				}
			} else {
				r.p = unanchored(u.u)
			}
			try(r, true)
		}
	case wYearAgo, wYearEarly, wFiscal, wFull:
		try(t.quarterExpr(j, i))
	case wWeekend:
		if !t.has(j, cUnit) || t.lx(j).plural {
			break
		}
		r := res{start: i, end: j + 1, typ: "DATE", basis: doc.BasisRelative, setRef: false}
		if t.hasDCT {
			n := 0
			switch t.tense(i, j+1) {
			case -1:
				// the weekend before the DCT
				if isoWeekday(t.dct) < 6 {
					n = -1
				}
			}
			r.p = shiftUnit(t.dct, uWeekend, n)
		} else {
			r.p = unanchored(uWeekend)
		}
		try(r, true)
	case wWeek:
		// "the week of March 6"
		if t.w(j+1) == wOf {
			if d, e, ok := t.dayExpr(j + 2); ok {
				r := res{start: i, end: e, typ: "DATE", basis: doc.BasisExplicit}
				if d.known() && d.m > 0 && d.d > 0 {
					r.p = periodOf(d.time(), doc.GranWeek)
				} else {
					r.p = point{g: doc.GranWeek, y: unk, hh: -1}
				}
				try(r, true)
			}
		}
	case wPeriod:
		if l.plural {
			break
		}
		// "the latest period" is handled by relExpr; "the period" alone is vague.
	case wYear:
		try(t.quarterExpr(j, i))
		// "the year two thousand", "the year 2000"
		if y, e, ok := t.spokenYearNum(j + 1); ok {
			try(res{start: i, end: e, typ: "DATE", p: point{g: doc.GranYear, y: y, hh: -1}, basis: doc.BasisExplicit, setRef: true}, true)
		} else if y, ok := t.yearAt(j + 1); ok {
			try(res{start: i, end: j + 2, typ: "DATE", p: point{g: doc.GranYear, y: y, hh: -1}, basis: doc.BasisExplicit, setRef: true}, true)
		}
	}
	return best, found
}

// theUnit: "the quarter", "the year", "the week", "the fiscal year": the
// reporting period of the text (the last mentioned one, else the current
// one); "the year ended June 30" is a duration.
func (t *tagger) theUnit(i int) (res, bool) {
	j := i + 1
	if t.w(j) == wFiscal {
		j++
	}
	l := t.lx(j)
	if l == nil || l.c&cUnit == 0 || l.plural {
		return res{}, false
	}
	switch l.u {
	case uQuarter, uYear, uWeek:
	default:
		return res{}, false
	}
	// Not "the year's", "the week-long", "the quarter-point".
	if t.punct(j+1, '-') && t.attached(j+1) {
		return res{}, false
	}
	r := res{start: i, end: j + 1, typ: "DATE", basis: doc.BasisRelative}
	if w := t.w(j + 1); (w == wEnded || w == wEnding) && l.u != uQuarter {
		r.typ = "DURATION"
		r.val = durValue(1, l.u)
		r.gran = unitGran(l.u)
		return r, true
	}
	g := unitGran(l.u)
	if t.hasRef && t.ref.g == g && t.ref.known() {
		r.p = t.ref
		return r, true
	}
	if !t.hasDCT {
		r.p = unanchored(l.u)
		return r, true
	}
	switch l.u {
	case uQuarter:
		// The quarter being reported: the last complete one.
		r.p = shiftUnit(t.dct, uQuarter, -1)
	default:
		r.p = shiftUnit(t.dct, l.u, 0)
	}
	return r, true
}

// thatExpr: "that day", "that year", "that quarter": the period of the
// last mentioned date.
func (t *tagger) thatExpr(i int) (res, bool) {
	j := i + 1
	if t.w(j) == wSame {
		j++
	}
	l := t.lx(j)
	if l == nil || l.c&cUnit == 0 || l.plural {
		return res{}, false
	}
	switch l.u {
	case uDay, uWeek, uMonth, uQuarter, uYear:
	default:
		return res{}, false
	}
	if t.punct(j+1, '-') && t.attached(j+1) {
		return res{}, false
	}
	r := res{start: i, end: j + 1, typ: "DATE", basis: doc.BasisInferred}
	if !t.hasRef || !t.ref.known() {
		r.p = unanchored(l.u)
		return r, true
	}
	r.p = periodOfPoint(t.ref, unitGran(l.u))
	if r.p.g != unitGran(l.u) {
		r.p = unanchored(l.u)
		if t.ref.known() {
			r.p.y = t.ref.y
		}
	}
	return r, true
}

// theCount: "the nine months", "the four days" (durations with the).
func (t *tagger) theCount(i int) (res, bool) {
	j := i + 1
	if w := t.w(j); w == wA || w == wAn {
		return res{}, false
	}
	// "the first nine months", "the final two weeks"
	if t.w(j) == wFirst || t.isWord(j, "final") || t.isWord(j, "initial") || t.isWord(j, "remaining") {
		j++
	}
	r, ok := t.durationExpr(j)
	if !ok || r.typ != "DURATION" {
		return res{}, false
	}
	// Adjectival durations keep their determiner out: "the two-week
	// crisis", "the two day rally".
	if l := t.lx(r.end - 1); l == nil || !l.plural || t.punct(r.end-2, '-') {
		return res{}, false
	}
	r.start = i
	return r, true
}

// theDayOf: "the 25th of March".
func (t *tagger) theDayOf(i int) (res, bool) {
	r, ok := t.explicitDate(i + 1)
	if !ok || r.p.g != doc.GranDay {
		return res{}, false
	}
	r.start = i
	return r, true
}
