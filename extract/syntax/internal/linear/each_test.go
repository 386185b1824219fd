package linear

import (
	"fmt"
	"slices"
	"testing"
)

// DecodeEach sees the features and weights that Each sees on the decoded
// model.
func TestDecodeEach(t *testing.T) {
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
	classes, n, rest, err := DecodeEach(append(b, "tail"...), func(k uint32, cl []uint16, w []int16) {
		got = append(got, row(k, cl, w))
	})
	if err != nil || classes != 3 || n != m.Features() || string(rest) != "tail" {
		t.Fatalf("DecodeEach: %d classes, %d features, rest %q, %v", classes, n, rest, err)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("DecodeEach saw %d features unlike Each's %d", len(got), len(want))
	}
	if _, _, _, err := DecodeEach(b[:len(b)/2], func(uint32, []uint16, []int16) {}); err == nil {
		t.Error("half a model decoded")
	}
}
