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
	v := readVersion()
	var text strings.Builder
	_ = v.write(&text)
	root.Version = text.String()
	root.SetVersionTemplate("{{.Version}}")
	var stopProfiles func() error
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		var err error
		if stopProfiles, err = startProfiles(cmd); err != nil {
			return err
		}
		return loadConfig(cmd, viper.New())
	}
	root.PersistentPostRunE = func(*cobra.Command, []string) error {
		if stopProfiles == nil {
			return nil
		}
		return stopProfiles()
	}
	pf := root.PersistentFlags()
	pf.String("config", "", "config file (YAML) merged over the built-in defaults")
	enumFlag(root, pf, "db", "", "store backend: "+strings.Join(graph.Backends, ", ")+" (config store.backend)", graph.Backends)
	pf.String("dbpath", "", "store address: a directory for bolt/leveldb/badger, a URL for postgres (config store.address)")
	enumFlag(root, pf, "log-level", "", "debug, info, warn or error (config log.level)", logLevels)
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
		newStoriesCmd(),
		newServeCmd(),
		newTimemlCmd(),
		newCheckCmd(),
		newVersionCmd(),
	)
	return root
}

// loadConfig layers the configuration in v (a fresh viper for each
// command run, not viper's global): built-in defaults (config.yaml), then
// --config FILE, then EVENTGRAPH_* variables, then the flags bound to keys
// (bindings), and reads it strictly into cfg (readSettings).
func loadConfig(cmd *cobra.Command, v *viper.Viper) error {
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(eventgraph.DefaultConfig)); err != nil {
		return fmt.Errorf("built-in config: %w", err)
	}
	file, _ := cmd.Flags().GetString("config")
	var fileKeys []string
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return fmt.Errorf("config: %w", err)
		}
		own := viper.New()
		own.SetConfigType("yaml")
		if err := own.ReadConfig(bytes.NewReader(data)); err != nil {
			return fmt.Errorf("config %s: %w", file, err)
		}
		fileKeys = own.AllKeys()
		if err := v.MergeConfig(bytes.NewReader(data)); err != nil {
			return fmt.Errorf("config %s: %w", file, err)
		}
	}
	v.SetEnvPrefix("EVENTGRAPH")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	for _, b := range bindings {
		if b.command != "" && b.command != cmd.Name() {
			continue
		}
		if f := cmd.Flags().Lookup(b.flag); f != nil && f.Changed {
			if err := checkFlag(b, f.Value.String()); err != nil {
				return err
			}
			v.Set(b.key, f.Value.String())
		}
	}
	s, err := readSettings(v, file, fileKeys)
	if err != nil {
		return err
	}
	cfg = s
	setupLogging(cmd.ErrOrStderr(), cfg.Log.Level)
	return nil
}

func setupLogging(w io.Writer, level string) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l})))
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
