package article

import (
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339 in the source's offset; "" for an error
		gran doc.Granularity
	}{
		{"2024-03-26T14:05:00+01:00", "2024-03-26T14:05:00+01:00", doc.GranTime},
		{"2024-03-26T23:30:00+08:00", "2024-03-26T23:30:00+08:00", doc.GranTime},
		{"2024-03-26", "2024-03-26T00:00:00Z", doc.GranDay},
		{"March 26, 2024", "2024-03-26T00:00:00Z", doc.GranDay},
		{"Tue, 26 Mar 2024 14:05:00 GMT", "2024-03-26T14:05:00Z", doc.GranTime},
		// ISO 8601 basic format, as some JSON-LD has it.
		{"20200924T15:04:34Z", "2020-09-24T15:04:34Z", doc.GranTime},
		{"20200924T150434+0200", "2020-09-24T15:04:34+02:00", doc.GranTime},
		{"20200924", "2020-09-24T00:00:00Z", doc.GranDay},
		{"Tue, Sep 15 2020 10:01:41 EDT", "2020-09-15T10:01:41-04:00", doc.GranTime},
		// A year alone is a year.
		{"1988", "1988-01-01T00:00:00Z", doc.GranYear},
		{"2024-02-30", "", ""},
		{"2023-02-29", "", ""},
		{"20230229T10:00:00Z", "", ""},
		{"1492-10-12", "", ""},
		{"2999-01-01", "", ""},
		{"yesterday", "", ""},
		{"", "", ""},
		{"1 1 1 1 1 1 1 1 1", "", ""},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		s := ""
		if err == nil {
			s = got.t.Format(time.RFC3339)
		}
		if s != tt.want || got.gran != tt.gran {
			t.Errorf("parseDate(%q) = %q %s (%v), want %q %s", tt.in, s, got.gran, err, tt.want, tt.gran)
		}
	}
}

// A year-only date keeps Published nil (no invented first of January)
// and records the year; a time records the time with its offset.
func TestSetPublishedGranularity(t *testing.T) {
	var a doc.Article
	setPublished(&a, "1988", nil)
	if a.Published != nil || a.Props[doc.PropPublishedYear] != "1988" {
		t.Errorf("year only: Published %v, props %v", a.Published, a.Props)
	}
	setPublished(&a, "2024-03-26T21:05:00-04:00", nil)
	if a.Published == nil || a.Published.Format(time.DateOnly) != "2024-03-26" || a.Props[doc.PropPublishedYear] != "" ||
		a.Props[doc.PropPublishedTime] != "2024-03-26T21:05:00-04:00" {
		t.Errorf("time: Published %v, props %v", a.Published, a.Props)
	}
	setPublished(&a, "March 27, 2024", nil)
	if a.Published == nil || a.Props[doc.PropPublishedTime] != "" {
		t.Errorf("day: Published %v, props %v", a.Published, a.Props)
	}
}
