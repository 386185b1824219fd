package timex

import "github.com/eventgraph/eventgraph/extract/doc"

// seasonExpr: "summer", "the summer of 1994", "fall 2024", "winter of
// nineteen ninety-four".
func (t *tagger) seasonExpr(i, start int) (res, bool) {
	l := t.lx(i)
	if l == nil || l.c&cSeason == 0 {
		return res{}, false
	}
	j := i + 1
	r := res{start: start, end: j, typ: "DATE", basis: doc.BasisRelative}
	yk := j
	if t.w(yk) == wOf {
		yk++
	}
	if y, ok := t.yearAt(yk); ok {
		r.end = yk + 1
		r.p = point{g: doc.GranSeason, y: y, season: l.v, hh: -1}
		r.basis = doc.BasisExplicit
		return r, true
	}
	if y, e, ok := t.spokenYearNum(yk); ok {
		r.end = e
		r.p = point{g: doc.GranSeason, y: y, season: l.v, hh: -1}
		r.basis = doc.BasisExplicit
		return r, true
	}
	// Without a year: "fall" and "spring" are also common nouns/verbs.
	ambiguous := l.v == 1 || l.v == 3
	if ambiguous && t.w(j) == wOf {
		return res{}, false
	}
	if t.punct(j, '-') || t.has(j, cUnit) {
		return res{}, false
	}
	p := start - 1
	if start == i {
		p = i - 1
	}
	switch t.w(p) {
	case wIn, wDuring, wSince, wUntil, wBy, wBefore, wAfter, wFor, wOver, wAnd, wThis:
	default:
		if start == i || ambiguous {
			return res{}, false
		}
	}
	r.p = t.resolveSeason(l.v, t.tenseDir(start, j))
	return r, true
}

// quarterExpr: "the third quarter [of 1984]", "third-quarter", "fiscal
// 1989", "the 1988 third quarter", "the first half", "year-end", "the
// year-earlier quarter", "Q3 2024".
func (t *tagger) quarterExpr(i, start int) (res, bool) {
	if i >= len(t.toks) {
		return res{}, false
	}
	r := res{start: start, typ: "DATE", basis: doc.BasisRelative}
	j := i
	year := unk
	fiscal := false
	tk := &t.toks[i]
	// "Q3", "H1"
	if tk.kind == tkWord && tk.lx == nil && tk.e == tk.s+1 && (t.text[tk.s] == 'Q' || t.text[tk.s] == 'H') && t.num(i+1) && t.attached(i+1) && t.toks[i+1].nd == 1 {
		n := int(t.toks[i+1].num)
		half := t.text[tk.s] == 'H'
		if n < 1 || n > 4 || half && n > 2 {
			return res{}, false
		}
		j = i + 2
		if t.punct(j, '-') || t.punct(j, '/') {
			j++
		}
		if y, ok := t.yearAt(j); ok {
			r.end = j + 1
			r.p = point{g: doc.GranQuarter, y: y, hh: -1}
			r.basis = doc.BasisExplicit
		} else {
			r.end = i + 2
			r.p = t.resolveQuarter(n, half, t.tenseDir(start, r.end))
		}
		if half {
			r.p.h = n
		} else {
			r.p.q = n
		}
		return r, true
	}
	switch t.w(j) {
	case wFiscal:
		fiscal = true
		j++
		if t.punct(j, '-') && t.attached(j) {
			j++
		}
		if t.w(j) == wYear {
			j++
		}
		if y, ok := t.yearAt(j); ok {
			year = y
			j++
			if t.lx(j) == possLex {
				j++
			} else {
				r.end = j
				r.p = point{g: doc.GranYear, y: y, hh: -1}
				r.basis = doc.BasisExplicit
				r.setRef = true
				if _, _, ok := t.ordinalQuarter(j); !ok {
					return r, true
				}
			}
		} else if t.punct(j, '\'') && t.num(j+1) && t.toks[j+1].nd == 2 {
			r.end = j + 2
			r.p = point{g: doc.GranYear, y: century(int(t.toks[j+1].num)), hh: -1}
			r.basis = doc.BasisExplicit
			return r, true
		}
	case wYearAgo, wYearEarly:
		return t.yearAgoExpr(i, start)
	case wYear:
		// "year-end", "year end", "year's end"
		k := j + 1
		if t.punct(k, '-') && t.attached(k) {
			k++
		} else if t.lx(k) == possLex {
			k++
		}
		if t.w(k) == wEnd {
			r.end = k + 1
			r.mod = "END"
			if t.hasDCT {
				r.p = point{g: doc.GranYear, y: t.dct.Year(), hh: -1}
			} else {
				r.p = point{g: doc.GranYear, y: unk, hh: -1}
			}
			return r, true
		}
		// "year-ago", "year-earlier" tokenized as year - ago
		if t.punct(k-1, '-') && (t.w(k) == wAgo || t.w(k) == wEarlier) {
			return t.yearAgoExpr(i, start)
		}
		return res{}, false
	case wFull:
		if t.w(j+1) == wYear && !t.lx(j+1).plural {
			r.end = j + 2
			if t.hasDCT {
				r.p = point{g: doc.GranYear, y: t.dct.Year(), hh: -1}
			} else {
				r.p = point{g: doc.GranYear, y: unk, hh: -1}
			}
			return r, true
		}
		return res{}, false
	}
	if year == unk {
		if y, ok := t.yearAt(j); ok && (t.has(j+1, cNum) || t.w(j+1) == wFiscal || t.w(j+1) == wPeriod || (t.has(j+1, cUnit) && t.lx(j+1).u == uQuarter)) {
			year = y
			j++
			if t.w(j) == wFiscal {
				fiscal = true
				j++
			}
			if t.w(j) == wPeriod || t.has(j, cUnit) && t.lx(j).u == uQuarter && !t.lx(j).plural {
				// "the 1988 period", "the 1988 quarter": the reference quarter in that year.
				r.end = j + 1
				r.p = point{g: doc.GranQuarter, y: year, hh: -1}
				if t.hasRef && t.ref.g == doc.GranQuarter && t.ref.q > 0 {
					r.p.q = t.ref.q
				}
				return r, true
			}
		}
	}
	if t.w(j) == wFiscal && !fiscal {
		fiscal = true
		j++
		if t.punct(j, '-') && t.attached(j) {
			j++
		}
	}
	q, k, ok := t.ordinalQuarter(j)
	if !ok {
		return res{}, false
	}
	half := q < 0
	if half {
		q = -q
	}
	if start < i && t.w(start) == wThe && t.punct(k-2, '-') && t.attached(k-2) && year == unk {
		return res{}, false
	}
	r.end = k
	// "of 1984", "of this year", "of last year", "of fiscal 1989"
	if t.w(k) == wOf {
		kk := k + 1
		if t.w(kk) == wFiscal {
			kk++
		}
		if y, ok := t.yearAt(kk); ok && year == unk {
			year = y
			r.end = kk + 1
		} else if w := t.w(kk); (w == wThis || w == wLast || w == wNext) && t.lx(kk+1) != nil && t.lx(kk+1).u == uYear && t.hasDCT && year == unk {
			year = t.dct.Year()
			if w == wLast {
				year--
			} else if w == wNext {
				year++
			}
			r.end = kk + 2
		}
	} else if y, ok := t.yearAt(k); ok && year == unk && t.attached(k) == false && t.toks[i].lx != nil && t.toks[i].lx.c&cNum != 0 {
		// "first quarter 1990"
		year = y
		r.end = k + 1
	}
	if t.lx(r.end-1) != nil && t.lx(r.end-1).plural {
		// "fourth quarters": a set
		r.typ = "SET"
		r.val = "XXXX-Q" + string(rune('0'+q))
		return r, true
	}
	if year != unk {
		r.p = point{g: doc.GranQuarter, y: year, hh: -1}
		r.basis = doc.BasisExplicit
	} else {
		r.p = t.resolveQuarter(q, half, t.tenseDir(start, r.end))
	}
	if half {
		r.p.h, r.p.q = q, 0
	} else {
		r.p.q = q
	}
	r.setRef = true
	return r, true
}

