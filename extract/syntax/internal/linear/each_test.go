package linear

import (
	"fmt"
	"slices"
	"testing"
)

// Scan sees the features and weights that Each sees on the decoded model.
func TestScan(t *testing.T) {
	m := train(1).Model(0.01)
	b, err := m.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	row := func(k uint32, cl []uint16, w []int16) string {
		var s string
		for j, c := range cl {
			if w[j] != 0 {
				s += fmt.Sprintf(" %d:%d", c, w[j])
			}
		}
		return fmt.Sprintf("%d%s", k, s)
	}
	var want, got []string
	m.Each(func(k uint32, cl []uint16, w []int16) { want = append(want, row(k, cl, w)) })
	var info Info
	rest, err := Scan(append(b, "tail"...), func(i Info) { info = i }, func(k uint32, cl []uint16, w []int16) {
		got = append(got, row(k, cl, w))
	})
	if err != nil || info.Classes != 3 || info.Features != m.Features() || info.Scale != m.Scale() || string(rest) != "tail" {
		t.Fatalf("Scan: %+v, rest %q, %v", info, rest, err)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("Scan saw %d features unlike Each's %d", len(got), len(want))
	}
	if _, err := Scan(b[:len(b)/2], func(Info) {}, func(uint32, []uint16, []int16) {}); err == nil {
		t.Error("half a model decoded")
	}
}
