package timex

// matchAt returns the longest expression starting at token i.
func (t *tagger) matchAt(i int) (res, bool) {
	var best res
	found := false
	try := func(r res, ok bool) {
		if ok && r.end > i && (!found || r.end > best.end) {
			best, found = r, true
		}
	}
	tk := &t.toks[i]
	if tk.kind == tkNum {
		try(t.numberExpr(i))
		try(t.approxExpr(i))
		return best, found
	}
	if tk.lx == nil {
		if tk.e == tk.s+1 && (t.text[tk.s] == 'Q' || t.text[tk.s] == 'H') {
			try(t.quarterExpr(i, i))
		}
		return best, found
	}
	c := tk.lx.c
	w := tk.lx.w
	if c&cApprox != 0 {
		try(t.approxExpr(i))
	}
	if w == wThe {
		try(t.theExpr(i))
	}
	if w == wThat {
		try(t.thatExpr(i))
	}
	if c&cRel != 0 {
		try(t.relExpr(i, i))
	}
	if c&cPosMod != 0 || w == wEarlier || w == wLater || w == wMiddle {
		try(t.posExpr(i))
	}
	if c&cRef != 0 || w == wThese || w == wMore || w == wRecent || w == wFuture || w == wPresent || w == wOnce {
		try(t.refExpr(i))
	}
	if c&cWeekday != 0 {
		try(t.weekdayExpr(i))
	}
	if c&cMonth != 0 || c&cWeekday != 0 {
		try(t.explicitDate(i))
	}
	if c&cNum != 0 || w == wA || w == wAn || w == wSeveral || w == wFew || w == wMany || w == wCouple || w == wSome || w == wHalf {
		try(t.durationExpr(i))
		try(t.spokenYear(i))
		if tk.lx.ord {
			try(t.centuryExpr(i, i))
		}
	}
	if c&cUnit != 0 {
		try(t.bareUnit(i))
	}
	if c&cSetAdv != 0 || w == wEvery || w == wEach || w == wPer || w == wA {
		try(t.setExpr(i))
	}
	if c&(cHoliday|cDayAdj) != 0 || w == wNew || w == wIndepend || w == wLabor || w == wMemorial || w == wVeterans || w == wElection || w == wValentine || w == wMothers || w == wFathers || w == wEid || w == wChristmas || w == wFirst {
		try(t.holidayExpr(i, i))
	}
	if c&cSeason != 0 {
		try(t.seasonExpr(i, i))
	}
	if c&cNum != 0 || w == wFiscal || w == wYear || w == wYearAgo || w == wYearEarly || w == wFull || tk.f&fCap != 0 {
		try(t.quarterExpr(i, i))
	}
	if c&cDecadeWord != 0 {
		try(t.decadeExpr(i, i))
	}
	if w == wNoon || w == wMidnight || w == wMidday || w == wOvernight {
		try(t.clockExpr(i))
	}
	return best, found
}

// numberExpr handles expressions starting with digits: years, ISO and
// numeric dates, clock times, day-month dates, durations, decades.
func (t *tagger) numberExpr(i int) (res, bool) {
	tk := &t.toks[i]
	var best res
	found := false
	try := func(r res, ok bool) {
		if ok && (!found || r.end > best.end) {
			best, found = r, true
		}
	}
	if tk.f&fDecade != 0 {
		try(t.decadeExpr(i, i))
		return best, found
	}
	if tk.f&fOrd != 0 {
		try(t.centuryExpr(i, i))
	}
	try(t.clockExpr(i))
	if tk.nd <= 2 {
		try(t.explicitDate(i))
		try(t.numericDate(i))
	}
	try(t.durationExpr(i))
	if tk.nd == 4 {
		try(t.isoDate(i))
		try(t.quarterExpr(i, i))
		if !found {
			try(t.yearExpr(i, i))
		}
	}
	return best, found
}
