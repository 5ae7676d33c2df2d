// Browser timing (a measurement, not a test): node www/tests/timing.mjs [runs] [small|large]
// (PIZHU_DIST=path/to/dist measures that build instead of dist/.)
// For a ~3,000-character and a ~200,000-character article (team-written
// fictional text, repeated), in headless Chromium, medians of N runs (5):
//   nav → render   navigation start → first annotated render of <pizhu-annotator>
//   paste → render Ctrl+V into the widget's paste area → re-annotated render
//                  (includes the widget's input debounce)
//   longest task   longest main-thread task (PerformanceObserver 'longtask')
//   key→paint, key→render, typing longest   one character typed after the paste
//   init           performance.now() around pizhu's init()
//   1st / 2nd annotate  annotate(text) on the main thread (1st builds the engine)
// and, side by side in the same browser, jieba-wasm@2.4.0's init() and its
// first and second cut() of the same text. Prints the machine too.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, serve, launch } from './harness.mjs';
import { article, baseText } from './timing-texts.mjs';

const RUNS = Number(process.argv[2] || 5);
const SIZES = process.argv[3] ? [process.argv[3]] : ['small', 'large'];

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

// A throwaway copy of dist/ with the timing pages, texts and jieba-wasm.
const site = mkdtempSync(path.join(os.tmpdir(), 'pizhu-timing-'));
// PIZHU_DIST=dir measures another build (e.g. a copy of an earlier dist/, side by side).
cpSync(process.env.PIZHU_DIST || path.join(ROOT, 'dist'), site, { recursive: true });
cpSync(path.join(ROOT, 'www/tests/timing'), path.join(site, 'timing'), { recursive: true });
cpSync(path.join(ROOT, 'node_modules/jieba-wasm/pkg/web'), path.join(site, 'timing/jieba'), { recursive: true });
const paras = baseText();
const texts = { small: article(3000, paras), large: article(200000, paras) };
// The paste replaces the article with a different text of the same size.
const pastes = { small: article(3000, [...paras].reverse()), large: article(200000, [...paras].reverse()) };
for (const [k, v] of Object.entries(texts)) writeFileSync(path.join(site, `timing/article-${k}.txt`), v);

const { baseUrl, stop } = await serve(site);
const browser = await launch();
const rows = [];
const starts = [];
try {
  for (const size of SIZES) {
    const pizhu = [], jieba = [];
    for (let run = 0; run < RUNS; run++) {
      const ctx = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await ctx.newPage();
      await page.goto(`${baseUrl}/timing/pizhu.html?size=${size}`);
      await page.waitForFunction(() => window.__timing && window.__timing.firstRender !== undefined, null, { timeout: 120000 });
      // Paste a different article of the same size, as a user would.
      // The paste area: a <textarea>, or the long-draft editor (both carry data-pizhu-input).
      const area = page.locator('pizhu-annotator [data-pizhu-input]');
      await area.click();
      await page.evaluate((t) => navigator.clipboard.writeText(t), pastes[size]);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Control+V');
      await page.waitForFunction(() => window.__timing.pasteRendered !== undefined, null, { timeout: 120000 });
      // Long tasks of load + paste only: read before the main-thread annotate runs.
      await page.waitForTimeout(200);
      const longest = await page.evaluate(() => Math.max(0, ...window.__timing.longtasks));
      const during = await page.evaluate(() => window.__longestDuring(window.__timing.longtasks.length));
      // Type one character at the end, wait for its re-annotated paint.
      await area.press('End');
      await page.keyboard.type('。');
      await page.waitForFunction(() => window.__timing.typeRendered !== undefined, null, { timeout: 120000 });
      await page.waitForTimeout(200);
      const typeLongest = await page.evaluate(() => Math.max(0, ...window.__timing.longtasks.slice(window.__timing.typeLongFrom)));
      await page.evaluate(() => window.__measureAnnotate());
      const t = await page.evaluate(() => window.__timing);
      pizhu.push({ ...t, longest, typeLongest, during });
      await ctx.close();

      const ctx2 = await browser.newContext();
      const page2 = await ctx2.newPage();
      await page2.goto(`${baseUrl}/timing/jieba.html?size=${size}`);
      await page2.waitForFunction(() => window.__timing && window.__timing.done, null, { timeout: 120000 });
      jieba.push(await page2.evaluate(() => window.__timing));
      await ctx2.close();
    }
    const m = (k, xs = pizhu) => median(xs.map((x) => x[k]));
    // Where start-up time goes (ms from navigation start, medians).
    const ms = ['scriptStart', 'textFetched', 'initDone', 'appended', 'firstPaint', 'marksPainted', 'firstRender'].map((k) => `${k} ${m(k).toFixed(0)}`);
    starts.push(`${size}: ${ms.join(' → ')}`);
    // What the longest task of load + paste overlapped, in each run.
    starts.push(`${size}, longest task of each run (ms) and the widget phases it overlapped: ` +
      pizhu.map((x) => `${x.longest.toFixed(0)} [${x.during.join(', ')}]`).join('; '));
    // The widget's phases before its first annotated render (start@ms, duration).
    const names = [...new Set(pizhu.flatMap((x) => Object.keys(x.phases || {})))];
    const phase = (n, k) => median(pizhu.map((x) => x.phases && x.phases[n] && x.phases[n][k]));
    if (names.length) {
      starts.push(`${size}, widget phases (start → duration): ` +
        names.map((n) => `${n.slice(6)} ${phase(n, 'start').toFixed(0)} → ${phase(n, 'duration').toFixed(1)}`).join(', '));
    }
    rows.push({
      article: `${size} (${texts[size].length.toLocaleString('en')} chars)`,
      'nav→render': m('firstRender'),
      'paste→render': m('pasteRendered'),
      'longest task': m('longest'),
      'key→paint': m('typed'),
      'key→render': m('typeRendered'),
      'typing longest': m('typeLongest'),
      'pizhu init': m('init'),
      '1st annotate': m('firstAnnotate'),
      '2nd annotate': m('secondAnnotate'),
      'jieba init': m('init', jieba),
      'jieba 1st cut': m('firstCut', jieba),
      'jieba 2nd cut': m('secondCut', jieba),
    });
  }
} finally {
  await browser.close();
  stop();
  rmSync(site, { recursive: true, force: true });
}

const cpus = os.cpus();
console.log(`pizhu browser timing: medians of ${RUNS} runs, ms; headless Chromium ${browser.version()}`);
console.log(`machine: ${cpus[0].model}, ${cpus.length} cores, ${os.platform()} ${os.arch()}, node ${process.version}`);
const cols = Object.keys(rows[0]);
const cell = (v) => (typeof v === 'number' ? (Number.isNaN(v) ? '—' : v.toFixed(1)) : String(v));
const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
const line = (vals) => '| ' + vals.map((v, i) => (i ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ') + ' |';
console.log(line(cols));
console.log('|' + widths.map((w, i) => (i ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|');
for (const r of rows) console.log(line(cols.map((c) => cell(r[c]))));
for (const l of starts) console.log('start-up, ' + l);
console.log('nav→render: navigation start → first annotated paint of <pizhu-annotator editable> (annotated in its worker).');
console.log('paste→render: Ctrl+V in the paste area → re-annotated paint, including the widget\'s input debounce.');
console.log('longest task: longest main-thread task seen by PerformanceObserver("longtask") over load + paste.');
console.log('key→paint / key→render: one character typed at the end of the pasted text → next paint / re-annotated paint (incl. debounce).');
console.log('typing longest: longest main-thread task from that keystroke to its re-annotated paint.');
