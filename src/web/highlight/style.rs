//! The page-level stylesheet for in-place highlights: `::highlight(pizhu-*)`
//! rules for the CSS Custom Highlight API and `mark.pizhu-mark` rules for the
//! fallback. A constructable sheet on `document.adoptedStyleSheets`, because
//! a strict CSP (`style-src 'self'`) blocks `<style>` elements and style
//! attributes but not constructed sheets. Shared by every handle on the page
//! and removed when the last one is disposed.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Document};

/// Colours follow the widget's legend: one hue per kind, light enough to read
/// black text on. `!important` on the fallback marks because host pages may
/// hide or restyle `mark` (the CMS demo does).
const CSS: &str = r#"
::highlight(pizhu-organization) { background-color: #cfe3ff; color: inherit; }
::highlight(pizhu-person) { background-color: #ffe0a8; color: inherit; }
::highlight(pizhu-position) { background-color: #e4d7ff; color: inherit; }
::highlight(pizhu-figure) { background-color: #c9f0d5; color: inherit; }
::highlight(pizhu-work) { background-color: #f3e3c3; color: inherit; }
::highlight(pizhu-quote) { text-decoration: underline 2px #c0392b; text-underline-offset: 3px; }
::highlight(pizhu-statement) { text-decoration: underline dotted 1px #7f8c8d; text-underline-offset: 3px; }
mark.pizhu-mark { display: inline !important; background: transparent !important; color: inherit !important; padding: 0 !important; margin: 0 !important; border: 0 !important; }
mark.pizhu-mark.pizhu-statement { text-decoration: underline dotted 1px #7f8c8d !important; text-underline-offset: 3px; }
mark.pizhu-mark.pizhu-quote { text-decoration: underline 2px #c0392b !important; text-underline-offset: 3px; }
mark.pizhu-mark.pizhu-organization { background-color: #cfe3ff !important; }
mark.pizhu-mark.pizhu-person { background-color: #ffe0a8 !important; }
mark.pizhu-mark.pizhu-position { background-color: #e4d7ff !important; }
mark.pizhu-mark.pizhu-figure { background-color: #c9f0d5 !important; }
mark.pizhu-mark.pizhu-work { background-color: #f3e3c3 !important; }
pizhu-panel { display: block; box-sizing: border-box; }
pizhu-panel[data-position="docked"] { margin: 1em 0; max-width: 100%; }
pizhu-panel[data-position="floating"] { position: fixed; top: 4.5rem; right: 1rem; width: min(24rem, 40vw); max-height: calc(100vh - 6rem); overflow: auto; z-index: 2147483000; box-shadow: 0 4px 24px rgba(0,0,0,.18); border-radius: 8px; background: #fff; }
"#;

thread_local! {
    /// The shared sheet and how many handles use it.
    static SHEET: RefCell<Option<(CssStyleSheet, u32)>> = const { RefCell::new(None) };
}

/// Adds the sheet to `doc` (once) and counts one more user.
pub fn acquire(doc: &Document) -> Result<(), JsValue> {
    SHEET.with(|cell| {
        let mut slot = cell.borrow_mut();
        if let Some((_, n)) = slot.as_mut() {
            *n += 1;
            return Ok(());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(CSS)?;
        let sheets = doc.adopted_style_sheets();
        sheets.push(&sheet);
        doc.set_adopted_style_sheets(&sheets);
        *slot = Some((sheet, 1));
        Ok(())
    })
}

/// Counts one user less; the last one removes the sheet from `doc`.
pub fn release(doc: &Document) {
    SHEET.with(|cell| {
        let mut slot = cell.borrow_mut();
        let Some((sheet, n)) = slot.as_mut() else { return };
        *n -= 1;
        if *n > 0 {
            return;
        }
        let sheets = doc.adopted_style_sheets();
        let kept = js_sys::Array::new();
        for s in sheets.iter() {
            if s != JsValue::from(sheet.clone()) {
                kept.push(&s);
            }
        }
        doc.set_adopted_style_sheets(&kept);
        *slot = None;
    });
}
