//! The page-level stylesheet for in-place highlights: `::highlight(pizhu-*)`
//! rules for the CSS Custom Highlight API and `mark.pizhu-mark` rules for the
//! fallback. A constructable sheet on `document.adoptedStyleSheets`, because
//! a strict CSP (`style-src 'self'`) blocks `<style>` elements and style
//! attributes but not constructed sheets. Shared by every handle on the page
//! and removed when the last one is disposed.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Document};

/// Colours and underline patterns are the widget's legend (src/web/style.css),
/// so the panel's key reads the article too; a pattern per kind means colour
/// is never the only cue. `!important` on the fallback marks because host
/// pages may hide or restyle `mark` (the CMS demo does).
const CSS: &str = r#"
::highlight(pizhu-statement) { background-color: #fff7d6; }
::highlight(pizhu-quote) { text-decoration: underline solid #a16207 2px; text-underline-offset: 4px; }
::highlight(pizhu-organization) { background-color: #dbeafe; color: inherit; text-decoration: underline solid #1d4ed8 2px; text-underline-offset: 3px; }
::highlight(pizhu-person) { background-color: #fde2e4; color: inherit; text-decoration: underline double #be123c 2px; text-underline-offset: 3px; }
::highlight(pizhu-position) { background-color: #ede9fe; color: inherit; text-decoration: underline dotted #6d28d9 2px; text-underline-offset: 3px; }
::highlight(pizhu-figure) { background-color: #dcfce7; color: inherit; text-decoration: underline dashed #15803d 2px; text-underline-offset: 3px; }
::highlight(pizhu-work) { background-color: #fef3c7; color: inherit; text-decoration: underline wavy #b45309 1px; text-underline-offset: 3px; }
::highlight(pizhu-current) { background-color: #fde047; color: #111; }
mark.pizhu-mark { display: inline !important; visibility: visible !important; background: transparent !important; color: inherit !important; padding: 0 !important; margin: 0 !important; border: 0 !important; text-underline-offset: 3px; }
mark.pizhu-mark.pizhu-statement { background-color: #fff7d6 !important; }
mark.pizhu-mark.pizhu-quote { text-decoration: underline solid #a16207 2px !important; }
mark.pizhu-mark.pizhu-organization { background-color: #dbeafe !important; text-decoration: underline solid #1d4ed8 2px !important; }
mark.pizhu-mark.pizhu-person { background-color: #fde2e4 !important; text-decoration: underline double #be123c 2px !important; }
mark.pizhu-mark.pizhu-position { background-color: #ede9fe !important; text-decoration: underline dotted #6d28d9 2px !important; }
mark.pizhu-mark.pizhu-figure { background-color: #dcfce7 !important; text-decoration: underline dashed #15803d 2px !important; }
mark.pizhu-mark.pizhu-work { background-color: #fef3c7 !important; text-decoration: underline wavy #b45309 1px !important; }
pizhu-panel { display: block; box-sizing: border-box; }
pizhu-panel[data-position="docked"] { margin: 1em 0; max-width: 100%; }
pizhu-panel[data-position="floating"] { position: fixed; top: 4.5rem; right: 1rem; width: min(26rem, 42vw); max-height: calc(100vh - 6rem); overflow: auto; z-index: 2147483000; box-shadow: 0 4px 24px rgba(0,0,0,.18); border-radius: 8px; background: #fff; }
@media (max-width: 720px) {
  pizhu-panel[data-position="floating"] { top: auto; bottom: .5rem; left: .5rem; right: .5rem; width: auto; max-height: 55vh; }
}
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
