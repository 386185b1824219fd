package syntax

import "github.com/eventgraph/eventgraph/extract/syntax/internal/tagger"

// lemma is the lemma of form tagged xpos: learned from the treebanks (an
// exception table, then suffix rewrites by tag; see tagger.Lemmatizer).
// Proper nouns keep their case, other words are lower case.
func lemma(l *tagger.Lemmatizer, form, xpos string) string {
	return l.Lemma(form, xpos)
}
