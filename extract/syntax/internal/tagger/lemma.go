package tagger

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lemmatizer finds a word's lemma from its form and Penn tag: first in a
// table of the treebank's words whose lemma the rules get wrong, then by
// the most frequent rewrite of the longest known suffix for that tag.
type Lemmatizer struct {
	exceptions map[string]string  // key(base, xpos) -> lemma
	rules      map[string]rewrite // key(suffix, xpos) -> rewrite
	byTag      map[string]tagLemmas
	// A lemma the dictionary knows with one of the classes lexClasses[xpos]
	// is preferred: "bombed" takes the rule of "-ed" ("bomb") over that
	// of "-bbed" ("bom").
	lex        *lexTable
	lexClasses map[string]uint16
}

// tagLemmas are the exceptions and rules of one tag, keyed by base form and
// suffixKey, so that looking up a word's substrings allocates nothing.
type tagLemmas struct {
	exceptions map[string]string
	rules      map[uint64]rewrite
}

// suffixKey packs a suffix of at most maxSuffix bytes and its length into
// a number.
func suffixKey(s []byte) uint64 {
	k := uint64(len(s))
	for _, c := range s {
		k = k<<8 | uint64(c)
	}
	return k
}

// index builds byTag from the flat tables; Lemma then uses it.
func (l *Lemmatizer) index() {
	l.byTag = make(map[string]tagLemmas)
	get := func(xpos string) tagLemmas {
		t, ok := l.byTag[xpos]
		if !ok {
			t = tagLemmas{exceptions: make(map[string]string), rules: make(map[uint64]rewrite)}
			l.byTag[xpos] = t
		}
		return t
	}
	for k, v := range l.exceptions {
		xpos, base, _ := strings.Cut(k, "\x00")
		get(xpos).exceptions[base] = v
	}
	for k, r := range l.rules {
		xpos, suffix, _ := strings.Cut(k, "\x00")
		get(xpos).rules[suffixKey([]byte(suffix))] = r
	}
}

// tagRules are the lemma tables of one tag.
type tagRules struct {
	xpos      string
	keepCase  bool // proper nouns: the base form is the form as written
	compounds bool // VBD, VBN: a compound of an irregular verb takes its lemma
	// A lemma the dictionary knows with one of classes is preferred.
	classes uint16
	tagLemmas
}

// forTag returns the tables of tag xpos.
func (l *Lemmatizer) forTag(xpos string) tagRules {
	return tagRules{xpos: xpos, keepCase: keepsCase(xpos), compounds: xpos == "VBD" || xpos == "VBN",
		classes: l.lexClasses[xpos], tagLemmas: l.byTag[xpos]}
}

// exception and rule1 look up the tables, indexed or flat (while
// learning). m[string(b)] does not allocate.
func (l *Lemmatizer) exception(tr *tagRules, base []byte) (string, bool) {
	if l.byTag != nil {
		v, ok := tr.exceptions[string(base)]
		return v, ok
	}
	v, ok := l.exceptions[key(string(base), tr.xpos)]
	return v, ok
}

func (l *Lemmatizer) rule1(tr *tagRules, suffix []byte) (rewrite, bool) {
	if l.byTag != nil {
		r, ok := tr.rules[suffixKey(suffix)]
		return r, ok
	}
	r, ok := l.rules[key(string(suffix), tr.xpos)]
	return r, ok
}

// rewrite turns a form into its lemma: cut bytes off the end, then add.
type rewrite struct {
	cut int
	add string
}

// maxSuffix is the longest suffix (in bytes) rules are learned for.
const maxSuffix = 6

// minStem is the shortest known word a compound lemma is built on.
const minStem = 4

// minRule is how many training words a suffix rule needs.
const minRule = 2

func key(form, xpos string) string { return xpos + "\x00" + form }

// Base is the form a lemma is learned from and applied to: the form as
// written for proper nouns, lower case for every other word.
func Base(form, xpos string) string {
	if keepsCase(xpos) {
		return form
	}
	return strings.ToLower(form)
}

// keepsCase reports whether the words tagged xpos are lemmatized as
// written (proper nouns).
func keepsCase(xpos string) bool { return strings.HasPrefix(xpos, "NNP") }

