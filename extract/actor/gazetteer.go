package actor

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/biter777/countries"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/internal/tsv"
	"github.com/eventgraph/eventgraph/extract/text"
)

//go:embed data/*.tsv
var dataFS embed.FS

// entryType says what a gazetteer phrase is.
type entryType uint8

const (
	eEntity    entryType = iota // an organization, IGO, group, office, place or alias (entities.tsv)
	eCountry                    // a country name (library or entities.tsv)
	eCapital                    // a capital city (library)
	eDemonym                    // a nationality adjective (demonyms.tsv)
	eDemonymPl                  // a plural people noun of a nationality ("Israelis")
	eTitle                      // a title or role (titles.tsv)
	eNoun                       // a common noun for people, groups or places (nouns.tsv)
	ePlace                      // a subdivision of a country: state, province, region (library)
)

// entry is one gazetteer phrase.
type entry struct {
	typ   entryType
	key   string // actor key for entities and countries
	name  string // canonical name
	code  string // CAMEO code
	kind  doc.ActorKind
	iso   string // ISO3 for countries, capitals and demonyms
	class string // title class (head, gov, mil, org, honor, other)
	title string // canonical title text for titles, lemma for nouns
	// relation of an entity to another key: part_of, seat_of...
	relKind, relKey string
	metonym         bool
	lower           bool // may match in lowercase
	plural          bool
	// exact, when set, is the token text the first token must have exactly
	// (acronyms such as "US", "WHO", "IS" must not match "us", "who", "is").
	exact bool
	// nounOnly entries (nouns from WordNet) match only a word the parser
	// tags as a noun: "accused" in "a man accused of", "miss" in "will
	// miss the game" are verbs.
	nounOnly bool
	// possessed nouns name someone only after a possessive: "her agent",
	// "Page's agent" (not "a nerve agent").
	possessed bool
	gender    byte // for person nouns: 'f', 'm' or 0 (gendered_nouns.tsv)
}

type node struct {
	next map[string]*node
	ents []int32
}

// gazetteer is the compiled lookup structure: a trie over lowercase tokens.
type gazetteer struct {
	root      *node
	ents      []entry
	byKey     map[string]int    // entity key -> defining entry
	countries map[string]string // ISO3 -> country name
	capitals  map[string]string // ISO3 -> capital name
	maxLen    int
	// words maps a lowercase token to its word classes and its child of
	// root: one lookup per token instead of one per set and the trie's
	// first step.
	words map[string]wordInfo
	short shortWords // the words of at most 8 bytes
	// gender of the person nouns and titles that say it ("actress": 'f',
	// gendered_nouns.tsv)
	gender map[string]byte
	// roles are the sectors a nationality before them names: "Syrian
	// rebels" (role_nouns.tsv)
	roles map[string]roleNoun
}

// roleNoun is a sector of a country that a noun after its nationality
// names: its CAMEO role code, actor kind and name suffix.
type roleNoun struct {
	code, suffix string
	kind         doc.ActorKind
}

// readRoleNouns reads data/role_nouns.tsv.
func (g *gazetteer) readRoleNouns() error {
	g.roles = map[string]roleNoun{}
	return readTSV("role_nouns.tsv", func(_ int, c []string) error {
		if len(c) < 4 {
			return fmt.Errorf("want noun, code, kind, suffix")
		}
		g.roles[c[0]] = roleNoun{code: c[1], kind: doc.ActorKind(c[2]), suffix: c[3]}
		return nil
	})
}

// wordInfo is what a token's lowercase form says on its own.
type wordInfo struct {
	cls  uint32 // wordClass bits
	root *node  // root.next[word], nil when no phrase starts with it
}

// indexWords builds g.words from the trie's first level and the word
// classes.
func (g *gazetteer) indexWords() {
	classes := wordClasses()
	g.words = make(map[string]wordInfo, len(g.root.next)+len(classes))
	for w, n := range g.root.next {
		g.words[w] = wordInfo{root: n}
	}
	for w, c := range classes {
		wi := g.words[w]
		wi.cls = c
		g.words[w] = wi
	}
	g.short.build(g.words)
}

var (
	gazOnce sync.Once
	gaz     *gazetteer
	gazErr  error
)

// load returns the gazetteer, built on first use.
func load() *gazetteer {
	gazOnce.Do(func() {
		gaz, gazErr = build()
		if gazErr != nil {
			panic(fmt.Errorf("actor: embedded gazetteer: %w", gazErr))
		}
	})
	return gaz
}

