package timex

import "time"

// nthWeekday returns the n-th weekday wd of month m of year y.
func nthWeekday(y, m int, wd time.Weekday, n int) time.Time {
	t := date(y, m, 1)
	off := (int(wd) - int(t.Weekday()) + 7) % 7
	return t.AddDate(0, 0, off+7*(n-1))
}

// easter computes Western Easter Sunday (anonymous Gregorian computus).
func easter(y int) time.Time {
	a := y % 19
	b := y / 100
	c := y % 100
	d := b / 4
	e := b % 4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i := c / 4
	k := c % 4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date(y, month, day)
}

// Islamic calendar: the arithmetical (tabular) calendar runs about a day
// ahead of the observed (Saudi / Umm al-Qura) month starts; islamicFix holds
// the observed minus tabular offset for 1 Ramadan where it differs from the
// usual +1 (checked against published dates 1990-2026; later years follow
// the tabular calendar + 1 day, accurate to about a day).
var islamicFix = map[int]int{2000: 0, 2008: 0, 2014: 0, 2016: 0, 2022: 0}

// islamicToFixed returns the tabular (civil epoch) date of Islamic y-m-d.
func islamicToFixed(y, m, d int) time.Time {
	jdn := d + (59*(m-1)+1)/2 + (y-1)*354 + (3+11*y)/30 + 1948439 - 1
	// JDN 2440588 is 1970-01-01.
	return time.Unix(int64(jdn-2440588)*86400, 0).UTC()
}

// ramadanStart returns the first day of the Ramadan that begins in
// Gregorian year y (the first one when two begin in the same year).
func ramadanStart(y int) time.Time {
	// Islamic year roughly: (y - 622) * 33/32.
	iy := (y-622)*33/32 - 1
	for k := 0; k < 4; k++ {
		s := islamicToFixed(iy+k, 9, 1)
		off, ok := islamicFix[s.Year()]
		if !ok {
			off = 1
		}
		s = s.AddDate(0, 0, off)
		if s.Year() == y {
			return s
		}
		if s.Year() > y {
			break
		}
	}
	// No Ramadan begins in y (cannot happen, but stay total).
	return islamicToFixed(iy+1, 9, 1)
}

// ramadansIn lists the starts of the Ramadans overlapping year y.
func ramadansIn(y int) []time.Time {
	var out []time.Time
	iy := (y-622)*33/32 - 2
	for k := 0; k < 5; k++ {
		s := islamicToFixed(iy+k, 9, 1)
		off, ok := islamicFix[s.Year()]
		if !ok {
			off = 1
		}
		s = s.AddDate(0, 0, off)
		e := s.AddDate(0, 0, 29)
		if e.Year() >= y && s.Year() <= y {
			out = append(out, s)
		}
	}
	return out
}

func eidAdha(y int) time.Time {
	iy := (y-622)*33/32 - 1
	for k := 0; k < 4; k++ {
		s := islamicToFixed(iy+k, 12, 10).AddDate(0, 0, 1)
		if s.Year() == y {
			return s
		}
	}
	return islamicToFixed(iy+1, 12, 10)
}

// Hebrew calendar (Dershowitz & Reingold, Calendrical Calculations).
func hebrewLeap(y int) bool { return (7*y+1)%19 < 7 }

func hebrewElapsedDays(y int) int {
	monthsElapsed := floorDiv(235*y-234, 19)
	partsElapsed := 12084 + 13753*monthsElapsed
	day := 29*monthsElapsed + floorDiv(partsElapsed, 25920)
	if (3*(day+1))%7 < 3 {
		return day + 1
	}
	return day
}

func hebrewYearLengthCorrection(y int) int {
	ny0, ny1, ny2 := hebrewElapsedDays(y-1), hebrewElapsedDays(y), hebrewElapsedDays(y+1)
	switch {
	case ny2-ny1 == 356:
		return 2
	case ny1-ny0 == 382:
		return 1
	}
	return 0
}

const hebrewEpoch = -1373427 // R.D. fixed date of 1 Tishri AM 1

func hebrewNewYear(y int) int {
	return hebrewEpoch + hebrewElapsedDays(y) + hebrewYearLengthCorrection(y)
}

func hebrewDaysInYear(y int) int { return hebrewNewYear(y+1) - hebrewNewYear(y) }

func hebrewLastMonth(y int) int {
	if hebrewLeap(y) {
		return 13
	}
	return 12
}

func hebrewMonthDays(y, m int) int {
	switch {
	case m == 2 || m == 4 || m == 6 || m == 10 || m == 13:
		return 29
	case m == 12 && !hebrewLeap(y):
		return 29
	case m == 8 && hebrewDaysInYear(y)%10 != 5:
		return 29
	case m == 9 && hebrewDaysInYear(y)%10 == 3:
		return 29
	}
	return 30
}

// hebrewToGregorian converts Hebrew y-m-d (months: 1 Nisan ... 7 Tishri)
// to a Gregorian date.
func hebrewToGregorian(y, m, d int) time.Time {
	fixed := hebrewNewYear(y) + d - 1
	if m < 7 {
		for k := 7; k <= hebrewLastMonth(y); k++ {
			fixed += hebrewMonthDays(y, k)
		}
		for k := 1; k < m; k++ {
			fixed += hebrewMonthDays(y, k)
		}
	} else {
		for k := 7; k < m; k++ {
			fixed += hebrewMonthDays(y, k)
		}
	}
	// R.D. 1 is 0001-01-01 (proleptic Gregorian); R.D. 719163 is 1970-01-01.
	return time.Unix(int64(fixed-719163)*86400, 0).UTC()
}
