package depparse

// Paired punctuation is attached by rule after parsing, as UD attaches it
// and as the treebanks were normalized (the FixPunct block of Udapi): an
// opening bracket or quote and its closing mark both attach to the one
// word between them whose head is outside. The parser alone often attaches
// the two marks to different words (EWT dev with the tagger's tags: UAS
// 85.24 without the rule, 85.33 with it). For other marks the parser's own
// choice does better than the rule's on a parsed tree.

// pairs maps opening marks to their closing marks.
var pairs = map[string]string{
	"(": ")", "[": "]", "{": "}", `"`: `"`, "“": "”", "'": "'", "‘": "’", "``": "''", "<": ">",
}

// attachPairs re-attaches paired marks of a parsed sentence that are
// labelled punct, tagged PUNCT and without dependents.
func attachPairs(sent []Word) {
	movable := func(i int) bool {
		w := sent[i]
		if w.Rel != "punct" || w.UPOS != "PUNCT" || w.Head < 0 {
			return false
		}
		for _, x := range sent {
			if x.Head == i {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(sent); i++ {
		closing, ok := pairs[sent[i].Form]
		if !ok {
			continue
		}
		j := i + 1
		for j < len(sent) && sent[j].Form != closing {
			j++
		}
		if j == len(sent) {
			return
		}
		if movable(i) && movable(j) {
			if h := pairHead(sent, i, j); h >= 0 {
				sent[i].Head, sent[j].Head = h, h
			}
		}
		i = j
	}
}

// pairHead is the one word between i and j, not punctuation, whose head is
// outside them; -1 when there is none or more than one.
func pairHead(sent []Word, i, j int) int {
	h := -1
	for k := i + 1; k < j; k++ {
		if hk := sent[k].Head; (hk < i || hk > j) && sent[k].UPOS != "PUNCT" {
			if h >= 0 {
				return -1
			}
			h = k
		}
	}
	return h
}
