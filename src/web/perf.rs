//! User-timing measures (`pizhu:…` entries in the page's performance
//! timeline) around the widget's phases: DevTools traces show them, and
//! `www/tests/timing.mjs` prints them, so where start-up time goes is
//! measured, not guessed. A measure is one call into JS; there are a handful
//! per annotation.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "export function pz_now() { return performance.now(); }
export function pz_measure(name, start) {
  try { performance.measure(name, { start, end: performance.now() }); } catch (_) { /* no user timing */ }
}")]
extern "C" {
    fn pz_now() -> f64;
    fn pz_measure(name: &str, start: f64);
}

/// Milliseconds since the page (or worker) started: `performance.now()`.
pub fn now() -> f64 {
    pz_now()
}

/// Records `name` as a measure from `start` (a [`now`] value) to now.
pub fn measure(name: &str, start: f64) {
    pz_measure(name, start);
}
