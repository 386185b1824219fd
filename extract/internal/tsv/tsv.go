// Package tsv reads the extractors' tab-separated dictionaries: one entry
// per line, columns trimmed, blank lines and # comments skipped.
package tsv

import (
	"fmt"
	"io/fs"
	"strings"
)

// Read calls fn with the 1-based line number and the columns of every
// entry of the file name in fsys. An error from fn stops the reading and
// is returned with the file name and line. fn may keep cols: each line has
// its own.
func Read(fsys fs.FS, name string, fn func(line int, cols []string) error) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	text := string(data)
	// The columns of all lines share one array, each line's slice capped
	// at its end: one allocation for the file's columns.
	cols := make([]string, 0, strings.Count(text, "\t")+strings.Count(text, "\n")+1)
	for n := 1; text != ""; n++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		start := len(cols)
		for col := range strings.SplitSeq(line, "\t") {
			cols = append(cols, strings.TrimSpace(col))
		}
		if err := fn(n, cols[start:len(cols):len(cols)]); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return nil
}
