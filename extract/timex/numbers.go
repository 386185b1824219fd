package timex

// numWords parses a number written in words: "twenty four", "twenty-four",
// "eleven", "a hundred".
func (t *tagger) numWords(i int) (int, int, bool) {
	l := t.lx(i)
	if l == nil || l.c&cNum == 0 || l.ord {
		return 0, i, false
	}
	if l.w == wHundred || l.w == wThousand || l.w == wDozen {
		return 0, i, false
	}
	v := l.v
	j := i + 1
	if l.c&cTens != 0 {
		k := j
		if t.punct(k, '-') && t.attached(k) {
			k++
		}
		if m := t.lx(k); m != nil && m.c&cNum != 0 && !m.ord && m.v > 0 && m.v < 10 {
			v += m.v
			j = k + 1
		}
	}
	if t.w(j) == wHundred {
		v *= 100
		j++
		if t.w(j) == wAnd {
			if v2, j2, ok := t.numWords(j + 1); ok && v2 < 100 {
				v += v2
				j = j2
			}
		} else if v2, j2, ok := t.numWords(j); ok && v2 < 100 {
			v += v2
			j = j2
		}
	}
	if t.w(j) == wThousand {
		v *= 1000
		j++
	}
	return v, j, true
}

// ordinal parses an ordinal: "third", "twenty-first", "3rd", "25th".
func (t *tagger) ordinal(i int) (int, int, bool) {
	if i >= len(t.toks) {
		return 0, i, false
	}
	tk := &t.toks[i]
	if tk.kind == tkNum && tk.f&fOrd != 0 {
		return int(tk.num), i + 1, true
	}
	l := tk.lx
	if l == nil || l.c&cNum == 0 {
		return 0, i, false
	}
	if l.ord {
		return l.v, i + 1, true
	}
	if l.c&cTens != 0 {
		k := i + 1
		if t.punct(k, '-') && t.attached(k) {
			k++
		}
		if m := t.lx(k); m != nil && m.ord && m.v < 10 {
			return l.v + m.v, k + 1, true
		}
	}
	return 0, i, false
}

// count parses the count of a duration: digits (3, 2.5, 2 1/2), number
// words, a/an, a couple of, a few, several, a dozen. v < 0 means unknown
// (X). mod is APPROX for "a couple of".
func (t *tagger) count(i int) (v float64, j int, mod string, ok bool) {
	if i >= len(t.toks) {
		return 0, i, "", false
	}
	tk := &t.toks[i]
	if tk.kind == tkNum {
		if tk.f&(fColon|fOrd|fDecade) != 0 {
			return 0, i, "", false
		}
		v = float64(tk.num)
		if tk.f&fDecimal != 0 {
			s := t.text[tk.s:tk.e]
			v = parseDecimal(s)
		}
		j = i + 1
		// 2 1/2
		if t.num(j) && t.punct(j+1, '/') && t.num(j+2) && t.attached(j+1) && t.attached(j+2) && t.toks[j].num < t.toks[j+2].num && t.toks[j+2].num > 0 {
			v += float64(t.toks[j].num) / float64(t.toks[j+2].num)
			j += 3
		}
		if t.w(j) == wAnd && (t.w(j+1) == wA) && t.w(j+2) == wHalf {
			// "two and a half years" -- handled by caller order: count then "and a half"
			v += 0.5
			j += 3
		}
		return v, j, "", true
	}
	switch tk.w() {
	case wA, wAn:
		switch t.w(i + 1) {
		case wCouple:
			if t.w(i+2) == wOf {
				return 2, i + 3, "APPROX", true
			}
			return 2, i + 2, "APPROX", true
		case wFew:
			return -1, i + 2, "", true
		case wDozen:
			return 12, i + 2, "", true
		case wHundred:
			return 100, i + 2, "", true
		case wThousand:
			return 1000, i + 2, "", true
		case wHalf:
			return 0.5, i + 2, "", true
		}
		return 1, i + 1, "", true
	case wSeveral, wFew, wMany:
		return -1, i + 1, "", true
	case wCouple:
		if t.w(i+1) == wOf {
			return 2, i + 2, "APPROX", true
		}
		return 0, i, "", false
	case wHalf:
		if w := t.w(i + 1); w == wA || w == wAn {
			return 0.5, i + 2, "", true
		}
		return 0, i, "", false
	case wDozen:
		return 12, i + 1, "", true
	}
	if n, j, ok := t.numWords(i); ok {
		v = float64(n)
		if t.w(j) == wAnd && t.w(j+1) == wA && t.w(j+2) == wHalf {
			v += 0.5
			j += 3
		}
		return v, j, "", true
	}
	return 0, i, "", false
}

func parseDecimal(s string) float64 {
	var v, f float64
	div := 1.0
	dot := false
	for k := 0; k < len(s); k++ {
		c := s[k]
		switch {
		case c == '.':
			dot = true
		case isDigit(c):
			if dot {
				div *= 10
				f = f*10 + float64(c-'0')
			} else {
				v = v*10 + float64(c-'0')
			}
		}
	}
	return v + f/div
}

// unitAt parses a unit at i, also in adjective form attached with a hyphen
// ("two-year"). It returns the unit, whether it was plural, and the end.
func (t *tagger) unitAt(i int) (unit, bool, int, bool) {
	hy := false
	if t.punct(i, '-') && t.attached(i) {
		i++
		hy = true
	}
	l := t.lx(i)
	if l == nil || l.c&cUnit == 0 {
		return uNone, false, i, false
	}
	if hy && !t.attached(i) {
		return uNone, false, i, false
	}
	j := i + 1
	if hy {
		// "8-month-old", "day-long"
		if t.punct(j, '-') && t.attached(j) && t.attached(j+1) && (t.w(j+1) == wOld || t.w(j+1) == wLong) {
			j += 2
		}
	}
	return l.u, l.plural, j, true
}
