// Package tsv reads the extractors' tab-separated dictionaries: one entry
// per line, columns trimmed, blank lines and # comments skipped.
package tsv

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
)

// Read calls fn with the 1-based line number and the columns of every
// entry of the file name in fsys. An error from fn stops the reading and
// is returned with the file name and line.
func Read(fsys fs.FS, name string, fn func(line int, cols []string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		if err := fn(n, cols); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
