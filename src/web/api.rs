//! The JS API: `annotate(text)` returns the annotation JSON v1 as a plain object.

use crate::contract;
use crate::engine::Engine;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// One long-lived engine per JS realm, built on first use.
    static ENGINE: OnceCell<Engine> = const { OnceCell::new() };
}

/// Runs `f` with the shared engine, building it on first use.
pub fn with_engine<R>(f: impl FnOnce(&Engine) -> R) -> R {
    ENGINE.with(|cell| f(cell.get_or_init(Engine::new)))
}

/// Annotates `text`; offsets in the result are UTF-16 code units, so
/// `text.slice(start, end)` is exact in JavaScript.
#[wasm_bindgen]
pub fn annotate(text: JsValue) -> Result<JsValue, JsError> {
    let text = text
        .as_string()
        .ok_or_else(|| JsError::new("pizhu.annotate(text): text must be a string"))?;
    let ann = with_engine(|e| contract::annotate(e, &text));
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&ann, &ser).map_err(|e| JsError::new(&format!("pizhu.annotate: {e}")))
}
