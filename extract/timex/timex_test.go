package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

func mustDate(s string) *time.Time {
	if s == "" {
		return nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func day(s string) time.Time { return *mustDate(s) }

// want describes one expected expression: its text, type, value and
// optionally mod and bounds.
type want struct {
	text, typ, value string
	mod              string
	lo, hi           string // "" = not checked; "-" = zero
}

func find(tx []doc.Timex, text string) *doc.Timex {
	for k := range tx {
		if tx[k].Text == text {
			return &tx[k]
		}
	}
	return nil
}

func checkInvariants(t *testing.T, text string, tx []doc.Timex) {
	t.Helper()
	prev := -1
	for _, x := range tx {
		if x.Start < prev {
			t.Errorf("unsorted or overlapping at %d (%q)", x.Start, x.Text)
		}
		prev = x.End
		if x.Start < 0 || x.End > len(text) || x.Start >= x.End || text[x.Start:x.End] != x.Text {
			t.Errorf("bad span %+v", x)
		}
		switch x.Type {
		case "DATE", "TIME", "DURATION", "SET":
		default:
			t.Errorf("bad type %q for %q", x.Type, x.Text)
		}
		if x.Value == "" || x.Granularity == "" {
			t.Errorf("empty value or granularity for %q", x.Text)
		}
		if !x.Earliest.IsZero() && !x.Latest.IsZero() && x.Latest.Before(x.Earliest) {
			t.Errorf("inverted bounds for %q", x.Text)
		}
	}
}

func TestTag(t *testing.T) {
	cases := []struct {
		name  string
		dct   string
		text  string
		want  []want
		never []string // texts that must not be tagged (nor any overlapping expression)
	}{
		{name: "explicit dates", dct: "2024-03-26",
			text: "The accord was signed on March 25, 2024, and ratified on 24 May 2020. Talks resumed Aug. 7, 1998.",
			want: []want{{"March 25, 2024", "DATE", "2024-03-25", "", "2024-03-25", "2024-03-25"},
				{"24 May 2020", "DATE", "2020-05-24", "", "", ""}, {"Aug. 7, 1998", "DATE", "1998-08-07", "", "", ""}}},
		{name: "iso and numeric", dct: "2024-03-26",
			text: "Filed 2024-03-25 and amended 03/27/2024 at 2024-03-28T14:30.",
			want: []want{{"2024-03-25", "DATE", "2024-03-25", "", "", ""}, {"03/27/2024", "DATE", "2024-03-27", "", "", ""},
				{"2024-03-28T14:30", "TIME", "2024-03-28T14:30", "", "2024-03-28", "2024-03-28"}}},
		{name: "month and year", dct: "2024-03-26",
			text: "Prices fell in March and rose in 2009. Since 2009 the index doubled. The 2009 election was close.",
			want: []want{{"March", "DATE", "2024-03", "", "2024-03-01", "2024-03-31"}, {"2009", "DATE", "2009", "", "2009-01-01", "2009-12-31"}}},
		{name: "month in the year of its sentence", dct: "2019-12-30",
			text: "After denying retirement rumors in the summer of 2004, Lipinski announced a resignation in mid-August. In 2004 he left in May. He spoke in August.",
			want: []want{{"mid-August", "DATE", "2004-08", "MID", "", ""}, {"May", "DATE", "2004-05", "", "", ""}, {"August", "DATE", "2019-08", "", "", ""}}},
		{name: "weeks, quarters, halves", dct: "2024-03-26",
			text: "Sales rose last week and will rise this week. First-quarter profit beat the third quarter of 2023. Q1 2024 was strong; fiscal 2023 was not. The second half looks weak.",
			want: []want{{"last week", "DATE", "2024-W12", "", "2024-03-18", "2024-03-24"}, {"this week", "DATE", "2024-W13", "", "2024-03-25", "2024-03-31"},
				{"First-quarter", "DATE", "2024-Q1", "", "2024-01-01", "2024-03-31"}, {"the third quarter of 2023", "DATE", "2023-Q3", "", "", ""},
				{"Q1 2024", "DATE", "2024-Q1", "", "", ""}, {"fiscal 2023", "DATE", "2023", "", "", ""}, {"The second half", "DATE", "2024-H2", "", "2024-07-01", "2024-12-31"}}},
		{name: "decades and centuries", dct: "2024-03-26",
			text: "Inflation was high in the 1990s and in the early 1980s, as in the 20th century.",
			want: []want{{"the 1990s", "DATE", "199", "", "1990-01-01", "1999-12-31"}, {"the early 1980s", "DATE", "198", "START", "", ""},
				{"the 20th century", "DATE", "19", "", "1900-01-01", "1999-12-31"}}},
		{name: "decades relative to a day, and open bounds", dct: "2021-03-08",
			text: "It outweighed an interview more than two decades earlier. They met more than three years ago. The plant opens in 2030 or later, the mine closed in 2001 or earlier.",
			want: []want{{"more than two decades earlier", "DATE", "200", "MORE_THAN", "-", "2009-12-31"},
				{"more than three years ago", "DATE", "2018", "MORE_THAN", "-", "2018-12-31"},
				{"2030 or later", "DATE", "2030", "ON_OR_AFTER", "2030-01-01", "-"}, {"2001 or earlier", "DATE", "2001", "ON_OR_BEFORE", "-", "2001-12-31"}}},
		{name: "references", dct: "2024-03-26",
			text: "He is now in Gaza and currently talking. Aid recently arrived after a recent vote. The future is unclear; the past is not.",
			want: []want{{"now", "DATE", "PRESENT_REF", "", "2024-03-26", "2024-03-26"}, {"currently", "DATE", "PRESENT_REF", "", "", ""},
				{"recently", "DATE", "PAST_REF", "", "-", "2024-03-26"}, {"recent", "DATE", "PAST_REF", "", "", ""},
				{"The future", "DATE", "FUTURE_REF", "", "2024-03-26", "-"}, {"the past", "DATE", "PAST_REF", "", "", ""}}},
		{name: "durations", dct: "2024-03-26",
			text: "The siege lasted three days. Talks ran two hours. Over the past three months prices rose. It took a couple of years and 2 1/2 years more, then half an hour.",
			want: []want{{"three days", "DURATION", "P3D", "", "", ""}, {"two hours", "DURATION", "PT2H", "", "", ""},
				{"the past three months", "DURATION", "P3M", "", "2023-12-26", "2024-03-26"}, {"a couple of years", "DURATION", "P2Y", "APPROX", "", ""},
				{"2 1/2 years", "DURATION", "P2Y6M", "", "", ""}, {"half an hour", "DURATION", "PT30M", "", "", ""}}},
		{name: "sets", dct: "2024-03-26",
			text: "The paper is published daily, the council meets every Monday, and elections happen twice a year; dividends are paid quarterly.",
			want: []want{{"daily", "SET", "P1D", "", "", ""}, {"every Monday", "SET", "XXXX-WXX-1", "", "", ""}, {"a year", "SET", "P1Y", "", "", ""}, {"quarterly", "SET", "P1Q", "", "", ""}}},
		{name: "seasons", dct: "2024-03-26",
			text: "Fighting raged last winter and may resume this summer, as in the fall of 2020.",
			want: []want{{"last winter", "DATE", "2023-WI", "", "2023-12-01", "2024-02-29"}, {"this summer", "DATE", "2024-SU", "", "2024-06-01", "2024-08-31"},
				{"the fall of 2020", "DATE", "2020-FA", "", "", ""}}},
		{name: "parts of day and times", dct: "2024-03-26",
			text: "Sirens sounded this morning and again at 2:30 p.m. Officials met Monday morning and spoke at 10 a.m. Tuesday.",
			want: []want{{"this morning", "TIME", "2024-03-26TMO", "", "2024-03-26", "2024-03-26"}, {"2:30 p.m.", "TIME", "2024-03-26T14:30", "", "", ""},
				{"Monday morning", "DATE", "2024-03-25TMO", "", "2024-03-25", "2024-03-25"}, {"10 a.m. Tuesday", "TIME", "2024-03-26T10:00", "", "", ""}}},
		{name: "weekday past tense", dct: "2024-03-26",
			text: "The minister resigned on Monday.",
			want: []want{{"Monday", "DATE", "2024-03-25", "", "2024-03-25", "2024-03-25"}}},
		{name: "weekday future tense", dct: "2024-03-26",
			text: "The minister will travel to Cairo on Monday.",
			want: []want{{"Monday", "DATE", "2024-04-01", "", "", ""}}},
		{name: "weekday going to", dct: "2024-03-27",
			text: "The delegation is going to arrive Monday.",
			want: []want{{"Monday", "DATE", "2024-04-01", "", "", ""}}},
		{name: "relative to DCT", dct: "2024-03-26",
			text: "Earlier this month the army withdrew. Two years ago it invaded. This year will be different. Yesterday's vote and tomorrow's talks.",
			want: []want{{"Earlier this month", "DATE", "2024-03", "START", "", ""}, {"Two years ago", "DATE", "2022", "", "2022-01-01", "2022-12-31"},
				{"This year", "DATE", "2024", "", "", ""}, {"Yesterday", "DATE", "2024-03-25", "", "", ""}, {"tomorrow", "DATE", "2024-03-27", "", "", ""}}},
		{name: "anaphoric", dct: "2024-03-26",
			text: "The vote took place on March 20. Protests erupted the same day. A day later the cabinet resigned.",
			want: []want{{"March 20", "DATE", "2024-03-20", "", "", ""}, {"the same day", "DATE", "2024-03-20", "", "", ""}, {"A day later", "DATE", "2024-03-21", "", "", ""}}},
		{name: "anaphoric periods", dct: "2024-03-26",
			text: "The plant opened in 2019. Profits doubled that year. The summit is set for April 24 and 25. Over the years it grew; it may last a while.",
			want: []want{{"2019", "DATE", "2019", "", "", ""}, {"that year", "DATE", "2019", "", "2019-01-01", "2019-12-31"},
				{"April 24", "DATE", "2024-04-24", "", "", ""}, {"25", "DATE", "2024-04-25", "", "", ""},
				{"the years", "DURATION", "PXY", "", "", ""}, {"a while", "DURATION", "PXX", "", "", ""}}},
		{name: "earnings", dct: "1989-10-26",
			text: "Net rose in the third quarter. A year earlier, it fell. The latest period included gains. In the year-ago quarter, sales slipped.",
			want: []want{{"the third quarter", "DATE", "1989-Q3", "", "1989-07-01", "1989-09-30"}, {"A year earlier", "DATE", "1988-Q3", "", "", ""},
				{"The latest period", "DATE", "1989-Q3", "", "", ""}, {"the year-ago quarter", "DATE", "1988-Q3", "", "", ""}}},
		{name: "holidays", dct: "2024-03-26",
			text: "The ceasefire collapsed during Ramzan. Families gathered at Christmas. Crowds will celebrate Easter. Thanksgiving 2023 was quiet. Black Friday sales fell. New Year's Day was calm. Fireworks are planned for Independence Day.",
			want: []want{{"Ramzan", "DATE", "2024-03", "", "2024-03-11", "2024-04-09"}, {"Christmas", "DATE", "2023-12-25", "", "2023-12-25", "2023-12-25"},
				{"Easter", "DATE", "2024-03-31", "", "", ""}, {"Thanksgiving 2023", "DATE", "2023-11-23", "", "", ""},
				{"Black Friday", "DATE", "2023-11-24", "", "", ""}, {"New Year's Day", "DATE", "2024-01-01", "", "", ""},
				{"Independence Day", "DATE", "2024-07-04", "", "", ""}},
			never: []string{"Friday"}},
		{name: "ramadan spellings", dct: "2010-09-01",
			text: "Violence rose during Ramadan, known locally as Ramazan or Ramadhan.",
			want: []want{{"Ramadan", "DATE", "2010-08", "", "2010-08-11", "2010-09-09"}, {"Ramazan", "DATE", "2010-08", "", "", ""}, {"Ramadhan", "DATE", "2010-08", "", "", ""}}},
		{name: "traps", dct: "2024-03-26",
			text:  "Protesters march through the city and may return. Protesters March On Capitol. Choose 1 and 2. The army sent 2,000 troops and 2009 people fled. See https://example.com/2020/05/24/story and www.news.org/2021-01-05.",
			never: []string{"march", "March", "may", "1", "2", "2,000", "2009", "2020", "24", "2021-01-05"}},
		{name: "no DCT", dct: "",
			text: "The minister resigned on Monday. Talks resume March 25. The treaty was signed May 24, 2020. He spoke last week.",
			want: []want{{"Monday", "DATE", "XXXX-WXX-1", "", "-", "-"}, {"March 25", "DATE", "XXXX-03-25", "", "-", "-"},
				{"May 24, 2020", "DATE", "2020-05-24", "", "2020-05-24", "2020-05-24"}, {"last week", "DATE", "XXXX-WXX", "", "-", "-"}}},
		{name: "caption", dct: "",
			text: "Israeli Prime Minister Benjamin Netanyahu attends a cabinet meeting in Jerusalem May 24, 2020. REUTERS",
			want: []want{{"May 24, 2020", "DATE", "2020-05-24", "", "", ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tx := Tag(c.text, nil, mustDate(c.dct))
			checkInvariants(t, c.text, tx)
			for _, w := range c.want {
				x := find(tx, w.text)
				if x == nil {
					t.Errorf("%q not tagged; got %v", w.text, summary(tx))
					continue
				}
				if x.Type != w.typ || x.Value != w.value || x.Mod != w.mod {
					t.Errorf("%q = %s %s %s, want %s %s %s", w.text, x.Type, x.Value, x.Mod, w.typ, w.value, w.mod)
				}
				checkBound(t, w.text+" earliest", x.Earliest, w.lo)
				checkBound(t, w.text+" latest", x.Latest, w.hi)
			}
			for _, n := range c.never {
				for _, x := range tx {
					if x.Text == n {
						t.Errorf("%q must not be tagged (got %s %s)", n, x.Type, x.Value)
					}
				}
			}
		})
	}
}

func checkBound(t *testing.T, what string, got time.Time, want string) {
	t.Helper()
	switch want {
	case "":
	case "-":
		if !got.IsZero() {
			t.Errorf("%s = %s, want zero", what, got.Format(time.DateOnly))
		}
	default:
		if !got.Equal(day(want)) {
			t.Errorf("%s = %s, want %s", what, got.Format(time.DateOnly), want)
		}
	}
}

func summary(tx []doc.Timex) []string {
	var out []string
	for _, x := range tx {
		out = append(out, x.Text+"="+x.Value)
	}
	return out
}

func TestSentenceIndexes(t *testing.T) {
	text := "Title line. The talks failed on Monday. They resume next week."
	sents := []doc.Sentence{
		{Span: doc.Span{Start: 0, End: 11}, Index: 7, Kind: doc.BlockTitle},
		{Span: doc.Span{Start: 12, End: 39}, Index: 8, Kind: doc.BlockBody},
		{Span: doc.Span{Start: 40, End: 62}, Index: 9, Kind: doc.BlockBody},
	}
	tx := Tag(text, sents, mustDate("2024-03-27"))
	if len(tx) != 2 || tx[0].Sentence != 8 || tx[1].Sentence != 9 {
		t.Fatalf("got %+v", tx)
	}
	if tx[0].Value != "2024-03-25" || tx[1].Value != "2024-W14" {
		t.Errorf("values %s %s", tx[0].Value, tx[1].Value)
	}
}

func TestEmpty(t *testing.T) {
	if tx := Tag("", nil, nil); len(tx) != 0 {
		t.Fatal(tx)
	}
	if tx := Tag("No dates here at all.", nil, mustDate("2024-01-01")); len(tx) != 0 {
		t.Fatal(tx)
	}
}

func TestBounds(t *testing.T) {
	cases := []struct {
		v      string
		lo, hi string
		g      doc.Granularity
		ok     bool
	}{
		{"2024-03-25", "2024-03-25", "2024-03-25", doc.GranDay, true},
		{"2024-03-25T14:30", "2024-03-25", "2024-03-25", doc.GranTime, true},
		{"2024-03-25TMO", "2024-03-25", "2024-03-25", doc.GranTime, true},
		{"2024-03", "2024-03-01", "2024-03-31", doc.GranMonth, true},
		{"2024-02", "2024-02-01", "2024-02-29", doc.GranMonth, true},
		{"2024", "2024-01-01", "2024-12-31", doc.GranYear, true},
		{"2024-W13", "2024-03-25", "2024-03-31", doc.GranWeek, true},
		{"2024-W01", "2024-01-01", "2024-01-07", doc.GranWeek, true},
		{"2020-W53", "2020-12-28", "2021-01-03", doc.GranWeek, true},
		{"2024-W13-WE", "2024-03-30", "2024-03-31", doc.GranWeek, true},
		{"2024-Q1", "2024-01-01", "2024-03-31", doc.GranQuarter, true},
		{"2024-Q4", "2024-10-01", "2024-12-31", doc.GranQuarter, true},
		{"2024-H2", "2024-07-01", "2024-12-31", doc.GranQuarter, true},
		{"2024-SP", "2024-03-01", "2024-05-31", doc.GranSeason, true},
		{"2024-SU", "2024-06-01", "2024-08-31", doc.GranSeason, true},
		{"2024-FA", "2024-09-01", "2024-11-30", doc.GranSeason, true},
		{"2024-WI", "2024-12-01", "2025-02-28", doc.GranSeason, true},
		{"199", "1990-01-01", "1999-12-31", doc.GranDecade, true},
		{"19", "1900-01-01", "1999-12-31", doc.GranCentury, true},
		{"1998-10-XX", "1998-10-01", "1998-10-31", doc.GranMonth, true},
		{"1999-XX", "1999-01-01", "1999-12-31", doc.GranYear, true},
		{"PRESENT_REF", "", "", "", false},
		{"P3D", "", "", "", false},
		{"XXXX-03-25", "", "", "", false},
		{"XXXX-WXX-1", "", "", "", false},
		{"2024-02-30", "", "", "", false},
		{"2024-13", "", "", "", false},
		{"", "", "", "", false},
	}
	for _, c := range cases {
		lo, hi, g, ok := Bounds(c.v)
		if ok != c.ok {
			t.Errorf("Bounds(%q) ok = %v", c.v, ok)
			continue
		}
		if !ok {
			continue
		}
		if !lo.Equal(day(c.lo)) || !hi.Equal(day(c.hi)) || g != c.g {
			t.Errorf("Bounds(%q) = %s %s %s, want %s %s %s", c.v, lo.Format(time.DateOnly), hi.Format(time.DateOnly), g, c.lo, c.hi, c.g)
		}
	}
}

// seed reads a seed article of the repository (seeds/NNN_*.txt).
func seed(t *testing.T, prefix string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join("..", "..", "seeds", prefix+"_*.txt"))
	if len(m) == 0 {
		t.Skipf("seed %s not found", prefix)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSeeds(t *testing.T) {
	s0 := seed(t, "000")
	tx := Tag(s0, nil, nil)
	checkInvariants(t, s0, tx)
	if x := find(tx, "May 24, 2020"); x == nil || x.Value != "2020-05-24" || !x.Earliest.Equal(day("2020-05-24")) {
		t.Errorf("seed 000: May 24, 2020 -> %+v", x)
	}
	s4 := seed(t, "004")
	tx = Tag(s4, nil, mustDate("2024-03-26"))
	checkInvariants(t, s4, tx)
	if x := find(tx, "Ramzan"); x == nil || x.Value != "2024-03" || !x.Earliest.Equal(day("2024-03-11")) || !x.Latest.Equal(day("2024-04-09")) {
		t.Errorf("seed 004: Ramzan -> %+v", x)
	}
	if x := find(tx, "recent"); x == nil || x.Value != "PAST_REF" {
		t.Errorf("seed 004: recent -> %+v", x)
	}
	for _, x := range tx {
		if strings.Contains(x.Text, "2024-03-26") {
			continue
		}
	}
}
