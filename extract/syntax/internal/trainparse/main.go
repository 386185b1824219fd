// Command trainparse trains the dependency parser of package syntax on the
// UD English treebanks (EWT and the CC BY genres of GUM) and writes
// extract/syntax/model/parser.bin (make train). The same data, code, flags
// and seed give the same bytes.
//
// The parser learns from every training sentence twice: with its gold tags
// and with the tags of a tagger trained on the other four fifths of the
// data (jackknifing), so that it sees tags as wrong as the tagger's. It
// reports attachment scores on the dev splits with gold tags and with the
// tags of the embedded tagger (extract/syntax/model/tagger.bin, which make
// train writes first), and on EWT test with -test.
//
//	go run ./extract/syntax/internal/trainparse [-data ../shared/data/ud] [-epochs 8] [-folds 5] [-fold-lexicon] [-dev] [-test]
package main

import (
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
	"github.com/eventgraph/eventgraph/extract/syntax/internal/depparse"
	"github.com/eventgraph/eventgraph/extract/syntax/internal/tagger"
)

func main() {
	opt := depparse.DefaultOptions
	data := flag.String("data", "../shared/data/ud", "folder of the UD English treebanks")
	out := flag.String("out", "extract/syntax/model/parser.bin", "model file to write (none when empty)")
	flag.IntVar(&opt.Epochs, "epochs", opt.Epochs, "passes over the training data")
	flag.Uint64Var(&opt.Seed, "seed", opt.Seed, "seed of the sentence order and of exploration")
	flag.Float64Var(&opt.Prune, "prune", opt.Prune, "leave out averaged move weights smaller than this")
	flag.Float64Var(&opt.LabelPrune, "prune-labels", opt.LabelPrune, "leave out averaged label weights smaller than this")
	dev := flag.Bool("dev", false, "score the dev splits after every pass")
	test := flag.Bool("test", false, "score EWT test at the end (report it once)")
	taggerFile := flag.String("tagger", "extract/syntax/model/tagger.bin", "tagger that tags the dev and test sentences too")
	cache := flag.String("jackknife-cache", "", "file keeping the jackknifed training tags between runs (experiments)")
	withGold := flag.Bool("with-gold", true, "with -folds: train on the gold-tagged sentences too")
	folds := flag.Int("folds", 5, "train on tags predicted by taggers trained on the other folds (0: gold tags)")
	foldLexicon := flag.Bool("fold-lexicon", false, "train the fold taggers as the embedded tagger was, with its lexicon (a different -jackknife-cache)")
	sweep := flag.String("sweep", "", "comma-separated move prune values to try on the dev splits at the end")
	flag.Parse()
	if err := run(*data, *out, *taggerFile, *cache, opt, *folds, *foldLexicon, *withGold, *dev, *test, *sweep); err != nil {
		slog.Error("trainparse", "err", err)
		os.Exit(1)
	}
}

// readTagger reads a tagger model file.
func readTagger(path string) (*tagger.Tagger, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	t, err := tagger.Decode(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}

// tagged returns copies of sents with the tags and lemmas of t.
func tagged(t *tagger.Tagger, sents [][]depparse.Word) [][]depparse.Word {
	out := make([][]depparse.Word, len(sents))
	var forms []string
	var classes []int
	for i, s := range sents {
		forms, classes = forms[:0], classes[:0]
		for _, w := range s {
			forms = append(forms, w.Form)
			classes = append(classes, 0)
		}
		t.Tag(forms, classes)
		out[i] = slices.Clone(s)
		for j, c := range classes {
			w := &out[i][j]
			w.UPOS, w.XPOS = t.Tags[c].UPOS, t.Tags[c].XPOS
			w.Lemma = t.Lemmas.Lemma(w.Form, w.XPOS)
		}
	}
	return out
}

// treebanks are the training treebanks' file prefixes.
var treebanks = []string{"en_ewt", "en_gum-ccby"}

func read(dir, treebank, split string) ([][]depparse.Word, error) {
	s, err := conllu.ReadFile(filepath.Join(dir, treebank+"-ud-"+split+".conllu.gz"))
	if err != nil {
		return nil, err
	}
	return depparse.FromCoNLLU(s), nil
}

func run(dir, out, taggerFile, cache string, opt depparse.Options, folds int, foldLexicon, withGold, dev, test bool, sweep string) error {
	tg, err := readTagger(taggerFile)
	if err != nil {
		return err
	}
	var train [][]depparse.Word
	devs := map[string][][]depparse.Word{}
	var devNames []string
	for _, tb := range treebanks {
		s, err := read(dir, tb, "train")
		if err != nil {
			return err
		}
		train = append(train, s...)
		if devs[tb], err = read(dir, tb, "dev"); err != nil {
			return err
		}
		devs[tb+" tagged"] = tagged(tg, devs[tb])
		devNames = append(devNames, tb, tb+" tagged")
	}
	if folds > 1 {
		gold := make([][]depparse.Word, len(train))
		for i, s := range train {
			gold[i] = slices.Clone(s)
		}
		ft := plainFolds
		if foldLexicon {
			ft = likeFolds(tg)
		}
		if train, err = jackknifeCached(cache, train, folds, opt.Seed, ft); err != nil {
			return err
		}
		if withGold {
			train = append(train, gold...)
		}
	}
	scoreDev := func(m *depparse.Model) {
		for _, name := range devNames {
			start := time.Now()
			sc := m.Evaluate(devs[name])
			slog.Info(name+" dev", "score", sc.String(), "took", time.Since(start).Round(time.Millisecond))
		}
	}
	start := time.Now()
	tr, err := depparse.NewTrainer(train, opt)
	if err != nil {
		return err
	}
	for e := 1; e <= opt.Epochs; e++ {
		tr.Epoch()
		slog.Info("pass", "n", e, "elapsed", time.Since(start).Round(time.Second))
		if dev {
			scoreDev(tr.Averaged(opt.Prune, opt.LabelPrune))
		}
	}
	slog.Info("trained", "sentences", len(train), "took", time.Since(start).Round(time.Second))
	for _, p := range strings.Split(sweep, ",") {
		if p == "" {
			continue
		}
		v, err := strconv.ParseFloat(p, 64)
		if err != nil {
			return fmt.Errorf("-sweep: %w", err)
		}
		m := tr.Averaged(v, opt.LabelPrune)
		b, err := m.AppendBinary(nil)
		if err != nil {
			return err
		}
		slog.Info("prune", "value", v, "bytes", len(b), "sizes", m.Sizes())
		scoreDev(m)
	}
	m := tr.Averaged(opt.Prune, opt.LabelPrune)
	scoreDev(m)
	if test {
		s, err := read(dir, "en_ewt", "test")
		if err != nil {
			return err
		}
		slog.Info("en_ewt test", "score", m.Evaluate(s).String())
		slog.Info("en_ewt test tagged", "score", m.Evaluate(tagged(tg, s)).String())
	}
	if out == "" {
		return nil
	}
	b, err := m.AppendBinary(nil)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	slog.Info("wrote", "file", out, "bytes", len(b), "sizes", m.Sizes())
	return nil
}
