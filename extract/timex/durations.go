package timex

import "github.com/eventgraph/eventgraph/extract/doc"

// durationExpr: "three years", "2 1/2 hours", "a few days", "two-year",
// "a year ago", "two days later", "a couple of years".
func (t *tagger) durationExpr(i int) (res, bool) {
	if w := t.w(i); (w == wA || w == wAn) && t.w(i+1) == wWhile && (i+2 >= len(t.toks) || t.toks[i+2].kind == tkPunct) {
		return res{start: i, end: i + 2, typ: "DURATION", val: "PXX", gran: doc.GranUnknown}, true
	}
	v, j, mod, ok := t.count(i)
	if !ok {
		return res{}, false
	}
	// Ranges: "two to three weeks", "12 to 18 months", "5-7 days".
	if (t.w(j) == wTo || t.w(j) == wOr || t.punct(j, '-') && t.attached(j)) && v >= 0 && t.w(i) != wA && t.w(i) != wAn {
		if _, j2, _, ok2 := t.count(j + 1); ok2 && t.w(j+1) != wA && t.w(j+1) != wAn {
			if _, _, _, ok3 := t.unitAt(j2); ok3 {
				j = j2
			}
		}
	}
	// "20 more years", "an additional year", "two further weeks"
	if t.w(j) == wMore || t.isWord(j, "additional") || t.isWord(j, "further") || t.isWord(j, "extra") {
		if _, _, _, ok := t.unitAt(j + 1); ok {
			j++
		}
	}
	u, plural, k, ok := t.unitAt(j)
	if !ok {
		// "a minute and a half" handled below; "two" alone no.
		return res{}, false
	}
	if u == uNight && !plural && v != 1 {
		return res{}, false
	}
	// "a second aerial platform": the ordinal, not the unit.
	if u == uSecond && !plural && (t.w(i) == wA || t.w(i) == wAn) && k < len(t.toks) && t.toks[k].kind == tkWord {
		switch t.w(k) {
		case wLater, wEarlier, wAgo, wOr, wAnd, wBefore, wAfter:
		default:
			return res{}, false
		}
	}
	// "a year-earlier loss": the adjective is handled at "year".
	if t.punct(k, '-') && t.attached(k) && (t.w(k+1) == wEarlier || t.w(k+1) == wAgo) {
		return res{}, false
	}
	// Ages: "6-year-old", "52 years old".
	if w := t.w(k); w == wOld || (t.punct(k, '-') && t.w(k+1) == wOld) {
		return res{}, false
	}
	if k > 0 && t.w(k-1) == wOld {
		return res{}, false
	}
	// "60 Minutes" (a title), capitalized unit inside a sentence.
	if ut := &t.toks[k-1]; ut.f&fCap != 0 && ut.f&fAllCaps == 0 && t.toks[i].kind == tkNum && !t.sentenceInitial(i) {
		return res{}, false
	}
	// "three-quarters of": a fraction.
	if u == uQuarter && t.w(k) == wOf {
		if _, ok := t.yearAt(k + 1); !ok && t.w(k+1) != wThis && t.w(k+1) != wLast && t.w(k+1) != wNext && t.w(k+1) != wFiscal {
			return res{}, false
		}
	}
	// "a week" after a number or a plural noun is a rate: "four flights a
	// week", "358,000 a month", "$1.76 a year".
	if w := t.w(i); (w == wA || w == wAn) && t.w(k) != wAgo && t.w(k) != wLater && t.w(k) != wEarlier && i > 0 {
		pt := &t.toks[i-1]
		if pt.kind == tkNum || pt.kind == tkPunct && (pt.p == '%' || pt.p == '$') {
			return res{}, false
		}
		if pt.kind == tkWord && pt.lx == nil {
			s := t.text[pt.s:pt.e]
			if len(s) > 3 && s[len(s)-1] == 's' && s[len(s)-2] != 's' {
				return res{}, false
			}
		}
		if pt.kind == tkWord && pt.lx != nil && pt.lx.c&cNum != 0 {
			return res{}, false
		}
	}
	if w := t.w(i); (w == wA || w == wAn) && (t.w(i-1) == wTwice || t.w(i-1) == wTimes || t.w(i-1) == wOnce) {
		return res{}, false // "twice a year" is a set
	}
	tk := &t.toks[i]
	if tk.kind == tkNum && tk.f&fComma != 0 && v > 10000 {
		return res{}, false
	}
	// "a minute and a half", "an hour and a half"
	if t.w(k) == wAnd && t.w(k+1) == wA && t.w(k+2) == wHalf && v >= 0 {
		v += 0.5
		k += 3
	}
	if u == uWeek && t.lx(j) != nil && t.lx(j).v == 2 { // fortnight
		if v >= 0 {
			v *= 2
		}
	}
	r := res{start: i, end: k, typ: "DURATION", mod: mod, gran: unitGran(u)}
	if u == uNight {
		u = uDay
	}
	// "a day" as in "twice a day" is a set; leave to setExpr.
	switch t.w(k) {
	case wAgo:
		return t.agoExpr(r, v, u, k+1)
	case wLater, wEarlier:
		if v >= 0 && (t.w(i) != wA || true) {
			return t.laterExpr(r, v, u, k+1, t.w(k) == wLater)
		}
	case wOld, wLong:
		// "8-month old"
	}
	if u == uWeekend {
		return res{}, false
	}
	r.val = durValue(v, u)
	return r, true
}

