// Command train trains the event detector on the EVENT tags of the
// TempEval-3 training corpora (TimeBank and AQUAINT), with the event
// trigger dictionary of package event as a lexicon, and writes the model
// that extract/detect embeds. The same data gives the same bytes.
//
//	go run ./extract/detect/train [-data DIR] [-out extract/detect/model/events.model] [-triggers extract/event/data/patterns.tsv]
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/extract/detect"
	"github.com/eventgraph/eventgraph/extract/timex/timeml"
)

func main() {
	data := flag.String("data", "../shared/data", "data directory holding tempeval3-train/")
	out := flag.String("out", "extract/detect/model/events.model", "model file to write")
	corpora := flag.String("corpus", "TimeBank,AQUAINT", "comma-separated corpora under tempeval3-train")
	triggers := flag.String("triggers", "extract/event/data/patterns.tsv", "the event trigger dictionary the features consult")
	flag.Parse()
	if err := run(*data, *out, *triggers, strings.Split(*corpora, ",")); err != nil {
		slog.Error("training the event detector", "err", err)
		os.Exit(1)
	}
}

func run(data, out, triggers string, corpora []string) error {
	lex, err := detect.ReadTriggers(os.DirFS(filepath.Dir(triggers)), filepath.Base(triggers))
	if err != nil {
		return err
	}
	var sents []detect.Labeled
	files := 0
	for _, c := range corpora {
		paths, err := filepath.Glob(filepath.Join(data, "tempeval3-train", c, "*.tml"))
		if err != nil {
			return err
		}
		if len(paths) == 0 {
			return fmt.Errorf("no .tml files in %s", filepath.Join(data, "tempeval3-train", c))
		}
		sort.Strings(paths)
		for _, p := range paths {
			raw, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			d, err := timeml.Parse(raw)
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			sents = append(sents, detect.Label(d)...)
			files++
		}
	}
	m := detect.Train(sents, detect.TrainOptions{Triggers: lex})
	b, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return fmt.Errorf("writing the model: %w", err)
	}
	slog.Info("event detector trained", "files", files, "sentences", len(sents), "features", m.Features(), "bytes", len(b), "out", out)
	return nil
}
