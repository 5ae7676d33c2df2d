#!/usr/bin/env bash
# Prints raw, gzip (-9) and brotli (quality 11) sizes of the widget download.
# Usage: scripts/size-report.sh [DIST_DIR | FILE...]   (default: dist/pizhu.js dist/pizhu_bg.wasm)
# Needs only node (its built-in zlib has gzip and brotli); nothing is downloaded.
set -euo pipefail
if [ $# -eq 0 ]; then set -- dist; fi
if [ $# -eq 1 ] && [ -d "$1" ]; then set -- "$1/pizhu.js" "$1/pizhu_bg.wasm"; fi
for f in "$@"; do
  [ -f "$f" ] || { echo "size-report: no such file: $f" >&2; exit 1; }
done
node - "$@" <<'JS'
const fs = require('fs');
const zlib = require('zlib');
const files = process.argv.slice(2);
const kb = (n) => (n / 1024).toFixed(1).padStart(9) + ' KiB';
const row = (name, r, g, b) => console.log(name.padEnd(28) + kb(r) + kb(g) + kb(b));
console.log('file'.padEnd(28) + 'raw'.padStart(13) + 'gzip -9'.padStart(13) + 'brotli 11'.padStart(13));
let tr = 0, tg = 0, tb = 0;
for (const f of files) {
  const buf = fs.readFileSync(f);
  const g = zlib.gzipSync(buf, { level: 9 }).length;
  const b = zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
  row(require('path').basename(f), buf.length, g, b);
  tr += buf.length; tg += g; tb += b;
}
row('total', tr, tg, tb);
const budget = 1_500_000; // 1.5 MB, decimal: the stricter reading
console.log(`brotli total ${tb} bytes: ${tb <= budget ? 'within' : 'OVER'} the 1.5 MB budget (${(100 * tb / budget).toFixed(0)}%)`);
JS
