#!/usr/bin/env bash
# Regenerates the Go bindings of the reference contracts:
#   solcjs (pinned in package.json) -> build/combined.json -> abigen -> bindings/bindings.go
# and of Raiden's vendored contracts (raiden/, solc pinned in raiden/package.json):
#   raiden/compile.js -> build/raiden/*.{abi,bin} -> abigen -> bindings/raiden/*.go
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

# Raiden's TokenNetwork, SecretRegistry and test token, compiled with the solc
# raiden-contracts pins, in package raidenbindings. Only the contracts we deploy.
cd "$here/raiden"
if [ ! -d node_modules/solc ]; then
  echo "installing Raiden's pinned solc with npm ci..." >&2
  npm ci --no-audit --no-fund --silent
fi
node compile.js
cd "$here/../.."
mkdir -p deployments/contracts/bindings/raiden
for name in TokenNetwork SecretRegistry CustomToken; do
  alias=()
  # CustomToken has both a public `_decimals` variable and `decimals()`.
  [ "$name" = CustomToken ] && alias=(--alias _decimals=StoredDecimals)
  out="deployments/contracts/bindings/raiden/$(echo "$name" | sed -E 's/([a-z0-9])([A-Z])/\1_\2/g' | tr 'A-Z' 'a-z').go"
  go tool abigen --abi "deployments/contracts/build/raiden/$name.abi" --bin "deployments/contracts/build/raiden/$name.bin" \
    --pkg raidenbindings --type "$name" --out "$out" "${alias[@]}"
  echo "wrote $out" >&2
done
