package depparse

import (
	"fmt"
	"strings"
)

// Score counts attachment decisions over a set of sentences, punctuation
// included (as in the CoNLL 2018 shared task).
type Score struct {
	Words     int
	Heads     int // right head
	Labelled  int // right head and relation, subtype included ("nmod:poss")
	Universal int // right head and universal relation ("nmod"), the CoNLL 2018 LAS
}

// Add counts one sentence: got as parsed, want as annotated.
func (sc *Score) Add(got, want []Word) {
	for i := range want {
		sc.Words++
		if got[i].Head != want[i].Head {
			continue
		}
		sc.Heads++
		if got[i].Rel == want[i].Rel {
			sc.Labelled++
		}
		if universal(got[i].Rel) == universal(want[i].Rel) {
			sc.Universal++
		}
	}
}

func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// UAS is the percentage of words with the right head.
func (sc Score) UAS() float64 { return pct(sc.Heads, sc.Words) }

// LAS is the percentage of words with the right head and universal relation.
func (sc Score) LAS() float64 { return pct(sc.Universal, sc.Words) }

// LASFull is LAS counting subtypes too.
func (sc Score) LASFull() float64 { return pct(sc.Labelled, sc.Words) }

func (sc Score) String() string {
	return fmt.Sprintf("UAS %.2f LAS %.2f (with subtypes %.2f) on %d words", sc.UAS(), sc.LAS(), sc.LASFull(), sc.Words)
}

// Evaluate parses a copy of every sentence and scores it against the gold
// heads and relations.
func (m *Model) Evaluate(sents [][]Word) Score {
	var sc Score
	var buf []Word
	for _, s := range sents {
		buf = append(buf[:0], s...)
		m.Parse(buf)
		sc.Add(buf, s)
	}
	return sc
}
