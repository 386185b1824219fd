package syntax

import (
	"strings"
	"time"
)

// repairDays corrects one error the parser makes often on news and seldom
// on the treebanks it learned from: a bare day word after a name ("The
// Interior Department yesterday finalized rules", "The 76ers fired Coach
// Maurice Cheeks Saturday morning") read as the head of the noun phrase
// before it, with the name as its compound. The name is the phrase's head
// and keeps the day's relation when that is a subject (the day becomes
// obl:unmarked of the verb); after a verb with no object, the name is the
// object. Tokens before the name that hung from the day (its determiner,
// other compounds) move to the name.
func repairDays(toks []Token) {
	for d := range toks {
		if !dayWord(toks[d]) || !isNominal(toks[d].UPOS) {
			continue
		}
		top := d // the day phrase's head: "Saturday" in "Saturday morning"
		if h := toks[d].Head; toks[d].Rel == "compound" && h == d+1 && dayPart[strings.ToLower(toks[h].Form)] {
			top = h
		}
		n := nameBefore(toks, d)
		if n < 0 {
			continue
		}
		v := toks[top].Head
		if v < 0 || toks[v].UPOS != "VERB" && toks[v].UPOS != "AUX" {
			continue
		}
		var rel string
		switch r := toks[top].Rel; {
		case r == "nsubj" || r == "nsubj:pass":
			rel = r
		case (r == "obl:unmarked" || r == "obl" || r == "obj") && v < n && !hasChild(toks, v, "obj"):
			rel = "obj"
		default:
			continue
		}
		for i := range n {
			if toks[i].Head == d || toks[i].Head == top {
				toks[i].Head = n
			}
		}
		toks[n].Head, toks[n].Rel = v, rel
		toks[top].Head, toks[top].Rel = v, "obl:unmarked"
	}
}

// nameBefore returns the last of the nominal compounds that precede day
// word d and hang from it ("Cheeks" in "Coach Maurice Cheeks Saturday"),
// or -1 when the word before d is not one.
func nameBefore(toks []Token, d int) int {
	n := d - 1
	if n < 0 || toks[n].Head != d || toks[n].Rel != "compound" || !isNominal(toks[n].UPOS) || dayWord(toks[n]) {
		return -1
	}
	return n
}

func hasChild(toks []Token, h int, rel string) bool {
	for _, t := range toks {
		if t.Head == h && t.Rel == rel {
			return true
		}
	}
	return false
}

func isNominal(upos string) bool { return upos == "NOUN" || upos == "PROPN" }

// dayWord reports whether t names a day without a preposition: a weekday
// or a deictic day ("yesterday").
func dayWord(t Token) bool {
	w := strings.ToLower(t.Form)
	return deicticDays[w] || weekdays[w]
}

var deicticDays = map[string]bool{"yesterday": true, "today": true, "tonight": true, "tomorrow": true}

// dayPart holds the words that follow a weekday in a bare time phrase:
// "Saturday morning".
var dayPart = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// weekdays holds the lower-case weekday names ("monday"...).
var weekdays = func() map[string]bool {
	m := map[string]bool{}
	for d := time.Sunday; d <= time.Saturday; d++ {
		m[strings.ToLower(d.String())] = true
	}
	return m
}()
