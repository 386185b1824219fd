package timex

import (
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// holiday identifies a named day or period.
type holiday uint8

const (
	hNone holiday = iota
	hChristmas
	hChristmasEve
	hBoxingDay
	hNewYear
	hNewYearEve
	hIndependence // US Independence Day, July 4
	hHalloween
	hValentine
	hThanksgiving // US: fourth Thursday of November
	hBlackFriday
	hCyberMonday
	hEaster
	hGoodFriday
	hEasterMonday
	hPalmSunday
	hLaborDay    // US: first Monday of September
	hMemorialDay // US: last Monday of May
	hVeteransDay
	hElectionDay // US: Tuesday after the first Monday of November
	hMothersDay  // US: second Sunday of May
	hFathersDay  // US: third Sunday of June
	hRamadan
	hEidFitr
	hEidAdha
	hPassover
	hHanukkah
	hRoshHashanah
	hYomKippur
)

// holidayRange returns the first and last day of holiday h in Gregorian
// year y.
func holidayRange(h holiday, y int) (time.Time, time.Time) {
	one := func(m, d int) (time.Time, time.Time) { t := date(y, m, d); return t, t }
	same := func(t time.Time) (time.Time, time.Time) { return t, t }
	switch h {
	case hChristmas:
		return one(12, 25)
	case hChristmasEve:
		return one(12, 24)
	case hBoxingDay:
		return one(12, 26)
	case hNewYear:
		return one(1, 1)
	case hNewYearEve:
		return one(12, 31)
	case hIndependence:
		return one(7, 4)
	case hHalloween:
		return one(10, 31)
	case hValentine:
		return one(2, 14)
	case hVeteransDay:
		return one(11, 11)
	case hThanksgiving:
		return same(nthWeekday(y, 11, time.Thursday, 4))
	case hBlackFriday:
		return same(nthWeekday(y, 11, time.Thursday, 4).AddDate(0, 0, 1))
	case hCyberMonday:
		return same(nthWeekday(y, 11, time.Thursday, 4).AddDate(0, 0, 4))
	case hEaster:
		return same(easter(y))
	case hGoodFriday:
		return same(easter(y).AddDate(0, 0, -2))
	case hEasterMonday:
		return same(easter(y).AddDate(0, 0, 1))
	case hPalmSunday:
		return same(easter(y).AddDate(0, 0, -7))
	case hLaborDay:
		return same(nthWeekday(y, 9, time.Monday, 1))
	case hMemorialDay:
		return same(nthWeekday(y, 6, time.Monday, 1).AddDate(0, 0, -7))
	case hElectionDay:
		return same(nthWeekday(y, 11, time.Monday, 1).AddDate(0, 0, 1))
	case hMothersDay:
		return same(nthWeekday(y, 5, time.Sunday, 2))
	case hFathersDay:
		return same(nthWeekday(y, 6, time.Sunday, 3))
	case hRamadan:
		s := ramadanStart(y)
		return s, s.AddDate(0, 0, 29)
	case hEidFitr:
		return same(ramadanStart(y).AddDate(0, 0, 30))
	case hEidAdha:
		return same(eidAdha(y))
	case hPassover:
		s := hebrewToGregorian(y+3760, 1, 15)
		return s, s.AddDate(0, 0, 7)
	case hHanukkah:
		s := hebrewToGregorian(y+3761, 9, 25)
		return s, s.AddDate(0, 0, 7)
	case hRoshHashanah:
		s := hebrewToGregorian(y+3761, 7, 1)
		return s, s.AddDate(0, 0, 1)
	case hYomKippur:
		return same(hebrewToGregorian(y+3761, 7, 10))
	}
	return time.Time{}, time.Time{}
}

// holidayExpr: Christmas, Easter, Thanksgiving, Ramadan, New Year's Day,
// Independence Day, Black Friday... with an optional year.
func (t *tagger) holidayExpr(i, start int) (res, bool) {
	h, j := t.holidayName(i)
	if h == hNone {
		return res{}, false
	}
	return t.holidayDate(h, i, j, start)
}

// holidayName reads the name of a holiday at token i: it returns the
// holiday and the token after its name, or hNone.
func (t *tagger) holidayName(i int) (holiday, int) {
	l := t.lx(i)
	if l == nil {
		return hNone, i
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
			return hNone, i
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
			return hNone, i
		}
	case wIndepend:
		if !capd || !dayWord(j) {
			return hNone, i
		}
		h = hIndependence
		j++
	case wLabor, wMemorial, wVeterans, wElection:
		if !capd || !dayWord(j) {
			return hNone, i
		}
		h = map[wid]holiday{wLabor: hLaborDay, wMemorial: hMemorialDay, wVeterans: hVeteransDay, wElection: hElectionDay}[l.w]
		j++
	case wValentine, wMothers, wFathers:
		if !capd {
			return hNone, i
		}
		if t.lx(j) == possLex {
			j++
		}
		if !dayWord(j) {
			return hNone, i
		}
		h = map[wid]holiday{wValentine: hValentine, wMothers: hMothersDay, wFathers: hFathersDay}[l.w]
		j++
	case wEid:
		if !capd {
			return hNone, i
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
		return hNone, i
	default:
		// Black Friday, Cyber Monday, Good Friday, Palm Sunday
		if !capd || l.c&cDayAdj == 0 {
			return hNone, i
		}
		wd := t.lx(j)
		if wd == nil || wd.c&cWeekday == 0 || !t.capAt(j) {
			return hNone, i
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
			return hNone, i
		}
		j++
	}
	return h, j
}

// holidayDate dates holiday h named at [i, j) in the expression starting
// at start ("last Christmas"): with a following year, or the occurrence
// nearest the DCT in the direction the words or the tense give.
func (t *tagger) holidayDate(h holiday, i, j, start int) (res, bool) {
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
