package main

import "fmt"

// Configuration keys that flags override. Every other key is read from
// config.yaml, --config FILE and EVENTGRAPH_* only (settings.table).
const (
	keyStoreBackend       = "store.backend"
	keyStoreAddress       = "store.address"
	keyLogLevel           = "log.level"
	keyIngestFormat       = "ingest.format"
	keyIngestWorkers      = "ingest.workers"
	keyIngestAllowPrivate = "ingest.allow_private"
	keyServeHost          = "serve.host"
	keyServeReadOnly      = "serve.read_only"
	keyQueryLimit         = "query.limit"
	keyQueryTimeout       = "query.timeout"
	keyTimelineSalience   = "timeline.min_salience"
)

// binding says that a flag, when given, overrides a configuration key:
// flags are the last layer, over the defaults, --config FILE and the
// environment.
type binding struct {
	command string // "" for the root's persistent flags
	flag    string
	key     string
}

// bindings is the one table of flags bound to configuration keys; the
// commands read the result from app.set (TestBindings checks that each flag
// exists and each key is a setting).
var bindings = []binding{
	{"", "db", keyStoreBackend},
	{"", "dbpath", keyStoreAddress},
	{"", "log-level", keyLogLevel},
	{"ingest", "format", keyIngestFormat},
	{"ingest", "workers", keyIngestWorkers},
	{"ingest", "allow-private", keyIngestAllowPrivate},
	{"serve", "host", keyServeHost},
	{"serve", "read-only", keyServeReadOnly},
	{"query", "limit", keyQueryLimit},
	{"query", "timeout", keyQueryTimeout},
	{"timeline", "min-salience", keyTimelineSalience},
}

// checkFlag reads a bound flag's value as its setting would be read, so
// that a value out of range is an error naming the flag (--min-salience
// 2), not the key.
func checkFlag(b binding, value string) error {
	var s settings
	for _, st := range s.table() {
		if st.key == b.key {
			if err := st.read(value); err != nil {
				return fmt.Errorf("--%s: %w", b.flag, err)
			}
			return nil
		}
	}
	return fmt.Errorf("--%s: no setting %s", b.flag, b.key)
}
