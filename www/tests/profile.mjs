// Start-up CPU profile (a diagnosis tool, not a test): node www/tests/profile.mjs [runs] [filter]
// Samples the page's main thread (DevTools Protocol Profiler, 100 µs) from
// navigation to the first annotated render of www/tests/timing/pizhu.html
// (timing.mjs's ~3,000-character article) and prints the functions by self
// and by total time, summed over the runs. Wasm functions have names only in
// a build with a name section: PIZHU_DIST=dir with a pizhu_bg.wasm made by
// `wasm-opt -g` (or WASM_OPT=0).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, serve, launch } from './harness.mjs';
import { article } from './timing-texts.mjs';

const RUNS = Number(process.argv[2] || 3);
const FILTER = process.argv[3] || '';

const site = mkdtempSync(path.join(os.tmpdir(), 'pizhu-profile-'));
cpSync(process.env.PIZHU_DIST || path.join(ROOT, 'dist'), site, { recursive: true });
cpSync(path.join(ROOT, 'www/tests/timing'), path.join(site, 'timing'), { recursive: true });
writeFileSync(path.join(site, 'timing/article-small.txt'), article(3000));

const self = new Map(), total = new Map();
const { baseUrl, stop } = await serve(site);
const browser = await launch();
try {
  for (let run = 0; run < RUNS; run++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(`${baseUrl}/timing/pizhu.html?size=small`);
    await page.waitForFunction(() => window.__timing && window.__timing.firstRender !== undefined, null, { timeout: 120000 });
    const { profile } = await cdp.send('Profiler.stop');
    await ctx.close();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
    const dt = new Map();
    profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) || 0) + (profile.timeDeltas[i + 1] || 0)));
    for (const [id, us] of dt) {
      const n = byId.get(id);
      const name = (n.callFrame.functionName || '(anon)') + (n.callFrame.url ? ' ' + n.callFrame.url.split('/').pop() : '');
      self.set(name, (self.get(name) || 0) + us);
      const seen = new Set();
      for (let p = id; p !== undefined; p = parent.get(p)) {
        const pn = byId.get(p);
        const nm = (pn.callFrame.functionName || '(anon)') + (pn.callFrame.url ? ' ' + pn.callFrame.url.split('/').pop() : '');
        if (seen.has(nm)) continue;
        seen.add(nm);
        total.set(nm, (total.get(nm) || 0) + us);
      }
    }
  }
} finally {
  await browser.close();
  stop();
  rmSync(site, { recursive: true, force: true });
}
const show = (m, n) => [...m].filter(([k]) => k.includes(FILTER)).sort((a, b) => b[1] - a[1]).slice(0, n)
  .map(([k, v]) => `${(v / 1000 / RUNS).toFixed(1).padStart(7)}  ${k.slice(0, 150)}`).join('\n');
console.log(`self time, ms per run (${RUNS} runs):\n${show(self, 40)}\n\ntotal time, ms per run:\n${show(total, 60)}`);
