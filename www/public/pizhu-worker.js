// pizhu annotation worker: runs the engine off the main thread for long
// texts, for every widget on the page, so the page stays responsive.
// Module worker; loads ./pizhu.js next to it.
// Protocol (src/web/app/worker.rs is the other side):
//   in  { module }       first, optional: the page's compiled WebAssembly.Module,
//                        instantiated here instead of fetching and compiling
//                        the wasm again (compiled code is then shared)
//   in  { id, text }     annotate
//   out { id, progress } 0–1, whenever another percent is done
//   out { id, json, parts } the annotation JSON v1 as one string, and the
//                        same annotation in pieces [tag, json, tag, json, …]
//                        that the page parses one per task
//   out { id, error }    the text could not be annotated
//   out { fatal }        the module failed to load here
import init, { __pizhuAnnotateParts as annotateParts, __pizhuLoadDictionarySlice as loadSlice } from './pizhu.js';

let ready;

/** Loads the whole dictionary a slice per task while nothing else is asked
 *  (a request is handled between two slices), so a long text finds it loaded. */
function fill() {
  if (!loadSlice()) setTimeout(fill, 0);
}

/** Loads the module (from `module` if given), then the dictionary in the background. */
function start(module) {
  ready = init(module ? { module_or_path: module } : undefined)
    .then(() => { setTimeout(fill, 0); })
    .catch((e) => {
      self.postMessage({ fatal: String(e && e.message || e) });
      throw e;
    });
}

self.onmessage = async (ev) => {
  const data = ev.data || {};
  if (data.module !== undefined) {
    if (!ready) start(data.module);
    return;
  }
  if (!ready) start();
  const { id, text } = data;
  try {
    await ready;
    const out = annotateParts(text, (progress) => self.postMessage({ id, progress }));
    self.postMessage({ id, json: out[0], parts: out.slice(1) });
  } catch (e) {
    self.postMessage({ id, error: String(e && e.message || e) });
  }
};
