package timex

import "github.com/eventgraph/eventgraph/extract/doc"

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
