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

# Less inlining by LLVM in the wasm build (native builds are unaffected):
# with the default, functions called once were folded into their callers
# whole, making the engine's stage functions 15-20 KB of wasm each. They run
# hot loops on the first annotate, so V8 tiers them up to TurboFan during
# start-up, and TurboFan takes ~100-200 ms per such function: 0.5-1.4 s of
# background compile (13 functions) competing with the page's main thread
# on a 2-core machine. With the threshold a function called once is still
# inlined when small (LLVM cost < ~1,000), and `#[inline]` ones as before;
# TurboFan then compiles 10 small hot functions in ~55 ms, and start-up
# (module start → first annotated render, 3,000 characters) went 595 → 488
# ms (medians of 7, load ~4.5). The engine's steady state in wasm is ~10%
# slower (V8 inlines small hot callees itself in TurboFan code).
export RUSTFLAGS="${RUSTFLAGS:-} -C llvm-args=-inline-threshold=-14000"
cargo build --lib --target wasm32-unknown-unknown --profile "$PROFILE"
rm -rf "$OUT.tmp" && mkdir -p "$OUT.tmp"
wasm-bindgen --target web --out-dir "$OUT.tmp" --out-name pizhu \
  "target/wasm32-unknown-unknown/$PROFILE/pizhu.wasm"
if [ "${WASM_OPT:-1}" = 1 ]; then
  # -Oz: smallest; the engine's hot loops are unaffected in practice (see BENCHMARKS.md).
  # Features come from the target_features section rustc writes (kept: no `strip`).
  # -ocimfs: a function with one caller is inlined only if small. By default
  # binaryen inlines every such function, which fused the whole engine
  # pipeline into one 90 KB function (and the widget's view into one of
  # 26 KB): V8 compiles a function whole, so the first annotate waited for
  # all of it, and its tier-up to TurboFan took ~250 ms of CPU during
  # start-up on this 2-core machine. With the cap no function exceeds 22 KB,
  # and the download is ~8 KB smaller.
  # WASM_NAMES=1 keeps the name section (profiles show function names).
  names=--strip-debug
  if [ "${WASM_NAMES:-0}" = 1 ]; then names="-g --strip-dwarf"; fi
  node_modules/.bin/wasm-opt -Oz --one-caller-inline-max-function-size=200 $names \
    --strip-producers --strip-target-features \
    "$OUT.tmp/pizhu_bg.wasm" -o "$OUT.tmp/pizhu_bg.opt.wasm"
  mv "$OUT.tmp/pizhu_bg.opt.wasm" "$OUT.tmp/pizhu_bg.wasm"
fi
# The pages and assets an integrator uses, next to the module.
cp index.html "$OUT.tmp/"
if [ -d www/public ]; then cp -r www/public/. "$OUT.tmp/"; fi
rm -rf "$OUT" && mv "$OUT.tmp" "$OUT"
ls -l "$OUT"/pizhu.js "$OUT"/pizhu_bg.wasm | awk '{print "[build-web]", $5, $9}'
