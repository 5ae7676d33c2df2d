// The example CMS page (dist/embed/): <pizhu-annotator> is sealed in its
// shadow root, highlight() never changes the article's text and dispose()
// restores it exactly, events fire, elements are independent, the
// strict-CSP variant runs without violations.
import { assert, assertEq, screenshot } from './harness.mjs';

/** Records pizhu:annotated events and CSP violations from the first script on. */
function recordEvents() {
  window.__pizhuEvents = [];
  window.__cspViolations = [];
  document.addEventListener('pizhu:annotated', (e) => {
    window.__pizhuEvents.push({ id: e.target.id, detail: e.detail, composed: e.composed, bubbles: e.bubbles });
  }, true);
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
}

/** Opens an embed page with event recording; returns { page, consoleErrors }. */
async function open(newPage, url) {
  const page = await newPage({ viewport: { width: 1360, height: 900 } });
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await page.addInitScript(recordEvents);
  await page.goto(url);
  return { page, consoleErrors };
}

/** Waits until element `id` has fired pizhu:annotated with a non-empty annotation. */
async function annotated(page, id) {
  await page.waitForFunction((id) => window.__pizhuEvents.some((e) => e.id === id && e.detail.length > 0), id, { timeout: 20000 });
  return page.evaluate((id) => window.__pizhuEvents.filter((e) => e.id === id).at(-1), id);
}

/** Imports the module in the page (same instance as the page's own script). */
async function loadModule(page) {
  await page.evaluate(async () => { window.pizhu = await import('/pizhu.js'); await window.pizhu.default(); });
}

