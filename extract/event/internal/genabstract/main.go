// Command genabstract writes extract/event/data/wordnet_abstract.tsv: the
// one-word nouns whose most frequent WordNet 3.0 sense names no physical
// thing (an attribute, a cognition, a communication, a feeling, a motive,
// a relation, a state or a time: "reputation", "tensions", "crisis",
// "hope"). A use of force
// (CAMEO 18-20) whose subject or object is one is figurative: "could harm
// his reputation", "tensions escalate".
//
//	go run ./extract/event/internal/genabstract -wordnet /usr/share/wordnet -out extract/event/data/wordnet_abstract.tsv
//
// A noun is left out when its second sense is physical (a person, a
// group, an artifact, a body part, an animal, a food, an object, a
// location, a substance, a plant) or an act, or any sense is a group or a
// person ("forces"): what it names may be real. The output is sorted: the same WordNet
// gives the same bytes.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/extract/internal/wordnet"
)

// abstractFiles are the lexicographer files of senses that name no
// physical thing.
var abstractFiles = map[string]bool{
	"07": true, // noun.attribute
	"09": true, // noun.cognition
	"10": true, // noun.communication
	"12": true, // noun.feeling
	"16": true, // noun.motive
	"24": true, // noun.relation
	"26": true, // noun.state
	"28": true, // noun.time
}

// physicalFiles are the lexicographer files of senses that name a
// physical thing, or an act: a noun whose second sense is one can be the
// object of a real use of force ("strike", "fire").
var physicalFiles = map[string]bool{
	"04": true, // noun.act
	"05": true, // noun.animal
	"06": true, // noun.artifact
	"08": true, // noun.body
	"13": true, // noun.food
	"14": true, // noun.group
	"15": true, // noun.location
	"17": true, // noun.object
	"18": true, // noun.person
	"20": true, // noun.plant
	"27": true, // noun.substance
}

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database folder (Debian package wordnet-base)")
	out := flag.String("out", "extract/event/data/wordnet_abstract.tsv", "output TSV")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		slog.Error("genabstract", "err", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	nouns, err := wordnet.ReadNouns(dir)
	if err != nil {
		return err
	}
	syns, senses, irregular := nouns.Synsets, nouns.Senses, nouns.Irregular
	var words []string
	for lemma, offs := range senses {
		if abstract(offs, syns) {
			words = append(words, lemma, plural(lemma, irregular))
		}
	}
	return write(out, words)
}

// abstract reports whether a noun's senses (offsets, most frequent first)
// make it abstract: the first in an abstract file, the second (if any) not
// physical nor an act, none a group or a person, and no capitalized form
// (a name).
func abstract(offs []string, syns map[string]wordnet.Synset) bool {
	if len(offs) == 0 || !abstractFiles[syns[offs[0]].Lexfile] || len(syns[offs[0]].Names) > 0 {
		return false
	}
	if len(offs) > 1 && physicalFiles[syns[offs[1]].Lexfile] {
		return false
	}
	for _, off := range offs {
		if lf := syns[off].Lexfile; lf == "14" || lf == "18" {
			return false // "forces", "authority": a sense is who acts
		}
	}
	return true
}

// plural returns a noun's plural: WordNet's irregular one, else the
// regular one.
func plural(w string, irregular map[string]string) string {
	if p := irregular[w]; p != "" {
		return p
	}
	return wordnet.Plural(w)
}

const header = `# Nouns whose most frequent WordNet 3.0 sense names no physical thing
# (noun.attribute, cognition, communication, feeling, motive, relation,
# state, time) and whose second sense is neither physical nor an act, and
# their plurals, one a line. A use of force whose
# subject or object is one is figurative ("harm the most vital causes").
# Do not edit: make train writes it (extract/event/internal/genabstract).
# WordNet 3.0 licence: WORDNET-LICENSE beside this file.
`

func write(path string, words []string) error {
	sort.Strings(words)
	words = compact(words)
	var b strings.Builder
	b.WriteString(header)
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("genabstract: %w", err)
	}
	slog.Info("genabstract", "out", path, "words", len(words))
	return nil
}

// compact drops repeated words of a sorted slice.
func compact(ws []string) []string {
	out := ws[:0]
	for i, w := range ws {
		if i == 0 || w != ws[i-1] {
			out = append(out, w)
		}
	}
	return out
}
