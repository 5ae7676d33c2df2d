#!/usr/bin/env bash
# Builds the one wasm module that every page uses, into dist/:
#   dist/pizhu.js + dist/pizhu_bg.wasm (+ pizhu.d.ts)  the ES module integrators embed
#   dist/index.html, dist/*.js, dist/*.css, dist/embed/ the standalone page and demos
# cargo → wasm-bindgen (--target web) → wasm-opt. No trunk: three plain steps
# are as fast and need no extra tool pinned.
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILE=${PROFILE:-wasm-release}
OUT=${OUT:-dist}

cargo build --lib --target wasm32-unknown-unknown --profile "$PROFILE"
rm -rf "$OUT.tmp" && mkdir -p "$OUT.tmp"
wasm-bindgen --target web --out-dir "$OUT.tmp" --out-name pizhu \
  "target/wasm32-unknown-unknown/$PROFILE/pizhu.wasm"
if [ "${WASM_OPT:-1}" = 1 ]; then
  # -Oz: smallest; the engine's hot loops are unaffected in practice (see BENCHMARKS.md).
  # Features come from the target_features section rustc writes (kept: no `strip`).
  node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers --strip-target-features \
    "$OUT.tmp/pizhu_bg.wasm" -o "$OUT.tmp/pizhu_bg.opt.wasm"
  mv "$OUT.tmp/pizhu_bg.opt.wasm" "$OUT.tmp/pizhu_bg.wasm"
fi
# The pages and assets an integrator uses, next to the module.
cp index.html "$OUT.tmp/"
if [ -d www/public ]; then cp -r www/public/. "$OUT.tmp/"; fi
rm -rf "$OUT" && mv "$OUT.tmp" "$OUT"
ls -l "$OUT"/pizhu.js "$OUT"/pizhu_bg.wasm | awk '{print "[build-web]", $5, $9}'