export const tests = [
  {
    name: 'host CSS does not reach inside <pizhu-annotator> (spans not red, marks shown, divs unbordered)',
    async run({ baseUrl, newPage }) {
      const { page } = await open(newPage, baseUrl + '/embed/?manual');
      await annotated(page, 'brief-library');
      await annotated(page, 'brief-tea');
      const report = await page.evaluate(() => ['brief-library', 'brief-tea'].map((id) => {
        const root = document.getElementById(id).shadowRoot;
        const spans = [...root.querySelectorAll('span')];
        const marks = [...root.querySelectorAll('mark')];
        const divs = [...root.querySelectorAll('div')];
        const cs = (el) => getComputedStyle(el);
        return {
          id, open: root.mode === 'open',
          spans: spans.length, redSpans: spans.filter((s) => cs(s).color === 'rgb(255, 0, 0)').length,
          marks: marks.length, hiddenMarks: marks.filter((m) => cs(m).display === 'none').length,
          borderedDivs: divs.filter((d) => cs(d).borderTopColor === 'rgb(208, 160, 64)' && cs(d).borderTopWidth === '1px').length,
          styleElements: root.querySelectorAll('style').length,
          sheets: root.adoptedStyleSheets.length,
          hostSpanRed: cs(document.querySelector('.story .cms-tag')).color === 'rgb(255, 0, 0)',
        };
      }));
      for (const r of report) {
        assert(r.open, `${r.id}: open shadow root`);
        assert(r.hostSpanRed, 'the host rule does apply outside (control)');
        assert(r.spans > 0 && r.marks > 0, `${r.id}: widget rendered spans (${r.spans}) and marks (${r.marks})`);
        assertEq(r.redSpans, 0, `${r.id}: red spans inside`);
        assertEq(r.hiddenMarks, 0, `${r.id}: hidden marks inside`);
        assertEq(r.borderedDivs, 0, `${r.id}: host-bordered divs inside`);
        assertEq(r.styleElements, 0, `${r.id}: <style> elements (CSP)`);
        assert(r.sheets >= 2, `${r.id}: constructable sheets adopted`);
      }
      // The widget's CSS does not leak out: page elements keep the CMS look.
      const page_ = await page.evaluate(() => {
        const cs = getComputedStyle(document.querySelector('.story p'));
        return { ratio: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize), indent: cs.textIndent !== '0px' };
      });
      assert(Math.abs(page_.ratio - 2) < 0.01 && page_.indent, `article keeps cms.css line-height 2 and indent: ${JSON.stringify(page_)}`);
    },
  },
  {
    name: 'highlight(): textContent identical before, during, after; dispose() restores innerHTML exactly',
    async run({ baseUrl, newPage }) {
      const { page } = await open(newPage, baseUrl + '/embed/?manual');
      await loadModule(page);
      const r = await page.evaluate(() => {
        const story = document.getElementById('story');
        const firstText = story.querySelector('p strong').firstChild; // a host script's reference
        const before = { text: story.textContent, html: story.innerHTML, sheets: document.adoptedStyleSheets.length };
        const observer = new MutationObserver(() => {});
        observer.observe(story, { subtree: true, childList: true, characterData: true, attributes: true });
        const h = window.pizhu.highlight(story);
        const mutations = observer.takeRecords().length;
        observer.disconnect();
        let again = null;
        try { window.pizhu.highlight(story.querySelector('p')); } catch (e) { again = e.message; }
        const during = { text: story.textContent, html: story.innerHTML, mode: h.mode, mutations, again,
          names: [...CSS.highlights.keys()].filter((k) => k.startsWith('pizhu-')),
          sheets: document.adoptedStyleSheets.length, entities: h.annotation.entities.length,
          statements: h.annotation.statements.length, textHasPara: h.text.includes('\n') };
        h.showPanel({ position: 'docked' });
        const panel = { present: !!document.querySelector('pizhu-panel'), text: story.textContent,
          sibling: story.nextElementSibling && story.nextElementSibling.localName };
        h.showPanel({ position: 'floating' });
        const floating = { count: document.querySelectorAll('pizhu-panel').length, text: story.textContent };
        h.dispose();
        h.dispose(); // twice is harmless
        const after = { text: story.textContent, html: story.innerHTML, panels: document.querySelectorAll('pizhu-panel').length,
          names: [...CSS.highlights.keys()].filter((k) => k.startsWith('pizhu-')), sheets: document.adoptedStyleSheets.length,
          refAlive: firstText.isConnected && firstText.data === '周文博' };
        return { before, during, panel, floating, after };
      });
      assertEq(r.during.mode, 'highlight-api', 'Chromium paints with the Custom Highlight API');
      assert(r.during.entities > 0 && r.during.statements > 0, `found entities (${r.during.entities}) and statements (${r.during.statements})`);
      assert(r.during.textHasPara, 'paragraph separators in the annotated text');
      assert(r.during.names.includes('pizhu-person'), `person highlight registered (${r.during.names})`);
      assertEq(r.during.sheets, r.before.sheets + 1, 'one stylesheet added');
      assertEq(r.during.text, r.before.text, 'textContent during');
      assertEq(r.during.html, r.before.html, 'Highlight API leaves innerHTML untouched');
      assertEq(r.during.mutations, 0, 'no DOM mutation inside the article');
      assert(r.during.again && r.during.again.includes('already highlighted'), `nested highlight refused: ${r.during.again}`);
      assert(r.panel.present && r.panel.sibling === 'pizhu-panel', 'docked panel right after the article');
      assertEq(r.panel.text, r.before.text, 'textContent with panel');
      assertEq(r.floating.count, 1, 'moving the panel keeps one panel');
      assertEq(r.after.text, r.before.text, 'textContent after');
      assertEq(r.after.html, r.before.html, 'innerHTML after dispose');
      assertEq(r.after.panels, 0, 'panel removed');
      assertEq(r.after.names, [], 'highlights removed');
      assertEq(r.after.sheets, r.before.sheets, 'stylesheet removed');
      assert(r.after.refAlive, 'host references to text nodes stay valid');
    },
  },
  {
    name: 'clicking a statement in the panel marks it in the article (pizhu-current)',
    async run({ baseUrl, newPage }) {
      const { page } = await open(newPage, baseUrl + '/embed/?manual');
      await loadModule(page);
      const want = await page.evaluate(() => {
        window.h = window.pizhu.highlight(document.getElementById('story'), { panel: 'docked' });
        return window.h.annotation.statements.map((s) => ({ id: s.id, text: s.text }));
      });
      assert(want.length > 1, 'statements found');
      const pick = want[1];
      const button = page.locator(`pizhu-panel button[data-statement="${pick.id}"]`);
      await button.waitFor({ timeout: 20000 });
      await button.click();
      const current = await page.evaluate(() => [...(CSS.highlights.get('pizhu-current') || [])].map((r) => r.toString()));
      assertEq(current, [pick.text], 'current highlight is the clicked statement');
      await page.waitForTimeout(600); // smooth scroll
      await screenshot(page, 'cms-statement-picked');
      const left = await page.evaluate(() => { window.h.dispose(); return [...CSS.highlights.keys()]; });
      assertEq(left, [], 'dispose clears the current highlight too');
    },
  },
  {
    name: 'highlight() maps text back to DOM ranges exactly (inline tags, <br>, script, emoji, Ext-B)',
    async run({ baseUrl, newPage }) {
      const { page } = await open(newPage, baseUrl + '/embed/?manual');
      await loadModule(page);
      const r = await page.evaluate(() => {
        const div = document.createElement('div');
        // Built with DOM calls, not innerHTML: article text never goes through the HTML parser here either.
        const p1 = document.createElement('p');
        const strong = document.createElement('strong');
        strong.append('韩启明');
        p1.append('😀青川客车集团董事长', strong, '说：“订单排到了明年。”');
        const p2 = document.createElement('p');
        const script = document.createElement('script');
        script.type = 'text/plain';
        script.append('张三说：“这不是正文。”');
        p2.append('𠀀交通运输局局长周文博', document.createElement('br'), '表示，补贴累计4.3亿元。', script);
        div.append(p1, p2);
        document.body.append(div);
        const h = window.pizhu.highlight(div);
        const ranges = {};
        for (const [name, hl] of CSS.highlights) {
          if (name.startsWith('pizhu-')) ranges[name] = [...hl].map((rg) => rg.toString());
        }
        const out = { text: h.text, ann: h.annotation, ranges };
        h.dispose();
        return out;
      });
      assertEq(r.text, '😀青川客车集团董事长韩启明说：“订单排到了明年。”\n𠀀交通运输局局长周文博\n表示，补贴累计4.3亿元。', 'built text');
      const people = r.ann.entities.filter((e) => e.kind === 'person').map((e) => e.text);
      assert(people.includes('韩启明') && people.includes('周文博'), `people: ${people}`);
      assertEq([...r.ranges['pizhu-person']].sort(), [...people].sort(), 'person ranges cover exactly the person texts');
      for (const e of r.ann.entities) assertEq(r.text.slice(e.start, e.end), e.text, `entity ${e.text}`);
      assert(!JSON.stringify(r.ann).includes('张三'), 'script text is not annotated');
    },
  },
  {
    name: 'highlight() <mark> fallback without the Highlight API: text kept, marks visible, innerHTML restored',
    async run({ baseUrl, newPage }) {
      const { page } = await open(newPage, baseUrl + '/embed/?manual');
      await page.evaluate(() => { delete window.Highlight; });
      await loadModule(page);
      const r = await page.evaluate(() => {
        const story = document.getElementById('story');
        const firstText = story.querySelector('p strong').firstChild;
        const before = { text: story.textContent, html: story.innerHTML };
        const h = window.pizhu.highlight(story);
        const marks = [...story.querySelectorAll('mark.pizhu-mark')];
        const during = { text: story.textContent, mode: h.mode, marks: marks.length,
          hidden: marks.filter((m) => getComputedStyle(m).display === 'none').length,
          person: marks.filter((m) => m.classList.contains('pizhu-person')).map((m) => m.textContent) };
        h.dispose();
        return { before, during, after: { text: story.textContent, html: story.innerHTML,
          marks: story.querySelectorAll('mark').length, refAlive: firstText.isConnected && firstText.data === '周文博' } };
      });
      assertEq(r.during.mode, 'marks', 'fallback mode');
      assert(r.during.marks > 0, 'marks inserted');
      assertEq(r.during.hidden, 0, 'marks visible despite mark{display:none!important}');
      assert(r.during.person.length > 0, `person marks: ${r.during.person}`);
      assertEq(r.during.text, r.before.text, 'textContent during');
      assertEq(r.after.text, r.before.text, 'textContent after');
      assertEq(r.after.html, r.before.html, 'innerHTML after dispose');
      assert(r.after.refAlive, 'host references to text nodes stay valid');
    },
  },
  {
    name: 'highlight() with bad arguments throws Error',
    async run({ baseUrl, newPage }) {
      const { page } = await open(newPage, baseUrl + '/embed/?manual');
      await loadModule(page);
      const msgs = await page.evaluate(() => [
        () => window.pizhu.highlight('story'),
        () => window.pizhu.highlight(document.createElement('div')),
        () => window.pizhu.highlight(document.getElementById('story'), { kinds: 7 }),
        () => window.pizhu.highlight(document.getElementById('story')).showPanel({ position: 'left' }),
      ].map((f) => { try { f(); return 'no throw'; } catch (e) { return e instanceof Error ? e.message : 'non-Error'; } }));
      for (const m of msgs) assert(/^(pizhu\.highlight|HighlightHandle)/.test(m), `clear Error: ${m}`);
    },
  },
  {
    name: 'pizhu:annotated fires (bubbles, composed) with the annotation; attribute change re-annotates',
    async run({ baseUrl, newPage }) {
      const { page } = await open(newPage, baseUrl + '/embed/?manual');
      await loadModule(page);
      const text = '南山证券分析师邓一帆认为：“明年利润率很难维持。”';
      await page.evaluate((t) => {
        const el = document.createElement('pizhu-annotator');
        el.id = 'dyn';
        el.setAttribute('text', t);
        document.body.append(el);
      }, text);
      const ev = await annotated(page, 'dyn');
      assert(ev.bubbles && ev.composed, 'bubbles and composed');
      assertEq(ev.detail.version, 1, 'detail is annotation v1');
      assertEq(ev.detail.length, text.length, 'detail is for the text');
      const text2 = '云岭茶业总经理许承安表示，线上渠道增长了37%。';
      // The `text` property reflects the attribute.
      await page.evaluate((t) => { document.getElementById('dyn').text = t; }, text2);
      await page.waitForFunction((n) => window.__pizhuEvents.some((e) => e.id === 'dyn' && e.detail.length === n), text2.length, { timeout: 20000 });
      const props = await page.evaluate(() => {
        const el = document.getElementById('dyn');
        el.editable = true;
        el.storageKey = 'k1';
        return { attr: el.getAttribute('text'), length: el.annotation && el.annotation.length,
          editable: el.hasAttribute('editable'), key: el.getAttribute('storage-key') };
      });
      assertEq(props, { attr: text2, length: text2.length, editable: true, key: 'k1' }, 'reflected properties and annotation getter');
    },
  },
  {
    name: 'pizhu:annotated detail equals annotate(text) for a short text (main thread) and a long one (worker), and is el.annotation',
    async run({ baseUrl, newPage }) {
      const { page } = await open(newPage, baseUrl + '/embed/?manual');
      await loadModule(page);
      const line = '南山证券分析师邓一帆认为：“明年利润率很难维持。”云岭茶业总经理许承安表示，线上渠道增长了37%。';
      // Short texts are annotated on the main thread, long ones (over
      // ~10,000 characters) in the worker; the event must not tell.
      for (const [id, text] of [['short', line], ['long', Array(300).fill(line).join('\n')]]) {
        await page.evaluate(([id, t]) => {
          const el = document.createElement('pizhu-annotator');
          el.id = id;
          el.setAttribute('text', t);
          document.body.append(el);
        }, [id, text]);
        await page.waitForFunction(([id, n]) => window.__pizhuEvents.some((e) => e.id === id && e.detail.length === n),
          [id, text.length], { timeout: 60000 });
        const r = await page.evaluate(([id, t]) => {
          const ev = window.__pizhuEvents.filter((e) => e.id === id).at(-1);
          const el = document.getElementById(id);
          return {
            same: JSON.stringify(ev.detail) === JSON.stringify(window.pizhu.annotate(t)),
            getter: el.annotation === ev.detail,
            plain: Object.getPrototypeOf(ev.detail) === Object.prototype && Array.isArray(ev.detail.entities),
          };
        }, [id, text]);
        assertEq(r, { same: true, getter: true, plain: true }, `${id}: detail is the annotation, el.annotation the same object`);
      }
    },
  },
  {
    name: 'element re-annotates when its own content changes, and survives being moved',
    async run({ baseUrl, newPage }) {
      const { page } = await open(newPage, baseUrl + '/embed/?manual');
      await annotated(page, 'brief-library');
      // Paragraphs in the content become lines of the article.
      await page.evaluate(() => {
        const el = document.getElementById('brief-library');
        const p1 = document.createElement('p'); p1.textContent = '青川市图书馆馆长陈墨今天表示，新馆将于2027年开放。';
        const p2 = document.createElement('p'); p2.textContent = '她说：“欢迎大家来。”';
        el.replaceChildren(p1, p2);
      });
      const text = '青川市图书馆馆长陈墨今天表示，新馆将于2027年开放。\n她说：“欢迎大家来。”';
      await page.waitForFunction((n) => window.__pizhuEvents.some((e) => e.id === 'brief-library' && e.detail.length === n), text.length, { timeout: 20000 });
      // Moving the element disconnects and reconnects it: one widget, working.
      await page.evaluate(() => document.querySelector('.contrib').append(document.getElementById('brief-library')));
      await page.waitForFunction(() => document.getElementById('brief-library').shadowRoot.textContent.includes('2027'), null, { timeout: 20000 });
      const roots = await page.evaluate(() => document.getElementById('brief-library').shadowRoot.querySelectorAll('.pizhu-root').length);
      assertEq(roots, 1, 'one mount point after the move');
    },
  },
  {
    name: 'a src that cannot be loaded fires pizhu:error and leaves the element empty, not broken',
    async run({ baseUrl, newPage }) {
      const { page } = await open(newPage, baseUrl + '/embed/?manual');
      await loadModule(page);
      const detail = await page.evaluate(() => new Promise((resolve) => {
        const el = document.createElement('pizhu-annotator');
        el.addEventListener('pizhu:error', (e) => resolve(e.detail));
        el.setAttribute('src', 'no-such-article.txt');
        document.body.append(el);
      }));
      assert(String(detail).includes('no-such-article.txt'), `error names the src: ${detail}`);
      // Pointing it at a real article then works.
      await page.evaluate(() => { const el = document.querySelector('pizhu-annotator[src="no-such-article.txt"]'); el.id = 'late'; el.setAttribute('src', 'brief.txt'); });
      const ev = await annotated(page, 'late');
      assert(ev.detail.speakers.some((s) => s.name.includes('许承安')), 'annotated after src changed');
    },
  },
  {
    name: 'two elements on one page are independent (different texts, different cards)',
    async run({ baseUrl, newPage }) {
      const { page } = await open(newPage, baseUrl + '/embed/?manual');
      const lib = await annotated(page, 'brief-library');
      const tea = await annotated(page, 'brief-tea');
      assert(lib.detail.length !== tea.detail.length, 'different annotations');
      const names = (a) => a.detail.speakers.map((s) => s.name);
      assert(names(lib).some((n) => n.includes('陈墨')), `library speakers: ${names(lib)}`);
      assert(names(tea).some((n) => n.includes('许承安')), `tea speakers: ${names(tea)}`);
      const shown = await page.evaluate(() => ['brief-library', 'brief-tea'].map((id) => document.getElementById(id).shadowRoot.textContent));
      assert(shown[0].includes('陈墨') && !shown[0].includes('许承安'), 'library element shows only its own speaker');
      assert(shown[1].includes('许承安') && !shown[1].includes('陈墨'), 'tea element shows only its own speaker');
      // Changing one leaves the other alone.
      const teaEvents = await page.evaluate(() => window.__pizhuEvents.filter((e) => e.id === 'brief-tea').length);
      await page.evaluate(() => document.getElementById('brief-library').setAttribute('text', '馆长陈墨说：“欢迎夜读。”'));
      await page.waitForFunction(() => window.__pizhuEvents.some((e) => e.id === 'brief-library' && e.detail.length === '馆长陈墨说：“欢迎夜读。”'.length), null, { timeout: 20000 });
      await page.waitForTimeout(300);
      assertEq(await page.evaluate(() => window.__pizhuEvents.filter((e) => e.id === 'brief-tea').length), teaEvents, 'tea element not re-annotated');
    },
  },
  {
    name: 'the CMS demo page, under a strict CSP, works with no CSP violation or console error',
    async run({ baseUrl, newPage, pageErrors }) {
      const { page, consoleErrors } = await open(newPage, baseUrl + '/embed/');
      await annotated(page, 'brief-library');
      await annotated(page, 'brief-tea');
      await page.waitForFunction(() => document.querySelector('pizhu-panel')?.shadowRoot?.textContent.length > 0, null, { timeout: 20000 });
      const hl = await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('pizhu-')).length);
      assert(hl > 0, 'article highlighted under CSP');
      await page.waitForTimeout(500);
      const violations = await page.evaluate(() => window.__cspViolations);
      assertEq(violations, [], 'CSP violations');
      assertEq(consoleErrors, [], 'console errors');
      assertEq(pageErrors, [], 'page errors');
      await screenshot(page, 'cms-csp-page');
    },
  },
  {
    name: 'CMS page screenshots (highlighted article, docked and floating panel, elements)',
    async run({ baseUrl, newPage }) {
      const { page } = await open(newPage, baseUrl + '/embed/');
      await annotated(page, 'brief-library');
      await annotated(page, 'brief-tea');
      await page.waitForFunction(() => document.querySelector('pizhu-panel')?.shadowRoot?.textContent.length > 0, null, { timeout: 20000 });
      await page.waitForTimeout(300);
      await screenshot(page, 'cms-page');
      await screenshot(page, 'cms-page-full', { fullPage: true });
      await page.click('#btn-floating');
      await page.waitForTimeout(300);
      await screenshot(page, 'cms-page-floating');
      // A phone: the floating panel becomes a bottom sheet across the width.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(300);
      const box = await page.locator('pizhu-panel').boundingBox();
      assert(box.width > 350 && box.y + box.height <= 844 && box.y > 300, `bottom sheet on a phone: ${JSON.stringify(box)}`);
      await screenshot(page, 'cms-page-mobile-floating');
    },
  },
  {
    name: 'standalone index.html uses the element (editable, draft kept across reload)',
    async run({ baseUrl, newPage, pageErrors }) {
      const { page, consoleErrors } = await open(newPage, baseUrl + '/');
      await page.waitForFunction(() => window.__pizhuEvents.length > 0, null, { timeout: 20000 });
      const el = await page.evaluate(() => {
        const e = document.querySelector('pizhu-annotator');
        return { editable: e.hasAttribute('editable'), inputs: e.shadowRoot.querySelectorAll('textarea').length };
      });
      assert(el.editable && el.inputs > 0, 'paste area shown');
      await screenshot(page, 'index-page');
      const draft = '记者林晓岚报道，青川客车集团董事长韩启明说：“订单排到了明年。”';
      await page.locator('pizhu-annotator textarea').fill(draft);
      await page.waitForFunction((n) => window.__pizhuEvents.some((e) => e.detail.length === n), draft.length, { timeout: 20000 });
      await page.reload();
      await page.waitForFunction((d) => document.querySelector('pizhu-annotator')?.shadowRoot?.querySelector('textarea')?.value === d, draft, { timeout: 20000 });
      assertEq(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
      assertEq(consoleErrors, [], 'console errors');
      assertEq(pageErrors, [], 'page errors');
    },
  },
];
