#!/usr/bin/env bash
# Builds FerretDB v1.24.2 (MongoDB wire protocol on PostgreSQL) into .govflow/bin/ferretdb,
# with govflow's patch applied (scripts/ferretdb/postgresql-pushdown.patch, see its README).
#
# `go install …/cmd/ferretdb@v1.24.2` builds a binary that panics at start: the module
# download lacks build/version/version.txt, which FerretDB's main package insists on. So we
# fetch the same module through the Go module proxy, add that one version file, patch, build.
# A stamp beside the binary records the patch it was built with; a changed patch rebuilds.
set -euo pipefail
VERSION=v1.24.2
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="$ROOT/.govflow/bin/ferretdb"
PATCH="$ROOT/scripts/ferretdb/postgresql-pushdown.patch"
STAMP="$TARGET.stamp"
WANTED="$VERSION $(sha256sum "$PATCH" | cut -d' ' -f1)"
if [[ -x "$TARGET" && -f "$STAMP" && "$(cat "$STAMP")" == "$WANTED" ]]; then
  echo "ferretdb $VERSION (patched) already built at $TARGET"
  exit 0
fi
command -v go >/dev/null || { echo "Go is needed to build FerretDB: install Go 1.22+ or set MONGODB_URI" >&2; exit 1; }
command -v patch >/dev/null || { echo "patch is needed to build FerretDB: apt-get install patch" >&2; exit 1; }
echo "building FerretDB $VERSION with govflow's patch (first time only, takes a minute or two)…" >&2
MODULE_DIR="$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp -r "$MODULE_DIR/." "$WORK/"
chmod -R u+w "$WORK"
echo "$VERSION" > "$WORK/build/version/version.txt"
patch --quiet --strip=1 --directory="$WORK" --input="$PATCH"
mkdir -p "$(dirname "$TARGET")"
(cd "$WORK" && go build -trimpath -o "$TARGET" ./cmd/ferretdb)
echo "$WANTED" > "$STAMP"
echo "built $("$TARGET" --version | sed -n 1p) (patched) at $TARGET" >&2
