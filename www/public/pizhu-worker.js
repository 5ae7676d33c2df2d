// pizhu annotation worker: runs the engine off the main thread so the page
// stays responsive on long articles. Module worker; loads ./pizhu.js next to it.
// Protocol: in { module } (optional, first: the page's compiled
// WebAssembly.Module, so the worker instantiates it instead of fetching and
// compiling the wasm again), then { id, text } → out { id, json } (annotation
// JSON v1 as a string, parsed on the Rust side) or { id, error };
// { fatal } if the module fails to load.
import init, { __pizhuAnnotateJson as annotateJson } from './pizhu.js';

let ready;

/** Loads the module (from `module` if given) and builds the engine at once,
 *  so the dictionary is ready while the page is still rendering. */
function start(module) {
  ready = init(module ? { module_or_path: module } : undefined)
    .then(() => { annotateJson(''); })
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
    self.postMessage({ id, json: annotateJson(text) });
  } catch (e) {
    self.postMessage({ id, error: String(e && e.message || e) });
  }
};
