package resolve

import (
	"strings"
	"time"
)

// Days: the day of the week a report gives its action is evidence against
// a merge, even where the article is undated and the day has no date ("on
// Saturday"): one happening is told on one day, and a story of piracy
// raids, arrests or shootings holds many, days or years apart, that its
// articles tell with the same words ("the Indian Navy on Saturday foiled
// a hijack attempt" / "the Indian Navy on Thursday thwarted a multi-boat
// attack").

// Weekday is the day of the week a time expression's TIMEX3 value names,
// 1 (Monday) to 7 (Sunday), or 0 when it names none: "XXXX-WXX-6" (an
// undated "Saturday") and "2011-W45-4" give theirs, a single day
// ("2011-11-10") the day it fell on; a month, a week or a year no day.
func Weekday(value string) int {
	if i := strings.LastIndex(value, "-W"); i >= 0 {
		rest := value[i+2:]
		if j := strings.IndexByte(rest, '-'); j >= 0 && len(rest) == j+2 && rest[j+1] >= '1' && rest[j+1] <= '7' {
			return int(rest[j+1] - '0')
		}
		return 0
	}
	if len(value) != len(time.DateOnly) {
		return 0
	}
	t, err := time.Parse(time.DateOnly, value)
	if err != nil {
		return 0
	}
	if wd := int(t.Weekday()); wd != 0 {
		return wd
	}
	return 7
}

// daysDiffer reports whether c, a report from another article than e's,
// is told on another day of the week than one of e's reports that gives
// one (Weekday of the time expression dating it): "on Saturday foiled a
// hijack attempt" is not "on Thursday thwarted a multi-boat attack",
// whatever else they share.
func daysDiffer(e, c *Event) bool {
	for _, cs := range c.sentences {
		if cs.Weekday == 0 {
			continue
		}
		for _, es := range e.sentences {
			if es.Weekday != 0 && es.Weekday != cs.Weekday {
				return true
			}
		}
	}
	return false
}

// ReportTimex is the TIMEX3 value of the time expression dating a
// report, value, when one dates it (timex, its index or offset, is not
// negative), "" otherwise: a date from the publication day or borrowed
// from another report says nothing of the report's own day.
func ReportTimex(timex int, value string) string {
	if timex < 0 {
		return ""
	}
	return value
}

// sameDay reports whether c, a report of e's action from another article
// of e's story, close to one of e's articles (linked), is told on the day
// of the week one of e's reports gives ("Warship INS Sukanya on Thursday
// foiled a piracy attempt" / "The Indian Navy patrolling the Gulf of Aden
// on Thursday thwarted a multi-boat attack"): a story seldom tells two
// happenings of one kind on one weekday, though they name no participant.
// c must be told on its sentence's main line (MainLine): the day of "the
// man who killed four people was sentenced Saturday" is the sentencing's,
// which the extractor may give the killing. A light verb says too little
// of what happened, and protests, riots and strikes recur day after day,
// so neither counts.
func (r *Resolver) sameDay(e, c *Event) bool {
	if !c.told || !r.sameStory(e, c) || !linked(e, c) || lightVerbs[c.Action] || e.family == r.rules.Family(protestCode) {
		return false
	}
	for _, cs := range c.sentences {
		if cs.Weekday == 0 {
			continue
		}
		for _, es := range e.sentences {
			if es.Weekday == cs.Weekday {
				return true
			}
		}
	}
	return false
}
