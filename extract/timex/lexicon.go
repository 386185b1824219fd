package timex

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

var lexicon = map[string]*lex{}

func add(word string, l lex) {
	if old, ok := lexicon[word]; ok {
		// Merge classes: a word may be both a unit and a function word.
		old.c |= l.c
		if old.w == wOther || old.w == wNone {
			old.w = l.w
		}
		if l.v != 0 {
			old.v = l.v
		}
		if l.u != uNone {
			old.u = l.u
			old.plural = l.plural
		}
		old.ord = old.ord || l.ord
		old.abbr = old.abbr || l.abbr
		return
	}
	if l.w == wNone {
		l.w = wOther
	}
	c := l
	lexicon[word] = &c
}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
var weekdayNames = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// Seasons and parts of day, indexed by lex.v.
var seasonCodes = []string{"", "SP", "SU", "FA", "WI"}
var podCodes = []string{"", "MO", "AF", "EV", "NI", "DT"}

const (
	podMO = 1
	podAF = 2
	podEV = 3
	podNI = 4
)

func init() {
	for i, m := range monthNames {
		add(m, lex{c: cMonth, v: i + 1})
		add(m+"s", lex{c: cMonth, v: i + 1, plural: true})
	}
	delete(lexicon, "marchs")
	delete(lexicon, "mays")
	for w, v := range map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		add(w, lex{c: cMonth, v: v, abbr: true})
	}
	for i, d := range weekdayNames {
		add(d, lex{c: cWeekday, v: i + 1})
		add(d+"s", lex{c: cWeekday, v: i + 1, plural: true})
	}
	for w, v := range map[string]int{"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7} {
		add(w, lex{c: cWeekday, v: v, abbr: true})
	}
	ones := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range ones {
		add(w, lex{c: cNum, v: i})
	}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		if w != "" {
			add(w, lex{c: cNum | cTens, v: i * 10})
		}
	}
	ords := []string{"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"}
	for i, w := range ords {
		if i > 0 {
			add(w, lex{c: cNum, v: i, ord: true})
		}
	}
	add("twentieth", lex{c: cNum, v: 20, ord: true})
	add("thirtieth", lex{c: cNum, v: 30, ord: true})
	add("fortieth", lex{c: cNum, v: 40, ord: true})
	add("fiftieth", lex{c: cNum, v: 50, ord: true})
	add("hundredth", lex{c: cNum, v: 100, ord: true})
	add("hundred", lex{c: cNum, w: wHundred, v: 100})
	add("thousand", lex{c: cNum, w: wThousand, v: 1000})
	add("dozen", lex{c: cNum, w: wDozen, v: 12})
	add("nineteen", lex{c: cNum, w: wNineteen, v: 19})
	add("two", lex{c: cNum, w: wTwo, v: 2})
	add("first", lex{c: cNum, w: wFirst, v: 1, ord: true})

	units := []struct {
		s, p string
		u    unit
	}{
		{"second", "seconds", uSecond}, {"sec", "secs", uSecond}, {"minute", "minutes", uMinute}, {"min", "mins", uMinute},
		{"hour", "hours", uHour}, {"hr", "hrs", uHour}, {"day", "days", uDay}, {"week", "weeks", uWeek},
		{"month", "months", uMonth}, {"quarter", "quarters", uQuarter}, {"year", "years", uYear}, {"yr", "yrs", uYear},
		{"decade", "decades", uDecade}, {"century", "centuries", uCentury}, {"millennium", "millennia", uMillennium},
		{"weekend", "weekends", uWeekend}, {"fortnight", "fortnights", uWeek}, {"night", "nights", uNight},
	}
	for _, u := range units {
		add(u.s, lex{c: cUnit, u: u.u})
		add(u.p, lex{c: cUnit, u: u.u, plural: true})
	}
	lexicon["fortnight"].v = 2
	lexicon["fortnights"].v = 2
	add("week", lex{w: wWeek})
	add("day", lex{w: wDay})
	add("days", lex{w: wDays})
	add("year", lex{w: wYear})
	add("years", lex{w: wYears})
	add("weekend", lex{w: wWeekend})
	add("weekends", lex{w: wWeekend})
	add("millenniums", lex{c: cUnit, u: uMillennium, plural: true})

	for w, v := range map[string]int{"spring": 1, "springtime": 1, "summer": 2, "summertime": 2, "fall": 3, "autumn": 3, "winter": 4, "wintertime": 4} {
		add(w, lex{c: cSeason, v: v})
	}
	for w, v := range map[string]int{"morning": podMO, "mornings": podMO, "afternoon": podAF, "afternoons": podAF,
		"evening": podEV, "evenings": podEV, "night": podNI, "nights": podNI, "daytime": 5, "dawn": podMO, "dusk": podEV} {
		add(w, lex{c: cPOD, v: v})
	}
	lexicon["mornings"].plural = true
	lexicon["afternoons"].plural = true
	lexicon["evenings"].plural = true
	lexicon["nights"].plural = true

	fw := map[string]wid{
		"the": wThe, "a": wA, "an": wAn, "this": wThis, "that": wThat, "these": wThese,
		"last": wLast, "next": wNext, "past": wPast, "coming": wComing, "previous": wPrevious, "following": wFollowing,
		"current": wCurrent, "upcoming": wUpcoming, "recent": wRecent, "recently": wRecently, "same": wSame, "latest": wLatest,
		"early": wEarly, "late": wLate, "mid": wMid, "middle": wMiddle, "beginning": wBeginning, "start": wStart, "end": wEnd,
		"of": wOf, "ago": wAgo, "and": wAnd, "or": wOr, "later": wLater, "earlier": wEarlier, "before": wBefore, "after": wAfter,
		"since": wSince, "in": wIn, "on": wOn, "at": wAt, "by": wBy, "until": wUntil, "till": wUntil, "from": wFrom, "to": wTo,
		"during": wDuring, "between": wBetween, "for": wFor, "within": wWithin, "over": wOver, "than": wThan, "more": wMore,
		"less": wLess, "least": wLeast, "nearly": wNearly, "almost": wAlmost, "about": wAbout, "around": wAround,
		"approximately": wApproximately, "roughly": wRoughly, "some": wSome, "up": wUp, "no": wNo, "fiscal": wFiscal,
		"every": wEvery, "each": wEach, "per": wPer, "half": wHalf, "few": wFew, "several": wSeveral, "many": wMany,
		"couple": wCouple, "today": wToday, "yesterday": wYesterday, "tomorrow": wTomorrow, "tonight": wTonight,
		"now": wNow, "currently": wCurrently, "future": wFuture, "soon": wSoon, "previously": wPreviously,
		"formerly": wFormerly, "noon": wNoon, "midnight": wMidnight, "midday": wMidday,
		"o'clock": wOclock, "overnight": wOvernight, "period": wPeriod, "periods": wPeriod, "term": wTerm, "near": wNear,
		"short": wShort, "long": wLong, "present": wPresent, "right": wRight, "time": wTime, "while": wWhile, "once": wOnce,
		"black": wBlack, "cyber": wCyber, "good": wGood, "eve": wEve, "new": wNew, "independence": wIndepend,
		"labor": wLabor, "labour": wLabor, "memorial": wMemorial, "veterans": wVeterans, "election": wElection,
		"valentine's": wValentine, "valentines": wValentine, "valentine": wValentine, "mother's": wMothers, "father's": wFathers,
		"eid": wEid, "al": wAl, "ul": wAl, "fitr": wFitr, "adha": wAdha, "sunday": wSunday, "twice": wTwice, "times": wTimes,
		"trading": wTrading, "business": wTrading, "working": wTrading, "full": wFull, "annual": wAnnual,
		"be": wBe, "been": wBe, "being": wBe, "is": wIs, "are": wIs, "was": wBe, "were": wBe,
		"have": wHave, "has": wHave, "had": wHave, "going": wGoing,
		"plans": wPlan, "plan": wPlan, "planned": wPlan, "planning": wPlan, "intends": wPlan, "intend": wPlan,
		"expected": wPlan, "expects": wPlan, "scheduled": wPlan, "due": wPlan, "set": wPlan, "slated": wPlan,
		"ending": wEnding, "ended": wEnded, "then": wThen, "ahead": wAhead, "old": wOld,
		"christmas": wChristmas, "xmas": wChristmas, "easter": wEaster, "thanksgiving": wThanks,
		"ramadan": wRamadan, "ramzan": wRamadan, "ramazan": wRamadan, "ramadhan": wRamadan, "ramadaan": wRamadan, "ramathan": wRamadan,
		"hanukkah": wHanukkah, "chanukah": wHanukkah, "hanukah": wHanukkah, "chanukkah": wHanukkah, "passover": wPassover,
		"pesach": wPassover, "halloween": wHalloween, "earliest": wEarliest, "preceding": wPreceding, "prior": wPrior,
		"era": wEra, "calendar": wCalendar, "rest": wRest, "remainder": wRemainder, "o": wO, "as": wAs,
	}
	for w, id := range fw {
		add(w, lex{w: id})
	}
	for _, w := range []string{"the", "a", "an"} {
		lexicon[w].c |= cDet
	}
	for _, w := range []string{"last", "next", "this", "past", "coming", "previous", "following", "upcoming", "current", "latest", "preceding", "prior"} {
		lexicon[w].c |= cRel
	}
	for _, w := range []string{"early", "late", "mid"} {
		lexicon[w].c |= cPosMod
	}
	for _, w := range []string{"about", "around", "approximately", "roughly", "nearly", "almost", "some", "over", "more", "less", "at", "up", "no", "within"} {
		lexicon[w].c |= cApprox
	}
	for _, w := range []string{"now", "currently", "recently", "soon", "current", "today", "yesterday", "tomorrow", "tonight"} {
		lexicon[w].c |= cRef
	}
	for w, u := range map[string]unit{"daily": uDay, "weekly": uWeek, "monthly": uMonth, "yearly": uYear, "annually": uYear,
		"hourly": uHour, "quarterly": uQuarter, "nightly": uNight, "biweekly": uWeek, "semiannually": uHalfYear, "semiannual": uHalfYear, "biannually": uHalfYear} {
		add(w, lex{c: cSetAdv, u: u})
	}
	for _, w := range []string{"christmas", "xmas", "easter", "thanksgiving", "ramadan", "ramzan", "ramazan", "ramadhan", "ramadaan", "ramathan",
		"hanukkah", "chanukah", "hanukah", "chanukkah", "passover", "pesach", "halloween"} {
		lexicon[w].c |= cHoliday
	}
	for _, w := range []string{"in", "since", "until", "till", "by", "of", "from", "through", "before", "after", "during", "between", "due", "into", "for", "both", "throughout", "circa", "ca", "c",
		"early", "late", "mid", "fiscal", "year", "circa", "around", "throughout", "to", "and", "or", "summer", "spring", "winter", "autumn", "fall", "christmas", "as"} {
		if lexicon[w] == nil {
			add(w, lex{})
		}
		lexicon[w].c |= cYearPrep
	}
	for _, w := range []string{"election", "elections", "budget", "budgets", "season", "campaign", "census", "olympics", "games", "summit",
		"report", "war", "crisis", "levels", "level", "figures", "results", "earnings", "law", "act", "model", "models", "edition",
		"survey", "agreement", "accord", "accords", "deal", "ceasefire", "truce", "attack", "attacks", "invasion", "war's", "vote",
		"referendum", "primary", "primaries", "midterms", "midterm", "world", "cup", "tournament", "championship", "final", "finals",
		"record", "peak", "low", "high", "quarter", "period", "fiscal", "study", "data", "estimate", "estimates", "forecast",
		"revolution", "uprising", "coup", "crash", "recession", "downturn", "protests", "riots", "earthquake", "flood", "floods",
		"tsunami", "storm", "hurricane", "outbreak", "pandemic", "deadline", "target", "plan", "strategy", "visit", "trip", "talks",
		"conference", "convention", "meeting", "law's", "constitution", "treaty", "agenda", "race", "winter", "summer", "spring",
		"autumn", "fall", "first", "second", "third", "fourth", "half", "contract", "presidential", "parliamentary", "general",
		"local", "municipal", "legislative", "sales", "profit", "profits", "revenue", "revenues", "loss", "losses", "population"} {
		if lexicon[w] == nil {
			add(w, lex{})
		}
		lexicon[w].c |= cYearNoun
	}
	for _, w := range []string{"bloody", "super", "ash", "holy", "maundy", "palm", "giving", "blue", "manic", "casual", "freaky",
		"black", "cyber", "good", "easter", "great", "red", "white", "green", "spy", "fat", "shrove", "whit", "low", "plough"} {
		add(w, lex{c: cDayAdj})
	}
	for _, w := range []string{"its", "their", "his", "her", "our", "my", "your"} {
		add(w, lex{c: cPronoun})
	}
	for w, v := range map[string]int{"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9} {
		add(w, lex{c: cDecadeWord, v: v})
	}
	for _, w := range []string{"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "ist", "jst", "et", "pt", "ct", "mt", "z", "hkt", "sgt", "aest", "aedt"} {
		add(w, lex{w: wTZ, c: cTZ})
	}
	for _, w := range []string{"a.m", "am.", "a.m.", "am"} {
		add(w, lex{w: wAM})
	}
	for _, w := range []string{"p.m", "pm.", "p.m.", "pm"} {
		add(w, lex{w: wPM})
	}
	// Tense cues.
	for _, w := range []string{"will", "'ll", "shall", "would", "wo", "next", "upcoming", "tomorrow", "gonna"} {
		if lexicon[w] == nil {
			add(w, lex{})
		}
		lexicon[w].c |= cFuture
	}
	for _, w := range irregularPast {
		if lexicon[w] == nil {
			add(w, lex{})
		}
		lexicon[w].c |= cPast
	}
	// Words ending in -ed that are not past-tense verbs.
	for _, w := range []string{"need", "needed", "speed", "bed", "red", "seed", "feed", "breed", "indeed", "proceed", "succeed", "exceed", "shed", "wed", "fled", "led", "ted", "ned", "fred", "ahmed", "mohammed", "muhammad", "mohamed", "hundred", "united", "based", "related", "limited", "advanced", "detailed", "skilled", "qualified", "concerned", "so-called", "armed", "red", "embed", "deed", "greed", "weed", "reed", "creed", "sacred", "naked", "wicked", "kindred", "beloved", "learned", "aged", "alleged", "supposed", "unprecedented", "biased", "talented", "devoted", "interested", "experienced", "accused", "injured", "wounded", "killed", "detained", "displaced", "unidentified", "unnamed", "unarmed", "hed", "med", "ed", "sled", "planned", "expected", "scheduled"} {
		l := lexicon[w]
		if l == nil {
			add(w, lex{})
			l = lexicon[w]
		}
		l.c &^= cPast
		l.c |= notEd
	}
	// was/were/had/did are past cues even though they carry a function id.
	for _, w := range []string{"was", "were", "had", "did", "said", "been"} {
		lexicon[w].c |= cPast
	}
	lexicon["planned"].c &^= cPast
	lexicon["expected"].c &^= cPast
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

