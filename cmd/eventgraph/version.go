package main

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// buildVersion says which eventgraph this is: its module version, the
// commit it was built from, the Go toolchain and the cayley it embeds.
type buildVersion struct {
	Version  string `json:"version"`
	Commit   string `json:"commit,omitempty"`
	Time     string `json:"commit_time,omitempty"`
	Modified bool   `json:"modified,omitempty"` // built from a tree with uncommitted changes
	Go       string `json:"go"`
	Platform string `json:"platform"`
	Cayley   string `json:"cayley"`
}

// cayleyModule is the module whose version `version` reports.
const cayleyModule = "github.com/cayleygraph/cayley"

// readVersion reads the version from the build information the Go
// toolchain embeds: the main module's version ("(devel)" for a build in a
// work tree) and VCS settings (vcs.revision, vcs.time, vcs.modified),
// which go build writes when it runs in a git checkout.
func readVersion() buildVersion {
	v := buildVersion{Version: "(unknown)", Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH, Cayley: "(unknown)"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	return versionOf(bi, v)
}

func versionOf(bi *debug.BuildInfo, v buildVersion) buildVersion {
	if bi.Main.Version != "" {
		v.Version = bi.Main.Version
	}
	if bi.GoVersion != "" {
		v.Go = bi.GoVersion
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Commit = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	for _, d := range bi.Deps {
		if d.Path == cayleyModule {
			v.Cayley = d.Version
			if d.Replace != nil {
				v.Cayley += " => " + d.Replace.Path + " " + d.Replace.Version
			}
		}
	}
	return v
}

// write prints the version for people.
func (v buildVersion) write(w io.Writer) error {
	commit := "(not recorded: built outside a git checkout, in a git worktree (Go stamps only a checkout whose .git is a directory) or with -buildvcs=false)"
	if v.Commit != "" {
		commit = v.Commit
		if v.Time != "" {
			commit += " (" + v.Time + ")"
		}
		if v.Modified {
			commit += " with uncommitted changes"
		}
	}
	_, err := fmt.Fprintf(w, "eventgraph %s\ncommit     %s\ngo         %s %s\ncayley     %s\n", v.Version, commit, v.Go, v.Platform, v.Cayley)
	return err
}

func newVersionCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print eventgraph's version, commit, Go version and cayley version",
		Args:  cobra.NoArgs,
		// Needs no configuration: it answers even when the config is broken.
		PersistentPreRunE:  func(*cobra.Command, []string) error { return nil },
		PersistentPostRunE: func(*cobra.Command, []string) error { return nil },
		RunE: func(cmd *cobra.Command, _ []string) error {
			v := readVersion()
			if format, _ := cmd.Flags().GetString("format"); format == "json" {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(v)
			}
			return v.write(cmd.OutOrStdout())
		},
	}
	enumFlag(cmd, cmd.Flags(), "format", "text", "text or json", []string{"text", "json"})
	return cmd
}
