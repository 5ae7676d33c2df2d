//! Painting with the CSS Custom Highlight API: ranges go into named
//! `Highlight` objects in `CSS.highlights`; the DOM is not touched at all.
//! Bindings are declared here because web-sys marks them unstable.

use wasm_bindgen::prelude::*;
use web_sys::Range;

#[wasm_bindgen]
extern "C" {
    /// A set of ranges painted with `::highlight(name)`.
    #[wasm_bindgen(js_name = Highlight)]
    pub type CssHighlight;
    #[wasm_bindgen(constructor, js_class = "Highlight", catch)]
    fn new() -> Result<CssHighlight, JsValue>;
    #[wasm_bindgen(method, js_class = "Highlight", js_name = add)]
    fn add(this: &CssHighlight, range: &Range);
    #[wasm_bindgen(method, js_class = "Highlight", js_name = delete)]
    fn remove(this: &CssHighlight, range: &Range) -> bool;
    #[wasm_bindgen(method, getter, js_class = "Highlight")]
    fn size(this: &CssHighlight) -> u32;
    #[wasm_bindgen(method, setter, js_class = "Highlight")]
    fn set_priority(this: &CssHighlight, priority: i32);

    /// `CSS.highlights`, a map from names to highlights.
    pub type Registry;
    #[wasm_bindgen(method, js_name = get)]
    fn get(this: &Registry, name: &str) -> JsValue;
    #[wasm_bindgen(method, js_name = set)]
    fn set(this: &Registry, name: &str, highlight: &CssHighlight);
    #[wasm_bindgen(method, js_name = delete)]
    fn remove(this: &Registry, name: &str) -> bool;
}

/// `CSS.highlights` when the browser has the Custom Highlight API.
pub fn registry() -> Option<Registry> {
    let global = js_sys::global();
    if !js_sys::Reflect::has(&global, &"Highlight".into()).unwrap_or(false) {
        return None;
    }
    let css = js_sys::Reflect::get(&global, &"CSS".into()).ok()?;
    let reg = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    (reg.is_object()).then(|| reg.unchecked_into())
}

/// Adds `range` to the highlight `name`, creating it with `priority` if new.
/// Highlights are shared per name so several articles can be highlighted.
pub fn add(reg: &Registry, name: &str, priority: i32, range: &Range) -> Result<(), JsValue> {
    let existing = reg.get(name);
    let h: CssHighlight = if existing.is_object() {
        existing.unchecked_into()
    } else {
        let h = CssHighlight::new()?;
        h.set_priority(priority);
        reg.set(name, &h);
        h
    };
    h.add(range);
    Ok(())
}

/// Removes `range` from `name`, and `name` from the registry once empty.
pub fn remove(reg: &Registry, name: &str, range: &Range) {
    let existing = reg.get(name);
    if !existing.is_object() {
        return;
    }
    let h: CssHighlight = existing.unchecked_into();
    h.remove(range);
    if h.size() == 0 {
        reg.remove(name);
    }
}

/// Removes the whole highlight `name` (used for the single "current" range).
pub fn clear(reg: &Registry, name: &str) {
    reg.remove(name);
}
