// Start-up trace (a diagnosis tool, not a test): node www/tests/trace.mjs [runs] [out.json]
// Loads www/tests/timing/pizhu.html (3,000-character article) in headless
// Chromium with a DevTools Protocol trace running, and prints, from
// navigation to the first annotated render, the main thread's tasks longer
// than 3 ms and, inside them, the time by trace event (script, wasm compile,
// style, layout, paint, …), medians over the runs.
// PIZHU_DIST=dir traces that build instead of dist/. With out.json, the last
// run's raw trace is written there (open it in DevTools' Performance panel).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, serve, launch } from './harness.mjs';
import { article, baseText } from './timing-texts.mjs';

const RUNS = Number(process.argv[2] || 3);
const OUT = process.argv[3];

const site = mkdtempSync(path.join(os.tmpdir(), 'pizhu-trace-'));
cpSync(process.env.PIZHU_DIST || path.join(ROOT, 'dist'), site, { recursive: true });
cpSync(path.join(ROOT, 'www/tests/timing'), path.join(site, 'timing'), { recursive: true });
writeFileSync(path.join(site, 'timing/article-small.txt'), article(3000));
// PIZHU_EXTRA=dir adds that directory's files to the timing pages (page
// variants for experiments), PIZHU_PAGE=file?query traces another of them.
if (process.env.PIZHU_EXTRA) cpSync(process.env.PIZHU_EXTRA, path.join(site, 'timing'), { recursive: true });
// TRACE_SIZE=large: the 200,000-character article, then a paste of another
// one (timing.mjs's large case), tracing up to its render.
const LARGE = process.env.TRACE_SIZE === 'large';
const PAGE = process.env.PIZHU_PAGE || `pizhu.html?size=${LARGE ? 'large' : 'small'}`;
const PASTE = LARGE ? article(200000, baseText().reverse()) : null;
if (LARGE) writeFileSync(path.join(site, 'timing/article-large.txt'), article(200000));

const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing',
  'v8', 'v8.wasm', 'disabled-by-default-v8.compile', 'loading', 'toplevel', 'blink',
].join(',');

