package main

import (
	"fmt"

	_ "github.com/araddon/dateparse"
	_ "github.com/cayleygraph/cayley"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"
	_ "github.com/cayleygraph/cayley/graph/kv/leveldb"
	_ "github.com/cayleygraph/cayley/graph/kv/badger"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach"
	_ "github.com/cayleygraph/cayley/query/gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql"
	_ "github.com/cayleygraph/cayley/query/mql"
	_ "github.com/cayleygraph/cayley/server/http"
	_ "github.com/cayleygraph/cayley/cmd/cayley/command"
	_ "github.com/cayleygraph/quad/nquads"
	_ "github.com/cayleygraph/quad/jsonld"
	_ "github.com/cayleygraph/quad/graphml"
	_ "github.com/cayleygraph/quad/dot"
	_ "github.com/spf13/cobra"
	_ "github.com/spf13/viper"
)

func main() { fmt.Println("eventgraph") }
