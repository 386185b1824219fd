// Command gen copies cayley's web UI (static/, templates/ and docs/) from the
// cayley module source into internal/cayleyui/assets so that it can be
// embedded into the eventgraph binary with go:embed.
//
// The files are not committed (the assets folder is git-ignored); run
//
//	go generate ./internal/cayleyui
//
// before building or testing. Remote font imports are stripped on the way so
// that the UI renders with no network access.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

const cayleyModule = "github.com/cayleygraph/cayley"

// dirs are the folders of the cayley source tree that the UI needs.
var dirs = []string{"static", "templates", "docs"}

func main() {
	out := flag.String("out", "assets", "output folder (replaced as a whole)")
	src := flag.String("src", "", "cayley source folder (default: from `go list -m`)")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		slog.Error("cayleyui gen failed", "err", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	version := "local"
	if src == "" {
		var err error
		if src, version, err = moduleDir(cayleyModule); err != nil {
			return err
		}
	}
	for _, d := range dirs {
		if st, err := os.Stat(filepath.Join(src, d)); err != nil || !st.IsDir() {
			return fmt.Errorf("cayley source %s has no %s/ folder (is the module downloaded? try `go mod download %s`)", src, d, cayleyModule)
		}
	}
	tmp := out + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("clean %s: %w", tmp, err)
	}
	n := 0
	for _, d := range dirs {
		root := filepath.Join(src, d)
		err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(src, p)
			if err != nil {
				return err
			}
			dst := filepath.Join(tmp, rel)
			if e.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			data = Offline(filepath.ToSlash(rel), data)
			n++
			return os.WriteFile(dst, data, 0o644)
		})
		if err != nil {
			return fmt.Errorf("copy %s: %w", root, err)
		}
	}
	stamp := fmt.Sprintf("module: %s %s\nfiles: %d\n", cayleyModule, version, n)
	if err := os.WriteFile(filepath.Join(tmp, "SOURCE.txt"), []byte(stamp), 0o644); err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return fmt.Errorf("clean %s: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("move assets in place: %w", err)
	}
	slog.Info("cayley UI assets generated", "from", src, "to", out, "files", n)
	return nil
}

// moduleDir asks the go command where a module's source is, downloading it
// into the module cache when needed. The version comes from the build list
// (go list -m, which never writes go.mod) and the download names it
// (MODULE@VERSION): a bare `go mod download MODULE` may rewrite go.mod,
// marking an indirect requirement direct, and leave the tree dirty.
func moduleDir(mod string) (dir, version string, err error) {
	list, err := goJSON("list", "-m", "-json", mod)
	if err != nil {
		return "", "", err
	}
	if list.Dir != "" {
		return list.Dir, list.Version, nil
	}
	if list.Version == "" {
		return "", "", fmt.Errorf("go list -m %s: no version in the build list", mod)
	}
	info, err := goJSON("mod", "download", "-json", mod+"@"+list.Version)
	if err != nil {
		return "", "", err
	}
	if info.Error != "" || info.Dir == "" {
		return "", "", fmt.Errorf("go mod download %s@%s: cannot locate the source: %s", mod, list.Version, info.Error)
	}
	return info.Dir, info.Version, nil
}

// moduleInfo is what go list -m -json and go mod download -json say of a module.
type moduleInfo struct{ Dir, Version, Error string }

// goJSON runs the go command with args and decodes its JSON output.
func goJSON(args ...string) (moduleInfo, error) {
	var info moduleInfo
	cmd := exec.Command("go", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	name := "go " + strings.Join(args, " ")
	if err != nil {
		return info, fmt.Errorf("%s: %w: %s", name, err, strings.TrimSpace(stderr.String()))
	}
	if err := json.Unmarshal(b, &info); err != nil {
		return info, fmt.Errorf("%s: %w", name, err)
	}
	return info, nil
}

var (
	// @import url("//fonts.googleapis.com/css?family=Lato:...");
	remoteImport = regexp.MustCompile(`@import\s+url\(["']?(https?:)?//[^)]*\)\s*;?`)
	// , url(http://fonts.gstatic.com/...) format('truetype')
	remoteFontURL = regexp.MustCompile(`,?\s*url\(["']?(https?:)?//[^)]*\)\s*(format\([^)]*\))?`)
)

// Offline rewrites a UI file so that it does not reach out to the network:
// remote CSS imports are removed and remote font files are dropped from
// @font-face rules (the local() sources and the CSS fallback fonts remain).
func Offline(name string, data []byte) []byte {
	if !strings.HasSuffix(name, ".css") {
		return data
	}
	data = remoteImport.ReplaceAll(data, nil)
	data = remoteFontURL.ReplaceAll(data, nil)
	return data
}
