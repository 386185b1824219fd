package text

import (
	"embed"
	"fmt"

	"github.com/eventgraph/eventgraph/extract/internal/calendar"
	"github.com/eventgraph/eventgraph/extract/internal/tsv"
)

//go:embed data/abbreviations.tsv
var dataFS embed.FS

func mustReadAbbreviations() (all, final map[string]bool) {
	all, final, err := readAbbreviations()
	if err != nil {
		panic(fmt.Errorf("text: embedded data: %w", err))
	}
	return all, final
}

// readAbbreviations reads data/abbreviations.tsv and adds the month and
// weekday abbreviations of the calendar.
func readAbbreviations() (all, final map[string]bool, err error) {
	all, final = map[string]bool{}, map[string]bool{}
	err = tsv.Read(dataFS, "data/abbreviations.tsv", func(_ int, cols []string) error {
		all[cols[0]] = true
		if len(cols) > 1 {
			if cols[1] != "final" {
				return fmt.Errorf("flag %q: want final or nothing", cols[1])
			}
			final[cols[0]] = true
		}
		return nil
	})
	for _, n := range calendar.Names() {
		for _, a := range n.Abbrevs {
			all[a] = true
		}
	}
	return all, final, err
}
