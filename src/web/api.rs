//! The JS API: `annotate(text, options?)` returns the annotation JSON v1 as a
//! plain object. Arguments are validated so a bad call throws an `Error`
//! with a message, never a wasm trap.

use crate::contract::{self, Annotation};
use crate::engine::GrowingEngine;
use crate::web::{options, types};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// One long-lived engine per JS realm. It loads dictionary words as texts
    /// need them (a few ms for an article), not the whole dictionary up front
    /// (150–300 ms of main thread in the browser right after start-up).
    static ENGINE: RefCell<Option<GrowingEngine>> = const { RefCell::new(None) };
}

/// Runs `f` with the shared engine, creating it on first use. Not re-entrant
/// (nothing the engine calls comes back here); a nested call gets a fresh
/// engine rather than a panic.
pub fn with_engine<R>(f: impl FnOnce(&mut GrowingEngine) -> R) -> R {
    ENGINE.with(|cell| match cell.try_borrow_mut() {
        Ok(mut slot) => f(slot.get_or_insert_with(|| {
            let start = crate::web::perf::now();
            let engine = GrowingEngine::new();
            crate::web::perf::measure("pizhu:engine", start);
            engine
        })),
        Err(_) => f(&mut GrowingEngine::new()),
    })
}

/// Annotates `text` and keeps only entities of `kinds` (all when `None`).
pub fn annotate_text(text: &str, kinds: Option<&[String]>) -> Annotation {
    let mut ann = with_engine(|e| contract::to_annotation(text, &e.annotate(text)));
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

/// How much of the worker's report the engine's own work is; turning the
/// result into the contract and its JSON is the rest.
const ENGINE_SHARE: f32 = 0.9;

/// Annotates `text` for the widget's worker (internal, used by
/// `pizhu-worker.js`): returns `[json, tag, piece, tag, piece, …]`, the
/// annotation JSON v1 as one string (for `pizhu:annotated` and exports, never
/// parsed on the page unless read) and the same annotation in tagged pieces
/// ([`contract::parts`]) that the page parses one per task. Calls
/// `on_progress(done)` (0–1) as it goes, at most every 100 ms.
#[wasm_bindgen(js_name = __pizhuAnnotateParts)]
pub fn annotate_parts(text: &str, on_progress: &js_sys::Function) -> Result<js_sys::Array, JsError> {
    const CTX: &str = "pizhu.annotate";
    // At most one report per 100 ms: each is a message and a re-render of
    // the widget's status line on the page.
    let (mut last, mut last_at) = (0.0f32, f64::NEG_INFINITY);
    let mut report = |f: f32| {
        let now = crate::web::perf::now();
        if f >= last + 0.01 && (now - last_at >= 100.0 || f >= 1.0) {
            (last, last_at) = (f, now);
            let _ = on_progress.call1(&JsValue::NULL, &JsValue::from_f64(f64::from(f)));
        }
    };
    let doc = with_engine(|e| e.annotate_reporting(text, &mut |f| report(f * ENGINE_SHARE)));
    let ann = contract::to_annotation(text, &doc);
    let json = serde_json::to_string(&ann).map_err(|e| JsError::new(&format!("{CTX}: {e}")))?;
    let out = js_sys::Array::new();
    out.push(&JsValue::from_str(&json));
    for (kind, piece) in contract::parts::split(&ann).map_err(|e| JsError::new(&format!("{CTX}: {e}")))? {
        out.push(&JsValue::from_f64(f64::from(kind as u32)));
        out.push(&JsValue::from_str(&piece));
    }
    report(1.0);
    Ok(out)
}

/// Loads another slice of the dictionary into this realm's engine; true once
/// all of it is loaded. The widget's worker calls it while idle, so a long
/// text pasted later finds the engine complete. Internal (`pizhu-worker.js`).
#[wasm_bindgen(js_name = __pizhuLoadDictionarySlice)]
pub fn load_dictionary_slice() -> bool {
    with_engine(|e| e.load_some(20_000))
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
