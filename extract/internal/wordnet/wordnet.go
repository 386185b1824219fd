// Package wordnet reads the WordNet 3.0 database files (Debian's
// wordnet-base, /usr/share/wordnet) for the programs that train or
// generate the extractors' word lists: a line reader and the regular
// English plural.
package wordnet

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// EachLine calls fn with the space-separated fields of each line of the
// WordNet file at path, skipping the licence header (lines starting with
// two spaces).
func EachLine(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("wordnet: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue
		}
		fn(strings.Fields(line))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("wordnet: %s: %w", path, err)
	}
	return nil
}

// Plural is the regular plural of a noun, or the third person singular of
// a verb: "boss" "bosses", "deputy" "deputies", "attorney" "attorneys".
func Plural(w string) string {
	n := len(w)
	switch {
	case n == 0:
		return ""
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	}
	return w + "s"
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