// norm lowercases a token for lookup and folds typographic apostrophes.
func norm(s string) string {
	ascii, upper := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			ascii = false
			break
		}
		if c >= 'A' && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return s
		}
		return strings.ToLower(s)
	}
	s = strings.ReplaceAll(s, "’", "'")
	return strings.ToLower(s)
}

// tokensOf splits a gazetteer phrase as the text is split.
func tokensOf(phrase string) []string {
	toks := text.Tokens(phrase, doc.Span{Start: 0, End: len(phrase)})
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// add adds phrase to the trie with entry e.
func (g *gazetteer) add(phrase string, e entry) {
	toks := tokensOf(phrase)
	if len(toks) == 0 {
		return
	}
	first := toks[0]
	if len(toks) == 1 && isAcronym(first) {
		e.exact = true
	}
	n := g.root
	for _, t := range toks {
		k := norm(t)
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c := n.next[k]
		if c == nil {
			c = &node{}
			n.next[k] = c
		}
		n = c
	}
	if len(toks) > g.maxLen {
		g.maxLen = len(toks)
	}
	// Keep one entry per (type, key) on a node.
	for _, id := range n.ents {
		o := g.ents[id]
		if o.typ == e.typ && o.key == e.key && o.title == e.title && o.iso == e.iso {
			return
		}
	}
	g.ents = append(g.ents, e)
	n.ents = append(n.ents, int32(len(g.ents)-1))
}

// isAcronym reports whether s is an all-caps word of at most 4 letters
// (periods allowed): "US", "U.S.", "WHO", "IS".
func isAcronym(s string) bool {
	letters := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == '.':
		default:
			return false
		}
	}
	return letters > 0 && letters <= 4
}

// readTSV reads data/name of the embedded data.
func readTSV(name string, f func(line int, cols []string) error) error {
	return tsv.Read(dataFS, "data/"+name, f)
}

// col returns column i of cols, "" when the line has fewer.
func col(cols []string, i int) string {
	if i < len(cols) {
		return cols[i]
	}
	return ""
}

