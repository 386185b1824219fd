// Package timex finds temporal expressions in English news text and
// normalizes them as TimeML TIMEX3 values (HeidelTime-style): dates, times,
// durations and sets, with relative expressions anchored to the document
// creation time (DCT) or to the last date the text mentioned, and every
// expression bounded by earliest/latest days.
//
// The tagger makes one pass over the tokens of the text: a small lexicon
// (data/lexicon.tsv, map lookups) classifies words, and hand-written
// matchers try the expression grammar only at tokens that can start an
// expression. No regular expression ever runs over the text. match.go
// dispatches to the matchers, one file per kind of expression: dates.go
// (calendar dates), clock.go, years.go (years, decades, centuries),
// periods.go (seasons, quarters, halves), holidays.go, relative.go ("last
// week", "today"), definite.go ("the year", "that day"), positions.go
// ("early March", "the end of 1990"), durations.go, sets.go ("every
// week"); anchors.go places dates without a year against the DCT.
package timex

import (
	"sync"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/text"
)

// Tag finds and normalizes temporal expressions in text. sents are the
// sentences of text as produced by the caller (doc.Sentence with Span,
// Index, Kind; Tokens may be empty) and are used for tense and sentence
// indexes; dct is the document creation time, nil when the article has
// none.
//
// Results are sorted by Start and do not overlap.
func Tag(text string, sents []doc.Sentence, dct *time.Time) []doc.Timex {
	t := pool.Get().(*tagger)
	defer pool.Put(t)
	t.reset(text, sents, dct)
	t.run()
	if len(t.out) == 0 {
		return nil
	}
	out := make([]doc.Timex, len(t.out))
	copy(out, t.out)
	return out
}

var pool = sync.Pool{New: func() any { return new(tagger) }}

type tagger struct {
	text     string
	toks     []tok
	tsent    []int32 // sentence position of each token, -1 outside sentences
	sents    []doc.Sentence
	sentTok  [][2]int32 // token range of each sentence
	dct      time.Time
	hasDCT   bool
	ref      point // last mentioned anchored date (day/month/year/quarter...)
	hasRef   bool
	refSent  int32
	lastYear int // token index after the last year expression, for "1990, 1991 and 1992"
	// year named explicitly in sentence yearSent (-1: none yet), for a
	// month without one later in the sentence (sentenceYear)
	year     int
	yearSent int32
	out      []doc.Timex
}

func (t *tagger) reset(txt string, sents []doc.Sentence, dct *time.Time) {
	t.text = txt
	t.toks = tokenize(txt, t.toks[:0])
	t.out = t.out[:0]
	t.hasRef = false
	t.lastYear = -10
	t.yearSent = -1
	t.hasDCT = dct != nil
	if dct != nil {
		// The calendar day of the DCT in its own time zone.
		t.dct = date(dct.Year(), int(dct.Month()), dct.Day())
	}
	if len(sents) == 0 && len(txt) > 0 {
		spans := text.Sentences(txt, doc.Span{Start: 0, End: len(txt)})
		own := make([]doc.Sentence, len(spans))
		for k, s := range spans {
			own[k] = doc.Sentence{Span: s, Index: k}
		}
		sents = own
	}
	t.sents = sents
	// Assign tokens to sentences.
	if cap(t.tsent) < len(t.toks) {
		t.tsent = make([]int32, len(t.toks), cap(t.toks))
	}
	t.tsent = t.tsent[:len(t.toks)]
	t.sentTok = t.sentTok[:0]
	for range sents {
		t.sentTok = append(t.sentTok, [2]int32{-1, -1})
	}
	k := 0
	for i := range t.toks {
		s := int(t.toks[i].s)
		for k < len(sents) && sents[k].End <= s {
			k++
		}
		if k < len(sents) && sents[k].Start <= s {
			t.tsent[i] = int32(k)
			if t.sentTok[k][0] < 0 {
				t.sentTok[k][0] = int32(i)
			}
			t.sentTok[k][1] = int32(i + 1)
		} else {
			t.tsent[i] = -1
		}
	}
}

// res is a matched expression before it becomes a doc.Timex.
type res struct {
	start, end int // token range
	typ        string
	p          point
	val        string // explicit value; p.value() when empty
	mod        string
	basis      doc.Basis
	lo, hi     time.Time // explicit bounds
	gran       doc.Granularity
	setRef     bool // the expression becomes the reference date
	yearOnly   bool // a bare year (for lists of years)
}

