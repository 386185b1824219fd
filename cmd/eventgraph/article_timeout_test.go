package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// ingest.article_timeout end to end, through the eventgraph binary: an
// article of 512 KiB (one run-on sentence, about a second of extraction)
// with a 250 ms budget, set in a config file or in the environment, is
// skipped with a line naming its file and the budget; the two ordinary
// articles beside it are stored, the exit status is 0, and the store is
// sound. A budget without a unit stops ingest before it reads anything.
func TestArticleTimeoutThroughCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("runs eventgraph ingest")
	}
	t.Parallel()
	dir := t.TempDir()
	clause := "Israel said on Monday that the United States abstained and Hamas attacked on March 3, and "
	long := writeArticle(t, dir, "0-long.txt", "A long article\n\n"+strings.Repeat(clause, (512<<10-64)/len(clause))+"officials said.\n")
	writeArticle(t, dir, "1.txt", "Talks resume\n\ndate 2024-03-01\n\nNegotiators from Freedonia and Sylvania met in Geneva on Tuesday to resume talks, the foreign minister said.\n")
	writeArticle(t, dir, "2.txt", "Strike ends\n\ndate 2024-03-02\n\nDockworkers in Rotterdam ended a three-day strike on Friday after the port authority agreed to raise wages.\n")
	config := writeArticle(t, t.TempDir(), "c.yaml", "ingest:\n  article_timeout: 250ms\n")
	for _, tc := range []struct {
		name string
		env  []string
		args []string
	}{
		{"config file", nil, []string{"--config", config}},
		{"environment", []string{"EVENTGRAPH_INGEST_ARTICLE_TIMEOUT=250ms"}, nil},
	} {
		t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
			t.Parallel()
			db := filepath.Join(t.TempDir(), "store")
			cmd := egCommand(t, tc.env, append([]string{"ingest", "--dbpath", db, dir}, tc.args...)...)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			start := time.Now()
			if err := cmd.Run(); err != nil {
				t.Fatalf("ingest: %v\n%s", err, stderr.String())
			}
			took := time.Since(start)
			for _, want := range []string{
				fmt.Sprintf("skipped %s: extraction took longer than ingest.article_timeout (250ms, 511 KiB of text): skipped, nothing stored", long),
				"ingested 2 article(s) (0 unchanged, 0 replaced, 1 skipped) from 3 source(s)",
			} {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
				}
			}
			var s storeStats
			if err := json.Unmarshal([]byte(mustRun(t, "stats", "--dbpath", db, "--format", "json")), &s); err != nil || s.Articles != 2 {
				t.Errorf("stats: %+v %v, want the 2 ordinary articles", s, err)
			}
			if out := mustRun(t, "check", "--dbpath", db); !strings.Contains(out, "ok: no integrity problems") {
				t.Errorf("check:\n%s", out)
			}
			t.Logf("%s: ingest took %v", tc.name, took.Round(time.Millisecond))
		})
	}
	t.Run("no unit", func(t *testing.T) {
		t.Parallel()
		db := filepath.Join(t.TempDir(), "store")
		out, err := egCommand(t, []string{"EVENTGRAPH_INGEST_ARTICLE_TIMEOUT=30"}, "ingest", "--dbpath", db, dir).CombinedOutput()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(string(out), "ingest.article_timeout: 30 has no unit: write 30s") {
			t.Errorf("article_timeout 30: %v\n%s", err, out)
		}
		if _, err := os.Stat(db); err == nil {
			t.Errorf("a refused setting created %s", db)
		}
	})
}
