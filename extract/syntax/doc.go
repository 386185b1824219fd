// Package syntax analyzes one English sentence the way Universal
// Dependencies does: UD tokens (Tokenize), universal and Penn tags and
// lemmas (Tag), and a labeled dependency tree (Parse); Analyze does all
// three.
//
// The tagger is an averaged perceptron over hashed features and the lemmas
// come from the tag plus an exception table; both are trained by `make
// train` on UD_English-EWT and the CC BY genres of UD_English-GUM
// (../shared/data/ud) and embedded from the files in model/. Models load
// once, on first use, and every function is safe for concurrent use.
package syntax
