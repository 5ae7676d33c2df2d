//! An open shadow root holding the widget, styled only by constructable
//! stylesheets: host page CSS cannot select inside, the widget's CSS cannot
//! leak out, and a strict CSP (`style-src 'self'`) allows it (a `<style>`
//! element would need `'unsafe-inline'`).

use crate::web::app::STYLE;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// Cuts inheritance from the host page (its `color`, `font`, `line-height`
/// would otherwise flow in through the host element) and gives the widget a
/// neutral base to build on.
const RESET: &str = r#"
:host { all: initial; display: block; box-sizing: border-box; color: #1f2328;
  font: 16px/1.6 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
:host([hidden]) { display: none; }
"#;

thread_local! {
    /// The two sheets, built once and adopted by every shadow root of the realm.
    static SHEETS: OnceCell<js_sys::Array> = const { OnceCell::new() };
}

/// `[reset, widget STYLE]` as constructable sheets.
fn sheets() -> Result<js_sys::Array, JsValue> {
    SHEETS.with(|cell| {
        if let Some(a) = cell.get() {
            // A copy: callers may append their own sheet.
            return Ok(a.slice(0, a.length()));
        }
        let arr = js_sys::Array::new();
        for css in [RESET, STYLE] {
            let sheet = CssStyleSheet::new()?;
            sheet.replace_sync(css)?;
            arr.push(&sheet);
        }
        let copy = arr.slice(0, arr.length());
        let _ = cell.set(arr);
        Ok(copy)
    })
}

/// The open shadow root of `host` (attached and styled on first call) with
/// a fresh, empty mount point inside. Safe to call again after a reconnect.
/// `extra` CSS, if any, is adopted after the widget's own (it wins ties).
pub fn mount_point(host: &Element, extra: Option<&str>) -> Result<Element, JsValue> {
    let root: ShadowRoot = match host.shadow_root() {
        Some(r) => r,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let sheets = sheets()?;
    if let Some(css) = extra {
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(css)?;
        sheets.push(&sheet);
    }
    root.set_adopted_style_sheets(&sheets.into());
    while let Some(child) = root.first_child() {
        root.remove_child(&child)?;
    }
    let doc = host.owner_document().ok_or_else(|| JsValue::from_str("no document"))?;
    let point = doc.create_element("div")?;
    point.set_class_name("pizhu-root");
    root.append_child(&point)?;
    Ok(point)
}
