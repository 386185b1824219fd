package article

import (
	"testing"
	"time"
)

func TestLeadingDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339; "" when no date
		n    int    // bytes taken; 0 for all
	}{
		{"March 26, 2024", "2024-03-26T00:00:00Z", 0},
		{"Tue March 26, 2024", "2024-03-26T00:00:00Z", 0},
		{"Tuesday, March 26th, 2024", "2024-03-26T00:00:00Z", 0},
		{"26 March 2024", "2024-03-26T00:00:00Z", 0},
		{"Mar. 26, 2024", "2024-03-26T00:00:00Z", 0},
		{"5:02 PM EDT, Tue March 26, 2024", "2024-03-26T17:02:00-04:00", 0},
		{"March 26, 2024 at 9:15 a.m. PST", "2024-03-26T09:15:00-08:00", 0},
		{"March 26, 2024 10:00 The minister", "2024-03-26T00:00:00Z", len("March 26, 2024 10:00")},
		{"2024-03-26", "2024-03-26T00:00:00Z", 0},
		// US order with slashes, European with dots; two-digit years.
		{"10/30/89", "1989-10-30T00:00:00Z", 0},
		{"03/04/2024", "2024-03-04T00:00:00Z", 0},
		{"26/03/2024", "2024-03-26T00:00:00Z", 0},
		{"26.03.2024", "2024-03-26T00:00:00Z", 0},
		{"04.03.24", "2024-03-04T00:00:00Z", 0},
		{"08-15-90", "1990-08-15T00:00:00Z", 0},
		{"February 30, 2024", "", 0},
		{"13/13/2024", "", 0},
		{"The minister resigned on March 26, 2024.", "", 0},
		{"26 people died", "", 0},
	}
	for _, tt := range tests {
		d, n, ok := leadingDate(tt.in)
		got := ""
		if ok {
			got = d.t.Format(time.RFC3339)
		}
		want := tt.n
		if want == 0 && ok {
			want = len(tt.in)
		}
		if got != tt.want || ok && n != want {
			t.Errorf("leadingDate(%q) = %q, %d bytes; want %q, %d", tt.in, got, n, tt.want, want)
		}
	}
}

func TestWireDateline(t *testing.T) {
	tests := []struct {
		in, want, rest string
	}{
		{"WASHINGTON, March 26, 2024 (AP) — The president said", "2024-03-26", "The president said"},
		{"NASHUA, N.H., Oct. 30, 1989 - Nashua Corp. said", "1989-10-30", "Nashua Corp. said"},
		{"BERLIN, 26 March 2024 (Reuters) -- Germany's", "2024-03-26", "Germany's"},
		{"WASHINGTON (AP) — The president said", "", ""},
		{"On March 26, 2024 the president said", "", ""},
	}
	for _, tt := range tests {
		d, n, ok := wireDateline(tt.in)
		got, rest := "", ""
		if ok {
			got, rest = d.t.Format(time.DateOnly), tt.in[n:]
		}
		if got != tt.want || rest != tt.rest {
			t.Errorf("wireDateline(%q) = %q, rest %q; want %q, %q", tt.in, got, rest, tt.want, tt.rest)
		}
	}
}
