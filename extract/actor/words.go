package actor

import (
	"fmt"
	"io/fs"
	"sync"

	"github.com/eventgraph/eventgraph/extract/internal/calendar"
	"github.com/eventgraph/eventgraph/extract/internal/tsv"
)

// Word classes: bit c<Class> of a word's class is set when data/words.tsv
// lists the word in that class. The gazetteer's word index folds them so
// that a token takes one lookup for all of them.
const (
	cStop uint32 = 1 << iota
	cNameParticle
	cNameSuffix
	cOrgSuffix
	cFacSuffix
	cGeoSuffix
	cGeoPrefix
	cDefiniteBefore
	cPossDeterminer
	cEventSuffix
	cNotActor
	cPlacePrep
	cSpeechVerb
	cGovNoun
	cMilNoun
	cMediaNoun
	cCasualty
	cHarmVerb
	cOfficeNoun
	cAdminNoun
	cDelegationNoun
	cMalePron
	cFemalePron
	cPluralPron
	cNeutPron
	cRelativePron
	cFirstPron
	cAmbiguousTitle

	cPronoun = cPossDeterminer | cMalePron | cFemalePron | cPluralPron | cNeutPron | cRelativePron | cFirstPron
)

// classNames names each class bit in data/words.tsv.
var classNames = map[string]uint32{
	"stop": cStop, "name_particle": cNameParticle, "name_suffix": cNameSuffix,
	"org_suffix": cOrgSuffix, "fac_suffix": cFacSuffix, "geo_suffix": cGeoSuffix, "geo_prefix": cGeoPrefix,
	"definite_before": cDefiniteBefore, "poss_determiner": cPossDeterminer, "event_suffix": cEventSuffix,
	"not_actor": cNotActor, "place_prep": cPlacePrep, "speech_verb": cSpeechVerb, "gov_noun": cGovNoun,
	"mil_noun": cMilNoun, "media_noun": cMediaNoun, "casualty": cCasualty, "harm_verb": cHarmVerb, "office_noun": cOfficeNoun, "admin_noun": cAdminNoun,
	"delegation_noun": cDelegationNoun, "male_pronoun": cMalePron, "female_pronoun": cFemalePron,
	"plural_pronoun": cPluralPron, "neuter_pronoun": cNeutPron, "relative_pronoun": cRelativePron,
	"first_pronoun":   cFirstPron,
	"ambiguous_title": cAmbiguousTitle,
}

// wordClasses returns the class bits of every word of data/words.tsv,
// read once.
var wordClasses = sync.OnceValue(func() map[string]uint32 {
	m, err := readWordClasses(dataFS)
	if err != nil {
		panic(fmt.Errorf("actor: embedded word classes: %w", err))
	}
	return m
})

// wordCount is about the number of words of data/words.tsv, for which
// room is made at once.
const wordCount = 850

// readWordClasses reads data/words.tsv of fsys, and makes the calendar's month and
// weekday names and abbreviations stop words. A word listed twice in a
// class is an error.
func readWordClasses(fsys fs.FS) (map[string]uint32, error) {
	m := make(map[string]uint32, wordCount)
	add := func(w string, bit uint32) error {
		if m[w]&bit != 0 {
			return fmt.Errorf("%q listed twice in its class", w)
		}
		m[w] |= bit
		return nil
	}
	err := tsv.Read(fsys, "data/words.tsv", func(_ int, cols []string) error {
		if len(cols) != 2 {
			return fmt.Errorf("want word and class, got %d columns", len(cols))
		}
		bit, ok := classNames[cols[1]]
		if !ok {
			return fmt.Errorf("unknown class %q", cols[1])
		}
		return add(cols[0], bit)
	})
	if err != nil {
		return nil, err
	}
	for _, n := range calendar.Names() {
		for _, w := range append([]string{n.Name}, n.Abbrevs...) {
			if err := add(w, cStop); err != nil {
				return nil, fmt.Errorf("calendar: %w", err)
			}
		}
	}
	return m, nil
}

// impersonalVerbs holds the lemmas of data/impersonal_verbs.tsv.
var impersonalVerbs = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	if err := readTSV("impersonal_verbs.tsv", func(_ int, cols []string) error {
		m[cols[0]] = true
		return nil
	}); err != nil {
		panic(fmt.Errorf("actor: embedded impersonal verbs: %w", err))
	}
	return m
})

// readAmbiguousCapitals reads data/ambiguous_capitals.tsv.
func readAmbiguousCapitals() (map[string]bool, error) {
	m := map[string]bool{}
	err := readTSV("ambiguous_capitals.tsv", func(_ int, cols []string) error {
		m[cols[0]] = true
		return nil
	})
	return m, err
}
