package timex

import (
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// Direction of a relative resolution.
const (
	dirPast       = -1 // on or before the DCT
	dirFuture     = 1  // on or after the DCT
	dirPrevStrict = -2 // strictly before ("last Monday")
	dirNextStrict = 2  // strictly after ("next Monday")
)

func isoWeekday(t time.Time) int {
	wd := int(t.Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

// resolveWeekday anchors weekday wd to the DCT.
func (t *tagger) resolveWeekday(wd, dir int) point {
	if !t.hasDCT {
		return point{g: doc.GranDay, y: unk, wd: wd, hh: -1}
	}
	diff := wd - isoWeekday(t.dct)
	switch dir {
	case dirFuture:
		if diff < 0 {
			diff += 7
		}
	case dirPrevStrict:
		if diff >= 0 {
			diff -= 7
		}
	case dirNextStrict:
		if diff <= 0 {
			diff += 7
		}
	default:
		if diff > 0 {
			diff -= 7
		}
	}
	return dayPoint(t.dct.AddDate(0, 0, diff))
}

// resolveMonth anchors a month name without a year.
func (t *tagger) resolveMonth(m, dir int) point {
	p := point{g: doc.GranMonth, y: unk, m: m, hh: -1}
	if !t.hasDCT {
		return p
	}
	y, cm := t.dct.Year(), int(t.dct.Month())
	switch dir {
	case dirPast, dirFuture, 0:
		// The nearest occurrence, unless the tense points to one that is
		// less than eight months away.
		past, future := y, y
		if m > cm {
			past--
		}
		if m < cm {
			future++
		}
		dp, df := (y-past)*12+cm-m, (future-y)*12+m-cm
		switch {
		case dir == dirPast && dp <= 8:
			y = past
		case dir == dirFuture && df <= 8:
			y = future
		case dp <= df:
			y = past
		default:
			y = future
		}
	case dirPrevStrict:
		// "last February" in March is a year ago: the month just ended
		// would be "last month".
		if m >= cm-1 {
			y--
		}
	case dirNextStrict:
		if m <= cm+1 {
			y++
		}
	}
	p.y = y
	return p
}

// resolveMonthDay anchors a month and day without a year.
func (t *tagger) resolveMonthDay(m, d, dir int) point {
	p := point{g: doc.GranDay, y: unk, m: m, d: d, hh: -1}
	if !t.hasDCT {
		return p
	}
	y := t.dct.Year()
	cur := date(y, m, d)
	past, future := y, y
	if cur.After(t.dct) {
		past--
	}
	if cur.Before(t.dct) {
		future++
	}
	switch {
	case dir == dirPrevStrict:
		y = past
	case dir == dirNextStrict:
		y = future
	case dir == dirPast && absDays(date(past, m, d).Sub(t.dct)) <= 300:
		y = past
	case dir == dirFuture && absDays(date(future, m, d).Sub(t.dct)) <= 300:
		y = future
	default:
		// Nearest occurrence.
		best := y
		bd := absDays(cur.Sub(t.dct))
		for _, yy := range []int{y - 1, y + 1} {
			if dd := absDays(date(yy, m, d).Sub(t.dct)); dd < bd {
				best, bd = yy, dd
			}
		}
		y = best
	}
	p.y = y
	return p
}

func absDays(d time.Duration) int {
	if d < 0 {
		d = -d
	}
	return int(d / (24 * time.Hour))
}

// resolveSeason anchors a season without a year.
func (t *tagger) resolveSeason(s, dir int) point {
	p := point{g: doc.GranSeason, y: unk, season: s, hh: -1}
	if !t.hasDCT {
		return p
	}
	cur := periodOf(t.dct, doc.GranSeason)
	ci := cur.y*4 + cur.season - 1
	ti := cur.y*4 + s - 1
	switch dir {
	case dirPast:
		if ti > ci {
			ti -= 4
		}
	case dirFuture:
		if ti < ci {
			ti += 4
		}
	case dirPrevStrict:
		if ti >= ci {
			ti -= 4
		}
	case dirNextStrict:
		if ti <= ci {
			ti += 4
		}
	default:
		// Same year as the DCT.
		ti = t.dct.Year()*4 + s - 1
		if s == 4 && t.dct.Month() <= 2 {
			ti -= 4
		}
	}
	p.y, p.season = floorDiv(ti, 4), ti-floorDiv(ti, 4)*4+1
	return p
}

// resolveQuarter anchors a quarter (or half when half) without a year.
func (t *tagger) resolveQuarter(q int, half bool, dir int) point {
	p := point{g: doc.GranQuarter, y: unk, hh: -1}
	if half {
		p.h = q
	} else {
		p.q = q
	}
	if !t.hasDCT {
		return p
	}
	y := t.dct.Year()
	cq := (int(t.dct.Month())-1)/3 + 1
	if half {
		cq = (cq-1)/2 + 1
	}
	// A quarter two or more ahead of the current one is last year's
	// ("fourth-quarter results" in January); otherwise this year's.
	if half && q > cq && t.dct.Month() <= 2 || !half && q-cq >= 2 {
		y--
	}
	_ = dir
	p.y = y
	return p
}

// tenseDir maps the tense around tokens [i, j) to a resolution direction.
func (t *tagger) tenseDir(i, j int) int {
	// "until Tuesday", "by Dec. 15", "as soon as Tuesday": deadlines lie ahead.
	switch t.w(i - 1) {
	case wUntil, wBy:
		if t.tense(i, j) >= 0 || t.w(i-1) == wUntil {
			return dirFuture
		}
	case wAs:
		if t.w(i-2) == wSoon || t.isWord(i-2, "early") {
			return dirFuture
		}
	}
	switch t.tense(i, j) {
	case 1:
		return dirFuture
	case -1:
		return dirPast
	}
	return 0
}

// sentenceYear gives p, a month without a year that the DCT anchored, the
// year of the year, season or quarter named earlier in the same sentence:
// "after denying rumors in the summer of 2004, Lipinski announced his
// resignation in mid-August" is August 2004. A date of finer grain before
// it ("On December 30, 2019 ... in January") stays with the DCT's reading,
// and so does a month with its day ("a program approved in 1987 ...
// purchased shares through Sept. 29": news dates days near the DCT).
func (t *tagger) sentenceYear(i int, p point) point {
	if t.yearSent >= 0 && t.yearSent == t.tsent[i] && p.known() {
		p.y = t.year
	}
	return p
}

// noteYear records the year of r when it names one explicitly at a year's
// grain or coarser than a month ("2004", "the summer of 2004", "the third
// quarter of 2004"), for sentenceYear.
func (t *tagger) noteYear(r *res) {
	if r.basis != doc.BasisExplicit || !r.p.known() {
		return
	}
	switch r.p.g {
	case doc.GranYear, doc.GranSeason, doc.GranQuarter:
		t.year, t.yearSent = r.p.y, t.tsent[r.start]
	}
}
