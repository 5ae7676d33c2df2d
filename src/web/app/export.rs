//! Export: the annotation JSON to the clipboard or as a downloaded file.

use crate::contract::Annotation;
use wasm_bindgen::{JsCast, JsValue};

/// Pretty JSON of `ann` (the same contract v1 the JS API and CLI produce).
pub fn json(ann: &Annotation) -> String {
    serde_json::to_string_pretty(ann).unwrap_or_else(|_| "{}".into())
}

/// Writes `text` to the clipboard; resolves to false when refused.
pub async fn copy(text: String) -> bool {
    let Some(w) = web_sys::window() else { return false };
    let promise = w.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Reads text from the clipboard; `None` when refused or unavailable.
pub async fn paste() -> Option<String> {
    let w = web_sys::window()?;
    let promise = w.navigator().clipboard().read_text();
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_string()
}

/// Offers `text` as a download named `name` (Blob + object URL + a click).
pub fn download(name: &str, text: &str) -> Result<(), JsValue> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke after the click has been handled so the download can start.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    web_sys::window()
        .ok_or("no window")?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000)?;
    Ok(())
}
