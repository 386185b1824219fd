package syntax

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"path/filepath"
	"testing"

	"github.com/eventgraph/eventgraph/extract/syntax/conllu"
)

// sameAnalysis holds, for each treebank split, the SHA-256 of what Tag and
// Parse make of its sentences (tags, lemmas, heads and relations of every
// word; see analysisDigest), as the models gave them when these digests
// were recorded (2026-12-07, main at e0c847c). Speeding up the tagger or
// the parser must leave them as they are; a change meant to alter the
// analysis (a retrained model) records the new digests the test prints.
var sameAnalysis = []struct{ file, predicted, gold string }{
	{"en_ewt-ud-dev.conllu.gz",
		"d00fe2b0f9da59d740202a47aa9473c4145ebff624e42cc2bfb31d50679f05ff",
		"50191cf44eff64c185d3faa27d8438f696313af66d75f179786ed507788f1bd8"},
	{"en_ewt-ud-test.conllu.gz",
		"db509d83ec315061183362ac28dcbbf9b473085694967213c0dff1465c160f3d",
		"23b695668d674fd944fc25129d46d9c63ff4b11955b729b339438ba2b8d6c9e7"},
	{"en_gum-ccby-ud-dev.conllu.gz",
		"271fb474b17ecf3343527d3c99b4b1dc4a66a71d01ea755e965375cc6fc20ad9",
		"a0ef7ccd347a08893173d6ab054f5ecdcd3810982124df5c9e41a7827bfdfe35"},
	{"en_gum-ccby-ud-test.conllu.gz",
		"e2a874e45e79542b7dad1f31ff5c6ec1c86f12d387b91fa31aaef11b8df71bf4",
		"3d70c1d361bcf3db315ff4d9ad6200f55a11e0d2a167ff55deab010aeae06f94"},
}

// analysisDigest tags and parses every sentence of a treebank from its
// gold words and hashes the result; it also hashes Parse's trees for the
// gold tags and lemmas, which reach parser states the tagger's tags may
// not.
func analysisDigest(sents []conllu.Sentence) (predicted, gold string) {
	hp, hg := sha256.New(), sha256.New()
	var toks []Token
	for _, s := range sents {
		toks = toks[:0]
		for _, w := range s.Words {
			toks = append(toks, Token{Form: w.Form})
		}
		Tag(toks)
		Parse(toks)
		writeAnalysis(hp, toks)
		for i, w := range s.Words {
			toks[i] = Token{Form: w.Form, Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS}
		}
		Parse(toks)
		writeAnalysis(hg, toks)
	}
	return hex.EncodeToString(hp.Sum(nil)), hex.EncodeToString(hg.Sum(nil))
}

func writeAnalysis(h hash.Hash, toks []Token) {
	for _, t := range toks {
		fmt.Fprintf(h, "%s\t%s\t%s\t%d\t%s\n", t.UPOS, t.XPOS, t.Lemma, t.Head, t.Rel)
	}
	h.Write([]byte{'\n'})
}

// TestSameAnalysis checks that the tagger and the parser analyse every
// sentence of UD EWT and GUM dev and test as they did when the digests of
// sameAnalysis were recorded.
func TestSameAnalysis(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIP: -short")
	}
	for _, tc := range sameAnalysis {
		t.Run(tc.file, func(t *testing.T) {
			sents, err := conllu.ReadFile(filepath.Join("..", "..", "..", "shared", "data", "ud", tc.file))
			if err != nil {
				t.Skipf("SKIP: treebank missing: %v", err)
			}
			predicted, gold := analysisDigest(sents)
			if predicted != tc.predicted {
				t.Errorf("tagged and parsed: digest %s, want %s", predicted, tc.predicted)
			}
			if gold != tc.gold {
				t.Errorf("parsed with gold tags: digest %s, want %s", gold, tc.gold)
			}
		})
	}
}
