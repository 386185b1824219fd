#!/usr/bin/env bash
# End-to-end browser test of `eventgraph serve`:
#   1. installs chromium and the npm driver if missing (scripts/browser-setup.sh),
#   2. generates the embedded cayley UI and builds a -trimpath binary,
#   3. ingests seeds/ and testdata/linked.jsonl into a temporary bolt store, and a generated corpus of
#      $EG_LARGE_N articles (eval/benchcorpus over ../shared/data: TimeBank,
#      AQUAINT and ECB+ texts re-dated; 300 give some 8,000 events) into a
#      second one, for the paging tests,
#   4. runs browser.test.mjs (node's test runner), which starts the binary
#      from an empty folder with an empty GOMODCACHE on a free loopback port
#      and drives headless Debian chromium through the UI and /timeline.
# Screenshots go to artifacts/browser/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

bash scripts/browser-setup.sh

WORK="$(mktemp -d "${TMPDIR:-/tmp}/eventgraph-browser.XXXXXX")"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -p "$WORK/bin" "$WORK/empty" "$WORK/gomodcache" "$WORK/gopath" "$ROOT/artifacts/browser"

echo "run.sh: generating the cayley UI and building a -trimpath binary" >&2
go generate ./internal/cayleyui
go build -trimpath -o "$WORK/bin/eventgraph" ./cmd/eventgraph
BIN="$WORK/bin/eventgraph"
DB="$WORK/db"

echo "run.sh: eventgraph ingest seeds/ --dbpath $DB" >&2
(cd "$WORK/empty" && "$BIN" ingest "$ROOT/seeds" --dbpath "$DB" >&2)
# An article with a URL and a site name, for the source links.
(cd "$WORK/empty" && "$BIN" ingest "$ROOT/tests/browser/testdata/linked.jsonl" --dbpath "$DB" >&2)

LARGE_N="${EG_LARGE_N:-300}"
LARGE_DB="$WORK/db-large"
echo "run.sh: a corpus of $LARGE_N articles (eval/benchcorpus), ingested into $LARGE_DB" >&2
go run ./eval/benchcorpus -data "${DATA:-$ROOT/../shared/data}" -n "$LARGE_N" -out "$WORK/corpus" >&2
(cd "$WORK/empty" && "$BIN" ingest "$WORK/corpus" --dbpath "$LARGE_DB" >&2)

cd "$ROOT/tests/browser"
EG_BIN="$BIN" EG_DB="$DB" EG_LARGE_DB="$LARGE_DB" EG_EMPTY_DIR="$WORK/empty" \
	EG_GOMODCACHE="$WORK/gomodcache" EG_GOPATH="$WORK/gopath" \
	EG_ARTIFACTS="$ROOT/artifacts/browser" CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" \
	node --test --test-concurrency=1 --test-timeout=180000 browser.test.mjs
