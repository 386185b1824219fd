// Command trainparse trains the dependency parser of package syntax on the
// UD English treebanks (EWT and the CC BY genres of GUM) and writes
// extract/syntax/model/parser.bin (make train). The same data, flags and
// seed give the same bytes.
//
//	go run ./extract/syntax/internal/trainparse [-data ../shared/data/ud] [-epochs 15] [-dev] [-test]
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/extract/syntax/conllu"
	"github.com/eventgraph/eventgraph/extract/syntax/internal/depparse"
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
	sweep := flag.String("sweep", "", "comma-separated move prune values to try on the dev splits at the end")
	flag.Parse()
	if err := run(*data, *out, opt, *dev, *test, *sweep); err != nil {
		slog.Error("trainparse", "err", err)
		os.Exit(1)
	}
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

func run(dir, out string, opt depparse.Options, dev, test bool, sweep string) error {
	var train [][]depparse.Word
	devs := map[string][][]depparse.Word{}
	for _, tb := range treebanks {
		s, err := read(dir, tb, "train")
		if err != nil {
			return err
		}
		train = append(train, s...)
		if devs[tb], err = read(dir, tb, "dev"); err != nil {
			return err
		}
	}
	scoreDev := func(m *depparse.Model) {
		for _, tb := range treebanks {
			start := time.Now()
			sc := m.Evaluate(devs[tb])
			slog.Info(tb+" dev", "score", sc.String(), "took", time.Since(start).Round(time.Millisecond))
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
