// Long drafts (issues #4, #6): a 200,000-character paste through the real
// clipboard is kept whole, shown in the long-draft editor and annotated
// with a percentage shown on the way; the editor edits like a textarea
// (typing, line breaks, deleting across lines, select-all, undo); the long
// draft survives a reload. Runs against the standalone page (`/`).
import { assert, assertEq } from './harness.mjs';
import { ARTICLE } from './widget.test.mjs';

/** Throws unless two long texts are equal, naming where they first differ (not the whole texts). */
function sameText(got, want, msg) {
  if (got === want) return;
  let i = 0;
  while (i < got.length && i < want.length && got[i] === want[i]) i++;
  const around = (s) => JSON.stringify(s.slice(Math.max(0, i - 20), i + 20));
  throw new Error(`${msg}: lengths ${got.length} vs ${want.length}, first difference at ${i}: got ${around(got)}, want ${around(want)}`);
}

/** About `n` characters of whole lines of the team-written test article. */
function long(n, tag = '') {
  const lines = ARTICLE.split('\n').map((l, i) => `${l}${tag}${i}`);
  const out = [];
  for (let i = 0, len = 0; len < n; i++) {
    const l = lines[i % lines.length];
    out.push(l);
    len += l.length + 1;
  }
  return out.join('\n');
}

/** The paste area (a <textarea>, or the long editor). */
const area = (page) => page.locator('[data-pizhu-input]');

