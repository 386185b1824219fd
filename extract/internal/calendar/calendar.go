// Package calendar holds the English names of the months and the days of
// the week with their plurals and abbreviations (data/calendar.tsv): the
// one copy that sentence splitting, temporal expressions and actor
// recognition share.
package calendar

import (
	"embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/extract/internal/tsv"
)

//go:embed data/calendar.tsv
var dataFS embed.FS

// Kind says whether a name is a month's or a weekday's.
type Kind uint8

const (
	Month Kind = iota + 1
	Weekday
)

// Name is a month or a day of the week. Its words are lowercase.
type Name struct {
	Kind Kind
	// N numbers the month from January = 1, or the day from Monday = 1
	// (ISO 8601).
	N       int
	Name    string   // "september"
	Plural  string   // "septembers"; "" when the name has none in use
	Abbrevs []string // "sep", "sept", without their period
}

var names = mustRead()

// Names returns the months, January first, then the days of the week,
// Monday first. The caller must not change them.
func Names() []Name { return names }

func mustRead() []Name {
	ns, err := read()
	if err != nil {
		panic(fmt.Errorf("calendar: embedded data: %w", err))
	}
	return ns
}

func read() ([]Name, error) {
	var out []Name
	err := tsv.Read(dataFS, "data/calendar.tsv", func(_ int, cols []string) error {
		if len(cols) < 3 {
			return fmt.Errorf("want kind, number and name, got %d columns", len(cols))
		}
		var n Name
		switch cols[0] {
		case "month":
			n.Kind = Month
		case "weekday":
			n.Kind = Weekday
		default:
			return fmt.Errorf("kind %q: want month or weekday", cols[0])
		}
		num, err := strconv.Atoi(cols[1])
		if err != nil {
			return fmt.Errorf("number: %w", err)
		}
		n.N, n.Name = num, cols[2]
		if len(cols) > 3 {
			n.Plural = cols[3]
		}
		if len(cols) > 4 && cols[4] != "" {
			n.Abbrevs = strings.Split(cols[4], "|")
		}
		out = append(out, n)
		return nil
	})
	return out, err
}
