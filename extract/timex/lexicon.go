package timex

import (
	"embed"
	"fmt"
	"io/fs"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/extract/internal/calendar"
	"github.com/eventgraph/eventgraph/extract/internal/tsv"
)

// wid identifies a function word the matchers test for. Words that only
// matter through their class (months, units, numbers) have wid wOther.
type wid uint8

const (
	wNone wid = iota
	wOther
	wThe
	wA
	wAn
	wThis
	wThat
	wThese
	wLast
	wNext
	wPast
	wComing
	wPrevious
	wFollowing
	wCurrent
	wUpcoming
	wRecent
	wRecently
	wSame
	wLatest
	wEarly
	wLate
	wMid
	wMiddle
	wBeginning
	wStart
	wEnd
	wOf
	wAgo
	wAnd
	wOr
	wLater
	wEarlier
	wBefore
	wAfter
	wSince
	wIn
	wOn
	wAt
	wBy
	wUntil
	wFrom
	wTo
	wDuring
	wBetween
	wFor
	wWithin
	wOver
	wThan
	wMore
	wLess
	wLeast
	wNearly
	wAlmost
	wAbout
	wAround
	wApproximately
	wRoughly
	wSome
	wUp
	wNo
	wFiscal
	wEvery
	wEach
	wPer
	wHalf
	wFew
	wSeveral
	wMany
	wCouple
	wToday
	wYesterday
	wTomorrow
	wTonight
	wNow
	wCurrently
	wFuture
	wSoon
	wPreviously
	wFormerly
	wAM
	wPM
	wNoon
	wMidnight
	wMidday
	wOclock
	wWeekend
	wOvernight
	wYearAgo   // year-ago
	wYearEarly // year-earlier
	wPeriod    // period
	wTerm      // term
	wNear      // near
	wShort     // short
	wLong      // long
	wPresent   // present
	wRight     // right
	wTime      // time
	wWhile     // while
	wOnce      // once
	wBlack     // black (Black Friday)
	wCyber     // cyber
	wGood      // good
	wEve       // eve
	wDay       // day (also a unit; used in holiday names)
	wNew       // new
	wYear      // year (also a unit)
	wIndepend  // independence
	wLabor     // labor/labour
	wMemorial  // memorial
	wVeterans  // veterans
	wElection  // election
	wValentine // valentine
	wMothers   // mother's
	wFathers   // father's
	wEid       // eid
	wAl        // al / ul
	wFitr      // fitr
	wAdha      // adha
	wSunday    // for Easter/Palm Sunday
	wTwice     // twice
	wThrice    // three times -> handled as number
	wTimes     // times
	wTZ        // time zone abbreviation
	wTrading   // trading/business (days)
	wWeek      // week (unit, for "the week of")
	wFull      // full
	wFirst     // first (ordinal, also in "first half")
	wAnnual    // annual
	wDozen     // dozen
	wHundred   // hundred
	wThousand  // thousand
	wBe        // be-forms that make a following participle non-tensed
	wHave      // have/has
	wGoing     // going
	wPlan      // plans/plan/planned/intends/expected/scheduled/set/due
	wIs        // is/are (in "is to")
	wUntilNow  // hitherto
	wNineteen  // nineteen (spoken years)
	wTwo       // two (two thousand)
	wDecember  // unused placeholder to keep ids stable
	wEnding    // ending ("the quarter ending Sept. 30")
	wEnded     // ended
	wThen      // then
	wAhead     // ahead
	wOld       // old ("8-month-old")
	wLong2     // -long ("day-long")
	wDawn      // dawn
	wDusk      // dusk
	wChristmas // christmas
	wEaster    // easter
	wThanks    // thanksgiving
	wRamadan   // ramadan variants
	wHanukkah  // hanukkah variants
	wPassover  // passover
	wHalloween // halloween
	wYears     // years (for "years-old")
	wO         // o (o'clock split)
	wSpring    // season words carry class; ids unused
	wEarliest  // earliest
	wPreceding // preceding
	wPrior     // prior
	wDays      // days (for "these days")
	wEra       // era
	wModern    // modern
	wWeekday   // weekday class marker
	wMonthWord // month class marker
	wCalendar  // calendar
	wRest      // rest ("the rest of the year")
	wRemainder // remainder
	wTogether  // unused
	wAs        // as
)

