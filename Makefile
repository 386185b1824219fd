# eventgraph: see README.md. `make run` ingests the seeds into the embedded
# store and prints the timeline; `make test` runs vet and every test.

GO        ?= go
BIN       := bin/eventgraph
DATA      ?= ../shared/data
STORE     ?= ./data/eventgraph
ASSETS    := internal/cayleyui/assets/.stamp

.PHONY: all build run test test-hostile fuzz-hostile vet lint generate train train-check eval eval-syntax eval-timex eval-tml-events eval-actors eval-events eval-mixed eval-cameo eval-storyline eval-articles bench bench-full bench-corpus fuzz test-browser test-postgres bench-postgres clean

all: build

# cayley's web UI is copied from the module cache and embedded (not committed).
$(ASSETS): go.mod go.sum internal/cayleyui/gen/main.go
	$(GO) generate ./internal/cayleyui
	@touch $@

generate: $(ASSETS)

# -buildvcs=auto records the commit for `eventgraph version` (GOFLAGS may
# turn it off); a tree without git builds all the same.
build: $(ASSETS)
	$(GO) build -trimpath -buildvcs=auto -o $(BIN) ./cmd/eventgraph

run: build
	$(BIN) ingest --dbpath $(STORE) seeds/
	$(BIN) timeline --dbpath $(STORE) --format table

vet: $(ASSETS)
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' ))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }

# Then the query entry points are fuzzed for HOSTILE_FUZZTIME each (about
# 2 minutes with the builds). A fuzzing worker once hung under load: Gizmo
# scripts that outlived their request (a caught interrupt, a backtracking
# regular expression) piled up on its cores; they are stopped now
# (TestHostileGizmoEscapes), and a slow answer fails with its input.
test: vet
	bash scripts/rdflib-setup.sh
	$(GO) test -timeout 60m ./...
	$(MAKE) fuzz-hostile
	$(MAKE) test-browser

# The hostile-input suite of issue 23 alone (make test runs it with the
# rest), then the fuzz targets below.
test-hostile: $(ASSETS)
	$(GO) test -count=1 -run 'Hostile|Settings|ReadOnlyFails|IngestURL|SecondInterrupt|Redact|Private|NonPublic|Credentials|Memstore|MaxBytes|TextBudget|Check|Limit|GraphQL|GizmoCompile|BindGizmo|HostGuard|ArticleTimeout|MidArticle|SentencesCapped|ChunkEnd|AnalyzeLong|MemoryGuard|EndlessGizmo|IsLoopback|ClientDisconnect|InterruptedQuery' \
		./cmd/eventgraph ./serve ./internal/querylimit ./internal/cayleyui ./extract/article/fetch ./internal/pipeline ./graph ./extract ./extract/syntax
	$(MAKE) fuzz-hostile

# The fuzz targets of the query entry points (serve: Gizmo, GraphQL, MQL
# on every query endpoint) and of their pre-scan, HOSTILE_FUZZTIME each.
HOSTILE_FUZZTIME ?= 10s
fuzz-hostile: $(ASSETS)
	$(GO) test -run '^$$' -fuzz '^FuzzCheck$$' -fuzztime $(HOSTILE_FUZZTIME) ./internal/querylimit
	$(GO) test -run '^$$' -fuzz '^FuzzGizmo$$' -fuzztime $(HOSTILE_FUZZTIME) ./serve
	$(GO) test -run '^$$' -fuzz '^FuzzGraphQL$$' -fuzztime $(HOSTILE_FUZZTIME) ./serve
	$(GO) test -run '^$$' -fuzz '^FuzzMQL$$' -fuzztime $(HOSTILE_FUZZTIME) ./serve

# End-to-end in headless Debian chromium (installs chromium and the npm
# driver when missing); screenshots in artifacts/browser/.
test-browser: $(ASSETS)
	bash tests/browser/run.sh

# The PostgreSQL integration tests alone (make test runs them too: they
# start a private server with scripts/postgres.sh).
test-postgres: $(ASSETS)
	$(GO) test -count=1 -timeout 40m -run 'Postgres|Lock|Redact' -v ./graph ./internal/pipeline

bench-postgres: $(ASSETS)
	$(GO) test -run '^$$' -bench PostgresIngest -benchtime 1x -timeout 60m ./internal/pipeline

# A benchmark corpus of N articles built from $(DATA) (git-ignored).
N ?= 10000
bench-corpus:
	$(GO) run ./eval/benchcorpus -data $(DATA) -n $(N) -out testdata/bench/$(N)

