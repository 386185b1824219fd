package detect

import "strings"

// TimeML attribute values.
const (
	None = "NONE"

	Past       = "PAST"
	Present    = "PRESENT"
	Future     = "FUTURE"
	Infinitive = "INFINITIVE"
	PresPart   = "PRESPART"
	PastPart   = "PASTPART"

	Progressive           = "PROGRESSIVE"
	Perfective            = "PERFECTIVE"
	PerfectiveProgressive = "PERFECTIVE_PROGRESSIVE"

	Positive = "POS"
	Negative = "NEG"
)

// attrs sets e's tense, aspect, polarity, modality and part of speech from
// the tree around its token, the way TimeBank marks them:
//
//   - the auxiliary chain (aux, aux:pass and cop dependents) gives the
//     tense of its first, finite word (was sold: PAST) and the aspect
//     (have: PERFECTIVE; be + -ing, being + participle: PROGRESSIVE);
//     will/shall make FUTURE;
//     another modal is the modality, with tense NONE;
//   - "to" makes an INFINITIVE; "going to" a FUTURE;
//   - without auxiliaries a verb's own Penn tag decides (a participle with
//     no auxiliary is PAST but for a complement, PASTPART), and a verb
//     coordinated with another and without auxiliaries or subject of its
//     own shares that verb's attributes ("could break loose and destroy");
//   - a noun or adjective has tense NONE unless a copula carries one;
//   - a negation dependent ("not", "n't", "never", "no") makes NEG.
func (s *sentence) attrs(e *Event) {
	i := e.Token
	t := &s.toks[i]
	e.POS = timemlPOS(t.UPOS)
	e.Tense, e.Aspect, e.Polarity = None, None, Positive
	v := s.verbGroup(i)
	if v.negated {
		e.Polarity = Negative
	}
	if len(v.auxes) == 0 && !v.to && !v.subject && t.Rel == "conj" && s.verbal(t.Head) && t.Head != i {
		h := Event{Token: t.Head}
		s.attrs(&h)
		e.Tense, e.Aspect, e.Modality = h.Tense, h.Aspect, h.Modality
		return
	}

	future, perfect, be, being := false, false, false, false
	for _, k := range v.auxes {
		switch lem := s.lemma(int(k)); {
		case isFuture(lem):
			future = true
		case s.toks[k].XPOS == "MD" || modalWord(lem) != "":
			e.Modality = modalWord(lem)
			if e.Modality == "" {
				e.Modality = strings.ToLower(s.toks[k].Form)
			}
		case lem == "have":
			perfect = true
		case lem == "be":
			be = true
			being = being || s.toks[k].XPOS == "VBG"
		}
	}
	progressive := be && t.XPOS == "VBG" || being
	switch {
	case perfect && progressive:
		e.Aspect = PerfectiveProgressive
	case perfect:
		e.Aspect = Perfective
	case progressive:
		e.Aspect = Progressive
	}

	predicate := t.UPOS != "VERB" && t.UPOS != "AUX"
	switch {
	case e.Modality != "":
	case future || v.to && s.goingTo(t.Head):
		e.Tense = Future
	case len(v.auxes) > 0:
		e.Tense = finiteTense(s.toks[v.auxes[0]].XPOS, v.to)
	case v.to:
		e.Tense = Infinitive
	case !predicate:
		e.Tense = ownTense(t.XPOS, t.Rel)
	}
}

// verbGroup is what the dependents of a word say about its verb group.
type verbGroup struct {
	auxes   []int // aux, aux:pass and cop dependents other than "to", in order
	to      bool  // an infinitive marker
	subject bool  // a subject of its own
	negated bool
}

func (s *sentence) verbGroup(i int) verbGroup {
	var v verbGroup
	for _, k := range s.kids(i) {
		switch r := s.toks[k].Rel; {
		case r == "aux" || r == "aux:pass" || r == "cop":
			if s.toks[k].XPOS == "TO" || s.lemma(int(k)) == "to" {
				v.to = true
			} else {
				v.auxes = append(v.auxes, int(k))
			}
		case r == "mark" && s.lemma(int(k)) == "to":
			v.to = true
		case strings.HasPrefix(r, "nsubj") || strings.HasPrefix(r, "csubj") || r == "expl":
			v.subject = true
		}
		if isNegation(s, int(k)) {
			v.negated = true
		}
	}
	return v
}

// verbal reports whether token i is a verb or a predicate with a copula.
func (s *sentence) verbal(i int) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	if u := s.toks[i].UPOS; u == "VERB" || u == "AUX" {
		return true
	}
	for _, k := range s.kids(i) {
		if s.toks[k].Rel == "cop" {
			return true
		}
	}
	return false
}

// goingTo reports whether token h is the "going" of "be going to".
func (s *sentence) goingTo(h int) bool {
	if h < 0 || h >= len(s.toks) || s.lemma(h) != "go" || s.toks[h].XPOS != "VBG" {
		return false
	}
	for _, k := range s.kids(h) {
		if s.toks[k].Rel == "aux" && s.lemma(int(k)) == "be" {
			return true
		}
	}
	return false
}

// finiteTense is the tense of a verb group whose first auxiliary is tagged
// xpos.
func finiteTense(xpos string, to bool) string {
	switch xpos {
	case "VBD":
		return Past
	case "VBZ", "VBP":
		return Present
	case "VB":
		if to {
			return Infinitive
		}
		return Present
	case "VBG":
		return PresPart
	case "VBN":
		return PastPart
	}
	return None
}

// ownTense is the tense of a verb with no auxiliary, from its tag and
// relation.
func ownTense(xpos, rel string) string {
	switch xpos {
	case "VBD":
		return Past
	case "VBZ", "VBP":
		return Present
	case "VBG":
		return PresPart
	case "VBN":
		if rel == "xcomp" {
			return PastPart
		}
		return Past
	case "VB":
		if rel == "xcomp" {
			return Infinitive
		}
		return Present
	}
	return None
}

func isFuture(lemma string) bool {
	switch lemma {
	case "will", "shall", "'ll", "wo":
		return true
	}
	return false
}

// modalWord is the modality TimeML records for a modal auxiliary's lemma
// ("ca" of "can't" is "can"), "" for none.
func modalWord(lemma string) string {
	switch lemma {
	case "would", "'d", "should", "can", "ca", "could", "may", "might", "must":
		switch lemma {
		case "'d":
			return "would"
		case "ca":
			return "can"
		}
		return lemma
	}
	return ""
}

// isNegation reports whether token k negates its head: "not", "n't",
// "never", or the determiner "no".
func isNegation(s *sentence, k int) bool {
	switch strings.ToLower(s.toks[k].Form) {
	case "not", "n't", "never", "no":
		r := s.toks[k].Rel
		return r == "det" || strings.HasPrefix(r, "advmod")
	}
	return false
}

// timemlPOS maps a UD tag to MAKEINSTANCE's pos attribute.
func timemlPOS(upos string) string {
	switch upos {
	case "VERB", "AUX":
		return "VERB"
	case "NOUN", "PROPN":
		return "NOUN"
	case "ADJ":
		return "ADJECTIVE"
	case "ADP":
		return "PREPOSITION"
	}
	return "OTHER"
}