// cls is a bit set of lexical classes.
type cls uint32

const (
	cMonth      cls = 1 << iota // v = 1..12
	cWeekday                    // v = 1..7 (ISO, Monday = 1)
	cNum                        // v = value; ord = ordinal
	cTens                       // twenty..ninety (combine with a following unit number)
	cUnit                       // unit
	cSeason                     // v = season index
	cPOD                        // v = part of day index
	cDet                        // the, a, an
	cRel                        // last, next, this, past, coming, previous, following
	cPosMod                     // early, late, mid
	cApprox                     // approximators
	cRef                        // PRESENT_REF etc. standalone words
	cSetAdv                     // daily, weekly...
	cHoliday                    // holiday head words
	cYearPrep                   // prepositions that make a following number a year
	cYearNoun                   // nouns that make a preceding number a year ("2009 election")
	cFuture                     // future-tense cue
	cPast                       // past-tense cue
	cPronoun                    // pronoun determiner ("its", "their")
	cDecadeWord                 // nineties, eighties...
	cTZ                         // time zones
	cDayAdj                     // words that make a following weekday a name: Black Friday, Bloody Sunday
)

type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
	uMillennium
	uWeekend
	uNight
	uHalfYear
)

// lex is a lexicon entry.
type lex struct {
	start  bool // the word can start an expression (see markStarters)
	w      wid
	c      cls
	v      int
	u      unit
	plural bool
	ord    bool
	abbr   bool
}

// The lexicon is data (data/lexicon.tsv, with the calendar's month and
// weekday names): see the file for its format.
//
//go:embed data/lexicon.tsv
var dataFS embed.FS

// lexicon maps a lowercase word (’ as ') to its entry.
var lexicon = mustReadLexicon()

// Seasons and parts of day, indexed by lex.v.
var seasonCodes = []string{"", "SP", "SU", "FA", "WI"}
var podCodes = []string{"", "MO", "AF", "EV", "NI", "DT"}

const (
	podMO = 1
	podAF = 2
	podEV = 3
	podNI = 4
)

