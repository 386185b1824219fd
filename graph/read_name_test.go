package graph

import (
	"testing"

	"github.com/cayleygraph/quad"
)

// TestPropsName checks that the name does not depend on the order the
// store returns an actor's labels in.
func TestPropsName(t *testing.T) {
	for _, tc := range []struct {
		labels []string
		want   string
	}{
		{nil, ""},
		{[]string{"Kopp"}, "Kopp"},
		{[]string{"James Kopp", "James Charles Kopp"}, "James Charles Kopp"},
		{[]string{"James Charles Kopp", "James Kopp"}, "James Charles Kopp"},
		{[]string{"Obama", "Biden"}, "Biden"},
		{[]string{"Biden", "Obama"}, "Biden"},
	} {
		p := Props{}
		for _, l := range tc.labels {
			p[Label] = append(p[Label], quad.String(l))
		}
		if got := p.Name(); got != tc.want {
			t.Errorf("Name(%q) = %q, want %q", tc.labels, got, tc.want)
		}
	}
}
