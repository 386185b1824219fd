// Package report reads what the CLI's read commands print from an
// eventgraph store: the canonical actors (`eventgraph actors`), the
// store's counts (`eventgraph stats`), the stories (`eventgraph stories`) and the whole graph through cayley's
// quad writers (`eventgraph export`). The commands only parse flags and
// format; the reading is here, with its tests.
package report
