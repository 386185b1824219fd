// Package wordnet reads the WordNet 3.0 database files (Debian's
// wordnet-base, /usr/share/wordnet) for the programs that train or
// generate the extractors' word lists: a line reader, the synsets, senses
// and irregular plurals of its files, and the regular English plural.
package wordnet

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
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

// Synset is what the generators read of a synset.
type Synset struct {
	Lexfile string          // lexicographer file number: "18" is noun.person
	Hyper   []string        // hypernym offsets
	Names   map[string]bool // lowercase forms written capitalized ("Watergate")
}

// ReadSynsets reads the synsets of a data file (data.noun): lexicographer file,
// hypernyms and the forms written capitalized, by offset.
func ReadSynsets(path string) (map[string]Synset, error) {
	syns := map[string]Synset{}
	err := EachLine(path, func(f []string) {
		if len(f) < 4 || len(f[0]) != 8 {
			return
		}
		sy := Synset{Lexfile: f[1], Names: map[string]bool{}}
		var nw int
		fmt.Sscanf(f[3], "%x", &nw)
		for w := 0; w < nw && 4+2*w < len(f); w++ {
			if word := f[4+2*w]; word != strings.ToLower(word) {
				sy.Names[strings.ToLower(word)] = true
			}
		}
		i := 4 + 2*nw
		if i >= len(f) {
			return
		}
		var np int
		fmt.Sscanf(f[i], "%d", &np)
		for p := 0; p < np && i+1+4*p+1 < len(f); p++ {
			if f[i+1+4*p] == "@" {
				sy.Hyper = append(sy.Hyper, f[i+1+4*p+1])
			}
		}
		syns[f[0]] = sy
	})
	return syns, err
}

// ReadSenses maps each one-word lowercase lemma to its senses, most
// frequent first.
func ReadSenses(path string) (map[string][]string, error) {
	senses := map[string][]string{}
	err := EachLine(path, func(f []string) {
		if len(f) < 6 || strings.ContainsAny(f[0], "_-.'0123456789") || len(f[0]) < 3 {
			return
		}
		var np int
		fmt.Sscanf(f[3], "%d", &np)
		i := 4 + np + 2 // after the pointers: sense_cnt, tagsense_cnt
		if i < len(f) {
			senses[f[0]] = f[i:]
		}
	})
	return senses, err
}

// ReadPlurals maps a noun to its irregular plural.
func ReadPlurals(path string) (map[string]string, error) {
	pl := map[string]string{}
	err := EachLine(path, func(f []string) {
		if len(f) == 2 && !strings.ContainsAny(f[0], "_-") {
			if _, ok := pl[f[1]]; !ok || len(f[0]) < len(pl[f[1]]) {
				pl[f[1]] = f[0]
			}
		}
	})
	return pl, err
}

// Nouns is what the generators read of WordNet's nouns.
type Nouns struct {
	Synsets   map[string]Synset   // by offset (data.noun)
	Senses    map[string][]string // one-word lemma -> synset offsets, most frequent first (index.noun)
	Irregular map[string]string   // noun -> irregular plural (noun.exc)
}

// ReadNouns reads the noun files of the WordNet database folder dir.
func ReadNouns(dir string) (Nouns, error) {
	var n Nouns
	var err error
	if n.Synsets, err = ReadSynsets(filepath.Join(dir, "data.noun")); err != nil {
		return n, err
	}
	if n.Senses, err = ReadSenses(filepath.Join(dir, "index.noun")); err != nil {
		return n, err
	}
	n.Irregular, err = ReadPlurals(filepath.Join(dir, "noun.exc"))
	return n, err
}
