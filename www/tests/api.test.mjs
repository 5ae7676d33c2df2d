// The JS API of dist/pizhu.js in a real browser: annotate() offsets are
// UTF-16 exact (emoji, CJK Extension B, lone surrogates), bad arguments
// throw Errors (no wasm trap), toWebAnnotation() counts code points.
import { assert, assertEq } from './harness.mjs';

// Team-written fictional sentences with astral characters before the names.
const ASTRAL = '😀🎉青川客车集团有限公司董事长韩启明称，𠀀𪚥电池成本下降约20%。'
  + '他说：“明年我们还将新建一条年产5000辆的生产线。”交通运输局局长周文博表示，补贴累计4.3亿元。';

/** Loads the module on a blank page of the site and returns the page. */
async function modulePage(baseUrl, newPage) {
  const page = await newPage();
  await page.goto(baseUrl + '/embed/?manual');
  await page.evaluate(async () => { window.pizhu = await import('/pizhu.js'); await window.pizhu.default(); });
  return page;
}

/** Every span of an annotation: [label, {text,start,end}]. */
function spansOf(ann) {
  const out = [];
  for (const e of ann.entities) out.push(['entity ' + e.kind, e]);
  for (const q of ann.quotes) out.push(['quote', q]);
  for (const s of ann.statements) { out.push(['statement', s]); if (s.cue) out.push(['cue', s.cue]); }
  for (const sp of ann.speakers) for (const m of sp.mentions) out.push(['mention', m]);
  return out;
}

