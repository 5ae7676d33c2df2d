// Runs every www/tests/*.test.mjs in headless Chromium against dist/.
// A test file exports `tests`: an array of { name, run({ browser, baseUrl, newPage }) }.
// Each test gets fresh pages (own context, so localStorage starts empty).
// Prints one line per test and closes with "N passed, N failed".
// Usage: node www/tests/run.mjs [substring filter]
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, serve, launch } from './harness.mjs';

const filter = process.argv[2] || '';
const dir = path.join(ROOT, 'www/tests');
const files = readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort();
const { baseUrl, stop } = await serve();
const browser = await launch();
let passed = 0, failed = 0;
try {
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(dir, f)).href);
    for (const t of mod.tests || []) {
      const name = `${f.replace('.test.mjs', '')} › ${t.name}`;
      if (filter && !name.includes(filter)) continue;
      const contexts = [];
      const errors = [];
      const newPage = async (opts = {}) => {
        const ctx = await browser.newContext(opts);
        contexts.push(ctx);
        const page = await ctx.newPage();
        page.on('pageerror', (e) => errors.push(String(e)));
        return page;
      };
      const t0 = Date.now();
      try {
        await t.run({ browser, baseUrl, newPage, pageErrors: errors });
        passed++;
        console.log(`ok   ${name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${name}\n     ${String(e && e.stack || e).split('\n').slice(0, 6).join('\n     ')}`);
        if (errors.length) console.log(`     page errors: ${errors.join(' | ')}`);
      } finally {
        for (const c of contexts) await c.close().catch(() => {});
      }
    }
  }
} finally {
  await browser.close();
  stop();
}
console.log(`browser e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
