// Command ud scores the syntax package on the UD English treebanks
// (../shared/data/ud): tokenization and sentence splitting on the
// sentences' text, and tags, lemmas and (once the parser exists)
// attachment with gold tokenization.
//
//	go run ./eval/ud [-data dir] [-split dev,test] [-misses file]
package main

import (
	"flag"
	"fmt"
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
	var missOut *os.File
	if *misses != "" {
		if missOut, err = os.Create(*misses); err != nil {
			fail(err)
		}
		defer missOut.Close()
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
}

func score(sents []conllu.Sentence, misses *os.File) report {
	r := report{sentences: len(sents)}
	if misses != nil {
		r.tokens = tokenScore(sents, misses)
	} else {
		r.tokens = tokenScore(sents, nil)
	}
	r.splits = sentenceScore(sents)
	return r
}

func (r report) print(w *os.File, name string) {
	fmt.Fprintf(w, "%-9s %5d sentences  tokens P %.2f R %.2f F1 %.2f  sentences P %.2f R %.2f F1 %.2f\n",
		name, r.sentences, 100*r.tokens.P(), 100*r.tokens.R(), 100*r.tokens.F1(),
		100*r.splits.P(), 100*r.splits.R(), 100*r.splits.F1())
}
