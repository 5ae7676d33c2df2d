//! Browser side (wasm only): the JS API, the yew widget and the custom element.
//!
//! Embedding (issue #5): [`api`] `annotate`, [`highlight`] in place,
//! [`webanno`] export, [`element`] `<pizhu-annotator>`; the widget is [`app`].

pub mod api;
pub mod app;
pub mod element;
pub mod highlight;
pub mod i18n;
pub mod options;
pub mod panel;
pub mod perf;
pub mod shadow;
pub mod types;
pub mod webanno;

use wasm_bindgen::prelude::*;

/// Runs once when `init()` instantiates the module: panic messages go to the
/// console, and `<pizhu-annotator>` is registered (only where there is a
/// window; a worker loading the same module skips it).
#[wasm_bindgen(start, skip_typescript)]
fn start() {
    console_error_panic_hook::set_once();
    element::register();
}
