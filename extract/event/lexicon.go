package event

import (
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/internal/tsv"
)

// The dictionaries are data, not Go literals: see data/*.tsv for their
// formats.
//
//go:embed data/cameo.tsv data/patterns.tsv data/cues.tsv data/irregular.tsv data/compat.tsv data/wordnet_abstract.tsv
var dataFS embed.FS

// flags of a pattern.
type flags uint16

const (
	fIntr flags = 1 << iota
	fRecip
	fSpeech
	fObjNeg
	fPerf
	fLight
	fWeak
)

// pattern is one line of patterns.tsv.
type pattern struct {
	id     string // "patterns.tsv:57"
	src    string // the trigger column as written
	name   string // id and src, as events record it
	noun   bool
	words  []string // verb: head lemma then particles; noun: words in order
	objs   map[string]bool
	code   string
	action string
	flags  flags
	compl  doc.Modality // modality of a complement event; "" when none
}

func (p *pattern) has(f flags) bool { return p.flags&f != 0 }

// codeInfo describes a CAMEO or extension code of cameo.tsv.
type codeInfo struct {
	goldstein float64
	label     string
	nearest   string // extensions only: nearest CAMEO code, "" when none
	family    string // extensions only
	ext       bool
}

// cue is one line of cues.tsv.
type cue struct {
	kind  string
	words []string
	value string
	extra []string
}

type lexicon struct {
	codes   map[string]codeInfo
	verbs   map[string][]*pattern // by head lemma
	nouns   map[string][]*pattern // by last (head) noun, singular
	verbSet map[string]bool       // known verb lemmas
	irreg   map[string]irregular  // inflected form -> base and form
	cues    map[string][]cue      // by kind
	cueIdx  map[string][]cue      // by first word
	compat  map[[2]string]bool    // family pairs
	group   map[string]string     // family -> blocking group (compat components)
	decide  map[string]bool
	anaph   map[string]bool
	// abstract nouns make a use of force figurative (cues.tsv)
	abstract map[string]bool
	// abstractWN holds WordNet's abstract nouns (wordnet_abstract.tsv),
	// trusted only where the parse says which noun is the argument
	abstractWN map[string]bool
	// arena words before a use of force name where a figurative fight
	// happens: "trade war", "legal battle" (cues.tsv)
	arena map[string]bool
	// intransitive verbs keep their code only without an object or a
	// clause: "thousands demonstrated", not "demonstrated the effect"
	// (cues.tsv)
	intransitive map[string]bool
	// objControl verbs give their object as the subject of their purpose
	// clause: "appointed her to serve" (cues.tsv)
	objControl map[string]bool
	// headPassive verbs read passive in their -ed form after a headline's
	// subject: "Lohan jailed for probation violation" (cues.tsv)
	headPassive map[string]bool
	// aimVerb verbs take what their "at" phrase names as their target:
	// "fired rockets at Israel" (cues.tsv aim)
	aimVerb map[string]bool
	// noEvent verbs frame or link: not events when the dictionary does
	// not know them (cues.tsv)
	noEvent map[string]bool
	// quantity nouns count what their "of" phrase names (cues.tsv)
	quantity map[string]bool
	// accuse verbs and adjectives name a deed someone is accused of;
	// accuseNoun nouns stand between them and the deed (cues.tsv accuse)
	accuse     map[string]accusation
	accuseNoun map[string]bool
	// label verbs name what someone is called ("a gunman named John
	// Smith"): no event as a participle before a name (cues.tsv label)
	label map[string]bool
	// light verbs give their subject to their object noun's event, in
	// the role of the value: "made a move", "faced arrest" (cues.tsv)
	light map[string]string
	// holder nouns name the part someone plays in the event their "of"
	// phrase names, in the role of the value: "the host of the ceremony",
	// "victims of the attack" (cues.tsv)
	holder  map[string]string
	negconv []cue
	// words answers everything the extractor asks about a lower-case word
	// in one lookup: closed class, verb lemma and form, patterns, cues
	// starting with it. Built from the maps above; absent words are plain.
	words map[string]*wordInfo
}