export const tests = [
  {
    name: 'annotate() spans slice back exactly after emoji and CJK Ext-B',
    async run({ baseUrl, newPage }) {
      const page = await modulePage(baseUrl, newPage);
      const ann = await page.evaluate((t) => window.pizhu.annotate(t), ASTRAL);
      assertEq(ann.version, 1, 'version');
      assertEq(ann.length, ASTRAL.length, 'length in UTF-16 units');
      const spans = spansOf(ann);
      assert(spans.length >= 3, `engine found at least 3 spans (found ${spans.length})`);
      assert(ann.entities.some((e) => e.start > 6), 'some entity lies after the astral characters');
      for (const [label, s] of spans) {
        assertEq(ASTRAL.slice(s.start, s.end), s.text, `${label} ${s.start}..${s.end}`);
      }
    },
  },
  {
    name: 'annotate() keeps offsets consistent on lone surrogates (replaced by U+FFFD in text fields)',
    async run({ baseUrl, newPage }) {
      const page = await modulePage(baseUrl, newPage);
      const text = '\uD800周文博说：“每一辆车\uDC00都要路测。”\uDBFF青川客车集团董事长韩启明称成本下降20%。';
      const ann = await page.evaluate((t) => window.pizhu.annotate(t), text);
      assertEq(ann.length, text.length, 'length counts each lone surrogate as one unit');
      for (const [label, s] of spansOf(ann)) {
        assertEq(text.slice(s.start, s.end).toWellFormed(), s.text, `${label} ${s.start}..${s.end}`);
      }
      const quote = ann.quotes.find((q) => q.text.includes('路测'));
      assert(quote, 'the quotation spanning a lone surrogate is found');
      assert(quote.text.includes('\uFFFD'), 'the lone surrogate reads as U+FFFD in the text field');
    },
  },
  {
    name: 'annotate() with bad arguments throws Error with a message, and the module keeps working',
    async run({ baseUrl, newPage }) {
      const page = await modulePage(baseUrl, newPage);
      const results = await page.evaluate(() => {
        const calls = [
          () => window.pizhu.annotate(42),
          () => window.pizhu.annotate(),
          () => window.pizhu.annotate(null),
          () => window.pizhu.annotate('韩启明说', 5),
          () => window.pizhu.annotate('韩启明说', { kinds: ['bogus'] }),
          () => window.pizhu.annotate('韩启明说', { kinds: 'person' === 1 }),
        ];
        return calls.map((f) => {
          try { f(); return { threw: false }; } catch (e) {
            return { threw: true, isError: e instanceof Error, message: String(e.message) };
          }
        });
      });
      results.forEach((r, i) => {
        assert(r.threw, `call ${i} throws`);
        assert(r.isError, `call ${i} throws an Error instance`);
        assert(r.message.startsWith('pizhu.annotate'), `call ${i} message names the function: ${r.message}`);
        assert(!/unreachable|RuntimeError/.test(r.message), `call ${i} is no wasm trap: ${r.message}`);
      });
      const after = await page.evaluate(() => window.pizhu.annotate('周文博说，补贴累计4.3亿元。').length);
      assertEq(after, '周文博说，补贴累计4.3亿元。'.length, 'annotate works after errors');
    },
  },
  {
    name: 'annotate() kinds option keeps only those entity kinds',
    async run({ baseUrl, newPage }) {
      const page = await modulePage(baseUrl, newPage);
      const [all, people] = await page.evaluate((t) => [
        window.pizhu.annotate(t), window.pizhu.annotate(t, { kinds: ['person'] }),
      ], ASTRAL);
      assert(all.entities.some((e) => e.kind !== 'person'), 'unfiltered has other kinds');
      assert(people.entities.length > 0, 'some person found');
      assert(people.entities.every((e) => e.kind === 'person'), 'filtered has only persons');
    },
  },
  {
    name: 'toWebAnnotation() emits TextQuote + TextPosition selectors in code points',
    async run({ baseUrl, newPage }) {
      const page = await modulePage(baseUrl, newPage);
      const { ann, wa, err, bad } = await page.evaluate((t) => {
        const ann = window.pizhu.annotate(t);
        const wa = window.pizhu.toWebAnnotation(ann, { source: 'https://news.example/a/1', text: t });
        let err = null;
        try { window.pizhu.toWebAnnotation(ann, { source: 'x', text: t + '多' }); } catch (e) { err = e.message; }
        const bad = [];
        const forged = structuredClone(ann);
        forged.entities[0].end = forged.length + 5;
        for (const f of [
          () => window.pizhu.toWebAnnotation(forged, { source: 'x', text: t }),
          () => window.pizhu.toWebAnnotation({ version: 1 }, { source: 'x', text: t }),
          () => window.pizhu.toWebAnnotation(ann, { text: t }),
        ]) { try { f(); bad.push('no throw'); } catch (e) { bad.push(e instanceof Error ? e.message : 'non-Error'); } }
        window.pizhu.annotate('周文博说。'); // still alive
        return { ann, wa, err, bad };
      }, ASTRAL);
      assertEq(wa['@context'], 'http://www.w3.org/ns/anno.jsonld', '@context');
      assertEq(wa.type, 'AnnotationCollection', 'type');
      const items = wa.first.items;
      assertEq(items.length, ann.entities.length + ann.statements.length, 'one annotation per entity and statement');
      assert(items.length > 0, 'some annotations');
      const cps = [...ASTRAL];
      for (const item of items) {
        assertEq(item.type, 'Annotation', 'item type');
        assertEq(item.target.source, 'https://news.example/a/1', 'target source');
        const q = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
        const p = item.target.selector.find((s) => s.type === 'TextPositionSelector');
        assertEq(cps.slice(p.start, p.end).join(''), q.exact, 'position selector (code points) selects exact');
        assertEq(cps.slice(Math.max(0, p.start - [...q.prefix].length), p.start).join(''), q.prefix, 'prefix precedes');
        assert(ASTRAL.includes(q.prefix + q.exact + q.suffix), 'prefix+exact+suffix occurs in the text');
      }
      const e = ann.entities.find((x) => x.start > 6);
      const item = items.find((i) => i.target.selector[0].exact === e.text);
      assertEq(item.target.selector[1].start, [...ASTRAL.slice(0, e.start)].length, 'code-point start counts each astral char once');
      assert(item.target.selector[1].start < e.start, 'code-point start differs from the UTF-16 start');
      assert(err && err.includes('UTF-16 units long'), `mismatched text is rejected: ${err}`);
      for (const m of bad) assert(m.startsWith('pizhu.toWebAnnotation'), `bad input is a clear Error: ${m}`);
    },
  },
];

// The TypeScript declarations an integrator's editor sees.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

tests.push({
  name: 'pizhu.d.ts declares the typed API (options optional, plain-object types)',
  async run() {
    const dts = readFileSync(path.join(ROOT, 'dist/pizhu.d.ts'), 'utf8');
    for (const want of [
      'export function annotate(text: string, options?: AnnotateOptions | null): Annotation;',
      'export function highlight(element: Element, options?: HighlightOptions | null): HighlightHandle;',
      'export function toWebAnnotation(annotation: Annotation, options: WebAnnotationOptions): WebAnnotationCollection;',
      'showPanel(options?: PanelOptions | null): void;',
      'readonly annotation: Annotation;',
      'export interface Annotation {', 'export interface HighlightOptions {', 'export interface AnnotateOptions {',
    ]) assert(dts.includes(want), `pizhu.d.ts has: ${want}`);
    assert(!/export function start\(/.test(dts), 'the start hook is not part of the API');
  },
});
