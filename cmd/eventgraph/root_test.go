package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/cobra"
)

// settingsOf are the settings a run of eventgraph with env and args
// loads (serve's options carry them all).
func settingsOf(t *testing.T, env map[string]string, args ...string) (settings, error) {
	t.Helper()
	build := func(a *app, r runner[settings]) *cobra.Command {
		return newServeCmd(a, func(ctx context.Context, o serveOptions, s streams) error { return r(ctx, o.Settings, s) })
	}
	return parse(t, env, build, append([]string{"serve"}, args...)...)
}

// Config layers: built-in defaults, then --config FILE, then EVENTGRAPH_*
// variables, then flags.
func TestConfigLayers(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(file, []byte("store:\n  address: /from/file\nquery:\n  limit: 7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		address string
		limit   int
		backend string
	}{
		{"defaults", nil, nil, "./data/eventgraph", 100, "bolt"},
		{"file", nil, []string{"--config", file}, "/from/file", 7, "bolt"},
		{"env over file", map[string]string{"EVENTGRAPH_STORE_ADDRESS": "/from/env", "EVENTGRAPH_QUERY_LIMIT": "9"}, []string{"--config", file}, "/from/env", 9, "bolt"},
		{"empty env ignored", map[string]string{"EVENTGRAPH_STORE_ADDRESS": ""}, []string{"--config", file}, "/from/file", 7, "bolt"},
		{"flag over env", map[string]string{"EVENTGRAPH_STORE_ADDRESS": "/from/env"}, []string{"--config", file, "--dbpath", "/from/flag", "--db", "memstore"}, "/from/flag", 7, "memstore"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := settingsOf(t, tt.env, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Store.Address; got != tt.address {
				t.Errorf("store.address = %q, want %q", got, tt.address)
			}
			if got := s.Query.Limit; got != tt.limit {
				t.Errorf("query.limit = %d, want %d", got, tt.limit)
			}
			if got := s.Store.Backend; got != tt.backend {
				t.Errorf("store.backend = %q, want %q", got, tt.backend)
			}
		})
	}
}
