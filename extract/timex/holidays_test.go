package timex

import (
	"testing"
	"time"
)

func TestHolidays(t *testing.T) {
	cases := []struct {
		h          holiday
		y          int
		start, end string
	}{
		{hEaster, 2024, "2024-03-31", "2024-03-31"},
		{hEaster, 2000, "2000-04-23", "2000-04-23"},
		{hEaster, 2019, "2019-04-21", "2019-04-21"},
		{hGoodFriday, 2024, "2024-03-29", "2024-03-29"},
		{hThanksgiving, 2024, "2024-11-28", "2024-11-28"},
		{hThanksgiving, 1999, "1999-11-25", "1999-11-25"},
		{hBlackFriday, 2023, "2023-11-24", "2023-11-24"},
		{hElectionDay, 1998, "1998-11-03", "1998-11-03"},
		{hElectionDay, 2024, "2024-11-05", "2024-11-05"},
		{hMemorialDay, 2024, "2024-05-27", "2024-05-27"},
		{hLaborDay, 2024, "2024-09-02", "2024-09-02"},
		{hRamadan, 2024, "2024-03-11", "2024-04-09"},
		{hRamadan, 2023, "2023-03-23", "2023-04-21"},
		{hRamadan, 2022, "2022-04-02", "2022-05-01"},
		{hRamadan, 2020, "2020-04-24", "2020-05-23"},
		{hRamadan, 2010, "2010-08-11", "2010-09-09"},
		{hRamadan, 1990, "1990-03-28", "1990-04-26"},
		{hEidFitr, 2024, "2024-04-10", "2024-04-10"},
		{hPassover, 2024, "2024-04-23", "2024-04-30"},
		{hPassover, 2023, "2023-04-06", "2023-04-13"},
		{hHanukkah, 2023, "2023-12-08", "2023-12-15"},
		{hRoshHashanah, 2024, "2024-10-03", "2024-10-04"},
		{hYomKippur, 2023, "2023-09-25", "2023-09-25"},
	}
	for _, c := range cases {
		s, e := holidayRange(c.h, c.y)
		if got := s.Format(time.DateOnly); got != c.start {
			t.Errorf("holiday %d %d: start %s, want %s", c.h, c.y, got, c.start)
		}
		if got := e.Format(time.DateOnly); got != c.end {
			t.Errorf("holiday %d %d: end %s, want %s", c.h, c.y, got, c.end)
		}
	}
	// Every year 1990-2040 has a Ramadan starting in it.
	for y := 1990; y <= 2040; y++ {
		if s := ramadanStart(y); s.Year() != y {
			t.Errorf("ramadanStart(%d) = %s", y, s.Format(time.DateOnly))
		}
	}
}
