package timex

import "github.com/eventgraph/eventgraph/extract/doc"

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
			hh, j = t.meridiem(hh, j)
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
			hh, j = t.meridiem(hh, j)
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

// meridiem reads the a.m. or p.m. at token j after hour hh (1 to 12): it
// returns the hour on the 24-hour clock and the token after the marker
// and its period.
func (t *tagger) meridiem(hh, j int) (int, int) {
	w := t.w(j)
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
	return hh, j
}

// text2 reports whether token i's text ends with byte c.
func (t *tagger) text2(i int, c byte) bool {
	if i < 0 || i >= len(t.toks) {
		return false
	}
	tk := &t.toks[i]
	return tk.e > tk.s && t.text[tk.e-1] == c
}