// agoExpr: "two years ago" is the date two years before the DCT.
func (t *tagger) agoExpr(r res, v float64, u unit, end int) (res, bool) {
	r.end = end
	r.typ = "DATE"
	r.basis = doc.BasisRelative
	if v < 0 || v != float64(int(v)) {
		r.val = "PAST_REF"
		r.gran = unitGran(u)
		if t.hasDCT {
			r.hi = t.dct
		}
		return r, true
	}
	n := int(v)
	if !t.hasDCT {
		r.p = unanchored(u)
		r.gran = r.p.g
		return r, true
	}
	switch u {
	case uSecond, uMinute, uHour:
		r.p = t.today()
	default:
		r.p = shiftUnit(t.dct, u, -n)
	}
	// In earnings reports "a year ago" is the reported quarter a year
	// earlier.
	if u == uYear && t.hasRef && t.ref.g == doc.GranQuarter && t.ref.known() && t.ref.y == t.dct.Year() {
		r.p = t.ref
		r.p.y -= n
	}
	r.gran = r.p.g
	r.setRef = r.p.g == doc.GranDay
	return r, true
}

// laterExpr: "two days later", "a year earlier": relative to the last
// mentioned date (or the DCT).
func (t *tagger) laterExpr(r res, v float64, u unit, end int, later bool) (res, bool) {
	r.end = end
	r.typ = "DATE"
	r.basis = doc.BasisRelative
	n := int(v)
	if !later {
		n = -n
	}
	ref, ok := t.refPoint()
	if !ok {
		r.p = unanchored(u)
		r.gran = r.p.g
		return r, true
	}
	// "a year earlier" compares with the reported quarter, or a day of the
	// same sentence; otherwise it is the year before the DCT.
	if u == uYear && t.hasDCT && !(t.hasRef && (t.ref.g == doc.GranQuarter || t.refSent == t.tsent[r.start])) {
		ref = periodOf(t.dct, doc.GranYear)
	}
	r.p = shiftRef(ref, u, n)
	r.gran = r.p.g
	// A year-earlier quarter is a comparison, not the new reference.
	r.setRef = r.p.g != doc.GranQuarter
	return r, true
}

// shiftRef moves reference point p by n units u, keeping p's granularity
// when it is at least as fine as the unit, up to years: decades and
// centuries name their own period.
func shiftRef(p point, u unit, n int) point {
	q := p
	if q.g == doc.GranTime {
		q.g = doc.GranDay
		q.hh, q.pod = -1, 0
	}
	switch u {
	case uSecond, uMinute, uHour:
		return q
	case uDay, uNight:
		if q.g == doc.GranDay && q.d > 0 && q.m > 0 {
			return shift(q, n)
		}
		return q
	case uWeek, uWeekend:
		if q.g == doc.GranDay && q.d > 0 && q.m > 0 {
			return shift(q, 7*n)
		}
		if q.g == doc.GranWeek {
			return shift(q, n)
		}
		return q
	case uMonth:
		if q.g == doc.GranDay && q.d > 0 && q.m > 0 {
			tm := q.time().AddDate(0, n, 0)
			return dayPoint(tm)
		}
		if q.g == doc.GranMonth {
			return shift(q, n)
		}
		return q
	case uQuarter:
		if q.g == doc.GranQuarter {
			return shift(q, n)
		}
		if q.g == doc.GranMonth {
			return shift(q, 3*n)
		}
		return q
	case uYear:
		if q.g == doc.GranDay && q.m > 0 && q.d > 0 {
			return dayPoint(q.time().AddDate(n, 0, 0))
		}
		if q.g == doc.GranWeek {
			q.g = doc.GranYear
		}
		q.y += n
		return q
	case uDecade, uCentury:
		// "two decades earlier" names a decade, not a day twenty years
		// before the last one mentioned.
		g, per := doc.GranDecade, 10
		if u == uCentury {
			g, per = doc.GranCentury, 100
		}
		switch q.g {
		case g:
			q.y += n
			return q
		case doc.GranDecade, doc.GranCentury:
			return q // a coarser reference: nothing to shift by
		}
		return point{g: g, y: (q.y + per*n) / per, hh: -1}
	}
	return q
}

