// Command gennouns writes extract/actor/data/wordnet_nouns.tsv: the common
// nouns whose most frequent WordNet 3.0 sense is a person ("prosecutor",
// "starlet", "producer") or a social group ("academy", "police",
// "jury"), in both numbers. The recognizer reads them as it reads
// nouns.tsv: a nominal mention ("a prosecutor said", "the Academy
// announced") is an actor an event can take as its agent.
//
//	go run ./extract/actor/internal/gennouns -wordnet /usr/share/wordnet -out extract/actor/data/wordnet_nouns.tsv
//
// Only the first sense counts (WordNet orders senses by frequency in its
// tagged corpus): "force" (first a physical quantity) and "star" (a
// celestial body) stay out. Multi-word lemmas and capitalized ones (names)
// stay out too. Plurals come from WordNet's exception list (noun.exc),
// else from the regular rules. The output is sorted: the same WordNet
// gives the same bytes.
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/extract/internal/wordnet"
)

// Roots of the classes kept, by synset offset in data.noun.
const (
	personRoot       = "00007846" // person.n.01
	causalAgentRoot  = "00007347" // causal_agent.n.01
	organizationRoot = "08008335" // organization.n.01
	socialGroupRoot  = "07950920" // social_group.n.01
	gatheringRoot    = "07975026" // gathering.n.01: a party, a conference, a rally
)

// Lexicographer files of senses that make a noun an event: noun.act
// ("patrol", "raid") and noun.event.
const (
	lexAct = "04"
	// lexPerson is noun.person: a synset filed there under causal
	// agent is a person even when its hypernyms miss person.n.01
	// (motorist → driver → operator → causal agent); imaginary beings
	// filed there are not ("dragon", "spirit").
	lexPerson = "18"
	lexEvent  = "11"
)

// skipList holds the nouns left out whatever WordNet says (skip.tsv).
//
//go:embed skip.tsv
var skipList string

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database folder (Debian package wordnet-base)")
	out := flag.String("out", "extract/actor/data/wordnet_nouns.tsv", "output TSV")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		slog.Error("gennouns", "err", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	nouns, err := wordnet.ReadNouns(dir)
	if err != nil {
		return err
	}
	syns, senses, irregular := nouns.Synsets, nouns.Senses, nouns.Irregular
	verbs, err := wordnet.ReadSenses(filepath.Join(dir, "index.verb"))
	if err != nil {
		return err
	}
	skip := map[string]bool{}
	for _, line := range strings.Split(skipList, "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			skip[w] = true
		}
	}
	kinds := map[string]string{}
	cache := map[string]string{}
	for lemma, offs := range senses {
		if skip[lemma] || syns[offs[0]].Names[lemma] || eventLike(offs, syns) || participle(lemma, verbs) {
			continue
		}
		if k := classOf(offs[0], syns, cache); k != "" && k != "gathering" {
			kinds[lemma] = k
		}
	}
	return write(out, kinds, irregular)
}

// eventLike reports whether one of a noun's two most frequent senses is an
// act or an event, or a gathering: "party", "patrol", "conference" name
// events in news as often as groups.
func eventLike(offs []string, syns map[string]wordnet.Synset) bool {
	for i, off := range offs {
		if i == 2 {
			break
		}
		if lf := syns[off].Lexfile; lf == lexAct || lf == lexEvent || descends(off, gatheringRoot, syns, 0) {
			return true
		}
	}
	return false
}

// participle reports whether a noun is a verb's past participle: "the
// accused" is a person, but "a man accused of" is the event a tagger
// most often misreads as a noun.
func participle(w string, verbs map[string][]string) bool {
	if !strings.HasSuffix(w, "ed") {
		return false
	}
	_, d := verbs[w[:len(w)-1]]
	_, ed := verbs[w[:len(w)-2]]
	return d || ed
}

// descends reports whether synset off has root among its hypernyms.
func descends(off, root string, syns map[string]wordnet.Synset, depth int) bool {
	if off == root {
		return true
	}
	if depth > 30 {
		return false
	}
	for _, h := range syns[off].Hyper {
		if descends(h, root, syns, depth+1) {
			return true
		}
	}
	return false
}

// classOf returns "person", "organization", "group" or "" for a synset,
// following hypernym pointers (not instance ones: those are names).
func classOf(off string, syns map[string]wordnet.Synset, cache map[string]string) string {
	if k, ok := cache[off]; ok {
		return k
	}
	cache[off] = "" // cycles (there are none in WordNet 3.0) end here
	var k string
	switch off {
	case personRoot:
		k = "person"
	case organizationRoot:
		k = "organization"
	case socialGroupRoot:
		k = "group"
	default:
		for _, h := range syns[off].Hyper {
			if hk := classOf(h, syns, cache); rank(hk) > rank(k) {
				k = hk
			}
		}
		if k == "" && syns[off].Lexfile == lexPerson && descends(off, causalAgentRoot, syns, 0) {
			k = "person"
		}
	}
	cache[off] = k
	return k
}

// rank orders the classes when a synset has several hypernyms: a person
// first, then an organization, then any social group.
func rank(k string) int {
	return map[string]int{"": 0, "group": 1, "organization": 2, "person": 3}[k]
}

// plural returns the plural of a person noun: "spokeswoman"
// "spokeswomen", else the regular one.
func plural(w string) string {
	if strings.HasSuffix(w, "man") && !strings.HasSuffix(w, "human") {
		return w[:len(w)-3] + "men"
	}
	return wordnet.Plural(w)
}

func write(path string, kinds, irregular map[string]string) error {
	type row struct{ noun, kind, num string }
	isPlural := map[string]bool{}
	for _, pl := range irregular {
		isPlural[pl] = true
	}
	var rows []row
	seen := map[string]bool{}
	add := func(noun, kind, num string) {
		if !seen[noun] {
			seen[noun] = true
			rows = append(rows, row{noun, kind, num})
		}
	}
	for lemma, k := range kinds {
		if !isPlural[lemma] { // "men" is a plural, not a noun of its own
			add(lemma, k, "sg")
		}
	}
	for lemma, k := range kinds {
		if isPlural[lemma] {
			continue
		}
		pl := irregular[lemma]
		if pl == "" {
			pl = plural(lemma)
		}
		add(pl, k, "pl")
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].noun < rows[j].noun })
	var b strings.Builder
	b.WriteString(header)
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", r.noun, r.kind, r.num)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("gennouns: %w", err)
	}
	slog.Info("gennouns", "out", path, "nouns", len(kinds), "rows", len(rows))
	return nil
}

const header = `# Generated by extract/actor/internal/gennouns from WordNet 3.0 (Princeton
# University; licence in WORDNET-LICENSE beside this file): one-word common
# nouns whose most frequent sense is a person, an organization or another
# social group, with their plurals. Columns as nouns.tsv: noun, kind
# (person, organization, group), number (sg or pl). Do not edit: run make
# train. nouns.tsv, read first, overrides a noun listed in both.
`
