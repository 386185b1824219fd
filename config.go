// Package eventgraph holds the project's built-in configuration. The
// program lives in cmd/eventgraph; the extractors in extract, the store
// mapping in graph, the ordering in timeline.
package eventgraph

import _ "embed"

// DefaultConfig is config.yaml: every setting's default, built into the
// binary so that it runs from any directory.
//
//go:embed config.yaml
var DefaultConfig []byte
