//! Reading JS option objects strictly: every public entry point validates its
//! arguments here and returns a clear `Error` instead of trapping in wasm.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;

/// Entity kinds the engine emits, in the order the docs list them.
pub const ENTITY_KINDS: [&str; 5] = ["organization", "person", "position", "figure", "work"];

/// The longest text accepted, in UTF-16 code units. Far above any article;
/// it exists so a runaway caller gets an `Error`, not an out-of-memory trap.
pub const MAX_TEXT_UNITS: u32 = 5_000_000;

/// Returns `value` as an options object, or `None` for `undefined`/`null`.
pub fn object(value: &JsValue, ctx: &str) -> Result<Option<js_sys::Object>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !value.is_object() || Array::is_array(value) {
        return Err(JsError::new(&format!("{ctx}: options must be an object")));
    }
    Ok(Some(value.clone().unchecked_into()))
}

/// Reads `obj[key]`, treating a missing object as `undefined`.
pub fn get(obj: Option<&js_sys::Object>, key: &str) -> JsValue {
    obj.and_then(|o| Reflect::get(o, &JsValue::from_str(key)).ok()).unwrap_or(JsValue::UNDEFINED)
}

/// Reads an optional string option.
pub fn string(obj: Option<&js_sys::Object>, key: &str, ctx: &str) -> Result<Option<String>, JsError> {
    let v = get(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| JsError::new(&format!("{ctx}: options.{key} must be a string")))
}

/// Reads the text argument: a string of at most [`MAX_TEXT_UNITS`] UTF-16 units.
///
/// Lone surrogates cannot exist in a Rust `String`; wasm-bindgen's string
/// conversion replaces each with U+FFFD, which is also one UTF-16 unit, so
/// every offset still indexes the caller's JS string exactly.
pub fn text(value: &JsValue, ctx: &str) -> Result<String, JsError> {
    let Some(js) = value.dyn_ref::<js_sys::JsString>() else {
        let got = if value.is_undefined() { "undefined".to_string() } else { value.js_typeof().as_string().unwrap_or_default() };
        return Err(JsError::new(&format!("{ctx}: text must be a string, got {got}")));
    };
    if js.length() > MAX_TEXT_UNITS {
        return Err(JsError::new(&format!(
            "{ctx}: text is {} UTF-16 units long; the limit is {MAX_TEXT_UNITS}",
            js.length()
        )));
    }
    Ok(String::from(js))
}

/// Reads `kinds`: an array of entity kind names (or a comma list), validated.
/// `None` means every kind.
pub fn kinds(obj: Option<&js_sys::Object>, ctx: &str) -> Result<Option<Vec<String>>, JsError> {
    let v = get(obj, "kinds");
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let names: Vec<String> = if let Some(s) = v.as_string() {
        parse_kind_list(&s)
    } else if Array::is_array(&v) {
        let arr: Array = v.unchecked_into();
        let mut out = Vec::new();
        for item in arr.iter() {
            let s = item
                .as_string()
                .ok_or_else(|| JsError::new(&format!("{ctx}: options.kinds must contain strings")))?;
            out.push(s.trim().to_string());
        }
        out
    } else {
        return Err(JsError::new(&format!("{ctx}: options.kinds must be an array of strings")));
    };
    for n in &names {
        if !ENTITY_KINDS.contains(&n.as_str()) {
            return Err(JsError::new(&format!(
                "{ctx}: unknown kind {n:?}; expected some of {}",
                ENTITY_KINDS.join(", ")
            )));
        }
    }
    Ok(Some(names))
}

/// Splits a comma list such as the `kinds` attribute (`"person, organization"`).
pub fn parse_kind_list(s: &str) -> Vec<String> {
    s.split([',', ' ', '，']).map(str::trim).filter(|k| !k.is_empty()).map(str::to_string).collect()
}
