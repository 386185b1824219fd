// Command train trains the tagger and lemmatizer of package syntax on the
// UD English treebanks and writes extract/syntax/model/tagger.bin (make
// train). The same data, flags and seed give the same bytes.
//
//	go run ./extract/syntax/internal/train [-data ../shared/data/ud] [-wordnet /usr/share/wordnet] [-dev]
package main

import (
	"cmp"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/extract/syntax/conllu"
	"github.com/eventgraph/eventgraph/extract/syntax/internal/tagger"
)

func main() {
	data := flag.String("data", "../shared/data/ud", "folder of the UD English treebanks")
	out := flag.String("out", "extract/syntax/model/tagger.bin", "model file to write")
	iters := flag.Int("iters", 9, "passes over the training data")
	seed := flag.Uint64("seed", 1, "seed of the order of training sentences")
	prune := flag.Float64("prune", 0.3, "leave out averaged weights smaller than this")
	wordnet := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database (Debian package wordnet-base); empty: none")
	dev := flag.Bool("dev", false, "score the dev splits after every pass")
	sweep := flag.String("sweep", "", "with -dev: comma-separated prune thresholds to score at the end")
	dict := flag.Int("dict", 20, "words seen this often take only the classes seen with them (0: no such restriction)")
	// 24: EWT dev UPOS and XPOS as with every word seen twice, GUM dev
	// 0.01 better than 32, and the second pass sees 12.6% of EWT dev words
	// instead of 17.7% (-margins 16,20,24,28,32).
	margin := flag.Float64("margin", 24, "first-pass lead from which the second pass leaves a word alone (0: it sees all)")
	margins := flag.String("margins", "", "with -dev: comma-separated margins to score at the end")
	flag.Parse()
	if err := run(*data, *wordnet, *out, *iters, *seed, *prune, *dict, *dev, *sweep, float32(*margin), *margins); err != nil {
		slog.Error("train", "err", err)
		os.Exit(1)
	}
}

// treebanks are the training treebanks' file prefixes.
var treebanks = []string{"en_ewt", "en_gum-ccby"}

func read(dir, split string) ([]conllu.Sentence, error) {
	var paths []string
	for _, tb := range treebanks {
		paths = append(paths, filepath.Join(dir, tb+"-ud-"+split+".conllu.gz"))
	}
	return conllu.ReadFiles(paths...)
}

func run(dir, wordnet, out string, iters int, seed uint64, prune float64, dict int, dev bool, sweep string, margin float32, margins string) error {
	train, err := read(dir, "train")
	if err != nil {
		return err
	}
	var devSets [][]conllu.Sentence
	if dev {
		for _, tb := range treebanks {
			s, err := conllu.ReadFile(filepath.Join(dir, tb+"-ud-dev.conllu.gz"))
			if err != nil {
				return err
			}
			devSets = append(devSets, s)
		}
	}
	tags, index := tagSet(train)
	examples := make([]tagger.Example, len(train))
	var pairs []tagger.Pair
	for i, s := range train {
		ex := tagger.Example{Forms: make([]string, len(s.Words)), Tags: make([]int, len(s.Words))}
		for j, w := range s.Words {
			ex.Forms[j] = w.Form
			ex.Tags[j] = index[tagger.Tag{UPOS: w.UPOS, XPOS: w.XPOS}]
			pairs = append(pairs, tagger.Pair{Form: w.Form, XPOS: w.XPOS, Lemma: w.Lemma})
		}
		examples[i] = ex
	}
	var (
		lex   map[string]uint16
		extra []tagger.Pair
	)
	if wordnet != "" {
		if lex, err = readWordNet(wordnet); err != nil {
			return err
		}
		exc, err := wordNetExceptions(wordnet)
		if err != nil {
			return err
		}
		for _, e := range exc {
			extra = append(extra, tagger.Pair{Form: e[0], XPOS: e[1], Lemma: e[2]})
		}
	}
	lemmas := tagger.Learn(pairs, extra, lex, lemmaClasses)
	exc, rules := lemmas.Sizes()
	slog.Info("training", "sentences", len(train), "words", len(pairs), "tags", len(tags),
		"lemma exceptions", exc, "lemma rules", rules)

	tr := tagger.NewTrainer(tags, examples, lex, seed, dict)
	for it := 1; it <= iters; it++ {
		start := time.Now()
		acc := tr.Epoch()
		msg := fmt.Sprintf("pass %d: train %.2f%% (%s)", it, 100*acc, time.Since(start).Round(time.Millisecond))
		if dev {
			t := tr.Tagger(prune, lemmas)
			for i, s := range devSets {
				msg += fmt.Sprintf("; %s dev %s", treebanks[i], score(t, s))
			}
		}
		slog.Info(msg)
	}
	for _, p := range strings.Split(sweep, ",") {
		if p == "" || !dev {
			continue
		}
		v, err := strconv.ParseFloat(p, 64)
		if err != nil {
			return fmt.Errorf("-sweep: %w", err)
		}
		t := tr.Tagger(v, lemmas)
		b, _ := t.AppendBinary(nil)
		start := time.Now()
		msg := fmt.Sprintf("prune %g: %d bytes, %d weights", v, len(b), t.Weights())
		for i, s := range devSets {
			msg += fmt.Sprintf("; %s dev %s", treebanks[i], score(t, s))
		}
		slog.Info(msg, "scoring", time.Since(start).Round(time.Millisecond))
	}
	t := tr.Tagger(prune, lemmas)
	for _, m := range strings.Split(margins, ",") {
		if m == "" || !dev {
			continue
		}
		v, err := strconv.ParseFloat(m, 64)
		if err != nil {
			return fmt.Errorf("-margins: %w", err)
		}
		t.Margin = float32(v)
		msg := fmt.Sprintf("margin %g: second pass on %.1f%% of words", v, 100*secondShare(t, devSets))
		for i, s := range devSets {
			msg += fmt.Sprintf("; %s dev %s", treebanks[i], score(t, s))
		}
		slog.Info(msg)
	}
	t.Margin = margin
	b, err := t.AppendBinary(nil)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	slog.Info("wrote", "file", out, "bytes", len(b), "features", t.Features(), "weights", t.Weights())
	return nil
}

