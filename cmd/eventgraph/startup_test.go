package main

import (
	"bufio"
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Start-up: Go runs the init of every package linked into the binary,
// whatever the command. go-dateparser's built its locale tables there
// (111 MB and about half a second for `eventgraph version`, issue 21);
// the patched copies in third_party build them on first use. This keeps
// the package initialisation of any command small.
func TestStartupInit(t *testing.T) {
	cmd := egCommand(t, []string{"GODEBUG=inittrace=1"}, "version")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if out, err := cmd.Output(); err != nil || !strings.HasPrefix(string(out), "eventgraph ") {
		t.Fatalf("version: %v\n%s\n%s", err, out, stderr.String())
	}
	line := regexp.MustCompile(`^init (\S+) @\S+ ms, ([0-9.]+) ms clock, (\d+) bytes, (\d+) allocs`)
	var total, biggest int64
	var biggestPkg string
	var clock float64
	perPkg := map[string]int64{}
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		ms, _ := strconv.ParseFloat(m[2], 64)
		n, _ := strconv.ParseInt(m[3], 10, 64)
		clock += ms
		total += n
		perPkg[m[1]] += n
		if n > biggest {
			biggest, biggestPkg = n, m[1]
		}
	}
	t.Logf("package init: %.1f ms, %.1f MB; largest %s (%.1f MB)", clock, float64(total)/1e6, biggestPkg, float64(biggest)/1e6)
	if total == 0 {
		t.Fatal("no inittrace lines")
	}
	// Measured 5.4 MB in all (the test binary adds its own packages'),
	// the largest package 1.0 MB; before the patches 111 MB, 95 MB in
	// go-dateparser/internal/data alone.
	if total > 16<<20 || biggest > 4<<20 {
		t.Errorf("package initialisation allocates %d bytes, %s %d: a package builds tables in init again", total, biggestPkg, biggest)
	}
	// The packages patched in third_party build their tables on first
	// use: at start they allocate next to nothing (before: gomoji 983 KB,
	// pagination 26 KB and 2 ms of regexp compiling, go-dateparser's
	// locale data 95 MB).
	for _, c := range []struct {
		pkg string
		max int64
	}{
		{"github.com/forPelevin/gomoji", 4 << 10},
		{"github.com/markusmobius/go-domdistiller/internal/pagination", 4 << 10},
		{"github.com/markusmobius/go-htmldate", 64 << 10}, // 49 KB of other tables; 339 KB before
		{"github.com/markusmobius/go-dateparser/internal/data", 64 << 10},
		{"github.com/markusmobius/go-dateparser/internal/timezone", 64 << 10},
	} {
		n, ok := perPkg[c.pkg]
		if !ok {
			t.Errorf("%s: not in the binary's init trace", c.pkg)
		}
		if n > c.max {
			t.Errorf("%s allocates %d bytes at start, want at most %d: its tables are built in init again", c.pkg, n, c.max)
		}
	}
}
