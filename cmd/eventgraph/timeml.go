package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/extract/timex/timeml"
)

// newTimemlCmd builds `eventgraph timeml [-o DIR] FILE...`: it reads
// TempEval-3 TimeML files, strips the TIMEX3/EVENT/SIGNAL tags inside
// <TEXT>, tags the text with eventgraph's temporal tagger (anchored to the
// file's DCT) and writes the files back with new TIMEX3 tags, the rest of
// each file byte-identical.
func newTimemlCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "timeml [-o DIR] FILE...",
		Short: "Tag TimeML (TempEval-3) files with TIMEX3 temporal expressions",
		Long: "Reads TempEval-3 TimeML files, strips existing TIMEX3/EVENT/SIGNAL tags inside <TEXT>,\n" +
			"tags the text with the temporal tagger anchored to the file's <DCT>, and writes each file\n" +
			"with new TIMEX3 tags (to DIR with -o, else to stdout).",
		Args: cobra.MinimumNArgs(1),
		RunE: runTimeml,
	}
	cmd.Flags().StringP("output", "o", "", "directory to write the tagged files to (default: stdout)")
	return cmd
}

func runTimeml(cmd *cobra.Command, args []string) error {
	dir, _ := cmd.Flags().GetString("output")
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("timeml: creating output directory: %w", err)
		}
	}
	for _, f := range args {
		raw, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("timeml: %w", err)
		}
		d, err := timeml.Parse(raw)
		if err != nil {
			return fmt.Errorf("timeml: %s: %w", f, err)
		}
		out := d.Annotate(d.Tag())
		if dir == "" {
			if _, err := cmd.OutOrStdout().Write(out); err != nil {
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
