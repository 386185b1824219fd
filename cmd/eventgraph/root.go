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
		newServeCmd(),
		newTimemlCmd(),
		newCheckCmd(),
		newVersionCmd(),
	)
	return root
}

// flagKeys maps flags to the settings they override: "" holds the flags
// of every command, the others those of one command.
var flagKeys = map[string]map[string]string{
	"":       {"db": "store.backend", "dbpath": "store.address", "log-level": "log.level"},
	"ingest": {"format": "ingest.format", "workers": "ingest.workers", "allow-private": "ingest.allow_private"},
	"serve":  {"host": "serve.host", "read-only": "serve.read_only"},
	"query":  {"limit": "query.limit", "timeout": "query.timeout"},
}

// loadConfig layers the configuration: built-in defaults (config.yaml),
// then --config FILE, then EVENTGRAPH_* variables, then flags, and reads
// it strictly into cfg (readSettings).
func loadConfig(cmd *cobra.Command) error {
	viper.Reset()
	viper.SetConfigType("yaml")
	if err := viper.ReadConfig(bytes.NewReader(eventgraph.DefaultConfig)); err != nil {
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
		if err := viper.MergeConfig(bytes.NewReader(data)); err != nil {
			return fmt.Errorf("config %s: %w", file, err)
		}
	}
	viper.SetEnvPrefix("EVENTGRAPH")
	viper.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	viper.AutomaticEnv()
	for _, scope := range []string{"", cmd.Name()} {
		for flag, key := range flagKeys[scope] {
			if f := cmd.Flags().Lookup(flag); f != nil && f.Changed {
				viper.Set(key, f.Value.String())
			}
		}
	}
	s, err := readSettings(viper.GetViper(), file, fileKeys)
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
