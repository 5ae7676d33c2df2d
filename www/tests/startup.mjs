// Start-up A/B (a measurement, not a test): node www/tests/startup.mjs RUNS DIST_A [DIST_B …]
// Loads www/tests/timing/pizhu.html (the ~3,000-character article of
// timing.mjs) from each build in turn, alternating run by run so a shared,
// noisy machine loads them alike, and prints per build the medians of the
// start-up milestones (ms from navigation start) and of module start → first
// annotated render, the bar of issue #4 (≤ 200 ms).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, serve, launch } from './harness.mjs';
import { article } from './timing-texts.mjs';

const RUNS = Number(process.argv[2] || 5);
const DISTS = process.argv.slice(3);
if (!DISTS.length) DISTS.push(path.join(ROOT, 'dist'));

const text = article(3000);
const sites = DISTS.map((d) => {
  const site = mkdtempSync(path.join(os.tmpdir(), 'pizhu-startup-'));
  cpSync(d, site, { recursive: true });
  cpSync(path.join(ROOT, 'www/tests/timing'), path.join(site, 'timing'), { recursive: true });
  writeFileSync(path.join(site, 'timing/article-small.txt'), text);
  return site;
});
const servers = await Promise.all(sites.map((s) => serve(s)));
const browser = await launch();
const KEYS = ['scriptStart', 'initDone', 'appended', 'firstPaint', 'marksPainted', 'firstRender'];
const results = DISTS.map(() => []);
try {
  for (let run = 0; run < RUNS; run++) {
    for (let i = 0; i < DISTS.length; i++) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.goto(`${servers[i].baseUrl}/timing/pizhu.html?size=small`);
      await page.waitForFunction(() => window.__timing && window.__timing.firstRender !== undefined, null, { timeout: 120000 });
      await page.waitForTimeout(300);
      const t = await page.evaluate(() => {
        // The first of each of the widget's measures (pizhu:…), as start+duration.
        const phases = {};
        for (const m of performance.getEntriesByType('measure')) {
          if (m.name.startsWith('pizhu:') && !phases[m.name]) phases[m.name] = [m.startTime, m.duration];
        }
        return { ...window.__timing, phases, longest: Math.max(0, ...window.__timing.longtasks) };
      });
      results[i].push(t);
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  servers.forEach((s) => s.stop());
  sites.forEach((s) => rmSync(s, { recursive: true, force: true }));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`start-up, medians of ${RUNS} alternating runs (ms); load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
DISTS.forEach((d, i) => {
  const r = results[i];
  const m = (f) => median(r.map(f)).toFixed(0);
  console.log(`${d}: ` + KEYS.map((k) => `${k} ${m((x) => x[k])}`).join(' → ') +
    ` | start→render ${m((x) => x.firstRender - x.scriptStart)} (runs ${r.map((x) => (x.firstRender - x.scriptStart).toFixed(0)).join(' ')})` +
    ` | start→marks painted ${m((x) => x.marksPainted - x.scriptStart)}` +
    ` | start→first contentful paint ${m((x) => x.fcp - x.scriptStart)} (runs ${r.map((x) => (x.fcp - x.scriptStart).toFixed(0)).join(' ')}; ` +
    `${r.filter((x) => x.markInserted < x.fcp).length}/${r.length} with highlights)` +
    ` | init ${m((x) => x.init)} | longest task ${m((x) => x.longest)}`);
  const names = [...new Set(r.flatMap((x) => Object.keys(x.phases)))];
  const ph = (n, k) => median(r.map((x) => (x.phases[n] ? x.phases[n][k] : NaN)).filter((v) => !Number.isNaN(v)));
  console.log('  phases (start, duration): ' + names.map((n) => `${n.slice(6)} @${ph(n, 0).toFixed(0)} ${ph(n, 1).toFixed(1)}`).join(', '));
});