/** A page with clipboard access. */
async function open(newPage) {
  const page = await newPage({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  return page;
}

/** Pastes `text` over everything in the paste area with the real clipboard and Ctrl+V. */
async function pasteAll(page, text) {
  const area = page.locator('[data-pizhu-input]');
  await area.click();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

/** Waits until the widget is not busy and its 王建国 card counts more than `min` statements. */
async function annotatedWith(page, min) {
  await page.waitForFunction((min) => {
    const host = document.querySelector('pizhu-annotator');
    const root = host && host.shadowRoot ? host.shadowRoot : document;
    const w = root.querySelector('.pizhu');
    const n = root.querySelector('.pz-card[data-speaker="王建国"] .pz-count');
    return w && !w.classList.contains('busy') && n && parseInt(n.textContent, 10) > min;
  }, min, { timeout: 120000, polling: 200 });
}

export const tests = [
  {
    name: 'a 200,000-character Ctrl+V paste is kept whole, shown in the long editor and annotated, with a percentage on the way',
    async run({ baseUrl, newPage }) {
      const page = await open(newPage);
      await page.goto(baseUrl + '/');
      await page.locator('.pz-card[data-speaker]').first().waitFor({ timeout: 20000 });
      // Record every progress value the status line shows.
      await page.evaluate(() => {
        const root = document.querySelector('pizhu-annotator').shadowRoot;
        window.__progress = [];
        new MutationObserver(() => {
          const bar = root.querySelector('.pz-progress');
          const pct = root.querySelector('.pz-percent');
          if (bar && pct) window.__progress.push([Number(bar.value), pct.textContent.trim()]);
        }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const text = long(200000);
      await pasteAll(page, text);
      // The paste area is now the long editor, holding exactly the pasted text.
      await page.waitForFunction(() => {
        const host = document.querySelector('pizhu-annotator');
        return host.shadowRoot.querySelector('[data-pizhu-input]').getAttribute('contenteditable') !== null;
      }, null, { timeout: 20000 });
      assertEq(await page.locator('[data-pizhu-input]').evaluate((el) => el.value.length), text.length, 'value length');
      assert(await page.locator('[data-pizhu-input]').evaluate((el, t) => el.value === t, text), 'value is the pasted text');
      await annotatedWith(page, 1000);
      // Its blocks hold the whole text as text nodes, in order.
      const shown = await area(page).evaluate((el) => [...el.children].map((d) => d.textContent).join('\n'));
      sameText(shown, text, 'editor shows the whole text');
      assertEq(await area(page).evaluate((el) => el.querySelectorAll('*:not(div):not(br)').length), 0, 'text nodes only');
      // The article shows the new text, highlighted.
      assert((await page.locator('.pz-article [data-kind="person"]').count()) > 10, 'highlights in the article');
      // Progress was shown as a percentage and a determinate bar, rising.
      const seen = await page.evaluate(() => window.__progress);
      assert(seen.length >= 2, `progress shown (${JSON.stringify(seen)})`);
      assert(seen.every(([v, t]) => v >= 0 && v <= 100 && t === `${v}%`), `percent matches the bar: ${JSON.stringify(seen.slice(0, 5))}`);
      assert(seen.some(([v]) => v > 0 && v < 100), 'an intermediate percentage');
      for (let i = 1; i < seen.length; i++) assert(seen[i][0] >= seen[i - 1][0], 'never goes back');
      assertEq(await page.locator('.pz-progress').count(), 0, 'no bar once done');
    },
  },
  {
    name: 'the long editor edits like a textarea: typing, Enter, deleting across lines, select-all, undo; text never lost',
    async run({ baseUrl, newPage }) {
      const page = await open(newPage);
      await page.goto(baseUrl + '/');
      await page.locator('.pz-card[data-speaker]').first().waitFor({ timeout: 20000 });
      const text = long(60000, '·');
      await pasteAll(page, text);
      const area = page.locator('[data-pizhu-input]');
      await page.waitForFunction((n) => {
        const el = document.querySelector('pizhu-annotator').shadowRoot.querySelector('[data-pizhu-input]');
        return el.getAttribute('contenteditable') && el.value.length === n && el.textContent.length + el.children.length - 1 === n;
      }, text.length, { timeout: 20000 });
      const value = () => area.evaluate((el) => el.value);
      // Type at the end.
      await page.keyboard.press('Control+End');
      await page.keyboard.type('结尾');
      sameText(await value(), text + '结尾', 'typed at the end');
      // A line break, then delete it again with Backspace.
      await page.keyboard.press('Enter');
      await page.keyboard.type('新行');
      sameText(await value(), text + '结尾\n新行', 'Enter starts a new line');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
      sameText(await value(), text + '结尾', 'Backspace removes the line break');
      // Undo brings the deleted characters back, redo removes them again.
      await page.keyboard.press('Control+Z');
      sameText(await value(), text + '结尾\n', 'undo');
      await page.keyboard.press('Control+Shift+Z');
      sameText(await value(), text + '结尾', 'redo');
      // Delete a selection spanning two blocks (the editor's blocks end at line ends).
      const cut = await area.evaluate((el) => {
        const root = el.getRootNode();
        const [a, b] = [el.children[0].firstChild, el.children[1].firstChild];
        const r = document.createRange();
        r.setStart(a, a.data.length - 2);
        r.setEnd(b, 3);
        const sel = root.getSelection ? root.getSelection() : document.getSelection();
        sel.removeAllRanges();
        sel.addRange(r);
        return [a.data.length, b.data.length];
      });
      await page.keyboard.press('Delete');
      const afterCut = await value();
      const joined = text + '结尾';
      const at = cut[0] - 2;
      sameText(afterCut, joined.slice(0, at) + joined.slice(cut[0] + 1 + 3), 'selection across blocks deleted');
      // Select all and type: everything replaced by what was typed.
      await page.keyboard.press('Control+A');
      await page.keyboard.type('全新');
      sameText(await value(), '全新', 'select-all + typing replaces everything');
      // A short text switches back to the textarea only when the draft is set from outside (the clear button).
      await page.locator('.pz-input button', { hasText: '清空' }).click();
      await page.waitForFunction(() => document.querySelector('pizhu-annotator').shadowRoot.querySelector('textarea[data-pizhu-input]'), null, { timeout: 10000 });
      assertEq(await page.locator('[data-pizhu-input]').inputValue(), '', 'cleared into the textarea');
    },
  },
  {
    name: 'a long draft survives a reload (saved when typing pauses), in the long editor',
    async run({ baseUrl, newPage }) {
      const page = await open(newPage);
      await page.goto(baseUrl + '/');
      await page.locator('.pz-card[data-speaker]').first().waitFor({ timeout: 20000 });
      const text = long(120000, '♦');
      await pasteAll(page, text);
      await annotatedWith(page, 300);
      await page.reload();
      await page.waitForFunction((n) => {
        const host = document.querySelector('pizhu-annotator');
        const el = host && host.shadowRoot && host.shadowRoot.querySelector('[data-pizhu-input]');
        return el && el.value && el.value.length === n;
      }, text.length, { timeout: 30000 });
      assert(await page.locator('[data-pizhu-input]').evaluate((el, t) => el.value === t, text), 'restored exactly');
      await annotatedWith(page, 300);
    },
  },
];
