// Package syntax analyzes one English sentence the way Universal
// Dependencies does: UD tokens (Tokenize), universal and Penn tags and
// lemmas (Tag), and a labeled dependency tree (Parse); Analyze does all
// three.
//
// The tagger chooses a joint (UPOS, XPOS) tag for each word with two
// greedy averaged perceptrons over hashed features (word, affixes, shape,
// neighbours, tags to the left, and WordNet word classes); the second pass
// also sees the first pass's guesses to the right and looks again only at
// the words the first was unsure of. Lemmas come from the tag, an
// exception table and suffix rewrites. Both are trained by `make train` on
// UD_English-EWT and the CC BY genres of UD_English-GUM (../shared/data/ud)
// and embedded from model/ (see model/README.md for sources and licences).
// Models load once, on first use, and every function is safe for
// concurrent use.
package syntax
