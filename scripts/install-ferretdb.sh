#!/usr/bin/env bash
# Builds FerretDB v1.24.2 (MongoDB wire protocol on SQLite) into .govflow/bin/ferretdb.
#
# `go install …/cmd/ferretdb@v1.24.2` builds a binary that panics at start: the module
# download lacks build/version/version.txt, which FerretDB's main package insists on. So we
# fetch the same module through the Go module proxy, add that one version file, and build it.
set -euo pipefail
VERSION=v1.24.2
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="$ROOT/.govflow/bin/ferretdb"
# (no early-exiting readers such as `grep -q` or `head` after a pipe: with pipefail, SIGPIPE fails it)
if [[ -x "$TARGET" ]] && [[ "$("$TARGET" --version 2>/dev/null)" == *"version: $VERSION"* ]]; then
  echo "ferretdb $VERSION already built at $TARGET"
  exit 0
fi
command -v go >/dev/null || { echo "Go is needed to build FerretDB: install Go 1.22+ or set MONGODB_URI" >&2; exit 1; }
echo "building FerretDB $VERSION (first time only, takes a minute or two)…"
MODULE_DIR="$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp -r "$MODULE_DIR/." "$WORK/"
chmod -R u+w "$WORK"
echo "$VERSION" > "$WORK/build/version/version.txt"
mkdir -p "$(dirname "$TARGET")"
(cd "$WORK" && go build -trimpath -o "$TARGET" ./cmd/ferretdb)
echo "built $("$TARGET" --version | sed -n 1p) at $TARGET"