# Trains the models of extract/syntax on the UD treebanks in $(DATA)/ud and
# writes them to extract/syntax/model/ (same data and seed, same bytes). The
# tagger's lexicon comes from WordNet 3.0 (Debian package wordnet-base).
# The event detector reads the syntax analysis, so it is trained last, on
# the TempEval-3 corpora (extract/detect/model/events.model). The actor
# recognizer's person and group nouns come from WordNet too
# (extract/actor/data/wordnet_nouns.tsv), and so do the abstract nouns that
# make a use of force figurative (extract/event/data/wordnet_abstract.tsv).
# The files are written under TRAIN_OUT (the repository; train-check gives a
# temporary folder).
WORDNET   ?= /usr/share/wordnet
TRAIN_OUT ?= .
TRAINED   := extract/syntax/model/tagger.bin extract/syntax/model/parser.bin extract/detect/model/events.model \
	extract/actor/data/wordnet_nouns.tsv extract/event/data/wordnet_abstract.tsv
train:
	@test -d $(WORDNET) || { echo "train: no WordNet at $(WORDNET): apt-get install wordnet-base"; exit 1; }
	@mkdir -p $(addprefix $(TRAIN_OUT)/,$(sort $(dir $(TRAINED))))
	$(GO) run ./extract/syntax/internal/train -data $(DATA)/ud -wordnet $(WORDNET) -out $(TRAIN_OUT)/extract/syntax/model/tagger.bin
	$(GO) run ./extract/syntax/internal/trainparse -data $(DATA)/ud -tagger $(TRAIN_OUT)/extract/syntax/model/tagger.bin -out $(TRAIN_OUT)/extract/syntax/model/parser.bin
	$(GO) run ./extract/detect/train -data $(DATA) -out $(TRAIN_OUT)/extract/detect/model/events.model
	$(GO) run ./extract/actor/internal/gennouns -wordnet $(WORDNET) -out $(TRAIN_OUT)/extract/actor/data/wordnet_nouns.tsv
	$(GO) run ./extract/event/internal/genabstract -wordnet $(WORDNET) -out $(TRAIN_OUT)/extract/event/data/wordnet_abstract.tsv

# Runs make train into a temporary folder and compares every file with the
# committed one: it fails when a model is not what make train gives (about
# 14 minutes of CPU, most of it the parser; not part of make test). The event
# detector is trained there with the committed tagger and parser, which the
# comparison before it finds equal to the retrained ones.
train-check:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(MAKE) --no-print-directory train TRAIN_OUT="$$tmp" && \
	for f in $(TRAINED); do cmp "$$f" "$$tmp/$$f" || exit 1; echo "train-check: $$f is what make train gives"; done

# Scores the extractors on the gold corpora in $(DATA) (see its README).
eval: eval-syntax eval-timex eval-tml-events eval-actors eval-events eval-mixed eval-cameo eval-storyline eval-articles
	@echo; cat docs/EVAL.md

# Tokens, sentences, tags, lemmas (and attachment) on UD EWT and GUM dev and test.
eval-syntax:
	$(GO) run ./eval/ud -data $(DATA)/ud

eval-timex:
	$(GO) run ./eval/tempeval -data $(DATA)

# TempEval-3 Task B (events) beside the every-verb baseline: trained on
# TimeBank and tested on AQUAINT, then 5-fold cross-validation over both.
eval-tml-events:
	$(GO) run ./eval/tempeval -events -data $(DATA)

eval-actors:
	$(GO) run ./eval/ecbactors -data $(DATA)/ecbplus

eval-events:
	$(GO) run ./eval/ecbevents -data $(DATA)/ecbplus

# Cross-article merges on ECB+, TimeBank, AQUAINT and the fixtures mixed:
# across corpora, a hand-labelled sample, other orders and shards.
eval-mixed:
	$(GO) run ./eval/mixed -data $(DATA)

eval-cameo:
	$(GO) run ./eval/cameo -data $(DATA)/cameo-validation

eval-storyline:
	$(GO) run ./eval/storyline -data $(DATA)/eventstoryline

# Page reading against go-trafilatura's and go-htmldate's saved test pages
# (read in the module cache), and plain-text datelines on TempEval-3.
eval-articles:
	$(GO) run ./eval/articles -data $(DATA)/tempeval3-train

# Throughput and memory of the extractors and the store (one iteration
# each: the write benchmarks take minutes); PostgreSQL is bench-postgres.
bench: $(ASSETS)
	$(GO) test -run '^$$' -bench . -benchtime 1x -skip PostgresIngest -benchmem ./extract/... ./graph/... ./internal/...

# 10k and 100k articles end to end: time, peak RSS, actor timeline query.
bench-full: build
	bash scripts/bench.sh

FUZZTIME ?= 20s
fuzz:
	@set -e; for f in $$(grep -rl --include='*_test.go' '^func Fuzz' . | sort); do \
		pkg=$$(dirname $$f); \
		for t in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
			echo "== fuzz $$pkg $$t for $(FUZZTIME)"; \
			$(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

# Known vulnerabilities in called code: govulncheck, pinned, through
# scripts/vulncheck.sh (skipped with a message when its database is out of reach).
lint: vet
	sh scripts/vulncheck.sh

clean:
	rm -rf bin internal/cayleyui/assets