// appendToLower appends strings.ToLower(s) to b.
func appendToLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s[i:] {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
			return b
		}
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

func rewriteOf[T string | []byte](base T, lemma string) rewrite {
	p := 0
	for p < len(base) && p < len(lemma) && base[p] == lemma[p] {
		p++
	}
	for p > 0 && (p < len(lemma) && !utf8.RuneStart(lemma[p]) || p < len(base) && !utf8.RuneStart(base[p])) {
		p-- // keep runes whole
	}
	return rewrite{cut: len(base) - p, add: lemma[p:]}
}

// Lemma is the lemma of form tagged xpos.
func (l *Lemmatizer) Lemma(form, xpos string) string {
	base := Base(form, xpos)
	var buf [64]byte
	tr := l.forTag(xpos)
	return l.find(append(buf[:0], base...), &tr).string(base)
}

// found is the lemma of a word: an exception, or its base form rewritten.
type found struct {
	exception string
	isExc     bool
	r         rewrite
}

// string is the lemma of base.
func (f found) string(base string) string {
	switch {
	case f.isExc:
		return f.exception
	case f.r.add == "":
		return base[:len(base)-f.r.cut]
	}
	return base[:len(base)-f.r.cut] + f.r.add
}

// find finds the lemma of the word of base form base (Base) with the
// tables tr: first in the exceptions, then as a compound of an irregular
// verb's exception, then by the rule of the longest suffix, unless that of
// a shorter one makes a lemma the dictionary knows and the longest's does
// not. It allocates nothing.
func (l *Lemmatizer) find(base []byte, tr *tagRules) found {
	if lemma, ok := l.exception(tr, base); ok {
		return found{exception: lemma, isExc: true}
	}
	// A compound of an irregular verb: "upheld" as "held", "outgrew" as
	// "grew" (but not "applied" as "lied": that rewrite is regular), when
	// the dictionary knows the compound's lemma: "doubled" is no "bled"
	// ("doubleed"), "toppled" no "pled" ("topplead").
	var cbuf [64]byte
	for k := 2; tr.compounds && k <= len(base)-minStem; k++ {
		if !utf8.RuneStart(base[k]) {
			continue
		}
		if lemma, ok := l.exception(tr, base[k:]); ok {
			r := rewriteOf(base[k:], lemma)
			if r.add == "" || r.add == "e" {
				continue
			}
			if tr.classes != 0 && !l.knows(append(append(cbuf[:0], base[:len(base)-r.cut]...), r.add...), tr.classes) {
				continue
			}
			return found{r: r} // base[:k] + lemma
		}
	}
	var (
		buf   [64]byte
		first rewrite
		some  bool
	)
	for k := min(maxSuffix, len(base)); k >= 0; k-- {
		r, ok := l.rule1(tr, base[len(base)-k:])
		if !ok || r.cut > len(base) || !utf8.Valid(base[:len(base)-r.cut]) || r.cut == len(base) && r.add == "" {
			continue
		}
		if tr.classes == 0 || l.knows(append(append(buf[:0], base[:len(base)-r.cut]...), r.add...), tr.classes) {
			return found{r: r}
		}
		if !some {
			first, some = r, true
		}
	}
	return found{r: first}
}

// knows reports whether the dictionary has lemma in one of classes.
func (l *Lemmatizer) knows(lemma []byte, classes uint16) bool {
	return l.lex != nil && l.lex.get(lowerHash(lemma))&classes != 0
}

func (l *Lemmatizer) rule(base, xpos string) (rewrite, bool) {
	tr := l.forTag(xpos)
	for k := min(maxSuffix, len(base)); k >= 0; k-- {
		if r, ok := l.rule1(&tr, []byte(base[len(base)-k:])); ok {
			return r, true
		}
	}
	return rewrite{}, false
}

// Pair is one training word for the lemmatizer.
type Pair struct{ Form, XPOS, Lemma string }