// approxExpr: "about three years", "more than four hours", "at least 30
// days", "nearly two weeks ago", "around 7:15 p.m.", "within 18 months".
func (t *tagger) approxExpr(i int) (res, bool) {
	mod := ""
	j := i
	durOnly := false
	switch t.w(i) {
	case wAbout, wAround, wApproximately, wRoughly:
		mod, j = "APPROX", i+1
	case wNearly:
		mod, j = "APPROX", i+1
	case wAlmost:
		mod, j = "LESS_THAN", i+1
	case wSome:
		mod, j, durOnly = "APPROX", i+1, true
	case wMore:
		if t.w(i+1) != wThan {
			return res{}, false
		}
		mod, j = "MORE_THAN", i+2
	case wLess:
		if t.w(i+1) != wThan {
			return res{}, false
		}
		mod, j = "LESS_THAN", i+2
	case wAt:
		switch t.w(i + 1) {
		case wLeast:
			mod, j = "EQUAL_OR_MORE", i+2
		default:
			if t.lx(i+1) != nil && t.text[t.toks[i+1].s:t.toks[i+1].e] == "most" {
				mod, j = "EQUAL_OR_LESS", i+2
			} else {
				return res{}, false
			}
		}
	case wUp:
		if t.w(i+1) != wTo {
			return res{}, false
		}
		mod, j, durOnly = "EQUAL_OR_LESS", i+2, true
	case wNo:
		if t.w(i+1) != wMore || t.w(i+2) != wThan {
			return res{}, false
		}
		mod, j = "EQUAL_OR_LESS", i+3
	default:
		return res{}, false
	}
	if j >= len(t.toks) || !t.sameSent(i, j) {
		return res{}, false
	}
	// Time of day: "around 7:15 p.m."
	var r res
	var ok bool
	if t.num(j) || t.w(j) == wNoon || t.w(j) == wMidnight {
		r, ok = t.clockExpr(j)
	}
	if !ok {
		r, ok = t.durationExpr(j)
	}
	if !ok && !durOnly {
		r, ok = t.explicitDate(j)
	}
	if !ok && (t.w(j) == wSome && t.w(j+1) == wTime) {
		r, ok = res{start: j, end: j + 2, typ: "DURATION", val: "PXM", gran: doc.GranUnknown}, true
	}
	if !ok || r.start != j {
		if t.w(i) == wSome && t.w(j) == wTime {
			return res{start: i, end: j + 1, typ: "DURATION", val: "PXM", gran: doc.GranUnknown}, true
		}
		return res{}, false
	}
	if durOnly && r.typ != "DURATION" {
		return res{}, false
	}
	r.start = i
	if r.mod == "" {
		r.mod = mod
	}
	return r, true
}

// bareUnit: "years", "months" (unknown durations), "decades-long".
func (t *tagger) bareUnit(i int) (res, bool) {
	l := t.lx(i)
	if !l.plural {
		return res{}, false
	}
	switch l.u {
	case uYear, uMonth, uWeek, uDecade, uCentury, uDay, uHour, uMinute:
	default:
		return res{}, false
	}
	// Not "the years" after a determiner handled elsewhere; not "days" in
	// "these days".
	prev := t.w(i - 1)
	if prev == wThese || prev == wThe || prev == wRecent {
		return res{}, false
	}
	if prev != wFor && prev != wIn && prev != wOver && prev != wAfter && prev != wWithin && prev != wTo && prev != wFrom && t.w(i+1) != wAgo && t.w(i+1) != wLater && t.w(i+1) != wEarlier && !(t.punct(i+1, '-') && t.w(i+2) == wLong) {
		return res{}, false
	}
	j := i + 1
	if t.punct(j, '-') && t.attached(j) && (t.w(j+1) == wLong || t.w(j+1) == wOld) {
		j += 2
	}
	u := l.u
	if t.w(j) == wAgo {
		r := res{start: i, end: j, gran: unitGran(u)}
		return t.agoExpr(r, -1, u, j+1)
	}
	if t.w(j) == wLater || t.w(j) == wEarlier {
		return res{start: i, end: j + 1, typ: "DATE", val: map[bool]string{true: "FUTURE_REF", false: "PAST_REF"}[t.w(j) == wLater], gran: unitGran(u)}, true
	}
	return res{start: i, end: j, typ: "DURATION", val: durValue(-1, u), gran: unitGran(u)}, true
}
