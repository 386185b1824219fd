package timex

import (
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

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

// isWord reports whether token i is the word w (ASCII, case-insensitive).
func (t *tagger) isWord(i int, w string) bool {
	if i < 0 || i >= len(t.toks) || t.toks[i].kind != tkWord {
		return false
	}
	s := t.text[t.toks[i].s:t.toks[i].e]
	if len(s) != len(w) {
		return false
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[k] {
			return false
		}
	}
	return true
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

// holidayExpr: Christmas, Easter, Thanksgiving, Ramadan, New Year's Day,
// Independence Day, Black Friday... with an optional year.
func (t *tagger) holidayExpr(i, start int) (res, bool) {
	l := t.lx(i)
	if l == nil {
		return res{}, false
	}
	capd := t.toks[i].f&fCap != 0
	h := hNone
	j := i + 1
	dayWord := func(k int) bool { return t.lx(k) != nil && t.lx(k).u == uDay && !t.lx(k).plural && t.capAt(k) }
	switch l.w {
	case wChristmas:
		h = hChristmas
		if t.w(j) == wEve {
			h = hChristmasEve
			j++
		} else if dayWord(j) {
			j++
		}
	case wEaster:
		h = hEaster
		if t.w(j) == wSunday {
			j++
		} else if wd := t.lx(j); wd != nil && wd.c&cWeekday != 0 && wd.v == 1 && t.capAt(j) {
			h = hEasterMonday
			j++
		}
	case wThanks:
		h = hThanksgiving
		if dayWord(j) {
			j++
		}
	case wRamadan:
		h = hRamadan
	case wHanukkah:
		h = hHanukkah
	case wPassover:
		h = hPassover
	case wHalloween:
		h = hHalloween
	case wNew:
		if !capd || t.w(j) != wYear || !t.capAt(j) {
			return res{}, false
		}
		j++
		if t.lx(j) == possLex {
			j++
		}
		h = hNewYear
		if t.w(j) == wEve && t.capAt(j) {
			h = hNewYearEve
			j++
		} else if dayWord(j) {
			j++
		} else if t.lx(j-1) != possLex {
			return res{}, false
		}
	case wIndepend:
		if !capd || !dayWord(j) {
			return res{}, false
		}
		h = hIndependence
		j++
	case wLabor, wMemorial, wVeterans, wElection:
		if !capd || !dayWord(j) {
			return res{}, false
		}
		h = map[wid]holiday{wLabor: hLaborDay, wMemorial: hMemorialDay, wVeterans: hVeteransDay, wElection: hElectionDay}[l.w]
		j++
	case wValentine, wMothers, wFathers:
		if !capd {
			return res{}, false
		}
		if t.lx(j) == possLex {
			j++
		}
		if !dayWord(j) {
			return res{}, false
		}
		h = map[wid]holiday{wValentine: hValentine, wMothers: hMothersDay, wFathers: hFathersDay}[l.w]
		j++
	case wEid:
		if !capd {
			return res{}, false
		}
		h = hEidFitr
		k := j
		if t.w(k) == wAl {
			k++
			if t.punct(k, '-') {
				k++
			}
		} else if t.punct(k, '-') && t.w(k+1) == wAl {
			k += 2
			if t.punct(k, '-') {
				k++
			}
		}
		switch t.w(k) {
		case wFitr:
			j = k + 1
		case wAdha:
			h = hEidAdha
			j = k + 1
		}
	case wFirst:
		return res{}, false
	default:
		// Black Friday, Cyber Monday, Good Friday, Palm Sunday
		if !capd || l.c&cDayAdj == 0 {
			return res{}, false
		}
		wd := t.lx(j)
		if wd == nil || wd.c&cWeekday == 0 || !t.capAt(j) {
			return res{}, false
		}
		s := t.text[t.toks[i].s:t.toks[i].e]
		switch {
		case (s == "Black" || s == "BLACK") && wd.v == 5:
			h = hBlackFriday
		case (s == "Cyber" || s == "CYBER") && wd.v == 1:
			h = hCyberMonday
		case (s == "Good" || s == "GOOD") && wd.v == 5:
			h = hGoodFriday
		case (s == "Palm" || s == "PALM") && wd.v == 7:
			h = hPalmSunday
		default:
			return res{}, false
		}
		j++
	}
	if h == hNone {
		return res{}, false
	}
	r := res{start: start, end: j, typ: "DATE", basis: doc.BasisRelative, setRef: true}
	year := unk
	yk := j
	if t.punct(yk, ',') {
		yk++
	}
	if y, ok := t.yearAt(yk); ok {
		year = y
		r.end = yk + 1
		r.basis = doc.BasisExplicit
	}
	rel := 0
	if start < i {
		switch t.w(start) {
		case wLast:
			rel = dirPrevStrict
		case wNext, wComing, wUpcoming:
			rel = dirNextStrict
		case wThis:
			rel = 3
		}
	}
	var s, e time.Time
	switch {
	case year != unk:
		s, e = holidayRange(h, year)
	case t.hasDCT:
		dir := rel
		if dir == 0 {
			dir = t.tenseDir(start, r.end)
		}
		s, e = t.nearestHoliday(h, dir)
	default:
		// Unanchored.
		fs, _ := holidayRange(h, 2001)
		fixed := map[holiday]bool{hChristmas: true, hChristmasEve: true, hBoxingDay: true, hNewYear: true, hNewYearEve: true, hIndependence: true, hHalloween: true, hValentine: true, hVeteransDay: true}
		if fixed[h] {
			r.p = point{g: doc.GranDay, y: unk, m: int(fs.Month()), d: fs.Day(), hh: -1}
		} else {
			r.p = point{g: doc.GranDay, y: unk, hh: -1}
		}
		r.gran = doc.GranDay
		r.setRef = false
		return r, true
	}
	r.lo, r.hi = s, e
	if s.Equal(e) {
		r.p = dayPoint(s)
		r.gran = doc.GranDay
	} else {
		r.p = point{g: doc.GranMonth, y: s.Year(), m: int(s.Month()), hh: -1}
		r.gran = doc.GranMonth
		if e.Sub(s) < 10*24*time.Hour {
			r.gran = doc.GranWeek
		}
		r.setRef = false
	}
	return r, true
}

// nearestHoliday picks the occurrence of h relative to the DCT.
func (t *tagger) nearestHoliday(h holiday, dir int) (time.Time, time.Time) {
	y := t.dct.Year()
	type occ struct{ s, e time.Time }
	var cands []occ
	for yy := y - 1; yy <= y+1; yy++ {
		if h == hRamadan {
			for _, s := range ramadansIn(yy) {
				dup := false
				for _, c := range cands {
					if c.s.Equal(s) {
						dup = true
					}
				}
				if !dup {
					cands = append(cands, occ{s, s.AddDate(0, 0, 29)})
				}
			}
			continue
		}
		s, e := holidayRange(h, yy)
		cands = append(cands, occ{s, e})
	}
	d := t.dct
	best := -1
	bestDist := 1 << 30
	for k, c := range cands {
		contains := !d.Before(c.s) && !d.After(c.e)
		var dist int
		switch {
		case contains:
			dist = 0
		case c.e.Before(d):
			dist = absDays(d.Sub(c.e))
		default:
			dist = absDays(c.s.Sub(d))
		}
		switch dir {
		case dirPast:
			if c.s.After(d) {
				continue
			}
		case dirFuture:
			if c.e.Before(d) {
				continue
			}
		case dirPrevStrict:
			if !c.e.Before(d) {
				continue
			}
		case dirNextStrict:
			if !c.s.After(d) {
				continue
			}
		case 3: // "this Christmas": the one in the DCT's year
			if c.s.Year() != y && c.e.Year() != y {
				continue
			}
		}
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best < 0 {
		s, e := holidayRange(h, y)
		return s, e
	}
	return cands[best].s, cands[best].e
}

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
