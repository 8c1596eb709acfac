#!/usr/bin/env bash
# Regenerates the Go bindings of the reference contracts:
#   solcjs (pinned in package.json) -> build/combined.json -> abigen -> bindings/bindings.go
# Needs Node.js and npm; `go build` does not, because bindings.go is committed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
if [ ! -d node_modules/solc ]; then
  echo "installing the pinned solc with npm ci..." >&2
  npm ci --no-audit --no-fund --silent
fi
node compile.js
cd "$here/../.."
# One Go file per deployable contract (those with bytecode), all in package bindings.
for abi in deployments/contracts/build/*.abi; do
  name=$(basename "$abi" .abi)
  bin="deployments/contracts/build/$name.bin"
  [ -s "$bin" ] || continue
  out="deployments/contracts/bindings/$(echo "$name" | sed -E 's/([a-z0-9])([A-Z])/\1_\2/g' | tr 'A-Z' 'a-z').go"
  go tool abigen --abi "$abi" --bin "$bin" --pkg bindings --type "$name" --out "$out"
  echo "wrote $out" >&2
done
