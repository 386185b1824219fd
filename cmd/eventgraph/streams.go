package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
)

// streams are a command's input and outputs (gh's IOStreams): the
// commands write only through them, so a test passes buffers and says
// whether the output is a terminal.
type streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// Terminal and ErrTerminal override the detection of a terminal on
	// Out and Err (tests).
	Terminal, ErrTerminal *bool
}

// streamsOf are the command's streams (the process's, or a test's).
func streamsOf(cmd *cobra.Command) streams {
	return streams{In: cmd.InOrStdin(), Out: cmd.OutOrStdout(), Err: cmd.ErrOrStderr()}
}

// OutIsTerminal reports whether Out is an interactive terminal.
func (s streams) OutIsTerminal() bool {
	if s.Terminal != nil {
		return *s.Terminal
	}
	return isTerminal(s.Out)
}

// ErrIsTerminal reports whether Err is an interactive terminal (ingest
// then draws its progress there).
func (s streams) ErrIsTerminal() bool {
	if s.ErrTerminal != nil {
		return *s.ErrTerminal
	}
	return isTerminal(s.Err)
}

// openRead opens the store c for a command that reads it: a missing
// store is an error (only ingest creates one), and a bolt store is opened
// under a shared lock.
func openRead(ctx context.Context, c graph.Config) (*graph.Store, error) {
	c.ReadOnly = true
	return openExisting(ctx, c)
}

// openExisting opens the existing store c, read-only or not (check
// --repair writes): a missing store is an error.
func openExisting(ctx context.Context, c graph.Config) (*graph.Store, error) {
	if err := storeExists(c); err != nil {
		return nil, err
	}
	st, err := graph.Open(ctx, shared(c))
	return st, lockMessage(c, err)
}

// output is where a command writes: the file path (created), or Out when
// path is "". done closes the file and says whether all was written.
func output(path string, s streams) (w io.Writer, done func() error, err error) {
	if path == "" {
		return s.Out, func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, fmt.Errorf("output: %w", err)
	}
	return f, func() error {
		if err := f.Close(); err != nil {
			return fmt.Errorf("output %s: %w", path, err)
		}
		return nil
	}, nil
}