var irregularPast = []string{
	"was", "were", "had", "did", "said", "told", "made", "went", "came", "took", "gave", "got", "found", "thought",
	"knew", "saw", "met", "left", "felt", "kept", "held", "brought", "began", "began", "became", "ran", "won", "lost",
	"sent", "spent", "built", "paid", "sold", "bought", "fell", "rose", "struck", "stood", "led", "fled", "fought",
	"caught", "taught", "sought", "wrote", "spoke", "broke", "chose", "drove", "flew", "grew", "threw", "drew",
	"shot", "hit", "hid", "bore", "wore", "tore", "swore", "sank", "sang", "shook", "woke", "ate", "forgot",
	"understood", "meant", "heard", "laid", "slid", "struck", "stole", "withdrew", "overtook", "undertook",
	"arose", "awoke", "beat", "bit", "bled", "blew", "bound", "bred", "clung", "crept", "dealt", "dug", "dwelt",
	"fed", "forbade", "forgave", "froze", "ground", "hung", "lent", "lit", "rang", "rode", "sat", "shone",
	"slept", "spun", "sprang", "stuck", "stung", "strove", "swam", "swept", "swung", "wept", "wound", "overcame",
	"outlined", "reportedly", "ago", "yesterday", "earlier", "previously", "formerly", "recently", "last",
}

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