/** Per-run summary of one trace: tasks and time by event name. */
function summarize(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const pid = main.pid, tid = main.tid;
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === pid) ||
    events.find((e) => e.name === 'markAsMainFrame' || e.name === 'TracingStartedInBrowser');
  const t0 = nav ? nav.ts : 0;
  const on = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined);
  on.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const end = events.find((e) => e.name === 'pizhu:firstRender' || (e.cat === 'blink.user_timing' && e.name === 'firstRender'));
  const tEnd = end ? end.ts : Infinity;
  const tasks = on.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  // Self time by event name inside tasks (children subtracted), main thread only.
  const self = new Map();
  const stack = [];
  for (const e of on) {
    if (e.ts > tEnd) break;
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    // Thread (CPU) time, not wall time: on a loaded machine a descheduled
    // thread's wall time lands on whatever event happens to be open.
    const c = (x) => (x.tdur === undefined ? x.dur : x.tdur);
    if (parent) self.set(parent.name, (self.get(parent.name) || 0) - c(e));
    self.set(e.name, (self.get(e.name) || 0) + c(e));
    stack.push(e);
  }
  const long = tasks.filter((t) => (LARGE ? t.dur > 50000 : t.ts <= tEnd && t.dur > 3000)).map((t) => {
    // The biggest direct-ish contents of the task, by self time.
    const inner = new Map();
    const st = [];
    for (const e of on) {
      if (e.ts < t.ts || e.ts >= t.ts + t.dur || e === t) continue;
      while (st.length && st[st.length - 1].ts + st[st.length - 1].dur <= e.ts) st.pop();
      const p = st[st.length - 1];
      const c = (x) => (x.tdur === undefined ? x.dur : x.tdur);
      if (p) inner.set(p.name, (inner.get(p.name) || 0) - c(e));
      inner.set(e.name, (inner.get(e.name) || 0) + c(e));
      st.push(e);
    }
    const top = [...inner].filter(([, v]) => v > 1000).sort((a, b) => b[1] - a[1]).slice(0, 6)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`);
    return `  @${((t.ts - t0) / 1000).toFixed(0)} ${(t.dur / 1000).toFixed(0)} ms (CPU ${((t.tdur || 0) / 1000).toFixed(0)}): ${top.join(', ')}`;
  });
  const marks = events.filter((e) => e.cat === 'blink.user_timing' && e.pid === pid && (e.ph === 'R' || e.ph === 'I' || e.ph === 'b' || e.ph === 'n'))
    .map((e) => `${e.name}@${((e.ts - t0) / 1000).toFixed(0)}`);
  // CPU (thread) time up to the first render: the main thread's tasks, and
  // wasm compilation (lazy on the main thread, top tier on background threads).
  const cpu = (xs) => xs.reduce((a, e) => a + (e.tdur || 0), 0) / 1000;
  const upTo = (e) => e.ts <= tEnd;
  const mainCpu = cpu(tasks.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && upTo(e)));
  const all = events.filter((e) => e.pid === pid && e.ph === 'X' && upTo(e));
  const lazyCpu = cpu(all.filter((e) => e.name === 'wasm.CompileLazy'));
  const topCpu = cpu(all.filter((e) => e.name === 'wasm.TopTierCompilation'));
  return { long, self, marks, mainCpu, lazyCpu, topCpu };
}

const { baseUrl, stop } = await serve(site);
const browser = await launch();
try {
  const selfs = [];
  const cpus = [];
  for (let run = 0; run < RUNS; run++) {
    const ctx = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await ctx.newPage();
    await browser.startTracing(page, { categories: CATEGORIES.split(',') });
    await page.goto(`${baseUrl}/timing/${PAGE}`);
    await page.waitForFunction(() => window.__timing && window.__timing.firstRender !== undefined, null, { timeout: 120000 });
    if (PASTE) {
      // As timing.mjs does: paste another article of the same size into the paste area.
      await page.locator('pizhu-annotator [data-pizhu-input]').click();
      await page.evaluate((t) => navigator.clipboard.writeText(t), PASTE);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Control+V');
      await page.waitForFunction(() => window.__timing.pasteRendered !== undefined, null, { timeout: 120000 });
      await page.waitForTimeout(300);
    }
    const timing = await page.evaluate(() => {
      performance.mark('firstRender', { startTime: window.__timing.firstRender });
      return window.__timing;
    });
    await page.waitForTimeout(100);
    const buf = await browser.stopTracing();
    await ctx.close();
    if (OUT && run === RUNS - 1) writeFileSync(OUT, buf);
    const { traceEvents } = JSON.parse(buf.toString());
    const s = summarize(traceEvents);
    selfs.push(s.self);
    const ms = ['scriptStart', 'textFetched', 'initDone', 'appended', 'firstPaint', 'firstRender'].map((k) => `${k} ${timing[k].toFixed(0)}`);
    console.log(`run ${run + 1}: ${ms.join(' → ')}; init ${timing.init.toFixed(0)}; CPU ms to first render: main thread ${s.mainCpu.toFixed(0)}, wasm lazy compile ${s.lazyCpu.toFixed(0)}, top-tier compile ${s.topCpu.toFixed(0)}`);
    cpus.push([s.mainCpu, s.lazyCpu, s.topCpu]);
    if (process.env.TASKS) console.log(s.long.join('\n'));
  }
  // Median self time by event name up to the first render, biggest first.
  const names = new Set(selfs.flatMap((s) => [...s.keys()]));
  const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows = [...names].map((n) => [n, med(selfs.map((s) => s.get(n) || 0))]).filter(([, v]) => v > 2000).sort((a, b) => b[1] - a[1]);
  const mc = (i) => med(cpus.map((c) => c[i])).toFixed(0);
  console.log(`median CPU ms to first render: main thread ${mc(0)}, wasm lazy compile ${mc(1)}, top-tier compile ${mc(2)}`);
  console.log('main-thread self CPU time to first render (median ms): ' + rows.map(([n, v]) => `${n} ${(v / 1000).toFixed(1)}`).join(', '));
} finally {
  await browser.close();
  stop();
  rmSync(site, { recursive: true, force: true });
}
