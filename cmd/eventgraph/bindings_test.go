package main

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// Each bound flag exists on its command, says in its help which key it
// overrides, and each key is a setting.
func TestBindings(t *testing.T) {
	root := newRootCmd()
	var s settings
	keys := map[string]bool{}
	for _, st := range s.table() {
		keys[st.key] = true
	}
	for _, b := range bindings {
		if !keys[b.key] {
			t.Errorf("--%s binds %s, which is no setting", b.flag, b.key)
		}
		cmd := root
		if b.command != "" {
			var err error
			if cmd, _, err = root.Find([]string{b.command}); err != nil || cmd == root {
				t.Errorf("no command %s for --%s", b.command, b.flag)
				continue
			}
		}
		f := cmd.Flags().Lookup(b.flag)
		if f == nil && cmd == root {
			f = root.PersistentFlags().Lookup(b.flag)
		}
		if f == nil {
			t.Errorf("%s has no flag --%s", commandName(cmd), b.flag)
			continue
		}
		if !strings.Contains(f.Usage, "config "+b.key) {
			t.Errorf("%s --%s: help %q does not name config %s", commandName(cmd), b.flag, f.Usage, b.key)
		}
	}
}

func commandName(c *cobra.Command) string { return c.CommandPath() }

// A bound flag overrides its key, and a value its setting refuses is an
// error naming the flag.
func TestBoundFlags(t *testing.T) {
	none := filepath.Join(t.TempDir(), "none")
	for _, tc := range []struct {
		args []string
		want string // "" when accepted
		ok   func() bool
	}{
		{[]string{"timeline", "--min-salience", "0.3"}, "", func() bool { return cfg.Timeline.MinSalience == 0.3 }},
		{[]string{"timeline"}, "", func() bool { return cfg.Timeline.MinSalience == 0.5 }},
		{[]string{"timeline", "--min-salience", "2"}, "--min-salience: 2 is not between 0 and 1", nil},
		{[]string{"query", "--limit", "7", "g.V().All()"}, "", func() bool { return cfg.Query.Limit == 7 }},
		{[]string{"query", "--limit", "0", "g.V().All()"}, "--limit: 0 is below 1", nil},
		{[]string{"query", "--timeout", "5s", "g.V().All()"}, "", func() bool { return cfg.Query.Timeout.String() == "5s" }},
		{[]string{"ingest", "--workers", "-1", "x"}, "--workers: -1 is below 0", nil},
		{[]string{"stats", "--log-level", "warn"}, "", func() bool { return cfg.Log.Level == "warn" }},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			_, _, err := run(t, append(tc.args, "--dbpath", none)...)
			if tc.want != "" {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("error %v, want %q", err, tc.want)
				}
				return
			}
			if !errors.Is(err, errNoStore) && !strings.Contains(err.Error(), "no store") {
				t.Fatalf("refused: %v", err)
			}
			if !tc.ok() {
				t.Errorf("settings %+v", cfg)
			}
		})
	}
}
