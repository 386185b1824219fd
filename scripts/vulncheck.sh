#!/bin/sh
# vulncheck.sh: report known vulnerabilities in code eventgraph calls, with
# govulncheck pinned at an exact version (run through `go run`, so nothing is
# installed). Used by `make lint`.
#
#   scripts/vulncheck.sh            # scans ./...
#   GOVULNDB=file:///path/to/db scripts/vulncheck.sh   # offline mirror of vuln.go.dev
#
# The scan needs the Go vulnerability database (https://vuln.go.dev by
# default). When it cannot be reached, the script says so and exits 0: an
# unreachable database is not a finding. Set VULNCHECK_REQUIRED=1 to make
# that an error instead (for a release build).
set -eu

VERSION=v1.1.4
DB=${GOVULNDB:-https://vuln.go.dev}
GO=${GO:-go}
cd "$(dirname "$0")/.."

skip() {
	echo "vulncheck: SKIPPED: the vulnerability database at $DB is unreachable from this machine ($1);" >&2
	echo "vulncheck: run it where $DB can be reached, or point GOVULNDB at an offline copy (file:///...)." >&2
	if [ "${VULNCHECK_REQUIRED:-0}" = 1 ]; then
		exit 2
	fi
	exit 0
}

# Fail fast when the database is out of reach (loading the packages first
# takes a while).
case "$DB" in
http://* | https://*)
	if command -v curl >/dev/null 2>&1 && ! curl -fsS -m 15 -o /dev/null "$DB/index/db.json" 2>/dev/null; then
		skip "no answer from $DB/index/db.json"
	fi
	;;
esac

out=$(mktemp)
trap 'rm -f "$out"' EXIT INT TERM

status=0
"$GO" run "golang.org/x/vuln/cmd/govulncheck@$VERSION" -db "$DB" "$@" ./... >"$out" 2>&1 || status=$?

if [ "$status" -ne 0 ] && grep -Eq 'fetching vulnerabilities|no such host|dial tcp|connection refused|i/o timeout|TLS handshake|network is unreachable' "$out"; then
	sed -n '1,5p' "$out" >&2
	skip "govulncheck could not fetch it"
fi
cat "$out"
if [ "$status" -eq 0 ]; then
	echo "vulncheck: govulncheck $VERSION found no vulnerabilities in called code."
fi
exit "$status"
