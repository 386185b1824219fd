// Command trainparse trains the dependency parser of extract/syntax on the
// UD English treebanks (EWT and the CC-BY genres of GUM) and writes the
// model that the package embeds.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/conllu"
	"github.com/eventgraph/eventgraph/extract/syntax/internal/depparse"
)

func main() {
	data := flag.String("data", "", "folder of the UD treebanks (default ../shared/data/ud)")
	out := flag.String("out", "", "model file to write (none when empty)")
	epochs := flag.Int("epochs", depparse.DefaultOptions.Epochs, "training passes")
	devEvery := flag.Bool("dev", false, "score the dev sets after every epoch")
	test := flag.Bool("test", false, "score EWT test once at the end")
	flag.Parse()
	if err := run(*data, *out, *epochs, *devEvery, *test); err != nil {
		slog.Error("trainparse", "err", err)
		os.Exit(1)
	}
}

func read(dir string, names ...string) ([][]depparse.Word, error) {
	var paths []string
	for _, n := range names {
		paths = append(paths, filepath.Join(dir, n))
	}
	s, err := conllu.ReadFiles(paths...)
	if err != nil {
		return nil, err
	}
	return depparse.FromCoNLLU(s), nil
}

func run(data, out string, epochs int, devEvery, test bool) error {
	dir := data
	if dir == "" {
		root, err := repoRoot()
		if err != nil {
			return err
		}
		dir = filepath.Join(root, "..", "shared", "data", "ud")
	}
	train, err := read(dir, "en_ewt-ud-train.conllu.gz", "en_gum-ccby-ud-train.conllu.gz")
	if err != nil {
		return err
	}
	ewtDev, err := read(dir, "en_ewt-ud-dev.conllu.gz")
	if err != nil {
		return err
	}
	gumDev, err := read(dir, "en_gum-ccby-ud-dev.conllu.gz")
	if err != nil {
		return err
	}
	opt := depparse.DefaultOptions
	opt.Epochs = epochs
	start := time.Now()
	if devEvery {
		opt.AfterEpoch = func(epoch int, m *depparse.Model) {
			fmt.Printf("epoch %2d  %5.0fs  EWT dev %v  GUM dev %v\n", epoch+1, time.Since(start).Seconds(),
				m.Evaluate(ewtDev), m.Evaluate(gumDev))
		}
	}
	m, err := depparse.Train(train, opt)
	if err != nil {
		return err
	}
	fmt.Printf("trained on %d sentences in %v\n", len(train), time.Since(start).Round(time.Second))
	fmt.Printf("EWT dev  %v\nGUM dev  %v\n", m.Evaluate(ewtDev), m.Evaluate(gumDev))
	if test {
		ewtTest, err := read(dir, "en_ewt-ud-test.conllu.gz")
		if err != nil {
			return err
		}
		fmt.Printf("EWT test %v\n", m.Evaluate(ewtTest))
	}
	_ = out
	return nil
}

// repoRoot walks up from the working directory to the folder holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("working directory: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
