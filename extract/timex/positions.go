package timex

import "github.com/eventgraph/eventgraph/extract/doc"

// partOf: "the end of 1990", "the beginning of October", "the middle of
// the month", "the end of the year".
func (t *tagger) partOf(i int) (res, bool) {
	j := i + 1
	mod := "END"
	switch t.w(j) {
	case wBeginning, wStart:
		mod = "START"
	case wMiddle:
		mod = "MID"
	}
	if t.w(j+1) != wOf {
		return res{}, false
	}
	k := j + 2
	var r res
	ok := false
	if t.w(k) == wThe {
		if u := t.lx(k + 1); u != nil && u.c&cUnit != 0 && !u.plural {
			switch u.u {
			case uDay, uWeek, uMonth, uQuarter, uYear, uDecade, uCentury:
				ref, okr := t.refPoint()
				if t.hasDCT {
					ref, okr = t.today(), true
				}
				r = res{start: k, end: k + 2, typ: "DATE", basis: doc.BasisRelative}
				if okr {
					r.p = periodOfPoint(ref, unitGran(u.u))
				} else {
					r.p = unanchored(u.u)
				}
				ok = true
			}
		}
		if !ok {
			r, ok = t.theExpr(k)
		}
	} else {
		r, ok = t.matchAt(k)
	}
	if !ok || r.start != k || r.typ == "DURATION" || r.typ == "SET" || r.val != "" {
		return res{}, false
	}
	r.start = i
	if r.mod == "" {
		r.mod = mod
	}
	return r, true
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
			r = res{start: j, end: j + 1, typ: "DATE", p: t.sentenceYear(i, t.resolveMonth(l.v, t.tenseDir(i, j+1))), basis: doc.BasisRelative, setRef: true}
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
