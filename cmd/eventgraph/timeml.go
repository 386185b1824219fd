package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/extract/detect"
	"github.com/eventgraph/eventgraph/extract/timex/timeml"
)

// newTimemlCmd builds `eventgraph timeml [-o DIR] FILE...`: it reads
// TempEval-3 TimeML files, strips the TIMEX3/EVENT/SIGNAL tags inside
// <TEXT>, tags the text with eventgraph's temporal tagger (anchored to the
// file's DCT) and its event detector, and writes the files back with new
// TIMEX3 and EVENT tags and a MAKEINSTANCE per event, so that TempEval-3
// Tasks A and B can be scored.
func newTimemlCmd(runF runner[timemlOptions]) *cobra.Command {
	var opts timemlOptions
	cmd := &cobra.Command{
		Use:   "timeml [-o DIR] FILE...",
		Short: "Tag TimeML (TempEval-3) files with TIMEX3 expressions and EVENTs",
		Long: "Reads TempEval-3 TimeML files, strips existing TIMEX3/EVENT/SIGNAL tags inside <TEXT>,\n" +
			"tags the text with the temporal tagger anchored to the file's <DCT> and with the event\n" +
			"detector, and writes each file with new TIMEX3 and EVENT tags and, after the text, one\n" +
			"MAKEINSTANCE per event (tense, aspect, polarity, pos, modality) in place of the file's\n" +
			"instances and links (to DIR with -o, else to stdout). --events=false writes TIMEX3 only,\n" +
			"the rest of the file byte-identical.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			return start(cmd, opts, runTimeml, runF)
		},
	}
	cmd.Flags().StringVarP(&opts.Dir, "output", "o", "", "directory to write the tagged files to (default: stdout)")
	cmd.Flags().BoolVar(&opts.Events, "events", true, "tag events (EVENT and MAKEINSTANCE) as well as time expressions")
	return cmd
}

// timemlOptions are what `eventgraph timeml` runs with.
type timemlOptions struct {
	Files  []string
	Dir    string // write the tagged files here, or "" for stdout
	Events bool   // tag events too, not only time expressions
}

func runTimeml(ctx context.Context, opts timemlOptions, std streams) error {
	dir, events := opts.Dir, opts.Events
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("timeml: creating output directory: %w", err)
		}
	}
	var det *detect.Model
	if events {
		var err error
		if det, err = detect.Default(); err != nil {
			return fmt.Errorf("timeml: %w", err)
		}
	}
	for _, f := range opts.Files {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("timeml: stopped before %s: %w", f, context.Cause(ctx))
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("timeml: %w", err)
		}
		d, err := timeml.Parse(raw)
		if err != nil {
			return fmt.Errorf("timeml: %s: %w", f, err)
		}
		var out []byte
		if det != nil {
			out = d.AnnotateEvents(d.Tag(), detect.ToTimeML(det.DetectText(d.Text)))
		} else {
			out = d.Annotate(d.Tag())
		}
		if dir == "" {
			if _, err := std.Out.Write(out); err != nil {
				return fmt.Errorf("timeml: %s: writing: %w", f, err)
			}
			continue
		}
		dst := filepath.Join(dir, filepath.Base(f))
		if err := os.WriteFile(dst, out, 0o644); err != nil {
			return fmt.Errorf("timeml: %s: %w", f, err)
		}
	}
	return nil
}