// wordInfo is what the lexicon knows about one lower-case word.
type wordInfo struct {
	lemma string // verb lemma when the word is a known verb form
	form  byte   // verb form, as verbLemma returns it
	cls   uint16 // closed-class bits (cDet, cPrep...)
	cues  []cue  // cues whose first word it is
	// verbs are the verb patterns of the lemma; nouns the noun patterns
	// headed by each of the word's singular forms that has any, in
	// singularForms order.
	verbs []*pattern
	nouns [][]*pattern
}

// accusation is what a word accusing someone of a deed says: whether the
// accused is its subject, whether its direct object may be the deed itself
// ("denied arson", "admitted the killing"), and whether it establishes the
// deed ("convicted of") rather than alleging it ("charged with").
type accusation struct {
	subject, deedObject, finds bool
}

type irregular struct {
	base string
	form byte
}

var (
	lexOnce sync.Once
	lex     *lexicon
	lexErr  error
)

// load returns the parsed dictionaries; it panics on a malformed embedded
// file, which tests catch.
func load() *lexicon {
	lexOnce.Do(func() { lex, lexErr = parseLexicon() })
	if lexErr != nil {
		panic(lexErr)
	}
	return lex
}

func readLines(name string, fn func(line int, cols []string) error) error {
	if err := tsv.Read(dataFS, "data/"+name, fn); err != nil {
		return fmt.Errorf("event: %w", err)
	}
	return nil
}

