// Measured page for www/tests/timing.mjs: loads pizhu the way an integrator
// does, then shows an editable <pizhu-annotator> with the article. Results
// go to window.__timing (all times in ms; performance.now() counts from
// navigation start).
import init, { annotate } from '../pizhu.js';

const size = new URLSearchParams(location.search).get('size');
const timing = (window.__timing = { longtasks: [], longAt: [] });
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    timing.longtasks.push(e.duration);
    timing.longAt.push(e.startTime);
  }
}).observe({ type: 'longtask', buffered: true });

/** The widget's measures (pizhu:…) overlapping the longest of the first
 *  `n` long tasks, as "name duration" strings: what that task was doing. */
window.__longestDuring = (n) => {
  let best = -1;
  for (let i = 0; i < Math.min(n, timing.longtasks.length); i++) if (best < 0 || timing.longtasks[i] > timing.longtasks[best]) best = i;
  if (best < 0) return [];
  const a = timing.longAt[best], b = a + timing.longtasks[best];
  return performance.getEntriesByType('measure')
    .filter((m) => m.name.startsWith('pizhu:') && m.startTime < b && m.startTime + m.duration > a)
    .map((m) => `${m.name.slice(6)} ${m.duration.toFixed(0)}`);
};

/** Resolves after the next frame has been painted. */
const painted = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

// Start-up milestones (ms from navigation start), for the breakdown line.
timing.scriptStart = performance.now();
// The text is this page's input, not part of pizhu's start-up (a CMS page
// has its article already): it is fetched while the module instantiates.
const textFetch = fetch(`article-${size}.txt`).then((r) => r.text()).then((s) => {
  timing.textFetched = performance.now();
  return s;
});
let t = performance.now();
await init();
timing.init = performance.now() - t;
timing.initDone = performance.now();
const text = await textFetch;

const el = document.createElement('pizhu-annotator');
el.setAttribute('editable', '');
el.setAttribute('text', text);
el.addEventListener('pizhu:annotated', async (e) => {
  await painted();
  const now = performance.now();
  if (timing.firstRender === undefined) {
    timing.firstRender = now;
    // The widget's own phases up to here (pizhu:mount, pizhu:annotate, …):
    // the first of each name, for the breakdown line.
    timing.phases = {};
    for (const m of performance.getEntriesByType('measure')) {
      if (m.name.startsWith('pizhu:') && !timing.phases[m.name]) timing.phases[m.name] = { start: m.startTime, duration: m.duration };
    }
  }
  if (timing.pasteAt !== undefined && e.detail.length === timing.pasteLength && timing.pasteRendered === undefined) {
    timing.pasteRendered = now - timing.pasteAt;
  }
  if (timing.keyAt !== undefined && e.detail.length === timing.pasteLength + 1 && timing.typeRendered === undefined) {
    timing.typeRendered = now - timing.keyAt;
  }
});
// Typing one character (timing.mjs presses a key after the paste): keydown →
// the frame painted after the input event, and → the re-annotated paint.
// (beforeinput, not keydown: Playwright types '。' as text, without key events.)
document.addEventListener('beforeinput', (e) => {
  if (timing.pasteRendered === undefined || e.data !== '。' || timing.keyAt !== undefined) return;
  timing.keyAt = performance.now();
  timing.typeLongFrom = timing.longtasks.length;
}, true);
document.addEventListener('input', async () => {
  if (timing.keyAt === undefined || timing.typed !== undefined) return;
  await painted();
  timing.typed = performance.now() - timing.keyAt;
}, true);
// The paste event is composed: it reaches the document from the shadow root.
document.addEventListener('paste', (e) => {
  timing.pasteAt = performance.now();
  timing.pasteLength = e.clipboardData.getData('text/plain').length;
}, true);
document.body.append(el);
timing.appended = performance.now();
// The first highlight's paint, seen from the DOM rather than the event:
// when the first <mark> enters the widget's shadow tree, the task queued
// from the next animation frame runs after that frame is painted. (The
// event-based firstRender below waits for two more frames after the event's
// own task, so it lands 1-3 frames after the annotated article is on screen.)
new MutationObserver((_, obs) => {
  if (!el.shadowRoot.querySelector('mark')) return;
  obs.disconnect();
  timing.markInserted = performance.now();
  requestAnimationFrame(() => setTimeout(() => { timing.marksPainted = performance.now(); }));
}).observe(el.shadowRoot, { childList: true, subtree: true });
requestAnimationFrame(() => requestAnimationFrame(() => { timing.firstPaint = performance.now(); }));
// First contentful paint (its presentation time): the page shows nothing
// before the widget, so this is the widget's first frame on screen. It is
// the first annotated render when the first <mark> was in the DOM before it
// (markInserted < fcp); startup.mjs checks that for every run.
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') timing.fcp = e.startTime;
}).observe({ type: 'paint', buffered: true });

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
