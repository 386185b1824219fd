// Command ud scores package syntax on the UD English treebanks
// (../shared/data/ud): Tokenize against the treebank's words (token F1 on
// each sentence's text), the project's sentence splitter text.Sentences
// (sentence F1 on each document's text rebuilt from its sentences), and,
// with gold tokenization, Tag (UPOS, XPOS, lemma accuracy over all words)
// and Parse with predicted tags (UAS, LAS).
//
//	go run ./eval/ud [-data dir] [-split dev,test] [-misses file]
package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"github.com/eventgraph/eventgraph/extract/syntax/conllu"
)

func main() {
	data := flag.String("data", "", "folder of the UD treebanks (default ../shared/data/ud)")
	splits := flag.String("split", "dev,test", "comma-separated splits to score")
	misses := flag.String("misses", "", "write the sentences tokenized differently from the treebank to this file")
	flag.Parse()
	dir, err := evalkit.DataDir(*data, "ud")
	if err != nil {
		fail(err)
	}
	var missOut io.Writer
	if *misses != "" {
		f, err := os.Create(*misses)
		if err != nil {
			fail(err)
		}
		defer f.Close()
		missOut = f
	}
	for _, split := range strings.Split(*splits, ",") {
		for _, tb := range treebanks {
			sents, err := conllu.ReadFile(filepath.Join(dir, tb.file(split)))
			if err != nil {
				fail(err)
			}
			r := score(sents, missOut)
			r.print(os.Stdout, tb.name+" "+split)
		}
	}
}

// treebank names one UD treebank's files.
type treebank struct{ name, prefix string }

func (t treebank) file(split string) string { return t.prefix + "-ud-" + split + ".conllu.gz" }

var treebanks = []treebank{{"EWT", "en_ewt"}, {"GUM", "en_gum-ccby"}}

func fail(err error) {
	slog.Error("ud", "err", err)
	os.Exit(1)
}

// report holds the scores of one treebank split.
type report struct {
	sentences      int
	tokens, splits evalkit.PRF
	tags           tagScores
}

func score(sents []conllu.Sentence, misses io.Writer) report {
	return report{
		sentences: len(sents),
		tokens:    tokenScore(sents, misses),
		splits:    sentenceScore(sents),
		tags:      scoreTags(sents),
	}
}

func (r report) print(w io.Writer, name string) {
	pct := func(n int) float64 { return 100 * evalkit.Ratio(n, r.tags.words) }
	fmt.Fprintf(w, "%-9s %5d sentences %6d words  tokens F1 %.2f  sentences F1 %.2f  UPOS %.2f  XPOS %.2f  lemma %.2f",
		name, r.sentences, r.tags.words, 100*r.tokens.F1(), 100*r.splits.F1(),
		pct(r.tags.upos), pct(r.tags.xpos), pct(r.tags.lemma))
	if parser != nil {
		fmt.Fprintf(w, "  UAS %.2f  LAS %.2f  LAS(universal) %.2f", pct(r.tags.heads), pct(r.tags.labels), pct(r.tags.universal))
	}
	fmt.Fprintln(w)
}
