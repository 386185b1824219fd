package main

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// Each bound flag exists on its command, says in its help which key it
// overrides, and each key is a setting.
func TestBindings(t *testing.T) {
	t.Parallel()
	root := newRootCmd(newApp(mapEnv(nil)))
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
