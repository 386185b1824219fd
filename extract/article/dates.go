package article

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/araddon/dateparse"
	dateparser "github.com/markusmobius/go-dateparser"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// Plausible publication years; dates outside are recorded, not used.
const (
	minYear = 1800
	maxYear = 2200
)

// pubDate is a publication date as its source gave it: the time in the
// source's own offset (so that its calendar day is the publisher's), and
// how fine it is: doc.GranTime, doc.GranDay or doc.GranYear.
type pubDate struct {
	t    time.Time
	gran doc.Granularity
}

var (
	yearOnlyRE = regexp.MustCompile(`^\d{4}$`)
	// ISO 8601 basic format: 20200924T15:04:34Z, 20200924T150434+0200,
	// 20200924.
	isoBasicRE = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$`)
	clockRE    = regexp.MustCompile(`\d{1,2}:\d{2}`)
)

// parseDate parses a publication date given as a string by a page, a
// feed or a data dump. Impossible dates (February 30) and implausible
// years are errors.
func parseDate(s string) (pubDate, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return pubDate{}, errors.New("empty date")
	}
	if len(s) > 64 {
		return pubDate{}, fmt.Errorf("date %.40q... too long", s)
	}
	gran := doc.GranDay
	if clockRE.MatchString(s) {
		gran = doc.GranTime
	}
	var t time.Time
	var err error
	switch m := isoBasicRE.FindStringSubmatch(s); {
	case yearOnlyRE.MatchString(s):
		y, _ := strconv.Atoi(s)
		t, gran = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), doc.GranYear
	case m != nil:
		t, err = parseISOBasic(m)
		if m[4] != "" {
			gran = doc.GranTime
		}
	default:
		if t, err = time.Parse(time.RFC3339, s); err != nil {
			t, err = parseAnyDate(s)
		}
	}
	if err != nil {
		return pubDate{}, fmt.Errorf("unparseable date %q", s)
	}
	if err := checkYear(t); err != nil {
		return pubDate{}, fmt.Errorf("%w in %q", err, s)
	}
	return pubDate{t, gran}, nil
}

// parseISOBasic reads the submatches of isoBasicRE in the extended format.
func parseISOBasic(m []string) (time.Time, error) {
	s := m[1] + "-" + m[2] + "-" + m[3]
	if m[4] == "" {
		return time.Parse(time.DateOnly, s)
	}
	sec := m[6]
	if sec == "" {
		sec = "00"
	}
	zone := m[8]
	switch {
	case zone == "":
		zone = "Z"
	case zone != "Z" && !strings.Contains(zone, ":"):
		zone = zone[:3] + ":" + zone[3:]
	}
	return time.Parse(time.RFC3339Nano, s+"T"+m[4]+":"+m[5]+":"+sec+m[7]+zone)
}

// parseAnyDate parses the many ways pages and feeds write dates:
// dateparse first (fast), then go-dateparser for what it does not know
// ("Tue, Sep 15 2020 10:01:41 EDT"), with absolute dates only (never
// "yesterday") that give a day, a month and a year.
func parseAnyDate(s string) (t time.Time, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("dateparse: %v", r)
		}
	}()
	if t, err = dateparse.ParseIn(s, time.UTC); err == nil || !yearRE.MatchString(s) {
		return t, err
	}
	d, err := absoluteDates.Parse(&dateparser.Configuration{
		Languages:       []string{"en"},
		StrictParsing:   true,
		DefaultTimezone: time.UTC,
		CurrentTime:     time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), // unused: nothing relative
	}, s)
	if err != nil || d.IsZero() {
		return time.Time{}, fmt.Errorf("unparseable date %q", s)
	}
	return d.Time, nil
}

var absoluteDates = dateparser.Parser{ParserTypes: []dateparser.ParserType{dateparser.AbsoluteTime}}

func checkYear(t time.Time) error {
	if y := t.Year(); y < minYear || y > maxYear {
		return fmt.Errorf("implausible year %d", y)
	}
	return nil
}

// setPublished sets the article's publication date from a date a library
// already parsed, else from its string form; the raw value is kept in
// Props["published"]. A date that cannot be trusted leaves Published nil
// and is recorded in Props["date_error"]. The time keeps the offset the
// source gave, so its calendar day is the publisher's; a year alone is
// kept as a year (doc.PropPublishedYear), not as its first of January.
func setPublished(a *doc.Article, raw string, parsed *time.Time) {
	raw = strings.TrimSpace(raw)
	if raw != "" {
		setProp(a, "published", raw)
	}
	var d pubDate
	switch {
	case parsed != nil && !parsed.IsZero():
		if err := checkYear(*parsed); err != nil {
			setProp(a, "date_error", fmt.Sprintf("%v in %q", err, raw))
			return
		}
		d = pubDate{*parsed, doc.GranDay}
		if raw == "" || clockRE.MatchString(raw) || !strings.ContainsAny(raw, "-/ ") {
			d.gran = doc.GranTime // a feed's timestamp, a Unix time
		}
	case raw == "":
		return
	default:
		var err error
		if d, err = parseDate(raw); err != nil {
			setProp(a, "date_error", err.Error())
			return
		}
	}
	usePublished(a, d)
}

// formatDate writes a date as ISO 8601, with its time and offset when
// the source gave a time.
func formatDate(d pubDate) string {
	switch d.gran {
	case doc.GranTime:
		return d.t.Format(time.RFC3339)
	case doc.GranYear:
		return strconv.Itoa(d.t.Year())
	}
	return d.t.Format(time.DateOnly)
}

// usePublished records a publication date, replacing any other.
func usePublished(a *doc.Article, d pubDate) {
	a.Published = nil
	delete(a.Props, doc.PropPublishedTime)
	delete(a.Props, doc.PropPublishedYear)
	delete(a.Props, "date_error")
	switch d.gran {
	case doc.GranYear:
		setProp(a, doc.PropPublishedYear, strconv.Itoa(d.t.Year()))
		return
	case doc.GranTime:
		setProp(a, doc.PropPublishedTime, d.t.Format(time.RFC3339))
	}
	t := d.t
	a.Published = &t
}