// tagSet lists the (UPOS, XPOS) pairs of the training words, most frequent
// first, and numbers them.
func tagSet(sents []conllu.Sentence) ([]tagger.Tag, map[tagger.Tag]int) {
	n := make(map[tagger.Tag]int)
	for _, s := range sents {
		for _, w := range s.Words {
			n[tagger.Tag{UPOS: w.UPOS, XPOS: w.XPOS}]++
		}
	}
	tags := make([]tagger.Tag, 0, len(n))
	for t := range n {
		tags = append(tags, t)
	}
	slices.SortFunc(tags, func(a, b tagger.Tag) int {
		if c := cmp.Compare(n[b], n[a]); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.UPOS, b.UPOS), cmp.Compare(a.XPOS, b.XPOS))
	})
	index := make(map[tagger.Tag]int, len(tags))
	for i, t := range tags {
		index[t] = i
	}
	return tags, index
}

// score tags sents with t and returns UPOS, XPOS and lemma accuracy.
func score(t *tagger.Tagger, sents []conllu.Sentence) string {
	var upos, xpos, lemma, total int
	var forms []string
	var out []int
	for _, s := range sents {
		forms = forms[:0]
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
		out = slices.Grow(out[:0], len(forms))[:len(forms)]
		t.Tag(forms, out)
		for i, w := range s.Words {
			tag := t.Tags[out[i]]
			total++
			if tag.UPOS == w.UPOS {
				upos++
			}
			if tag.XPOS == w.XPOS {
				xpos++
			}
			if t.Lemmas.Lemma(w.Form, tag.XPOS) == w.Lemma {
				lemma++
			}
		}
	}
	pct := func(n int) float64 { return 100 * float64(n) / float64(total) }
	return fmt.Sprintf("UPOS %.2f XPOS %.2f lemma %.2f", pct(upos), pct(xpos), pct(lemma))
}

// secondShare is the share of the words of sets that t's second pass tags.
func secondShare(t *tagger.Tagger, sets [][]conllu.Sentence) float64 {
	var n, second int
	for _, sents := range sets {
		for _, s := range sents {
			forms := make([]string, len(s.Words))
			for i, w := range s.Words {
				forms[i] = w.Form
			}
			for _, m := range t.Margins(forms) {
				n++
				if t.Margin == 0 || m < t.Margin {
					second++
				}
			}
		}
	}
	return float64(second) / float64(max(n, 1))
}
