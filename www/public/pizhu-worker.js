// pizhu annotation worker: runs the engine off the main thread so the page
// stays responsive on long articles. Module worker; loads ./pizhu.js next to it.
// Protocol: in { id, text } → out { id, json } (annotation JSON v1 as a string,
// parsed on the Rust side) or { id, error }; { fatal } if the module fails to load.
import init, { annotate } from './pizhu.js';

const ready = init().catch((e) => {
  self.postMessage({ fatal: String(e && e.message || e) });
  throw e;
});

self.onmessage = async (ev) => {
  const { id, text } = ev.data || {};
  try {
    await ready;
    self.postMessage({ id, json: JSON.stringify(annotate(text)) });
  } catch (e) {
    self.postMessage({ id, error: String(e && e.message || e) });
  }
};
