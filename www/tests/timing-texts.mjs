// The measured articles of the timing tools (timing.mjs, trace.mjs,
// profile.mjs, startup.mjs): the demo's team-written fictional paragraphs,
// repeated to a size, so every tool measures the same text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

/** The team-written fictional articles of the demo, as plain paragraphs. */
export function baseText() {
  const html = readFileSync(path.join(ROOT, 'www/public/embed/index.html'), 'utf8');
  const story = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
  const paras = [...story.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
  const brief = readFileSync(path.join(ROOT, 'www/public/embed/brief.txt'), 'utf8').trim().split(/\n+/);
  return [...paras, ...brief];
}

/** Repeats whole paragraphs until the text reaches `min` characters. */
export function article(min, paras = baseText()) {
  const out = [];
  let n = 0;
  for (let i = 0; n < min; i++) {
    const p = paras[i % paras.length];
    out.push(p);
    n += p.length + 1;
  }
  return out.join('\n');
}
