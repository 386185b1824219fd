#!/usr/bin/env bash
# Vendors vis-timeline, the timeline library of the /timeline page, into
# serve/web/vendor/ (embedded in the binary; the page never reaches the
# network). Run it again to change the version: edit VERSION and INTEGRITY
# (from `npm view vis-timeline@VERSION dist.integrity`), run, test, commit.
#
# Source: the npm registry's tarball of vis-timeline
# (https://github.com/visjs/vis-timeline), its standalone UMD build (the
# library with its dependencies, moment and vis-data included; it adds its
# own stylesheet to the page as <style> elements) and its licence
# (Apache-2.0 OR MIT).
set -euo pipefail

VERSION=8.5.4
INTEGRITY=sha512-Xt7RNrRvOkQiSyk6vFTXSRwTunT0y9MzDgHY8N8H9nPuebJ6Vg+u3xnv0Swbxna/Pa2E3HjaBblEIQiK74E01Q==

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/web/vendor"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

cd "$TMP"
npm pack --silent "vis-timeline@$VERSION" >/dev/null
TGZ="vis-timeline-$VERSION.tgz"
got="sha512-$(openssl dgst -sha512 -binary "$TGZ" | base64 -w0)"
if [[ "$got" != "$INTEGRITY" ]]; then
	echo "vendor.sh: $TGZ has integrity $got, want $INTEGRITY" >&2
	exit 1
fi
tar xzf "$TGZ"
mkdir -p "$DIR"
cp package/standalone/umd/vis-timeline-graph2d.min.js "$DIR/"
cp package/LICENSE.md package/LICENSE.MIT.txt package/LICENSE.Apache-2.0.txt "$DIR/"
# The source map is not vendored: drop the comment that points to it.
sed -i -e 's|^//# sourceMappingURL=.*$||' -e 's|/\*# sourceMappingURL=[^*]*\*/||' \
	"$DIR/vis-timeline-graph2d.min.js"
cat >"$DIR/VERSION" <<VERSIONEOF
vis-timeline $VERSION
from https://registry.npmjs.org/vis-timeline/-/$TGZ
integrity $INTEGRITY
files: standalone/umd/vis-timeline-graph2d.min.js, LICENSE.md, LICENSE.MIT.txt, LICENSE.Apache-2.0.txt
licence: Apache-2.0 OR MIT (see LICENSE.md)
written by serve/vendor.sh
VERSIONEOF
echo "vendor.sh: vis-timeline $VERSION in $DIR" >&2
