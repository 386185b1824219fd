package cayleyui

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
)

// files holds the generated cayley UI under assets/ (see assets.README.md).
// The pattern also matches the committed README, so the package compiles
// before `go generate` has run.
//
//go:embed assets*
var files embed.FS

//go:embed web
var extra embed.FS

// GenerateCommand is the command that produces the embedded assets.
const GenerateCommand = "go generate ./internal/cayleyui"

// ErrNoAssets tells that the binary was built without the generated UI.
var ErrNoAssets = errors.New("cayley UI assets are not embedded in this build: run `" +
	GenerateCommand + "` in the repository, then rebuild")

// required lists files whose presence proves that the assets were generated.
var required = []string{
	"templates/query.html",
	"templates/visualize.html",
	"static/js/cayley_main.js",
	"docs/gizmoapi.md",
}

// Assets returns cayley's UI files (static/, templates/, docs/) or
// ErrNoAssets when they were not generated before the build.
func Assets() (fs.FS, error) {
	sub, err := fs.Sub(files, "assets")
	if err != nil {
		return nil, fmt.Errorf("cayleyui: %w", err)
	}
	for _, name := range required {
		if _, err := fs.Stat(sub, name); err != nil {
			return nil, ErrNoAssets
		}
	}
	return sub, nil
}
