package tsv

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestRead(t *testing.T) {
	fsys := fstest.MapFS{"d.tsv": {Data: []byte("# header\n\nabstain \t 0871 \nveto\t0874\n")}}
	tests := []struct {
		name    string
		stopAt  int
		want    [][]string
		wantErr string
	}{
		{"every entry, trimmed, comments and blanks skipped", 0, [][]string{{"abstain", "0871"}, {"veto", "0874"}}, ""},
		{"an error names the file and line", 4, [][]string{{"abstain", "0871"}}, "d.tsv:4: bad"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]string
			err := Read(fsys, "d.tsv", func(line int, cols []string) error {
				if line == tt.stopAt {
					return errors.New("bad")
				}
				got = append(got, cols)
				return nil
			})
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if err := Read(fsys, "missing.tsv", func(int, []string) error { return nil }); err == nil {
		t.Error("missing file read")
	}
}

// TestReadLines checks line numbers, Windows line ends, a last line
// without its end, and that each line's columns are its own.
func TestReadLines(t *testing.T) {
	fsys := fstest.MapFS{"d.tsv": {Data: []byte("a\tb\r\n\r\n# c\td\n e \t\t f\ng")}}
	var lines []int
	var got [][]string
	err := Read(fsys, "d.tsv", func(line int, cols []string) error {
		lines = append(lines, line)
		got = append(got, cols)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range got {
		_ = append(c, "x") // must not write into the next line's columns
	}
	want := [][]string{{"a", "b"}, {"e", "", "f"}, {"g"}}
	if !slices.Equal(lines, []int{1, 4, 5}) || !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("lines %v, columns %q; want [1 4 5], %q", lines, got, want)
	}
}
