package detect

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// lexNames are WordNet's lexicographer files by number (lexnames), for
// the classes that tell events apart: a communication verb reports, a
// cognition verb or a feeling noun is an intensional state, a noun of
// act or event is an occurrence.
var lexNames = map[string]string{
	"04": "noun.act", "09": "noun.cognition", "10": "noun.communication",
	"11": "noun.event", "12": "noun.feeling", "19": "noun.phenomenon", "21": "noun.possession",
	"22": "noun.process", "26": "noun.state", "28": "noun.time",
	"29": "verb.body", "30": "verb.change", "31": "verb.cognition", "32": "verb.communication",
	"33": "verb.competition", "34": "verb.consumption", "35": "verb.contact", "36": "verb.creation",
	"37": "verb.emotion", "38": "verb.motion", "39": "verb.perception", "40": "verb.possession",
	"41": "verb.social", "42": "verb.stative", "43": "verb.weather",
}

// AddWordNet adds to lx, for each one-word noun and verb lemma of the
// WordNet 3.0 database in dir, a flag naming the lexicographer file of
// its most frequent sense ("wn:verb.communication"), when that file is
// one of lexNames. The flags generalize the trigger dictionary to words
// the training data never shows; they are stored with the model, so
// WordNet is needed only to train.
func AddWordNet(lx Lexicon, dir string) error {
	for _, pos := range []string{"noun", "verb"} {
		files, err := synsetFiles(filepath.Join(dir, "data."+pos))
		if err != nil {
			return err
		}
		err = eachWordNetLine(filepath.Join(dir, "index."+pos), func(f []string) {
			if len(f) < 6 || strings.ContainsAny(f[0], "_-.'") {
				return
			}
			var np int
			fmt.Sscanf(f[3], "%d", &np)
			if i := 4 + np + 2; i < len(f) {
				if name, ok := lexNames[files[f[i]]]; ok {
					key := pos[:1] + ":" + f[0]
					lx[key] = append(lx[key], "wn:"+name)
				}
			}
		})
		if err != nil {
			return err
		}
	}
	for w, flags := range lx {
		slices.Sort(flags)
		lx[w] = slices.Compact(flags)
	}
	return nil
}

// synsetFiles maps each synset offset of a data file to its
// lexicographer file number.
func synsetFiles(path string) (map[string]string, error) {
	files := map[string]string{}
	err := eachWordNetLine(path, func(f []string) {
		if len(f) > 1 && len(f[0]) == 8 {
			files[f[0]] = f[1]
		}
	})
	return files, err
}

func eachWordNetLine(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("wordnet: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue // the licence header
		}
		if i := strings.Index(line, " | "); i >= 0 {
			line = line[:i]
		}
		fn(strings.Fields(line))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("wordnet: %s: %w", path, err)
	}
	return nil
}
