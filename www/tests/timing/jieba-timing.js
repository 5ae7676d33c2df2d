// jieba-wasm's web build, timed the same way as pizhu (timing.mjs copies
// the package's pkg/web files to ./jieba/). Results in window.__timing.
import init, { cut } from './jieba/jieba_rs_wasm.js';

const size = new URLSearchParams(location.search).get('size');
const timing = (window.__timing = {});
const text = await (await fetch(`article-${size}.txt`)).text();
let t = performance.now();
await init();
timing.init = performance.now() - t;
t = performance.now();
cut(text, true); // the first call builds jieba's dictionary
timing.firstCut = performance.now() - t;
t = performance.now();
cut(text, true);
timing.secondCut = performance.now() - t;
timing.done = true;