// Learn learns a lemmatizer from the words of a treebank, and adds to its
// exceptions the irregular forms of a dictionary (extra) that the treebank
// lacks and the rules get wrong. lex (may be empty) gives lower-case words
// dictionary classes; a lemma for a word tagged xpos is checked against
// the classes lexClasses[xpos].
func Learn(pairs, extra []Pair, lex map[string]uint16, lexClasses map[string]uint16) *Lemmatizer {
	// The most frequent lemma of each (base, tag).
	type counted struct {
		n     map[string]int
		order []string
	}
	byWord := make(map[string]*counted)
	var words []string
	for _, p := range pairs {
		k := key(Base(p.Form, p.XPOS), p.XPOS)
		c := byWord[k]
		if c == nil {
			c = &counted{n: make(map[string]int)}
			byWord[k] = c
			words = append(words, k)
		}
		if c.n[p.Lemma] == 0 {
			c.order = append(c.order, p.Lemma)
		}
		c.n[p.Lemma]++
	}
	slices.Sort(words)
	lemmaOf := make(map[string]string, len(words))
	for _, k := range words {
		c := byWord[k]
		best := c.order[0]
		for _, l := range c.order {
			if c.n[l] > c.n[best] {
				best = l
			}
		}
		lemmaOf[k] = best
	}

	// Suffix rules: for each (suffix, tag), the rewrite most distinct words
	// ending so need.
	votes := make(map[string]map[rewrite]int)
	for _, k := range words {
		xpos, base, _ := strings.Cut(k, "\x00")
		r := rewriteOf(base, lemmaOf[k])
		for n := 0; n <= min(maxSuffix, len(base)); n++ {
			if r.cut > n { // the rewrite reaches past the suffix
				continue
			}
			sk := key(base[len(base)-n:], xpos)
			if votes[sk] == nil {
				votes[sk] = make(map[rewrite]int)
			}
			votes[sk][r]++
		}
	}
	l := &Lemmatizer{exceptions: make(map[string]string), rules: make(map[string]rewrite), lexClasses: lexClasses}
	if len(lex) > 0 {
		l.lex = newLexTable(lex)
	}
	for sk, v := range votes {
		type rc struct {
			r rewrite
			n int
		}
		var all []rc
		total := 0
		for r, n := range v {
			all = append(all, rc{r, n})
			total += n
		}
		slices.SortFunc(all, func(a, b rc) int {
			if c := cmp.Compare(b.n, a.n); c != 0 {
				return c
			}
			if c := cmp.Compare(a.r.cut, b.r.cut); c != 0 {
				return c
			}
			return cmp.Compare(a.r.add, b.r.add)
		})
		if total >= minRule {
			l.rules[sk] = all[0].r
		}
	}
	l.prune()
	for _, k := range words {
		xpos, base, _ := strings.Cut(k, "\x00")
		delete(l.exceptions, k)
		if got := l.Lemma(base, xpos); got != lemmaOf[k] {
			l.exceptions[k] = lemmaOf[k]
		}
	}
	for _, p := range extra {
		base := Base(p.Form, p.XPOS)
		k := key(base, p.XPOS)
		if _, ok := lemmaOf[k]; ok {
			continue
		}
		if _, ok := l.exceptions[k]; !ok && l.Lemma(base, p.XPOS) != p.Lemma {
			l.exceptions[k] = p.Lemma
		}
	}
	l.index()
	return l
}

// prune drops the rules that say no more than a shorter suffix's rule.
func (l *Lemmatizer) prune() {
	keys := make([]string, 0, len(l.rules))
	for k := range l.rules {
		keys = append(keys, k)
	}
	// Longest suffixes first, so that each is checked against the rules
	// still standing for its shorter suffixes.
	slices.SortFunc(keys, func(a, b string) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for _, k := range keys {
		xpos, suf, _ := strings.Cut(k, "\x00")
		if suf == "" {
			continue
		}
		r := l.rules[k]
		delete(l.rules, k)
		if shorter, ok := l.rule(suf[1:], xpos); !ok || shorter != r {
			l.rules[k] = r
		}
	}
}

// Sizes reports the number of exceptions and rules.
func (l *Lemmatizer) Sizes() (exceptions, rules int) { return len(l.exceptions), len(l.rules) }
