#!/bin/sh
# Fuzzes the whole analysis (fuzz/fuzz_targets/analyze.rs), starting from the
# seed articles. `npm test` runs it for a minute; run it longer by hand:
#
#   FUZZ_SECONDS=3600 sh scripts/fuzz.sh
#
# A crash leaves its input in fuzz/artifacts/analyze/; turn it into a named
# test in tests/regressions.rs before fixing it.
set -eu
cd "$(dirname "$0")/.."

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version "=0.13.2"

corpus=fuzz/corpus/analyze
mkdir -p "$corpus"
cp www/samples/*.txt "$corpus"/

# cargo-fuzz asks for nightly flags only for sanitizers; without one, the
# stable toolchain builds libFuzzer's coverage instrumentation fine.
export RUSTC_BOOTSTRAP=1
log=fuzz/last-run.log
mkdir -p fuzz
if ! cargo fuzz run --sanitizer none -O analyze "$corpus" -- \
  -max_total_time="${FUZZ_SECONDS:-60}" -max_len=20000 >"$log" 2>&1; then
  tail -n 60 "$log" >&2
  echo "fuzz: failed (see $log); a crashing input is in fuzz/artifacts/analyze/ — make it a test in tests/regressions.rs" >&2
  exit 1
fi
grep -E '^Done [0-9]+ runs' "$log"