// widNames names the ids of data/lexicon.tsv.
var widNames = map[string]wid{
	"the": wThe, "a": wA, "an": wAn, "this": wThis, "that": wThat, "these": wThese, "last": wLast,
	"next": wNext, "past": wPast, "coming": wComing, "previous": wPrevious, "following": wFollowing,
	"current": wCurrent, "upcoming": wUpcoming, "recent": wRecent, "recently": wRecently, "same": wSame,
	"latest": wLatest, "early": wEarly, "late": wLate, "mid": wMid, "middle": wMiddle, "beginning": wBeginning,
	"start": wStart, "end": wEnd, "of": wOf, "ago": wAgo, "and": wAnd, "or": wOr, "later": wLater,
	"earlier": wEarlier, "before": wBefore, "after": wAfter, "since": wSince, "in": wIn, "on": wOn, "at": wAt,
	"by": wBy, "until": wUntil, "from": wFrom, "to": wTo, "during": wDuring, "between": wBetween, "for": wFor,
	"within": wWithin, "over": wOver, "than": wThan, "more": wMore, "less": wLess, "least": wLeast,
	"nearly": wNearly, "almost": wAlmost, "about": wAbout, "around": wAround, "approximately": wApproximately,
	"roughly": wRoughly, "some": wSome, "up": wUp, "no": wNo, "fiscal": wFiscal, "every": wEvery, "each": wEach,
	"per": wPer, "half": wHalf, "few": wFew, "several": wSeveral, "many": wMany, "couple": wCouple,
	"today": wToday, "yesterday": wYesterday, "tomorrow": wTomorrow, "tonight": wTonight, "now": wNow,
	"currently": wCurrently, "future": wFuture, "soon": wSoon, "previously": wPreviously, "formerly": wFormerly,
	"am": wAM, "pm": wPM, "noon": wNoon, "midnight": wMidnight, "midday": wMidday, "oclock": wOclock,
	"weekend": wWeekend, "overnight": wOvernight, "period": wPeriod, "term": wTerm, "near": wNear,
	"short": wShort, "long": wLong, "present": wPresent, "right": wRight, "time": wTime, "while": wWhile,
	"once": wOnce, "black": wBlack, "cyber": wCyber, "good": wGood, "eve": wEve, "day": wDay, "new": wNew,
	"year": wYear, "independ": wIndepend, "labor": wLabor, "memorial": wMemorial, "veterans": wVeterans,
	"election": wElection, "valentine": wValentine, "mothers": wMothers, "fathers": wFathers, "eid": wEid,
	"al": wAl, "fitr": wFitr, "adha": wAdha, "sunday": wSunday, "twice": wTwice, "times": wTimes, "tz": wTZ,
	"trading": wTrading, "week": wWeek, "full": wFull, "first": wFirst, "annual": wAnnual, "dozen": wDozen,
	"hundred": wHundred, "thousand": wThousand, "be": wBe, "have": wHave, "going": wGoing, "plan": wPlan,
	"is": wIs, "nineteen": wNineteen, "two": wTwo, "ending": wEnding, "ended": wEnded, "then": wThen,
	"ahead": wAhead, "old": wOld, "christmas": wChristmas, "easter": wEaster, "thanks": wThanks,
	"ramadan": wRamadan, "hanukkah": wHanukkah, "passover": wPassover, "halloween": wHalloween, "years": wYears,
	"o": wO, "earliest": wEarliest, "preceding": wPreceding, "prior": wPrior, "days": wDays, "era": wEra,
	"calendar": wCalendar, "rest": wRest, "remainder": wRemainder, "as": wAs,
}

// classNames names the classes of data/lexicon.tsv.
var classNames = map[string]cls{
	"month": cMonth, "weekday": cWeekday, "num": cNum, "tens": cTens, "unit": cUnit, "season": cSeason,
	"pod": cPOD, "det": cDet, "rel": cRel, "posmod": cPosMod, "approx": cApprox, "ref": cRef,
	"setadv": cSetAdv, "holiday": cHoliday, "yearprep": cYearPrep, "yearnoun": cYearNoun,
	"future": cFuture, "past": cPast, "pronoun": cPronoun, "decade": cDecadeWord, "tz": cTZ,
	"dayadj": cDayAdj, "noted": notEd,
}

// unitNames names the units of data/lexicon.tsv.
var unitNames = map[string]unit{
	"second": uSecond, "minute": uMinute, "hour": uHour, "day": uDay, "week": uWeek, "month": uMonth,
	"quarter": uQuarter, "year": uYear, "decade": uDecade, "century": uCentury,
	"millennium": uMillennium, "weekend": uWeekend, "night": uNight, "halfyear": uHalfYear,
}

func mustReadLexicon() map[string]*lex {
	m, err := readLexicon(dataFS)
	if err != nil {
		panic(fmt.Errorf("timex: embedded lexicon: %w", err))
	}
	return m
}

// lexiconSize is about the number of words of the lexicon, for which room
// is made at once.
const lexiconSize = 800

