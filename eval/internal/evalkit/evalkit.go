// Package evalkit holds what every evaluation program shares: where the gold
// data lives and precision/recall counts.
package evalkit

import (
	"fmt"
	"os"
	"path/filepath"
)

// RepoRoot walks up from the working directory to the folder holding go.mod.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("working directory: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// DataDir is dir when set (a -data flag), otherwise ../shared/data/<sub>
// beside the repository, where the gold corpora live.
func DataDir(dir, sub string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "..", "shared", "data", sub), nil
}

// PRF counts true positives, system items and gold items.
type PRF struct{ TP, Sys, Gold int }

// Add adds o's counts to c.
func (c *PRF) Add(o PRF) { c.TP += o.TP; c.Sys += o.Sys; c.Gold += o.Gold }

// P is precision.
func (c PRF) P() float64 { return Ratio(c.TP, c.Sys) }

// R is recall.
func (c PRF) R() float64 { return Ratio(c.TP, c.Gold) }

// F1 is the harmonic mean of P and R.
func (c PRF) F1() float64 { return F1(c.P(), c.R()) }

// Ratio is a/b, 0 when b is 0.
func Ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// F1 is the harmonic mean of p and r, 0 when both are 0.
func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
