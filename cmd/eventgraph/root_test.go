package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Config layers: built-in defaults, then --config FILE, then EVENTGRAPH_*
// variables, then flags.
func TestConfigLayers(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.yaml")
	os.WriteFile(file, []byte("store:\n  address: /from/file\nquery:\n  limit: 7\n"), 0o644)
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
		{"flag over env", map[string]string{"EVENTGRAPH_STORE_ADDRESS": "/from/env"}, []string{"--config", file, "--dbpath", "/from/flag", "--db", "memstore"}, "/from/flag", 7, "memstore"},
	}
	// The default store address is relative: stand in a scratch
	// directory, so that nothing is written beside the package.
	t.Chdir(t.TempDir())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			cmd := newRootCmd()
			cmd.SetArgs(append([]string{"stats", "--format", "json"}, tt.args...))
			cmd.SetOut(new(strings.Builder))
			cmd.SetErr(new(strings.Builder))
			// stats fails on the missing store; only the configuration
			// matters here.
			_ = cmd.Execute()
			if got := cfg.Store.Address; got != tt.address {
				t.Errorf("store.address = %q, want %q", got, tt.address)
			}
			if got := cfg.Query.Limit; got != tt.limit {
				t.Errorf("query.limit = %d, want %d", got, tt.limit)
			}
			if got := cfg.Store.Backend; got != tt.backend {
				t.Errorf("store.backend = %q, want %q", got, tt.backend)
			}
		})
	}
}
