package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The crash test builds the eventgraph binary, ingests N articles made from
// the gold corpora in ../shared/data, kills the ingest with SIGKILL at
// random moments (ten times), re-runs it to completion, and requires the
// store to match a clean run: the same article, event, actor and quad
// counts (eventgraph stats) and the same timeline JSON.
//
// N is 300 by default (CI has 2 cores: a clean run and the crashed runs
// take some minutes); EVENTGRAPH_CRASH_N=1000 runs the full 1,000.
// EVENTGRAPH_CRASH_KILLS changes the number of kills (10).

var (
	crashDctRE   = regexp.MustCompile(`(?s)<DCT>.*?value="(\d{4}-\d{2}-\d{2})`)
	crashTextRE  = regexp.MustCompile(`(?s)<TEXT>(.*?)</TEXT>`)
	crashTagRE   = regexp.MustCompile(`<[^>]*>`)
	crashTokenRE = regexp.MustCompile(`<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>`)
)

// crashCorpus writes up to n articles into dir: TempEval-3 TimeBank and
// AQUAINT texts with their creation date as a "date YYYY-MM-DD" first line,
// then ECB+ texts (undated) rebuilt from their tokens.
func crashCorpus(t *testing.T, data, dir string, n int) int {
	t.Helper()
	var files []string
	for _, sub := range []string{"tempeval3-train/TimeBank", "tempeval3-train/AQUAINT"} {
		fs, _ := filepath.Glob(filepath.Join(data, sub, "*.tml"))
		files = append(files, fs...)
	}
	ecb, _ := filepath.Glob(filepath.Join(data, "ecbplus", "ECB+", "*", "*.xml"))
	sort.Strings(ecb)
	files = append(files, ecb...)
	written := 0
	for _, f := range files {
		if written == n {
			break
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var text string
		if strings.HasSuffix(f, ".tml") {
			m := crashTextRE.FindSubmatch(raw)
			if m == nil {
				continue
			}
			body := strings.TrimSpace(html.UnescapeString(crashTagRE.ReplaceAllString(string(m[1]), "")))
			date := ""
			if d := crashDctRE.FindSubmatch(raw); d != nil {
				date = "date " + string(d[1]) + "\n\n"
			}
			text = date + body + "\n"
		} else {
			var b strings.Builder
			last := "0"
			for _, m := range crashTokenRE.FindAllSubmatch(raw, -1) {
				if s := string(m[1]); s != last {
					b.WriteString("\n")
					last = s
				} else if b.Len() > 0 {
					b.WriteString(" ")
				}
				b.WriteString(html.UnescapeString(string(m[2])))
			}
			text = strings.TrimSpace(b.String()) + "\n"
		}
		if len(text) < 200 {
			continue
		}
		name := fmt.Sprintf("%04d-%s.txt", written, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)))
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		written++
	}
	return written
}

// crashEnv writes 4 articles per transaction (the default is 64), so the
// kills hit between many commits, in clean and crashed runs alike; and
// keeps a horizon of 1,500 events, so that the resumed runs must reload
// the same recent events the clean run knew.
func crashEnv() []string {
	return append(os.Environ(), "EVENTGRAPH_INGEST_BATCH=4", "EVENTGRAPH_RESOLVE_HORIZON=1500")
}

func crashBuildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "eventgraph")
	cmd := exec.Command("go", "build", "-o", bin, "../../cmd/eventgraph")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building eventgraph: %v\n%s", err, out)
	}
	return bin
}

func crashEnvInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// crashEG runs the binary on store db and returns its stdout.
func crashEG(t *testing.T, bin, db string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(bin, append(args, "--dbpath", db, "--log-level", "error")...)
	cmd.Env = crashEnv()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("eventgraph %s: %v\n%s", strings.Join(args, " "), err, errb.String())
	}
	return out.Bytes()
}

// crashSnapshot is what must not differ between a clean and a crashed run.
type crashSnapshot struct {
	stats    map[string]any
	timeline string
}