// readLexicon builds the lexicon from the calendar's names and
// data/lexicon.tsv of fsys.
func readLexicon(fsys fs.FS) (map[string]*lex, error) {
	b := lexBuilder{m: make(map[string]*lex, lexiconSize)}
	for _, n := range calendar.Names() {
		c := cMonth
		if n.Kind == calendar.Weekday {
			c = cWeekday
		}
		if err := b.merge(n.Name, lex{c: c, v: n.N}); err != nil {
			return nil, err
		}
		if n.Plural != "" {
			if err := b.merge(n.Plural, lex{c: c, v: n.N, plural: true}); err != nil {
				return nil, err
			}
		}
		for _, a := range n.Abbrevs {
			if err := b.merge(a, lex{c: c, v: n.N, abbr: true}); err != nil {
				return nil, err
			}
		}
	}
	err := tsv.Read(fsys, "data/lexicon.tsv", func(_ int, cols []string) error {
		l, err := parseLex(cols)
		if err != nil {
			return err
		}
		return b.merge(cols[0], l)
	})
	return b.m, err
}

// parseLex reads one line of data/lexicon.tsv: word, classes, value,
// attributes.
func parseLex(cols []string) (lex, error) {
	var l lex
	col := func(i int) string {
		if i < len(cols) {
			return cols[i]
		}
		return ""
	}
	value := col(2)
	for name := range spaced(col(1)) {
		if name == "word" {
			id, ok := widNames[value]
			if !ok {
				return l, fmt.Errorf("unknown id %q", value)
			}
			l.w = id
			continue
		}
		c, ok := classNames[name]
		if !ok {
			return l, fmt.Errorf("unknown class %q", name)
		}
		l.c |= c
		if err := l.setValue(c, value); err != nil {
			return l, err
		}
	}
	for a := range spaced(col(3)) {
		switch {
		case a == "plural":
			l.plural = true
		case a == "ord":
			l.ord = true
		case strings.HasPrefix(a, "id="):
			id, ok := widNames[a[3:]]
			if !ok {
				return l, fmt.Errorf("unknown id %q", a[3:])
			}
			l.w = id
		case strings.HasPrefix(a, "n="):
			n, err := strconv.Atoi(a[2:])
			if err != nil {
				return l, fmt.Errorf("attribute %q: %w", a, err)
			}
			l.v = n
		default:
			return l, fmt.Errorf("unknown attribute %q", a)
		}
	}
	return l, nil
}

// spaced yields the words of s separated by single spaces (the data's
// lists; cheaper than strings.Fields).
func spaced(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for s != "" {
			var w string
			w, s, _ = strings.Cut(s, " ")
			if w != "" && !yield(w) {
				return
			}
		}
	}
}

// setValue sets what the value column says for a word of class c.
func (l *lex) setValue(c cls, value string) error {
	var ok bool
	switch c {
	case cNum, cDecadeWord:
		n, err := strconv.Atoi(value)
		if err != nil {
			return fmt.Errorf("value %q: %w", value, err)
		}
		l.v, ok = n, true
	case cUnit, cSetAdv:
		l.u, ok = unitNames[value]
	case cSeason:
		l.v = slices.Index(seasonCodes, value)
		ok = l.v > 0
	case cPOD:
		l.v = slices.Index(podCodes, value)
		ok = l.v > 0
	case cTens:
		return nil // the number is num's
	default:
		ok = value == ""
	}
	if !ok {
		return fmt.Errorf("value %q does not fit its class", value)
	}
	return nil
}

// lexBuilder builds the lexicon's map.
type lexBuilder struct {
	m    map[string]*lex
	slab []lex // room for new entries, allocated together
}

// merge adds entry l of word: a word's entry is the union of its lines,
// each of whose id, value and unit may be given once.
func (b *lexBuilder) merge(word string, l lex) error {
	old := b.m[word]
	if old == nil {
		if l.w == wNone {
			l.w = wOther
		}
		if len(b.slab) == cap(b.slab) {
			b.slab = make([]lex, 0, lexiconSize)
		}
		b.slab = append(b.slab, l)
		b.m[word] = &b.slab[len(b.slab)-1]
		return nil
	}
	if l.w != wNone && old.w != wOther && old.w != l.w || l.v != 0 && old.v != 0 && old.v != l.v || l.u != uNone && old.u != uNone && old.u != l.u {
		return fmt.Errorf("%q: entries that disagree", word)
	}
	old.c |= l.c
	if l.w != wNone {
		old.w = l.w
	}
	if l.v != 0 {
		old.v = l.v
	}
	if l.u != uNone {
		old.u = l.u
	}
	old.plural = old.plural || l.plural
	old.ord = old.ord || l.ord
	old.abbr = old.abbr || l.abbr
	return nil
}