func parseLexicon() (*lexicon, error) {
	l := &lexicon{
		codes:        map[string]codeInfo{},
		verbs:        map[string][]*pattern{},
		nouns:        map[string][]*pattern{},
		verbSet:      map[string]bool{},
		irreg:        map[string]irregular{},
		cues:         map[string][]cue{},
		cueIdx:       map[string][]cue{},
		compat:       map[[2]string]bool{},
		group:        map[string]string{},
		decide:       map[string]bool{},
		anaph:        map[string]bool{},
		abstract:     map[string]bool{},
		abstractWN:   map[string]bool{},
		arena:        map[string]bool{},
		intransitive: map[string]bool{},
		objControl:   map[string]bool{},
		headPassive:  map[string]bool{},
		aimVerb:      map[string]bool{},
		noEvent:      map[string]bool{},
		quantity:     map[string]bool{},
		light:        map[string]string{},
		holder:       map[string]string{},
		accuse:       map[string]accusation{},
		accuseNoun:   map[string]bool{},
		label:        map[string]bool{},
	}
	err := readLines("cameo.tsv", func(_ int, c []string) error {
		if len(c) < 3 {
			return fmt.Errorf("want 3 columns, got %d", len(c))
		}
		g, err := strconv.ParseFloat(c[1], 64)
		if err != nil {
			return fmt.Errorf("goldstein %q: %w", c[1], err)
		}
		ci := codeInfo{goldstein: g, label: c[2]}
		if strings.HasPrefix(c[0], "EG-") {
			if len(c) < 5 {
				return fmt.Errorf("extension %s wants 5 columns", c[0])
			}
			ci.ext = true
			if c[3] != "-" {
				ci.nearest = c[3]
			}
			ci.family = c[4]
		}
		l.codes[c[0]] = ci
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readLines("irregular.tsv", func(_ int, c []string) error {
		if len(c) < 3 {
			return fmt.Errorf("want 3 columns")
		}
		base := c[0]
		l.verbSet[base] = true
		for _, f := range strings.Split(c[1], "/") {
			l.irreg[f] = irregular{base, 'd'}
		}
		for _, f := range strings.Split(c[2], "/") {
			if _, ok := l.irreg[f]; !ok {
				l.irreg[f] = irregular{base, 'n'}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readLines("patterns.tsv", func(n int, c []string) error {
		if len(c) < 4 {
			return fmt.Errorf("want 4 columns, got %d", len(c))
		}
		p := &pattern{id: "patterns.tsv:" + strconv.Itoa(n), src: c[0], code: c[1], action: c[2]}
		p.name = p.id + " " + p.src
		if _, ok := l.codes[p.code]; !ok {
			return fmt.Errorf("unknown code %q", p.code)
		}
		trig := c[0]
		if i := strings.Index(trig, " +"); i >= 0 {
			p.objs = map[string]bool{}
			for _, o := range strings.Split(trig[i+2:], ",") {
				p.objs[strings.TrimSpace(o)] = true
			}
			trig = trig[:i]
		}
		switch {
		case strings.HasPrefix(trig, "v:"):
		case strings.HasPrefix(trig, "n:"):
			p.noun = true
		default:
			return fmt.Errorf("trigger %q wants v: or n:", trig)
		}
		p.words = strings.Fields(trig[2:])
		if len(p.words) == 0 {
			return fmt.Errorf("empty trigger")
		}
		if p.action == "-" {
			p.action = p.words[0]
		}
		if c[3] != "-" {
			for _, f := range strings.Split(c[3], ",") {
				switch f = strings.TrimSpace(f); {
				case f == "intr":
					p.flags |= fIntr
				case f == "recip":
					p.flags |= fRecip
				case f == "speech":
					p.flags |= fSpeech
				case f == "objneg":
					p.flags |= fObjNeg
				case f == "perf":
					p.flags |= fPerf
				case f == "light":
					p.flags |= fLight
				case f == "weak":
					p.flags |= fWeak
				case strings.HasPrefix(f, "compl="):
					p.compl = doc.Modality(strings.TrimPrefix(f, "compl="))
				default:
					return fmt.Errorf("unknown flag %q", f)
				}
			}
		}
		if p.noun {
			head := p.words[len(p.words)-1]
			l.nouns[head] = append(l.nouns[head], p)
		} else {
			l.verbs[p.words[0]] = append(l.verbs[p.words[0]], p)
			l.verbSet[p.words[0]] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The cue kinds that are plain word sets.
	wordSets := map[string]map[string]bool{
		"decide": l.decide, "anaphor": l.anaph, "abstract": l.abstract, "arena": l.arena,
		"intransitive": l.intransitive, "noevent": l.noEvent, "quantity": l.quantity,
		"objcontrol": l.objControl, "headpassive": l.headPassive, "aim": l.aimVerb,
		"label": l.label,
	}
	err = readLines("cues.tsv", func(_ int, c []string) error {
		if len(c) < 2 {
			return fmt.Errorf("want at least 2 columns")
		}
		cu := cue{kind: c[0], words: strings.Fields(c[1])}
		if len(c) > 2 {
			f := strings.Fields(c[2])
			if len(f) > 0 {
				cu.value = f[0]
				cu.extra = f[1:]
			}
			cu.extra = append(cu.extra, c[3:]...)
		}
		if set, ok := wordSets[cu.kind]; ok {
			set[c[1]] = true
			return nil
		}
		switch cu.kind {
		case "light", "holder":
			m := l.light
			if cu.kind == "holder" {
				m = l.holder
			}
			m[c[1]] = doc.RoleAgent
			if len(c) > 2 && c[2] == "target" {
				m[c[1]] = doc.RoleTarget
			}
			return nil
		case "accuse":
			switch {
			case cu.value == "between":
				l.accuseNoun[c[1]] = true
			case len(c) == 4:
				l.accuse[c[1]] = accusation{
					subject:    c[2] == "subject" || c[2] == "subject-object",
					deedObject: c[2] == "subject-object",
					finds:      c[3] == "finds",
				}
			default:
				return fmt.Errorf("accuse %q wants where and alleges or finds", c[1])
			}
			return nil
		case "negconv":
			if len(c) < 4 {
				return fmt.Errorf("negconv wants 4 columns")
			}
			cu.words = []string{c[1]}
			cu.value = c[2]
			cu.extra = []string{c[3]}
			l.negconv = append(l.negconv, cu)
			return nil
		}
		l.cues[cu.kind] = append(l.cues[cu.kind], cu)
		l.cueIdx[cu.words[0]] = append(l.cueIdx[cu.words[0]], cu)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readLines("wordnet_abstract.tsv", func(_ int, c []string) error {
		l.abstractWN[c[0]] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readLines("compat.tsv", func(_ int, c []string) error {
		if len(c) < 2 {
			return fmt.Errorf("want 2 columns")
		}
		l.compat[[2]string{c[0], c[1]}] = true
		l.compat[[2]string{c[1], c[0]}] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.groupFamilies()
	for _, v := range []string{"be", "have", "do", "will", "would", "can", "could", "may", "might", "shall", "should", "must"} {
		l.verbSet[v] = true
	}
	l.indexWords()
	return l, nil
}

// indexWords fills l.words. Every word verbLemma accepts is an inflection
// of a known lemma, and every word with noun patterns a plural of a head,
// so generating each lemma's and head's candidate forms and keeping what
// the rules confirm gives exactly the rules' answers (TestWordIndex).
func (l *lexicon) indexWords() {
	l.words = map[string]*wordInfo{}
	put := func(w string, f func(*wordInfo)) {
		wi := l.words[w]
		if wi == nil {
			wi = &wordInfo{}
			l.words[w] = wi
		}
		f(wi)
	}
	for w, c := range closedClass {
		put(w, func(wi *wordInfo) { wi.cls = c })
	}
	verb := func(w string) {
		if lem, f, ok := l.verbLemma(w); ok {
			put(w, func(wi *wordInfo) { wi.lemma, wi.form = lem, f })
		}
	}
	for w := range l.irreg {
		verb(w)
	}
	for c := range l.verbSet {
		n := len(c)
		last := c[n-1:]
		verb(c)
		for _, suf := range []string{"s", "es", "d", "ed", "ing", last + "ed", last + "ing"} {
			verb(c + suf)
		}
		if n > 1 {
			for _, suf := range []string{"ies", "ied", "ing"} {
				verb(c[:n-1] + suf)
			}
		}
		if n > 2 {
			verb(c[:n-2] + "ying")
		}
	}
	for w, cs := range l.cueIdx {
		put(w, func(wi *wordInfo) { wi.cues = cs })
	}
	l.indexContractions(put)
	for _, wi := range l.words {
		if wi.lemma != "" {
			wi.verbs = l.verbs[wi.lemma]
		}
	}
	for h := range l.nouns {
		n := len(h)
		plurals := []string{h, h + "s", h + "es"}
		if n > 1 && h[n-1] == 'y' {
			plurals = append(plurals, h[:n-1]+"ies")
		}
		for _, w := range plurals {
			if wi := l.words[w]; wi != nil && wi.nouns != nil {
				continue
			}
			var pats [][]*pattern
			for _, f := range singularForms(w).list() {
				if ps := l.nouns[f]; len(ps) > 0 {
					pats = append(pats, ps)
				}
			}
			if pats != nil {
				put(w, func(wi *wordInfo) { wi.nouns = pats })
			}
		}
	}
}

// indexContractions gives an auxiliary and the negation written as one
// token ("didn't", "can't", "won't", "cannot": the tokenizer keeps them
// whole, the parser splits them) the classes of both words and the
// negation's cues, so that "Israel didn't attack" is negated.
func (l *lexicon) indexContractions(put func(string, func(*wordInfo))) {
	for aux := range auxiliaries {
		if strings.ContainsAny(aux, "'’") {
			continue
		}
		for w, neg := range map[string]string{aux + "n't": "n't", aux + "not": "not"} {
			if neg == "not" && aux != "can" {
				continue // "cannot" only
			}
			cls, cues := closedClass[aux]|closedClass[neg], l.cueIdx[neg]
			put(w, func(wi *wordInfo) { wi.cls, wi.cues = wi.cls|cls, cues })
		}
	}
}

// groupFamilies joins the families compat.tsv pairs into connected groups
// named by their smallest member.
func (l *lexicon) groupFamilies() {
	parent := map[string]string{}
	var find func(string) string
	find = func(f string) string {
		if p, ok := parent[f]; ok && p != f {
			r := find(p)
			parent[f] = r
			return r
		}
		parent[f] = f
		return f
	}
	for pair := range l.compat {
		a, b := find(pair[0]), find(pair[1])
		if a == b {
			continue
		}
		if b < a {
			a, b = b, a
		}
		parent[b] = a
	}
	for f := range parent {
		l.group[f] = find(f)
	}
}

// verbLemma returns the lemma of w (lower case) if w is an inflection of a
// verb the lexicon knows, with its form: 'b' base, 's' third person, 'd'
// past, 'n' past participle, 'g' -ing. ok is false for unknown words.
func (l *lexicon) verbLemma(w string) (lemma string, form byte, ok bool) {
	if ir, ok := l.irreg[w]; ok {
		return ir.base, ir.form, true
	}
	if l.verbSet[w] {
		return w, 'b', true
	}
	try := func(c string, f byte) (string, byte, bool) {
		if c != "" && l.verbSet[c] {
			return c, f, true
		}
		return "", 0, false
	}
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		if r, f, ok := try(w[:n-3]+"y", 's'); ok {
			return r, f, ok
		}
	case strings.HasSuffix(w, "es") && n > 3:
		if r, f, ok := try(w[:n-2], 's'); ok {
			return r, f, ok
		}
		if r, f, ok := try(w[:n-1], 's'); ok {
			return r, f, ok
		}
	case strings.HasSuffix(w, "s") && n > 2 && !strings.HasSuffix(w, "ss"):
		if r, f, ok := try(w[:n-1], 's'); ok {
			return r, f, ok
		}
	case strings.HasSuffix(w, "ied") && n > 4:
		if r, f, ok := try(w[:n-3]+"y", 'd'); ok {
			return r, f, ok
		}
	case strings.HasSuffix(w, "ed") && n > 3:
		for _, c := range []string{w[:n-2], w[:n-1], undouble(w[:n-2])} {
			if r, f, ok := try(c, 'd'); ok {
				return r, f, ok
			}
		}
	case strings.HasSuffix(w, "ying") && n > 4:
		if r, f, ok := try(w[:n-4]+"ie", 'g'); ok {
			return r, f, ok
		}
		if r, f, ok := try(w[:n-3], 'g'); ok {
			return r, f, ok
		}
	case strings.HasSuffix(w, "ing") && n > 4:
		for _, c := range []string{w[:n-3], w[:n-3] + "e", undouble(w[:n-3])} {
			if r, f, ok := try(c, 'g'); ok {
				return r, f, ok
			}
		}
	}
	return "", 0, false
}

// undouble drops a doubled final consonant: "scrapp" -> "scrap".
func undouble(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiousl", rune(s[n-1])) {
		return s[:n-1]
	}
	if n >= 4 && s[n-1] == 'l' && s[n-2] == 'l' { // British "cancelled"
		return s[:n-1]
	}
	return ""
}

// forms holds a word and its candidate singular forms without allocating.
type forms struct {
	w [3]string
	n int
}

func (f forms) list() []string { return f.w[:f.n] }

// singular returns the candidate singular forms of a noun (w itself first).
func singular(w string) []string {
	f := singularForms(w)
	return f.list()
}

func singularForms(w string) forms {
	f := forms{n: 1}
	f.w[0] = w
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		f.w[1], f.n = w[:n-3]+"y", 2
	case strings.HasSuffix(w, "es") && n > 3:
		f.w[1], f.w[2], f.n = w[:n-2], w[:n-1], 3
	case strings.HasSuffix(w, "s") && n > 2 && !strings.HasSuffix(w, "ss"):
		f.w[1], f.n = w[:n-1], 2
	}
	return f
}

// typeOf builds the EventType of a code.
func (l *lexicon) typeOf(code string) doc.EventType {
	ci, ok := l.codes[code]
	if !ok {
		return doc.EventType{Code: code}
	}
	t := doc.EventType{Code: code, Label: ci.label, Goldstein: ci.goldstein}
	if ci.ext {
		t.Extension = code
		t.Code = ci.nearest
	}
	t.QuadClass = quadClass(t.Code)
	return t
}

func quadClass(code string) int {
	if len(code) < 2 {
		return 0
	}
	root, err := strconv.Atoi(code[:2])
	if err != nil {
		return 0
	}
	switch {
	case root >= 1 && root <= 4:
		return 1
	case root >= 5 && root <= 8:
		return 2
	case root >= 9 && root <= 13:
		return 3
	case root >= 14 && root <= 20:
		return 4
	}
	return 0
}
