// Browser test harness: serves dist/ on loopback, drives Debian's Chromium
// through playwright-core (never downloads a browser), and gives each test a
// fresh page. Used by run.mjs (tests) and timing.mjs (measurements).
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHOTS = path.join(ROOT, 'www/tests/screenshots');

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts scripts/serve.py on dist/; resolves to { baseUrl, stop }. */
export async function serve(dir = path.join(ROOT, 'dist')) {
  const port = await freePort();
  const proc = spawn('python3', [path.join(ROOT, 'scripts/serve.py'), '--port', String(port), '--dir', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(baseUrl + '/');
      if (r.ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { baseUrl, stop: () => proc.kill() };
}

/** Launches headless Debian Chromium with the flags this closed network needs. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
}

/** Saves a screenshot of `page` as www/tests/screenshots/NAME.png and returns its path. */
export async function screenshot(page, name, opts = {}) {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false, ...opts });
  return file;
}

/** Throws with `msg` unless `cond`. */
export function assert(cond, msg) {
  if (!cond) throw new Error(`assertion failed: ${msg}`);
}

/** Throws unless `a` and `b` are equal (JSON comparison), naming both. */
export function assertEq(a, b, msg) {
  const ja = JSON.stringify(a), jb = JSON.stringify(b);
  if (ja !== jb) throw new Error(`${msg}: expected ${jb}, got ${ja}`);
}
