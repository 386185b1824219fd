#!/usr/bin/env bash
# Installs what the end-to-end browser test needs: Debian's chromium and the
# pinned npm packages of tests/browser (npm ci). Safe to run again: it only
# installs what is missing. Exits non-zero, loudly, only where it cannot.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

die() {
	echo >&2
	echo "########################################################################" >&2
	echo "browser-setup: $*" >&2
	echo "########################################################################" >&2
	exit 1
}

if [[ ! -x "$CHROMIUM" ]]; then
	echo "browser-setup: $CHROMIUM is missing; installing Debian's chromium" >&2
	SUDO=""
	if [[ "$(id -u)" != 0 ]]; then
		command -v sudo >/dev/null || die "chromium is not installed and this user cannot install it (not root, no sudo): apt-get install -y chromium"
		SUDO="sudo -n"
	fi
	command -v apt-get >/dev/null || die "chromium is not installed and there is no apt-get here: install chromium so that $CHROMIUM exists"
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq || die "apt-get update failed"
	$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null ||
		die "apt-get install chromium failed"
	[[ -x "$CHROMIUM" ]] || die "chromium installed but $CHROMIUM does not exist"
fi
"$CHROMIUM" --version >&2 || die "$CHROMIUM does not run"

command -v node >/dev/null || die "node is missing (install Debian's nodejs and npm)"
command -v npm >/dev/null || die "npm is missing (install Debian's npm)"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$NODE_MAJOR" -ge 20 ]] || die "node $(node --version) is too old: the browser test needs node >= 20"

cd "$ROOT/tests/browser"
# npm ci when a package of package.json is missing or not the locked version.
stale="$(node -e '
const lock = require("./package-lock.json").packages;
for (const name of Object.keys(lock[""].devDependencies)) {
	let have = "";
	try { have = require("./node_modules/" + name + "/package.json").version; } catch (e) {}
	if (have !== lock["node_modules/" + name].version) console.log(name);
}')"
if [[ -n "$stale" ]]; then
	echo "browser-setup: npm ci in tests/browser" >&2
	# playwright-core is only the driver: no browser download happens.
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error ||
		die "npm ci failed in tests/browser"
fi
echo "browser-setup: ready (chromium at $CHROMIUM, node $(node --version))" >&2
