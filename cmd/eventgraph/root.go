package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"golang.org/x/term"

	"github.com/eventgraph/eventgraph"
	"github.com/eventgraph/eventgraph/graph"
)

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "eventgraph",
		Short: "Turn news articles into an event timeline and a knowledge graph in cayley",
		Long: `eventgraph reads news articles (text, HTML, RSS/Atom, JSON lines), extracts
who did what to whom, when and where, merges reports of the same event across
articles, and stores it all as quads in a cayley graph that you can query,
export, and browse.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	var stopProfiles func() error
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		var err error
		if stopProfiles, err = startProfiles(cmd); err != nil {
			return err
		}
		return loadConfig(cmd)
	}
	root.PersistentPostRunE = func(*cobra.Command, []string) error {
		if stopProfiles == nil {
			return nil
		}
		return stopProfiles()
	}
	pf := root.PersistentFlags()
	pf.String("config", "", "config file (YAML) merged over the built-in defaults")
	pf.String("db", "", "store backend: "+strings.Join(graph.Backends, ", ")+" (config store.backend)")
	pf.String("dbpath", "", "store address: a directory for bolt/leveldb/badger, a URL for postgres (config store.address)")
	pf.String("log-level", "", "debug, info, warn or error (config log.level)")
	// For development; cayley's own commands expect these names too.
	pf.String("memprofile", "", "write a heap profile (allocations and in-use) to this file at the end")
	pf.String("cpuprofile", "", "write a CPU profile of the command to this file")
	pf.String("pprof", "", "serve net/http/pprof on this loopback address (e.g. localhost:6060)")
	_ = pf.MarkHidden("pprof")
	_ = pf.MarkHidden("memprofile")
	_ = pf.MarkHidden("cpuprofile")

	root.AddCommand(
		newIngestCmd(),
		newTimelineCmd(),
		newQueryCmd(),
		newExportCmd(),
		newActorsCmd(),
		newStatsCmd(),
		newExplainCmd(),
		newServeCmd(),
		newTimemlCmd(),
		newCheckCmd(),
	)
	return root
}

// loadConfig layers the configuration: built-in defaults (config.yaml),
// then --config FILE, then EVENTGRAPH_* variables, then flags.
func loadConfig(cmd *cobra.Command) error {
	viper.Reset()
	viper.SetConfigType("yaml")
	if err := viper.ReadConfig(bytes.NewReader(eventgraph.DefaultConfig)); err != nil {
		return fmt.Errorf("built-in config: %w", err)
	}
	if file, _ := cmd.Flags().GetString("config"); file != "" {
		f, err := os.Open(file)
		if err != nil {
			return fmt.Errorf("config: %w", err)
		}
		defer f.Close()
		if err := viper.MergeConfig(f); err != nil {
			return fmt.Errorf("config %s: %w", file, err)
		}
	}
	viper.SetEnvPrefix("EVENTGRAPH")
	viper.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	viper.AutomaticEnv()
	for flag, key := range map[string]string{"db": "store.backend", "dbpath": "store.address", "log-level": "log.level"} {
		if f := cmd.Flags().Lookup(flag); f != nil && f.Changed {
			viper.Set(key, f.Value.String())
		}
	}
	setupLogging(cmd.ErrOrStderr(), viper.GetString("log.level"))
	return nil
}

func setupLogging(w io.Writer, level string) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l})))
}

// storeConfig is the store configuration after all overrides.
func storeConfig(readOnly bool) graph.Config {
	return graph.Config{
		Backend:  viper.GetString("store.backend"),
		Address:  viper.GetString("store.address"),
		Options:  viper.GetStringMap("store.options"),
		ReadOnly: readOnly,
	}
}

// openStore opens the configured store.
func openStore(cmd *cobra.Command, readOnly bool) (*graph.Store, error) {
	return graph.Open(cmdContext(cmd), storeConfig(readOnly))
}

// isTerminal reports whether w is an interactive terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// cmdContext is the command's context (cancelled on SIGINT/SIGTERM).
func cmdContext(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}
