#!/bin/sh
# Everything the build and the tests need on a fresh Debian machine that has
# Rust and Node. Each step is skipped when it is already done, so `npm start`
# and `npm test` can run it every time.
#
#   sh scripts/setup.sh            build tools
#   sh scripts/setup.sh --browser  and Chromium and a Chinese font, for the page tests
set -eu
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}
apt_updated=no
apt_install() {
  if [ $apt_updated = no ]; then
    as_root apt-get update -qq >/dev/null
    apt_updated=yes
  fi
  echo "setup: installing $* (apt)"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# The CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
want=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}') || have=none
if [ "$want" != "$have" ]; then
  echo "setup: installing wasm-bindgen-cli $want (takes a few minutes, once)"
  cargo install wasm-bindgen-cli --version "=$want"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || apt_install chromium
  # The page tests keep screenshots; without a Chinese font they show boxes.
  [ -n "$(fc-list :lang=zh 2>/dev/null)" ] || apt_install fonts-wqy-microhei
fi
