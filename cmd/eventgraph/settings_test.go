package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/spf13/viper"

	"github.com/eventgraph/eventgraph"
	"github.com/eventgraph/eventgraph/serve"
)

// Every key of config.yaml is read into settings, and every setting has a
// default in config.yaml.
func TestSettingsMatchConfigYAML(t *testing.T) {
	t.Parallel()
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(eventgraph.DefaultConfig)); err != nil {
		t.Fatal(err)
	}
	yamlKeys := v.AllKeys()
	if v.Get(optionsKey) != nil && !slices.Contains(yamlKeys, optionsKey) {
		yamlKeys = append(yamlKeys, optionsKey) // an empty map is no key to viper
	}
	var s settings
	var tableKeys []string
	for _, st := range s.table() {
		tableKeys = append(tableKeys, st.key)
	}
	sort.Strings(yamlKeys)
	sort.Strings(tableKeys)
	if !slices.Equal(yamlKeys, tableKeys) {
		t.Errorf("config.yaml keys\n\t%v\nsettings keys\n\t%v", yamlKeys, tableKeys)
	}
	if _, err := readSettings(v, "config.yaml", v.AllKeys()); err != nil {
		t.Errorf("built-in defaults: %v", err)
	}
}

// Settings fail closed: a value of the wrong type, a boolean other than
// true or false, a duration without a unit, an unknown key is an error
// that names the setting, whether it comes from a file or the environment.
func TestSettingsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, file string
		env        map[string]string
		want       []string // in the error
	}{
		{"read_only yes", "serve:\n  read_only: yes\n", nil, []string{"serve.read_only", "true or false"}},
		{"read_only on", "serve:\n  read_only: \"on\"\n", nil, []string{"serve.read_only"}},
		{"read_only enabled", "serve:\n  read_only: enabled\n", nil, []string{"serve.read_only"}},
		{"read_only typo", "serve:\n  read_only: ture\n", nil, []string{"serve.read_only"}},
		{"read_only 1", "serve:\n  read_only: 1\n", nil, []string{"serve.read_only"}},
		{"read_only from env", "", map[string]string{"EVENTGRAPH_SERVE_READ_ONLY": "yes"}, []string{"serve.read_only"}},
		{"typo in a section", "stor:\n  backend: bolt\n", nil, []string{`"stor.backend"`, `did you mean "store.backend"`}},
		{"typo in a key", "query:\n  limt: 5\n", nil, []string{`"query.limt"`, `"query.limit"`}},
		{"batch lots", "ingest:\n  batch: lots\n", nil, []string{"ingest.batch", "not a whole number"}},
		{"memory_limit 1GB", "ingest:\n  memory_limit: 1GB\n", nil, []string{"ingest.memory_limit", "not a whole number"}},
		{"log level loud", "log:\n  level: loud\n", nil, []string{"log.level", "debug, info, warn, error"}},
		{"timeout 5", "query:\n  timeout: 5\n", nil, []string{"query.timeout", "write 5s"}},
		{"timeout 5 from env", "", map[string]string{"EVENTGRAPH_QUERY_TIMEOUT": "5"}, []string{"query.timeout", "write 5s"}},
		{"timeout 0", "query:\n  timeout: 0s\n", nil, []string{"query.timeout", "positive"}},
		{"article_timeout 30", "ingest:\n  article_timeout: 30\n", nil, []string{"ingest.article_timeout", "write 30s"}},
		{"article_timeout -1s", "ingest:\n  article_timeout: -1s\n", nil, []string{"ingest.article_timeout", "positive"}},
		{"article_timeout forever", "", map[string]string{"EVENTGRAPH_INGEST_ARTICLE_TIMEOUT": "forever"}, []string{"ingest.article_timeout", "not a duration"}},
		{"limit -1", "query:\n  limit: -1\n", nil, []string{"query.limit"}},
		{"max_bytes over the readers'", "ingest:\n  max_bytes: 999999999\n", nil, []string{"ingest.max_bytes", "between"}},
		{"cors not a list", "serve:\n  cors_origins: {a: 1}\n", nil, []string{"serve.cors_origins"}},
		{"empty host", "serve:\n  host: \"\"\n", nil, []string{"serve.host", "host:port"}},
		{"port alone", "serve:\n  host: \":8080\"\n", nil, []string{"serve.host"}},
		{"value for a section", "store: bolt\n", nil, []string{`"store" is a section`, "store.backend"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// Every command reads the configuration first; were it
			// accepted, stats would fail on the missing store instead.
			args := []string{"stats", "--dbpath", filepath.Join(t.TempDir(), "none")}
			if tc.file != "" {
				file := filepath.Join(t.TempDir(), "c.yaml")
				if err := os.WriteFile(file, []byte(tc.file), 0o644); err != nil {
					t.Fatal(err)
				}
				args = append(args, "--config", file)
			}
			_, _, err := runEnv(t, tc.env, args...)
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

// Real values pass, from every layer.
func TestSettingsAccepted(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(file, []byte("serve:\n  read_only: false\n  cors_origins: [http://a.example]\nquery:\n  timeout: 1m30s\nstore:\n  options: {nosync: true}\ningest:\n  report_every: 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"EVENTGRAPH_INGEST_BATCH": "16", "EVENTGRAPH_LOG_LEVEL": "WARN"}
	s, err := settingsOf(t, env, "--config", file)
	if err != nil {
		t.Fatal(err)
	}
	if s.Serve.ReadOnly || s.Query.Timeout != 90*time.Second || s.Ingest.Batch != 16 || s.Log.Level != "warn" ||
		s.Store.Options["nosync"] != true || s.Ingest.ReportEvery != 0 || !slices.Equal(s.Serve.CORSOrigins, []string{"http://a.example"}) {
		t.Errorf("settings %+v", s)
	}
	if s, err = settingsOf(t, nil); err != nil || !s.Serve.ReadOnly || s.Query.Timeout != 30*time.Second {
		t.Errorf("defaults: %+v %v", s, err)
	}
}

// The serve package's own defaults (for a server built without
// settings) and the help of serve's flags say what config.yaml says.
func TestServeDefaultsMatchConfig(t *testing.T) {
	t.Parallel()
	s, err := settingsOf(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		key       string
		config    any
		libraries any
	}{
		{"serve.host", s.Serve.Host, serve.DefaultAddr},
		{"query.timeout", s.Query.Timeout, serve.DefaultQueryTimeout},
		{"query.limit", s.Query.Limit, serve.DefaultQueryLimit},
		{"serve.max_body_bytes", s.Serve.MaxBodyBytes, int64(serve.DefaultMaxBodyBytes)},
		{"query.max_heap_bytes", s.Query.MaxHeapBytes, int64(serve.DefaultQueryMaxHeap)},
	} {
		if c.config != c.libraries {
			t.Errorf("%s: config.yaml %v, package serve %v", c.key, c.config, c.libraries)
		}
	}
	cmd := newServeCmd(newApp(mapEnv(nil)), nil)
	for flag, want := range map[string]string{"host": s.Serve.Host, "read-only": fmt.Sprint(s.Serve.ReadOnly)} {
		if got := cmd.Flags().Lookup(flag).DefValue; got != want {
			t.Errorf("serve --%s shows the default %q, config.yaml says %q", flag, got, want)
		}
	}
}
