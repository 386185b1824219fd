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
// the tree around its token: the auxiliary chain (aux, aux:pass, cop) and
// the token's own Penn tag give tense and aspect the way TimeBank marks
// them (a noun or adjective takes them from its copula, else has none); a modal other than will/shall is the modality (tense NONE); a
// negation dependent of the token (or of its copula's head) makes the
// polarity NEG.
func (s *sentence) attrs(e *Event) {
	i := e.Token
	t := &s.toks[i]
	e.POS = timemlPOS(t.UPOS)
	e.Tense, e.Aspect, e.Polarity = None, None, Positive

	var auxes []int // aux, aux:pass and cop dependents, in text order
	to := false
	for _, k := range s.kids[i] {
		switch s.toks[k].Rel {
		case "aux", "aux:pass", "cop":
			if s.lemma(k) == "to" || s.toks[k].XPOS == "TO" {
				to = true
				continue
			}
			auxes = append(auxes, k)
		case "mark":
			if s.lemma(k) == "to" {
				to = true
			}
		}
		if isNegation(s, k) {
			e.Polarity = Negative
		}
	}

	var modal string
	future, perfect, be := false, false, false
	for _, k := range auxes {
		lem := s.lemma(k)
		switch {
		case lem == "will" || lem == "shall" || lem == "'ll" || lem == "wo":
			future = true
		case s.toks[k].XPOS == "MD" || isModal(lem):
			modal = strings.ToLower(s.toks[k].Form)
		case lem == "have":
			perfect = true
		case lem == "be":
			be = true
		}
	}
	progressive := be && t.XPOS == "VBG"
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
	case modal != "":
		e.Modality = modal
	case future:
		e.Tense = Future
	case len(auxes) > 0:
		e.Tense = finiteTense(s.toks[auxes[0]].XPOS, to)
	case to:
		e.Tense = Infinitive
	case !predicate:
		e.Tense = ownTense(t.XPOS)
	}
}

// finiteTense is the tense of a verb group whose finite word is tagged
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

// ownTense is the tense of a verb with no auxiliary.
func ownTense(xpos string) string {
	switch xpos {
	case "VBD":
		return Past
	case "VBZ", "VBP":
		return Present
	case "VBG":
		return PresPart
	case "VBN":
		return PastPart
	case "VB":
		return Infinitive
	}
	return None
}

func isModal(lemma string) bool {
	switch lemma {
	case "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll", "wo", "ca":
		return true
	}
	return false
}

// isNegation reports whether token k negates its head: "not", "n't",
// "never", or the determiner "no".
func isNegation(s *sentence, k int) bool {
	switch strings.ToLower(s.toks[k].Form) {
	case "not", "n't", "never", "no":
		r := s.toks[k].Rel
		return r == "advmod" || r == "det" || r == "neg" || strings.HasPrefix(r, "advmod")
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
