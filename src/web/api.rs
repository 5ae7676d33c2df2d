//! The JS API: `annotate(text, options?)` returns the annotation JSON v1 as a
//! plain object. Arguments are validated so a bad call throws an `Error`
//! with a message, never a wasm trap.

use crate::contract::{self, Annotation};
use crate::engine::Engine;
use crate::web::{options, types};
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

/// Annotates `text` and keeps only entities of `kinds` (all when `None`).
pub fn annotate_text(text: &str, kinds: Option<&[String]>) -> Annotation {
    let mut ann = with_engine(|e| contract::annotate(e, text));
    if let Some(kinds) = kinds {
        ann.entities.retain(|e| kinds.contains(&e.kind));
    }
    ann
}

/// Converts an annotation to a plain JS object (objects, not `Map`s).
///
/// Through one JSON string and `JSON.parse` rather than building the object
/// call by call (`serde_wasm_bindgen`): on a 200,000-character article
/// (14,000 entities) that is several times faster, and the result is the
/// same plain, JSON-compatible object.
pub fn to_js(ann: &Annotation, ctx: &str) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(ann).map_err(|e| JsError::new(&format!("{ctx}: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new(&format!("{ctx}: could not build the result object")))
}

/// Annotates `text` and returns the annotation JSON v1 as a string: what the
/// widget's worker sends to the page, without building a JS object and
/// stringifying it again. Internal (used by `pizhu-worker.js`).
#[wasm_bindgen(js_name = __pizhuAnnotateJson)]
pub fn annotate_json(text: &str) -> Result<String, JsError> {
    serde_json::to_string(&annotate_text(text, None)).map_err(|e| JsError::new(&format!("pizhu.annotate: {e}")))
}

/// Annotates `text`; offsets in the result are UTF-16 code units, so
/// `text.slice(start, end)` is exact in JavaScript, also after emoji and
/// CJK Extension B. Options: `{ kinds?: string[] }` keeps only those entity
/// kinds. Throws an `Error` when `text` is not a string or an option is wrong.
#[wasm_bindgen(unchecked_return_type = "Annotation")]
pub fn annotate(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<types::AnnotateOptions>,
) -> Result<JsValue, JsError> {
    const CTX: &str = "pizhu.annotate";
    let options: JsValue = options.map(Into::into).unwrap_or(JsValue::UNDEFINED);
    let text = options::text(&text, CTX)?;
    let opts = options::object(&options, CTX)?;
    let kinds = options::kinds(opts.as_ref(), CTX)?;
    to_js(&annotate_text(&text, kinds.as_deref()), CTX)
}
