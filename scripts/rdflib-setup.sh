#!/usr/bin/env bash
# Installs Debian's python3-rdflib when /usr/bin/python3 cannot import
# rdflib: graph's export test parses the N-Quads export with it, an RDF
# parser independent of cayley (the test skips, saying so, without it).
# Root or passwordless sudo and apt-get are needed to install; otherwise
# this says what to install and leaves the test to skip.
set -uo pipefail
PY=/usr/bin/python3
if "$PY" -c "import rdflib" 2>/dev/null; then
	exit 0
fi
SUDO=""
if [[ "$(id -u)" != 0 ]]; then
	if ! command -v sudo >/dev/null; then
		echo "rdflib-setup: rdflib is missing and this user cannot install it: apt-get install -y python3-rdflib" >&2
		exit 0
	fi
	SUDO="sudo -n"
fi
if ! command -v apt-get >/dev/null; then
	echo "rdflib-setup: rdflib is missing and there is no apt-get here: install rdflib for $PY" >&2
	exit 0
fi
echo "rdflib-setup: installing Debian's python3-rdflib" >&2
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -qq --no-install-recommends python3-rdflib >/dev/null 2>&1; then
	$SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends python3-rdflib >/dev/null ||
		echo "rdflib-setup: apt-get install python3-rdflib failed; the RDF round-trip test will skip" >&2
fi
exit 0