func (t *tagger) run() {
	n := len(t.toks)
	for i := 0; i < n; {
		tk := &t.toks[i]
		if tk.kind == tkPunct || tk.kind == tkWord && (tk.lx == nil && (tk.f&fCap == 0 || tk.e != tk.s+1) || tk.lx != nil && !tk.lx.start) {
			i++
			continue
		}
		r, ok := t.matchAt(i)
		if !ok || r.end <= i {
			i++
			continue
		}
		t.suffix(&r)
		t.emit(&r)
		i = r.end
		// "April 24 and 25", "March 5-7": the following bare day.
		if r.p.g == doc.GranDay && r.p.m > 0 && r.p.d > 0 && r.val == "" && t.num(r.end-1) && (t.w(i) == wAnd || t.w(i) == wOr || t.w(i) == wTo || t.punct(i, '-')) && t.num(i+1) {
			if d, e, ok := t.dayNum(i + 1); ok && d > r.p.d && !t.has(e, cMonth) && !t.has(e, cUnit) && !t.num(e) {
				q := res{start: i + 1, end: e, typ: "DATE", p: r.p, basis: r.basis}
				q.p.d = d
				if validDay(q.p) {
					t.emit(&q)
					i = e
				}
			}
		}
	}
}

func (t *tagger) emit(r *res) {
	s, e := int(t.toks[r.start].s), int(t.toks[r.end-1].e)
	tx := doc.Timex{Span: doc.Span{Start: s, End: e}, Text: t.text[s:e], Type: r.typ, Mod: r.mod, Basis: r.basis}
	if tx.Type == "" {
		tx.Type = "DATE"
	}
	val := r.val
	if val == "" {
		val = r.p.value()
		if r.p.g == doc.GranTime && r.p.hh >= 0 && tx.Type == "DATE" {
			tx.Type = "TIME"
		}
	}
	tx.Value = val
	tx.Granularity = r.gran
	if !r.lo.IsZero() || !r.hi.IsZero() {
		tx.Earliest, tx.Latest = r.lo, r.hi
	} else if tx.Type == "DATE" || tx.Type == "TIME" {
		if lo, hi, g, ok := Bounds(val); ok {
			tx.Earliest, tx.Latest = lo, hi
			if tx.Granularity == "" {
				tx.Granularity = g
			}
		} else {
			switch val {
			case "PRESENT_REF":
				if t.hasDCT {
					tx.Earliest, tx.Latest = t.dct, t.dct
				}
			case "PAST_REF":
				if t.hasDCT {
					tx.Latest = t.dct
				}
			case "FUTURE_REF":
				if t.hasDCT {
					tx.Earliest = t.dct
				}
			}
		}
	}
	t.openBound(&tx)
	if tx.Granularity == "" {
		tx.Granularity = r.p.g
		if tx.Granularity == "" {
			tx.Granularity = doc.GranUnknown
		}
	}
	if tx.Basis == "" {
		tx.Basis = doc.BasisUnknown
	}
	tx.Sentence = -1
	if k := t.tsent[r.start]; k >= 0 {
		tx.Sentence = t.sents[k].Index
	}
	t.noteYear(r)
	if r.setRef && r.p.known() {
		t.ref = r.p
		t.hasRef = true
		t.refSent = t.tsent[r.start]
	}
	if r.yearOnly {
		t.lastYear = r.end
	}
	t.out = append(t.out, tx)
}

// openBound opens the bound a modifier leaves unknown: "2001 or earlier"
// has no earliest day, "2030 or later" no latest; "more than two decades
// ago" lies before its decade began, however long before.
func (t *tagger) openBound(tx *doc.Timex) {
	if tx.Earliest.IsZero() || tx.Latest.IsZero() {
		return
	}
	switch tx.Mod {
	case "ON_OR_BEFORE", "BEFORE":
		tx.Earliest = time.Time{}
	case "ON_OR_AFTER", "AFTER":
		tx.Latest = time.Time{}
	case "MORE_THAN":
		if !t.hasDCT {
			return
		}
		if tx.Latest.Before(t.dct) {
			tx.Earliest = time.Time{}
		} else if tx.Earliest.After(t.dct) {
			tx.Latest = time.Time{}
		}
	}
}