// cleanCountryName turns the library's formal names into news forms:
// "Iran (Islamic Republic of)" -> "Iran".
func cleanCountryName(s string) string {
	if i := strings.Index(s, " ("); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// build compiles the gazetteer: countries, capitals and subdivisions from
// the countries library, then the package's own data.
func build() (*gazetteer, error) {
	g := &gazetteer{root: &node{}, byKey: map[string]int{}, countries: map[string]string{}, capitals: map[string]string{}}
	ambiguous, err := readAmbiguousCapitals()
	if err != nil {
		return nil, err
	}
	g.addCountries(ambiguous)
	// Subdivisions after the countries, so that a country name keeps its
	// country entry.
	g.addSubdivisions()
	if g.capitals["USA"] == "" {
		g.capitals["USA"] = "Washington"
	}
	for _, read := range []func() error{g.readEntities, g.readDemonyms, g.readTitles, g.readNouns, g.readRoleNouns} {
		if err := read(); err != nil {
			return nil, err
		}
	}
	g.indexWords()
	return g, nil
}

// addCountries adds the countries of the library and their capitals, but
// for the ambiguous ones.
func (g *gazetteer) addCountries(ambiguous map[string]bool) {
	for _, c := range countries.All() {
		iso := c.Alpha3()
		if len(iso) != 3 || !c.IsValid() {
			continue
		}
		name := cleanCountryName(c.String())
		if name == "" || strings.Contains(name, "Unknown") {
			continue
		}
		g.countries[iso] = name
		e := entry{typ: eCountry, key: "country:" + iso, name: name, code: iso, kind: doc.KindCountry, iso: iso}
		g.add(name, e)
		if full := c.String(); full != name {
			g.add(full, e)
		}
		capital := cleanCountryName(c.Capital().String())
		if capital != "" && !strings.Contains(capital, "Unknown") && !ambiguous[capital] {
			g.capitals[iso] = capital
			g.add(capital, entry{typ: eCapital, key: "place:" + norm(capital), name: capital, kind: doc.KindPlace, iso: iso})
		}
	}
}

// addSubdivisions adds the states, provinces and regions of the library's
// countries as places.
func (g *gazetteer) addSubdivisions() {
	for _, c := range countries.All() {
		iso := c.Alpha3()
		if len(iso) != 3 || !c.IsValid() {
			continue
		}
		for _, sd := range c.Subdivisions() {
			name := cleanCountryName(sd.String())
			if !usablePlaceName(name) {
				continue
			}
			g.add(name, entry{typ: ePlace, key: "place:" + normPhrase(name), name: name, kind: doc.KindPlace, iso: iso})
		}
	}
}

// readEntities adds the organizations, groups, offices, places and
// country aliases of data/entities.tsv.
func (g *gazetteer) readEntities() error {
	return readTSV("entities.tsv", func(ln int, c []string) error {
		if len(c) < 4 {
			return fmt.Errorf("want at least 4 columns, got %d", len(c))
		}
		e := entry{key: c[0], kind: doc.ActorKind(c[1]), code: c[2], name: c[3], typ: eEntity}
		if strings.HasPrefix(e.key, "country:") {
			e.typ = eCountry
			e.iso = strings.TrimPrefix(e.key, "country:")
			g.countries[e.iso] = e.name // the news form wins over the library's
		}
		if r := col(c, 5); r != "" {
			k, v, ok := strings.Cut(r, ":")
			if !ok {
				return fmt.Errorf("relation %q: want kind:key", r)
			}
			e.relKind, e.relKey = k, v
		}
		for _, f := range strings.Split(col(c, 6), ",") {
			switch strings.TrimSpace(f) {
			case "metonym":
				e.metonym = true
			case "lower":
				e.lower = true
			}
		}
		g.byKey[e.key] = len(g.ents)
		g.add(e.name, e)
		if a := col(c, 4); a != "" {
			for _, alias := range strings.Split(a, "|") {
				if alias = strings.TrimSpace(alias); alias != "" {
					g.add(alias, e)
				}
			}
		}
		return nil
	})
}

// readDemonyms adds the nationality adjectives and people nouns of
// data/demonyms.tsv.
func (g *gazetteer) readDemonyms() error {
	return readTSV("demonyms.tsv", func(ln int, c []string) error {
		if len(c) < 2 {
			return fmt.Errorf("want demonym and ISO3")
		}
		g.add(c[0], entry{typ: eDemonym, iso: c[1], name: c[0]})
		if p := col(c, 2); p != "" {
			g.add(p, entry{typ: eDemonymPl, iso: c[1], name: p, plural: true})
		}
		return nil
	})
}

// readTitles adds the titles and roles of data/titles.tsv.
func (g *gazetteer) readTitles() error {
	return readTSV("titles.tsv", func(ln int, c []string) error {
		if len(c) < 2 {
			return fmt.Errorf("want title and class")
		}
		g.add(c[0], entry{typ: eTitle, title: strings.TrimSuffix(c[0], "."), class: c[1], lower: true})
		return nil
	})
}

// readNouns adds the common nouns for people, groups and places of
// data/nouns.tsv, then those of data/wordnet_nouns.tsv (generated from
// WordNet by make train): a noun in both keeps its nouns.tsv entry. The
// gender of data/gendered_nouns.tsv goes with both.
func (g *gazetteer) readNouns() error {
	gender := map[string]byte{}
	err := readTSV("gendered_nouns.tsv", func(_ int, c []string) error {
		if len(c) < 2 || c[1] != "f" && c[1] != "m" {
			return fmt.Errorf("want noun and f or m")
		}
		gender[c[0]] = c[1][0]
		return nil
	})
	if err != nil {
		return err
	}
	g.gender = gender
	for _, name := range []string{"nouns.tsv", "wordnet_nouns.tsv"} {
		err := readTSV(name, func(ln int, c []string) error {
			if len(c) < 3 {
				return fmt.Errorf("want noun, kind, number")
			}
			g.add(c[0], entry{typ: eNoun, title: c[0], kind: doc.ActorKind(c[1]), plural: c[2] == "pl", lower: true,
				nounOnly: name != "nouns.tsv", possessed: len(c) > 3 && c[3] == "possessed", gender: gender[c[0]]})
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// usablePlaceName rejects subdivision names that are codes, contain digits
// or are too short to be safe.
func usablePlaceName(name string) bool {
	if len(name) < 4 || strings.Contains(name, "Unknown") {
		return false
	}
	for _, r := range name {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	r := []rune(name)[0]
	return r >= 'A' && r <= 'Z'
}

// countryName returns the news name of a country.
func (g *gazetteer) countryName(iso string) string {
	if n := g.countries[iso]; n != "" {
		return n
	}
	return iso
}
