// The standalone page (index.html): load the module; it registers
// <pizhu-annotator>, which the page already contains. An external module,
// not an inline script, so the page runs under a strict CSP unchanged, and
// a CMS page embedding the element runs exactly this code path.
import init from './pizhu.js';

const t0 = performance.now();
await init();
performance.measure('pizhu:init', { start: t0, end: performance.now() });
