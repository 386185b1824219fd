package main

import (
	"context"
	"io"
	"log/slog"
	"os"

	"github.com/spf13/cobra"
)

// app is what the commands of one eventgraph run share (gh's Factory):
// the environment the configuration reads, and the settings and logger
// that the root command loads before any command runs. Nothing of it is
// global, so that tests run commands side by side (t.Parallel).
type app struct {
	// lookupEnv reads the EVENTGRAPH_* variables (os.LookupEnv; a map in
	// tests).
	lookupEnv func(string) (string, bool)
	// set is the configuration after every layer, valid in RunE.
	set settings
	// log writes at log.level to the command's stderr, valid in RunE.
	log *slog.Logger
	// setDefault makes log the process's default logger, for the
	// packages that log through slog's default (fetch) or the log
	// package (cayley). The process's app sets it; tests, which run
	// commands side by side, leave it nil.
	setDefault func(*slog.Logger)
}

// newApp is the app of a run that reads its variables with lookupEnv.
func newApp(lookupEnv func(string) (string, bool)) *app {
	return &app{lookupEnv: lookupEnv, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// osApp is the app of the process: its environment and its default
// logger.
func osApp() *app {
	a := newApp(os.LookupEnv)
	a.setDefault = slog.SetDefault
	return a
}

// runner is a command's run function: its options, its streams, and the
// context that SIGINT cancels. A test passes its own to see the options
// the flags produced, without running the command (gh's runF).
type runner[O any] func(context.Context, O, streams) error

// start runs opts with run, or with the test's runF when there is one.
func start[O any](cmd *cobra.Command, opts O, run, runF runner[O]) error {
	if runF != nil {
		run = runF
	}
	return run(cmdContext(cmd), opts, streamsOf(cmd))
}