// starterClasses and starterWords are the words matchAt can start an
// expression at; other words are skipped without trying the grammar.
const starterClasses = cMonth | cWeekday | cNum | cUnit | cSeason | cPOD | cRel | cPosMod | cApprox | cRef | cSetAdv | cHoliday | cDayAdj | cDecadeWord

var starterWords = []wid{wThe, wA, wAn, wEarlier, wLater, wMiddle, wThese, wMore, wRecent, wFuture, wPresent, wEvery, wEach, wPer,
	wFew, wSeveral, wMany, wCouple, wSome, wHalf, wFiscal, wYear, wYearAgo, wYearEarly, wFull, wNoon, wMidnight, wMidday, wOvernight,
	wThat, wNew, wIndepend, wLabor, wMemorial, wVeterans, wElection, wValentine, wMothers, wFathers, wEid, wChristmas, wFirst, wOnce, wDozen}

func init() {
	sw := map[wid]bool{}
	for _, w := range starterWords {
		sw[w] = true
	}
	for _, l := range lexicon {
		l.start = l.c&starterClasses != 0 || sw[l.w]
	}
}

// notEd marks words ending in -ed that are not past-tense verbs.
const notEd cls = 1 << 30

// lexFilter has the bit lexBit(key) set for every key of the lexicon, so
// that a clear bit proves a word is not in it without hashing the word.
// It is built after the lexicon is complete (the last init of this file).
var lexFilter [1 << 15 / 64]uint64

// lexBit indexes lexFilter by a key's length, first and last byte.
func lexBit(n int, first, last byte) uint {
	return uint(min(n, 31))<<10 | uint(first&31)<<5 | uint(last&31)
}

// maybeLex reports whether a key of n bytes (n >= 1) with these first and
// last bytes may be in the lexicon.
func maybeLex(n int, first, last byte) bool {
	b := lexBit(n, first, last)
	return lexFilter[b/64]&(1<<(b%64)) != 0
}

// lexShort holds the lexicon words of 1 to 7 bytes in an open-addressing
// table keyed by packKey: most words are short, and a probe in this small
// table costs less than hashing the word for the map.
var lexShort [1 << lexShortBits]struct {
	key uint64 // packKey of the word; 0 for an empty slot
	lx  *lex
}

const lexShortBits = 11

// packKey packs a word of 1 to 7 bytes and its length into a uint64.
func packKey(w string) uint64 {
	k := uint64(len(w)) << 56
	for i := len(w) - 1; i >= 0; i-- {
		k |= uint64(w[i]) << (8 * i)
	}
	return k
}

func lexSlot(key uint64) uint64 { return (key * 0x9E3779B97F4A7C15) >> (64 - lexShortBits) }

// lookupShort returns the lexicon entry of the word packed as key.
func lookupShort(key uint64) *lex {
	for h := lexSlot(key); ; h = (h + 1) & (1<<lexShortBits - 1) {
		if sl := &lexShort[h]; sl.key == key {
			return sl.lx
		} else if sl.key == 0 {
			return nil
		}
	}
}

func init() {
	short := 0
	for w, l := range lexicon {
		if w == "" {
			continue
		}
		b := lexBit(len(w), w[0], w[len(w)-1])
		lexFilter[b/64] |= 1 << (b % 64)
		if len(w) <= 7 {
			if short++; 2*short > len(lexShort) {
				panic("timex: lexShort too small")
			}
			key := packKey(w)
			h := lexSlot(key)
			for lexShort[h].key != 0 {
				h = (h + 1) & (1<<lexShortBits - 1)
			}
			lexShort[h].key, lexShort[h].lx = key, l
		}
	}
}
