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
	flag.Float64Var(&opt.Prune, "prune", opt.Prune, "leave out averaged weights smaller than this")
	dev := flag.Bool("dev", false, "score the dev splits after every pass")
	test := flag.Bool("test", false, "score EWT test at the end (report it once)")
	flag.Parse()
	if err := run(*data, *out, opt, *dev, *test); err != nil {
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

func run(dir, out string, opt depparse.Options, dev, test bool) error {
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
	start := time.Now()
	scoreDev := func(m *depparse.Model) {
		for _, tb := range treebanks {
			fmt.Printf("  %s dev: %v\n", tb, m.Evaluate(devs[tb]))
		}
	}
	if dev {
		opt.AfterEpoch = func(epoch int, m *depparse.Model) {
			fmt.Printf("epoch %d (%v)\n", epoch+1, time.Since(start).Round(time.Second))
			scoreDev(m)
		}
	}
	m, err := depparse.Train(train, opt)
	if err != nil {
		return err
	}
	fmt.Printf("trained on %d sentences in %v\n", len(train), time.Since(start).Round(time.Second))
	scoreDev(m)
	if test {
		s, err := read(dir, "en_ewt", "test")
		if err != nil {
			return err
		}
		fmt.Printf("  en_ewt test: %v\n", m.Evaluate(s))
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
	fmt.Printf("wrote %s (%d bytes)\n", out, len(b))
	return nil
}
