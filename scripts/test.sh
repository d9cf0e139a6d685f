#!/bin/sh
# Every test, in layers, cheapest first. `npm test` runs setup, then this.
set -eu
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "format";             cargo fmt --check
step "clippy (native)";    cargo clippy --all-targets -- -D warnings
step "clippy (wasm32)";    cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
step "Rust tests";         cargo test
step "build";              node scripts/build.mjs
step "wasm under Node";    node --test tests/js/
# The package as users get it: packed once here, installed by each test
# into a fresh temporary project.
step "npm package"
pack=$(mktemp -d)
trap 'rm -rf "$pack"' EXIT
npm pack --silent --pack-destination "$pack" >/dev/null
MUBIAO_TARBALL=$(ls "$pack"/mubiao-*.tgz) node --test tests/pack/
step "page in Chromium";   node --test tests/e2e/
step "fuzz (${FUZZ_SECONDS:-60} s)"; sh scripts/fuzz.sh
