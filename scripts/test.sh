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
step "npm package";        node --test tests/pack/
step "page in Chromium";   node --test tests/e2e/
step "fuzz (${FUZZ_SECONDS:-60} s)"; sh scripts/fuzz.sh
