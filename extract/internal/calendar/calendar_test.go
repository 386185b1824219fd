package calendar

import (
	"slices"
	"testing"
)

func TestNames(t *testing.T) {
	ns := Names()
	want := map[Kind]int{Month: 12, Weekday: 7}
	got := map[Kind]int{}
	seen := map[string]bool{}
	for _, n := range ns {
		got[n.Kind]++
		if n.N != got[n.Kind] {
			t.Errorf("%s: number %d, want %d (in order)", n.Name, n.N, got[n.Kind])
		}
		for _, w := range append([]string{n.Name, n.Plural}, n.Abbrevs...) {
			if w == "" {
				continue
			}
			if seen[w] {
				t.Errorf("%q listed twice", w)
			}
			seen[w] = true
		}
	}
	if got[Month] != want[Month] || got[Weekday] != want[Weekday] {
		t.Errorf("got %v names, want %v", got, want)
	}
	for _, tc := range []struct {
		name   string
		kind   Kind
		n      int
		abbrev string
	}{
		{"september", Month, 9, "sept"},
		{"thursday", Weekday, 4, "thurs"},
		{"sunday", Weekday, 7, "sun"},
	} {
		i := slices.IndexFunc(ns, func(n Name) bool { return n.Name == tc.name })
		if i < 0 {
			t.Errorf("%s: not found", tc.name)
			continue
		}
		if n := ns[i]; n.Kind != tc.kind || n.N != tc.n || !slices.Contains(n.Abbrevs, tc.abbrev) {
			t.Errorf("%s: got %+v", tc.name, n)
		}
	}
}
