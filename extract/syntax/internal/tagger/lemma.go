package tagger

import (
	"cmp"
	"slices"
	"strings"
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
// suffix, so that looking up a word's substrings allocates nothing.
type tagLemmas struct {
	exceptions map[string]string
	rules      map[string]rewrite
}

// index builds byTag from the flat tables; Lemma then uses it.
func (l *Lemmatizer) index() {
	l.byTag = make(map[string]tagLemmas)
	get := func(xpos string) tagLemmas {
		t, ok := l.byTag[xpos]
		if !ok {
			t = tagLemmas{exceptions: make(map[string]string), rules: make(map[string]rewrite)}
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
		get(xpos).rules[suffix] = r
	}
}

// exception and rule1 look up the tables, indexed or flat (while learning).
func (l *Lemmatizer) exception(base, xpos string) (string, bool) {
	if l.byTag != nil {
		v, ok := l.byTag[xpos].exceptions[base]
		return v, ok
	}
	v, ok := l.exceptions[key(base, xpos)]
	return v, ok
}

func (l *Lemmatizer) rule1(suffix, xpos string) (rewrite, bool) {
	if l.byTag != nil {
		r, ok := l.byTag[xpos].rules[suffix]
		return r, ok
	}
	r, ok := l.rules[key(suffix, xpos)]
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
	if strings.HasPrefix(xpos, "NNP") {
		return form
	}
	return strings.ToLower(form)
}

func (r rewrite) apply(base string) (string, bool) {
	if r.cut > len(base) || !utf8.ValidString(base[:len(base)-r.cut]) {
		return "", false
	}
	return base[:len(base)-r.cut] + r.add, true
}

func rewriteOf(base, lemma string) rewrite {
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
	if lemma, ok := l.exception(base, xpos); ok {
		return lemma
	}
	// A compound of an irregular verb: "upheld" as "held", "outgrew" as
	// "grew" (but not "applied" as "lied": that rewrite is regular).
	for k := 2; (xpos == "VBD" || xpos == "VBN") && k <= len(base)-minStem; k++ {
		if !utf8.RuneStart(base[k]) {
			continue
		}
		if lemma, ok := l.exception(base[k:], xpos); ok {
			if r := rewriteOf(base[k:], lemma); r.add != "" && r.add != "e" {
				return base[:k] + lemma
			}
		}
	}
	// The rule of the longest suffix, unless that of a shorter one makes a
	// lemma the dictionary knows and the longest's does not.
	classes := l.lexClasses[xpos]
	first := ""
	for k := min(maxSuffix, len(base)); k >= 0; k-- {
		r, ok := l.rule1(base[len(base)-k:], xpos)
		if !ok {
			continue
		}
		lemma, ok := r.apply(base)
		if !ok || lemma == "" {
			continue
		}
		if classes == 0 || l.knows(lemma, classes) {
			return lemma
		}
		if first == "" {
			first = lemma
		}
	}
	if first != "" {
		return first
	}
	return base
}

// knows reports whether the dictionary has lemma in one of classes.
func (l *Lemmatizer) knows(lemma string, classes uint16) bool {
	if l.lex == nil {
		return false
	}
	var w word
	describe(&w, lemma, false)
	return l.lex.get(w.lower)&classes != 0
}

func (l *Lemmatizer) rule(base, xpos string) (rewrite, bool) {
	for k := min(maxSuffix, len(base)); k >= 0; k-- {
		if r, ok := l.rule1(base[len(base)-k:], xpos); ok {
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
