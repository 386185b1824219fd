package timex

import "github.com/eventgraph/eventgraph/extract/doc"

// setExpr: daily, weekly, every day, each Thursday, per year, twice a year.
func (t *tagger) setExpr(i int) (res, bool) {
	l := t.lx(i)
	r := res{start: i, end: i + 1, typ: "SET", basis: doc.BasisUnknown}
	if l.c&cSetAdv != 0 {
		// "quarterly" is mostly an adjective of earnings reports ("its
		// quarterly dividend"): a set only as an adverb ("paid quarterly.").
		if l.u == uQuarter && i+1 < len(t.toks) && t.toks[i+1].kind != tkPunct {
			return res{}, false
		}
		switch l.u {
		case uNight:
			r.val = "XXXX-XX-XXTNI"
		default:
			r.val = durValue(1, l.u)
		}
		r.gran = unitGran(l.u)
		return r, true
	}
	j := i + 1
	switch l.w {
	case wEvery, wEach, wPer:
		if t.w(j) == wOther {
			// "every other week" -> P2W
		}
		n := 1.0
		if v, k, _, ok := t.count(j); ok && t.w(j) != wA && t.w(j) != wAn {
			n = v
			j = k
		}
		m := t.lx(j)
		if m == nil {
			return res{}, false
		}
		r.end = j + 1
		switch {
		case m.c&cUnit != 0:
			if m.u == uWeekend {
				r.val = "XXXX-WXX-WE"
			} else {
				r.val = durValue(n, m.u)
			}
			r.gran = unitGran(m.u)
		case m.c&cWeekday != 0 && !m.abbr:
			p := point{g: doc.GranDay, y: unk, wd: m.v, hh: -1}
			if pl := t.lx(j + 1); pl != nil && pl.c&cPOD != 0 {
				p.g = doc.GranTime
				p.pod = pl.v
				r.end = j + 2
			}
			r.val = p.value()
			r.gran = doc.GranWeek
		case m.c&cMonth != 0 && !m.abbr:
			r.val = point{g: doc.GranMonth, y: unk, m: m.v, hh: -1}.value()
			r.gran = doc.GranYear
		case m.c&cPOD != 0:
			r.val = "XXXX-XX-XXT" + podCodes[m.v]
			r.gran = doc.GranDay
		case m.c&cSeason != 0:
			r.val = "XXXX-" + seasonCodes[m.v]
			r.gran = doc.GranYear
		default:
			return res{}, false
		}
		if l.w == wPer && (m.c&cUnit == 0 || m.plural) {
			return res{}, false
		}
		return r, true
	case wA, wAn:
		// "twice a year", "three times a week"
		p := t.w(i - 1)
		if p != wTwice && p != wTimes && p != wOnce {
			return res{}, false
		}
		m := t.lx(j)
		if m == nil || m.c&cUnit == 0 || m.plural {
			return res{}, false
		}
		r.end = j + 1
		r.val = durValue(1, m.u)
		r.gran = unitGran(m.u)
		return r, true
	}
	return res{}, false
}
