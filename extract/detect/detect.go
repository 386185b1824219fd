// Package detect finds events in a syntax-analyzed sentence as TimeML
// defines them: verbs, event nominals ("decision", "resignation"),
// predicative states, each with its TimeML class (OCCURRENCE, REPORTING,
// STATE, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION), tense, aspect,
// polarity and modality.
package detect

func argmax(s []float32) int {
	best := 0
	for c, v := range s {
		if v > s[best] {
			best = c
		}
	}
	return best
}