func crashTakeSnapshot(t *testing.T, bin, db string) crashSnapshot {
	t.Helper()
	var s crashSnapshot
	if err := json.Unmarshal(crashEG(t, bin, db, "stats", "--format", "json"), &s.stats); err != nil {
		t.Fatal(err)
	}
	var tl map[string]any
	if err := json.Unmarshal(crashEG(t, bin, db, "timeline", "--format", "json"), &tl); err != nil {
		t.Fatal(err)
	}
	delete(tl, "generated")
	b, _ := json.MarshalIndent(tl, "", " ")
	s.timeline = string(b)
	return s
}

func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test: builds the binary and ingests hundreds of articles several times")
	}
	data := "../../../shared/data"
	if v := os.Getenv("EVENTGRAPH_DATA"); v != "" {
		data = v
	}
	if _, err := os.Stat(filepath.Join(data, "tempeval3-train")); err != nil {
		t.Skipf("SKIPPED: crash test needs the gold corpora in %s (TempEval-3, ECB+): %v", data, err)
	}
	n := crashEnvInt("EVENTGRAPH_CRASH_N", 300)
	kills := crashEnvInt("EVENTGRAPH_CRASH_KILLS", 10)
	in := t.TempDir()
	if got := crashCorpus(t, data, in, n); got < n {
		t.Logf("only %d articles could be made from %s", got, data)
		n = got
	}
	bin := crashBuildBinary(t)
	base := t.TempDir()

	// The clean run.
	clean := filepath.Join(base, "clean")
	start := time.Now()
	crashEG(t, bin, clean, "ingest", in)
	cleanDur := time.Since(start)
	want := crashTakeSnapshot(t, bin, clean)
	t.Logf("clean run: %d articles in %v: %v", n, cleanDur.Round(time.Millisecond), want.stats)

	// The crashed runs: each ingest is killed at a random moment, then the
	// next one resumes; the last runs to completion.
	crashed := filepath.Join(base, "crashed")
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	killedMidway := 0
	for i := 0; i < kills; i++ {
		// Random moments over the whole run: the first kills hit early
		// (store creation, first batches), later ones hit the later batches
		// as the resumed runs skip what is stored.
		// Each run is killed within the first eighth of a clean run's time,
		// so the ten kills land at different points of the ingest.
		delay := time.Duration(rng.Int63n(int64(cleanDur)/8)) + 500*time.Millisecond
		cmd := exec.Command(bin, "ingest", in, "--dbpath", crashed, "--log-level", "error")
		cmd.Env = crashEnv()
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			t.Logf("kill %d: ingest finished before the kill at %v (%v)", i+1, delay, err)
		case <-time.After(delay):
			_ = cmd.Process.Signal(syscall.SIGKILL)
			<-done
			killedMidway++
			var st map[string]any
			_ = json.Unmarshal(crashEG(t, bin, crashed, "stats", "--format", "json"), &st)
			t.Logf("kill %d: SIGKILL after %v: %v articles stored", i+1, delay.Round(time.Millisecond), st["articles"])
		}
	}
	crashEG(t, bin, crashed, "ingest", in)
	got := crashTakeSnapshot(t, bin, crashed)
	t.Logf("crashed run (%d kills mid-ingest) then resumed: %v", killedMidway, got.stats)
	if killedMidway == 0 {
		t.Error("no ingest was killed midway: the test proved nothing")
	}
	for _, k := range []string{"articles", "events", "event_mentions", "actors", "actor_mentions", "quads"} {
		if fmt.Sprint(got.stats[k]) != fmt.Sprint(want.stats[k]) {
			t.Errorf("%s: %v after crashes, %v in the clean run", k, got.stats[k], want.stats[k])
		}
	}
	if got.timeline != want.timeline {
		a, b := strings.Split(want.timeline, "\n"), strings.Split(got.timeline, "\n")
		for i := 0; i < len(a) && i < len(b); i++ {
			if a[i] != b[i] {
				t.Errorf("timeline differs from the clean run at line %d:\nclean:   %s\ncrashed: %s", i+1, a[i], b[i])
				break
			}
		}
		t.Errorf("timeline JSON differs (%d vs %d lines)", len(a), len(b))
	}
	// And the crashed store passes the integrity check.
	out, err := exec.CommandContext(context.Background(), bin, "check", "--dbpath", crashed, "--format", "json").CombinedOutput()
	if err != nil {
		t.Errorf("check after crashes: %v\n%s", err, out)
	}
}
