package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/eventgraph/eventgraph/extract/internal/wordnet"
)

// Lexicon classes of a word form, from WordNet: the parts of speech its
// lemma has and the inflection that made it. The tagger sees the set as one
// opaque feature value, most useful for words the treebanks never show.
const (
	lexNoun = 1 << iota
	lexNounPlural
	lexVerb
	lexVerbS
	lexVerbEd
	lexVerbIng
	lexAdj
	lexAdjMore // comparative or superlative
	lexAdv
	lexName // a capitalized noun entry: "Israel", "Boeing"
)

// lemmaClasses are the lexicon classes a lemma must have for a word of each
// Penn tag: a verb's lemma is a verb, a plural's a noun.
var lemmaClasses = map[string]uint16{
	"VB": lexVerb, "VBD": lexVerb, "VBG": lexVerb, "VBN": lexVerb, "VBP": lexVerb, "VBZ": lexVerb,
	"NN": lexNoun, "NNS": lexNoun, "JJ": lexAdj, "JJR": lexAdj, "JJS": lexAdj, "RB": lexAdv, "RBR": lexAdv, "RBS": lexAdv,
}

// readWordNet builds the lexicon from a WordNet 3.0 database folder (the
// Debian package wordnet-base: /usr/share/wordnet): lower-case word form ->
// classes.
func readWordNet(dir string) (map[string]uint16, error) {
	lex := make(map[string]uint16)
	add := func(form string, class uint16) {
		if form != "" && !strings.ContainsAny(form, "_ ") {
			lex[form] |= class
		}
	}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		err := wordnet.EachLine(filepath.Join(dir, "data."+pos), func(f []string) {
			if len(f) < 5 || len(f[0]) != 8 {
				return
			}
			var n int
			fmt.Sscanf(f[3], "%x", &n)
			for i := 0; i < n && 4+2*i < len(f); i++ {
				word := f[4+2*i]
				if p := strings.IndexByte(word, '('); p > 0 { // "big(a)"
					word = word[:p]
				}
				lower := strings.ToLower(word)
				switch pos {
				case "noun":
					if word != lower {
						add(lower, lexName)
						continue
					}
					add(lower, lexNoun)
					add(wordnet.Plural(lower), lexNounPlural)
				case "verb":
					add(lower, lexVerb)
					add(wordnet.Plural(lower), lexVerbS)
					for _, f := range past(lower) {
						add(f, lexVerbEd)
					}
					for _, f := range gerund(lower) {
						add(f, lexVerbIng)
					}
				case "adj":
					add(lower, lexAdj)
					for _, f := range comparatives(lower) {
						add(f, lexAdjMore)
					}
				case "adv":
					add(lower, lexAdv)
				}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	// Irregular forms: "held hold", "mice mouse", "better good".
	for file, class := range map[string]uint16{"noun.exc": lexNounPlural, "verb.exc": lexVerbEd, "adj.exc": lexAdjMore} {
		err := wordnet.EachLine(filepath.Join(dir, file), func(f []string) {
			if len(f) >= 2 {
				add(f[0], class)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return lex, nil
}

// wordNetExceptions lists the irregular forms of WordNet's exception files
// as lemma pairs under the Penn tags they can have.
func wordNetExceptions(dir string) ([][3]string, error) {
	var out [][3]string
	for _, e := range []struct {
		file string
		tags []string
	}{{"noun.exc", []string{"NNS"}}, {"verb.exc", []string{"VBD", "VBN"}}, {"adj.exc", []string{"JJR", "JJS"}}} {
		err := wordnet.EachLine(filepath.Join(dir, e.file), func(f []string) {
			if len(f) < 2 || strings.Contains(f[0], "_") {
				return
			}
			for _, tag := range e.tags {
				out = append(out, [3]string{f[0], tag, f[1]})
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// doubles reports whether a verb or adjective may double its last
// consonant before a suffix: "stop", "big" (but also "visit": both forms
// are listed; the one nobody writes is never looked up).
func doubles(w string) bool {
	n := len(w)
	return n >= 3 && !isVowel(w[n-1]) && isVowel(w[n-2]) && !isVowel(w[n-3]) && strings.IndexByte("wxy", w[n-1]) < 0
}

// past lists the regular past forms of a verb.
func past(w string) []string {
	n := len(w)
	switch {
	case n == 0:
		return nil
	case w[n-1] == 'e':
		return []string{w + "d"}
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return []string{w[:n-1] + "ied"}
	case doubles(w):
		return []string{w + "ed", w + w[n-1:] + "ed"}
	}
	return []string{w + "ed"}
}

// gerund lists the regular -ing forms of a verb.
func gerund(w string) []string {
	n := len(w)
	switch {
	case n == 0:
		return nil
	case n > 2 && w[n-1] == 'e' && w[n-2] != 'e' && w[n-2] != 'y' && w[n-2] != 'o':
		return []string{w[:n-1] + "ing"}
	case strings.HasSuffix(w, "ie"):
		return []string{w[:n-2] + "ying"}
	case doubles(w):
		return []string{w + "ing", w + w[n-1:] + "ing"}
	}
	return []string{w + "ing"}
}

// comparatives lists the regular comparative and superlative of an
// adjective.
func comparatives(w string) []string {
	n := len(w)
	switch {
	case n == 0:
		return nil
	case w[n-1] == 'e':
		return []string{w + "r", w + "st"}
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return []string{w[:n-1] + "ier", w[:n-1] + "iest"}
	case doubles(w):
		return []string{w + "er", w + "est", w + w[n-1:] + "er", w + w[n-1:] + "est"}
	}
	return []string{w + "er", w + "est"}
}
