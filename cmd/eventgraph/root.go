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

// newRootCmd is the eventgraph command with every subcommand, run with a.
func newRootCmd(a *app) *cobra.Command {
	root := newRoot(a)
	root.AddCommand(
		newIngestCmd(a, nil),
		newTimelineCmd(a, nil),
		newQueryCmd(a, nil),
		newExportCmd(a, nil),
		newActorsCmd(a, nil),
		newStatsCmd(a, nil),
		newExplainCmd(a, nil),
		newStoriesCmd(a, nil),
		newServeCmd(a, nil),
		newTimemlCmd(nil),
		newCheckCmd(a, nil),
		newReindexCmd(a, nil),
		newVersionCmd(),
	)
	return root
}

// newRoot is the root command alone: its persistent flags, and the
// loading of a's configuration before any subcommand runs.
func newRoot(a *app) *cobra.Command {
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
		return a.loadConfig(cmd, viper.New())
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
	return root
}

// loadConfig layers the configuration in v (a fresh viper for each
// command run, not viper's global): built-in defaults (config.yaml), then
// --config FILE, then EVENTGRAPH_* variables (a.lookupEnv), then the flags
// bound to keys (bindings), and reads it strictly into a.set
// (readSettings).
func (a *app) loadConfig(cmd *cobra.Command, v *viper.Viper) error {
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
	setEnv(v, a.lookupEnv)
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
	a.set = s
	a.log = newLogger(cmd.ErrOrStderr(), s.Log.Level)
	if a.setDefault != nil {
		a.setDefault(a.log)
	}
	return nil
}

// envPrefix begins the variables that set a key: EVENTGRAPH_QUERY_LIMIT
// sets query.limit.
const envPrefix = "EVENTGRAPH_"

// setEnv sets in v each setting that a non-empty EVENTGRAPH_* variable
// gives (as viper's AutomaticEnv would, but read through lookupEnv).
func setEnv(v *viper.Viper, lookupEnv func(string) (string, bool)) {
	var s settings
	for _, st := range s.table() {
		name := envPrefix + strings.ToUpper(strings.ReplaceAll(st.key, ".", "_"))
		if val, ok := lookupEnv(name); ok && val != "" {
			v.Set(st.key, val)
		}
	}
}

// newLogger writes text logs at level (log.level) to w.
func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
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