// suffix extends an expression with "or so" (APPROX), "or later" / "and
// beyond" (ON_OR_AFTER) and "or earlier" (ON_OR_BEFORE).
func (t *tagger) suffix(r *res) {
	k := r.end
	if !t.sameSent(r.start, k+1) {
		return
	}
	switch t.w(k) {
	case wOr:
		switch {
		case t.isWord(k+1, "so"):
			r.end = k + 2
			if r.mod == "" {
				r.mod = "APPROX"
			}
		case t.w(k+1) == wLater && r.typ == "DATE":
			r.end = k + 2
			r.mod = "ON_OR_AFTER"
		case t.w(k+1) == wEarlier && r.typ == "DATE":
			r.end = k + 2
			r.mod = "ON_OR_BEFORE"
		}
	case wAnd:
		if t.isWord(k+1, "beyond") && r.typ == "DATE" {
			r.end = k + 2
			r.mod = "ON_OR_AFTER"
		}
	}
}

// token helpers

func (t *tagger) w(i int) wid {
	if i < 0 || i >= len(t.toks) {
		return wNone
	}
	return t.toks[i].w()
}

func (t *tagger) lx(i int) *lex {
	if i < 0 || i >= len(t.toks) {
		return nil
	}
	return t.toks[i].lx
}

func (t *tagger) has(i int, c cls) bool {
	return i >= 0 && i < len(t.toks) && t.toks[i].is(c)
}

func (t *tagger) punct(i int, c byte) bool {
	return i >= 0 && i < len(t.toks) && t.toks[i].kind == tkPunct && t.toks[i].p == c
}

func (t *tagger) num(i int) bool {
	return i >= 0 && i < len(t.toks) && t.toks[i].kind == tkNum
}

// attached reports whether token i follows token i-1 without space.
func (t *tagger) attached(i int) bool {
	return i > 0 && i < len(t.toks) && t.toks[i].f&fSpace == 0
}

func (t *tagger) sameSent(i, j int) bool {
	if i < 0 || j < 0 || i >= len(t.toks) || j >= len(t.toks) {
		return false
	}
	return t.tsent[i] == t.tsent[j]
}

func (t *tagger) capAt(i int) bool {
	return i >= 0 && i < len(t.toks) && t.toks[i].f&fCap != 0
}

// sentenceInitial reports whether token i starts its sentence (or follows
// a quote or bracket that does).
func (t *tagger) sentenceInitial(i int) bool {
	k := t.tsent[i]
	if k < 0 {
		return i == 0
	}
	s := int(t.sentTok[k][0])
	for j := s; j < i; j++ {
		if t.toks[j].kind != tkPunct {
			return false
		}
	}
	return true
}

// tense returns +1 (future), -1 (past) or 0 for an expression over tokens
// [i, j): the nearest tense cue before it in its sentence, else after it.
func (t *tagger) tense(i, j int) int {
	if i >= len(t.toks) {
		return 0
	}
	k := t.tsent[i]
	lo, hi := 0, len(t.toks)
	if k >= 0 {
		lo, hi = int(t.sentTok[k][0]), int(t.sentTok[k][1])
	}
	for x := i - 1; x >= lo; x-- {
		if c := t.cue(x); c != 0 {
			return c
		}
	}
	for x := j; x < hi; x++ {
		if c := t.cue(x); c != 0 {
			return c
		}
	}
	return 0
}

func (t *tagger) cue(x int) int {
	tk := &t.toks[x]
	if tk.kind != tkWord {
		return 0
	}
	if tk.f&fFutureCue != 0 {
		return 1
	}
	switch tk.w() {
	case wGoing, wPlan, wIs:
		if t.w(x+1) == wTo {
			return 1
		}
	}
	if tk.f&fPastCue != 0 {
		switch t.w(x - 1) {
		case wBe, wIs:
			if t.toks[x-1].f&fPastCue == 0 {
				return 0 // passive participle: the auxiliary decides
			}
		}
		return -1
	}
	return 0
}

// anchorDay returns the anchor day for relative expressions in a sentence:
// the DCT.
func (t *tagger) today() point { return dayPoint(t.dct) }

// refDay returns the last mentioned day (or the DCT) for anaphoric
// expressions such as "the same day" and "a day later".
func (t *tagger) refPoint() (point, bool) {
	if t.hasRef {
		return t.ref, true
	}
	if t.hasDCT {
		return t.today(), true
	}
	return point{}, false
}

func (t *tagger) basisRel() doc.Basis { return doc.BasisRelative }

// dctBounds returns a finished result's bounds from the DCT for references.
func rangeOf(a, b time.Time) (time.Time, time.Time) {
	if b.Before(a) {
		return b, a
	}
	return a, b
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