// ordinalQuarter parses "third quarter", "third-quarter", "first half",
// "4th quarter". It returns the quarter (negative for a half).
func (t *tagger) ordinalQuarter(j int) (int, int, bool) {
	n, k, ok := t.ordinal(j)
	if !ok {
		return 0, j, false
	}
	if t.punct(k, '-') && t.attached(k) {
		k++
	}
	l := t.lx(k)
	if l == nil {
		return 0, j, false
	}
	switch {
	case l.c&cUnit != 0 && l.u == uQuarter && n >= 1 && n <= 4:
		return n, k + 1, true
	case l.w == wHalf && n >= 1 && n <= 2:
		return -n, k + 1, true
	}
	return 0, j, false
}

// yearAgoExpr: "year-ago", "year-earlier", "the year-earlier quarter",
// "the year-ago period", "the year-earlier nine months".
func (t *tagger) yearAgoExpr(i, start int) (res, bool) {
	j := i + 1
	if t.w(i) == wYear {
		j = i + 3
	}
	r := res{start: start, end: j, typ: "DATE", basis: doc.BasisInferred}
	// Following noun.
	if v, k, _, ok := t.count(j); ok && t.w(j) != wA {
		if u, _, k2, ok := t.unitAt(k); ok {
			r.end = k2
			r.typ = "DURATION"
			r.val = durValue(v, u)
			r.gran = unitGran(u)
			return r, true
		}
	}
	if q, k, ok := t.ordinalQuarter(j); ok {
		r.end = k
		ref, okr := t.refPoint()
		y := unk
		if okr && ref.known() {
			y = ref.y - 1
		}
		r.p = point{g: doc.GranQuarter, y: y, hh: -1}
		if q < 0 {
			r.p.h = -q
		} else {
			r.p.q = q
		}
		return r, true
	}
	if l := t.lx(j); l != nil && (l.w == wPeriod || l.c&cUnit != 0 && (l.u == uQuarter || l.u == uMonth) && !l.plural) {
		r.end = j + 1
	} else if start < i {
		// "the year-ago results": the determiner belongs to the noun.
		return res{}, false
	}
	if t.hasRef && t.ref.g == doc.GranQuarter && t.ref.known() {
		r.p = t.ref
		r.p.y--
		return r, true
	}
	if !t.hasDCT {
		r.p = point{g: doc.GranYear, y: unk, hh: -1}
		return r, true
	}
	if l := t.lx(r.end - 1); l != nil && l.c&cUnit != 0 && l.u == uQuarter || t.w(r.end-1) == wPeriod {
		// The reported (last complete) quarter a year earlier.
		r.p = shiftUnit(t.dct, uQuarter, -1)
		r.p.y--
		return r, true
	}
	r.p = point{g: doc.GranYear, y: t.dct.Year() - 1, hh: -1}
	return r, true
}
