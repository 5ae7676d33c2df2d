// Measured page for www/tests/timing.mjs: loads pizhu the way an integrator
// does, then shows an editable <pizhu-annotator> with the article. Results
// go to window.__timing (all times in ms; performance.now() counts from
// navigation start).
import init, { annotate } from '../pizhu.js';

const size = new URLSearchParams(location.search).get('size');
const timing = (window.__timing = { longtasks: [] });
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) timing.longtasks.push(e.duration);
}).observe({ type: 'longtask', buffered: true });

/** Resolves after the next frame has been painted. */
const painted = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

const text = await (await fetch(`article-${size}.txt`)).text();
let t = performance.now();
await init();
timing.init = performance.now() - t;

const el = document.createElement('pizhu-annotator');
el.setAttribute('editable', '');
el.setAttribute('text', text);
el.addEventListener('pizhu:annotated', async (e) => {
  await painted();
  const now = performance.now();
  if (timing.firstRender === undefined) timing.firstRender = now;
  if (timing.pasteAt !== undefined && e.detail.length === timing.pasteLength && timing.pasteRendered === undefined) {
    timing.pasteRendered = now - timing.pasteAt;
  }
});
// The paste event is composed: it reaches the document from the shadow root.
document.addEventListener('paste', (e) => {
  timing.pasteAt = performance.now();
  timing.pasteLength = e.clipboardData.getData('text/plain').length;
}, true);
document.body.append(el);

// The main-thread engine (the widget annotates in its worker): first call
// builds the engine, the second shows the steady state.
window.__measureAnnotate = () => {
  t = performance.now();
  annotate(text);
  timing.firstAnnotate = performance.now() - t;
  t = performance.now();
  annotate(text);
  timing.secondAnnotate = performance.now() - t;
};
