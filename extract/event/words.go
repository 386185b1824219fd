package event

// Closed-class word lists: grammar, not domain knowledge, so they stay in Go.

var determiners = set("the", "a", "an", "this", "that", "these", "those", "its", "his", "her",
	"their", "our", "my", "your", "whose", "any", "some", "every", "each", "another", "such",
	"'s", "’s", "no", "both", "all", "several", "many", "few", "first", "second", "last", "new",
	"other", "more", "most", "further")

// degree words come before adjectives: "a more targeted approach".
var degree = set("more", "most", "less", "least", "very", "so", "too", "highly", "increasingly")

var prepositions = set("of", "in", "on", "at", "to", "for", "with", "by", "from", "about",
	"against", "over", "into", "onto", "toward", "towards", "between", "among", "amongst",
	"across", "within", "near", "under", "after", "before", "during", "since", "through",
	"throughout", "despite", "amid", "amidst", "via", "per", "like", "upon", "inside", "outside",
	"around", "behind", "beyond", "without", "including", "following", "regarding", "concerning")

var auxiliaries = set("is", "are", "am", "was", "were", "be", "been", "being", "has", "have",
	"had", "having", "do", "does", "did", "will", "would", "shall", "should", "can", "could",
	"may", "might", "must", "'s", "’s", "'ve", "'d", "'ll", "’ll", "’ve", "’d", "wo", "ca", "get", "got", "gets")

var beForms = set("is", "are", "am", "was", "were", "be", "been", "being", "'s", "’s", "get", "got", "gets", "getting")

var adverbs = set("also", "still", "then", "now", "already", "just", "not", "n't", "never", "reportedly",
	"later", "again", "jointly", "finally", "abruptly", "immediately", "recently", "allegedly",
	"officially", "publicly", "formally", "quickly", "eventually", "previously", "initially",
	"directly", "repeatedly", "only", "even", "ever", "once", "yet", "further", "effectively",
	"unilaterally", "reluctantly", "apparently", "largely", "partly", "indeed", "actually", "nearly", "almost",
	"simply", "subsequently", "suddenly", "swiftly", "briefly", "openly", "strongly", "sharply", "firmly", "no", "longer")

var subordinators = set("after", "before", "because", "while", "when", "although", "though",
	"since", "whereas", "until", "unless", "if", "whether", "once", "as", "so", "but", "despite")

// settings are the prepositions of a noun phrase that places a clause
// inside an event: "in a courthouse escape", "during a transfer".
var settings = set("in", "during", "into", "throughout", "amid", "amidst")

// nominalPreps take a noun phrase, never a clause: a participle after one
// modifies the noun ("amid growing tensions"), whatever the parser says.
var nominalPreps = set("amid", "amidst")

var relatives = set("which", "who", "whom", "whose", "where", "that")

var subjectPronouns = set("he", "she", "they", "it", "we", "i", "you", "who", "which")

var pastAux = set("was", "were", "had", "did", "has", "have", "'ve", "’ve", "'d", "’d")
var presentAux = set("is", "are", "am", "does", "do")
var futureAux = set("will", "'ll", "’ll", "shall", "wo")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// isPunct reports whether a token is punctuation.
func isPunct(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 && r != '—' && r != '–' && r != '“' && r != '”' && r != '‘' && r != '’' {
			return false
		}
	}
	return true
}

// isClauseBreak reports whether a token ends a clause for argument search.
func isClauseBreak(s string) bool {
	switch s {
	case ";", ":", "(", ")", "—", "–", "--", "\"", "“", "”":
		return true
	}
	return false
}

// Closed-class bits of a token, computed once per token.
const (
	cDet uint16 = 1 << iota
	cPrep
	cAux
	cAdv
	cSub
	cRel
	cBe
	cDeg
	cPast
	cPres
	cFut
	cSubj
)

// closedClass maps each closed-class word to its bits.
var closedClass = func() map[string]uint16 {
	m := map[string]uint16{}
	for _, c := range []struct {
		set map[string]bool
		bit uint16
	}{
		{determiners, cDet}, {prepositions, cPrep}, {auxiliaries, cAux}, {adverbs, cAdv},
		{subordinators, cSub}, {relatives, cRel}, {beForms, cBe}, {degree, cDeg},
		{pastAux, cPast}, {presentAux, cPres}, {futureAux, cFut}, {subjectPronouns, cSubj},
	} {
		for w := range c.set {
			m[w] |= c.bit
		}
	}
	return m
}()
