package syntax

// Token is one UD token of a sentence.
type Token struct {
	Start, End int    // byte offsets into the text passed to Tokenize (End exclusive)
	Form       string // the token's text (for a split clitic, its own bytes: "n't", "'s")
	Lemma      string // lower-case lemma for common words; proper nouns keep their case
	UPOS       string // UD universal tag: NOUN, VERB, AUX, PROPN, ...
	XPOS       string // Penn tag: VBD, VBN, NNP, ... (tense and aspect come from it)
	Head       int    // index of the head token in the same slice; -1 for the root
	Rel        string // UD relation with subtype: nsubj, nsubj:pass, obj, obl, nmod:poss, ...
}
