// The built page loads and the ES module's annotate() works in a real browser.
import { assert, assertEq } from './harness.mjs';

export const tests = [
  {
    name: 'annotate() from dist/pizhu.js returns contract v1 with exact UTF-16 offsets',
    async run({ baseUrl, newPage }) {
      const page = await newPage();
      await page.goto(baseUrl + '/');
      const ann = await page.evaluate(async () => {
        const m = await import('/pizhu.js');
        await m.default();
        return m.annotate('😀𠀀京东CEO徐雷表示，今年增长60.5%。');
      });
      assertEq(ann.version, 1, 'version');
      assertEq(ann.length, '😀𠀀京东CEO徐雷表示，今年增长60.5%。'.length, 'length in UTF-16 units');
      assert(Array.isArray(ann.entities) && Array.isArray(ann.statements), 'arrays');
    },
  },
];
