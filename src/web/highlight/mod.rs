//! In-place highlighting of an existing article: `highlight(element, options?)`.
//!
//! 1. [`textmap`] reads the article's text nodes into one text (paragraph
//!    separators between blocks) and keeps the way back to DOM positions.
//! 2. The engine annotates that text.
//! 3. [`css_api`] paints with the CSS Custom Highlight API (no DOM change);
//!    without it, [`marks`] wraps `<mark>` elements (text unchanged).
//! 4. [`style`] adds the `::highlight()` rules as a constructable sheet.
//!
//! `dispose()` undoes all of it: the article's `innerHTML` is restored
//! exactly and the panel, highlights and sheet are removed.

pub mod css_api;
pub mod marks;
pub mod style;
pub mod textmap;

use crate::contract::Annotation;
use crate::web::{api, options, panel::Panel, types};
use std::cell::RefCell;
use std::rc::Rc;
use textmap::TextMap;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Range};

thread_local! {
    /// Elements with live highlights. Highlighting one twice (or one inside
    /// another) would wrap marks in marks and make undo order matter.
    static ACTIVE: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// True when `el` overlaps an element that is already highlighted.
fn overlaps_active(el: &Element) -> bool {
    ACTIVE.with(|a| a.borrow().iter().any(|b| b.contains(Some(el)) || el.contains(Some(b))))
}

/// How the highlights were painted, i.e. what `dispose` must undo.
enum Paint {
    /// Ranges registered in `CSS.highlights`, by highlight name.
    Css(css_api::Registry, Vec<(String, Range)>),
    /// `<mark>` elements wrapped around text.
    Marks(Vec<marks::Restore>),
}

/// An article highlighted in place. Keep it to show the panel or to undo.
#[wasm_bindgen]
pub struct HighlightHandle {
    element: Element,
    doc: Document,
    /// The text and the way back to DOM positions (shared with the panel's click handler).
    map: Rc<TextMap>,
    annotation: Annotation,
    annotation_js: JsValue,
    paint: Option<Paint>,
    panel: Option<Panel>,
    lang: String,
}

#[wasm_bindgen]
impl HighlightHandle {
    /// The annotation of the article's text (offsets into `text`).
    #[wasm_bindgen(getter, unchecked_return_type = "Annotation")]
    pub fn annotation(&self) -> JsValue {
        self.annotation_js.clone()
    }

    /// The text that was annotated: the article's text nodes in order, with
    /// `"\n"` between block elements (script/style text left out).
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> String {
        self.map.text.clone()
    }

    /// `"highlight-api"` or `"marks"`: how the highlights are painted.
    #[wasm_bindgen(getter, unchecked_return_type = "\"highlight-api\" | \"marks\" | \"disposed\"")]
    pub fn mode(&self) -> String {
        match self.paint {
            Some(Paint::Css(..)) => "highlight-api".into(),
            Some(Paint::Marks(_)) => "marks".into(),
            None => "disposed".into(),
        }
    }

    /// Shows the read-only who-said-what panel: `floating` (fixed at the
    /// viewport's right edge, the default) or `docked` (right after the
    /// article). Calling it again moves the panel.
    #[wasm_bindgen(js_name = showPanel)]
    pub fn show_panel(
        &mut self,
        options: Option<types::PanelOptions>,
    ) -> Result<(), JsError> {
        const CTX: &str = "HighlightHandle.showPanel";
        let options: JsValue = options.map(Into::into).unwrap_or(JsValue::UNDEFINED);
        if self.paint.is_none() {
            return Err(JsError::new(&format!("{CTX}: the handle was disposed")));
        }
        let opts = options::object(&options, CTX)?;
        let position = options::string(opts.as_ref(), "position", CTX)?.unwrap_or_else(|| "floating".into());
        if position != "floating" && position != "docked" {
            return Err(JsError::new(&format!("{CTX}: position must be \"floating\" or \"docked\", got {position:?}")));
        }
        let lang = options::string(opts.as_ref(), "lang", CTX)?.unwrap_or_else(|| self.lang.clone());
        self.hide_panel();
        let focus = focus_statement_fn(self.doc.clone(), self.map.clone(), &self.annotation, self.mode() == "highlight-api");
        let panel = Panel::show(&self.doc, &self.element, &position, &lang, &self.map.text, focus)
            .map_err(|e| js_error(CTX, e))?;
        self.panel = Some(panel);
        Ok(())
    }

    /// Removes the panel (if shown); highlights stay.
    #[wasm_bindgen(js_name = hidePanel)]
    pub fn hide_panel(&mut self) {
        if let Some(p) = self.panel.take() {
            p.remove();
        }
    }

    /// Removes highlights, panel and styles; the article's DOM is exactly as
    /// before `highlight()`. Safe to call twice.
    pub fn dispose(&mut self) {
        self.hide_panel();
        match self.paint.take() {
            Some(Paint::Css(reg, ranges)) => {
                for (name, r) in &ranges {
                    css_api::remove(&reg, name, r);
                }
                css_api::clear(&reg, CURRENT);
            }
            Some(Paint::Marks(restores)) => marks::undo(restores),
            None => return,
        }
        ACTIVE.with(|a| a.borrow_mut().retain(|e| !e.is_same_node(Some(&self.element))));
        style::release(&self.doc);
    }
}

/// A handle the page let go of (garbage-collected) without `dispose()`:
/// the highlights and the panel stay as they are, working.
impl Drop for HighlightHandle {
    fn drop(&mut self) {
        if let Some(p) = self.panel.take() {
            p.leak();
        }
    }
}

/// Highlights organizations, people, positions, figures, quotations and
/// statements in `element` in place, without changing its text. Options:
/// `{ kinds?, quotes?, statements?, panel?: "floating" | "docked", lang? }`.
/// Returns a handle with `annotation`, `showPanel()`, `dispose()`.
#[wasm_bindgen]
pub fn highlight(
    #[wasm_bindgen(unchecked_param_type = "Element")] element: JsValue,
    options: Option<types::HighlightOptions>,
) -> Result<HighlightHandle, JsError> {
    const CTX: &str = "pizhu.highlight";
    let options: JsValue = options.map(Into::into).unwrap_or(JsValue::UNDEFINED);
    let element: Element = element
        .dyn_into()
        .map_err(|_| JsError::new(&format!("{CTX}: element must be a DOM Element")))?;
    let opts = options::object(&options, CTX)?;
    let kinds = options::kinds(opts.as_ref(), CTX)?;
    let with_quotes = bool_opt(opts.as_ref(), "quotes", CTX)?.unwrap_or(true);
    let with_statements = bool_opt(opts.as_ref(), "statements", CTX)?.unwrap_or(true);
    let panel = options::string(opts.as_ref(), "panel", CTX)?;
    let lang = options::string(opts.as_ref(), "lang", CTX)?.unwrap_or_else(|| "zh".into());
    let doc = element.owner_document().ok_or_else(|| JsError::new(&format!("{CTX}: element has no document")))?;
    if !element.is_connected() {
        return Err(JsError::new(&format!("{CTX}: element must be in the document")));
    }
    if overlaps_active(&element) {
        return Err(JsError::new(&format!(
            "{CTX}: this element (or one inside or around it) is already highlighted; dispose() that handle first"
        )));
    }

    let map = TextMap::build(&element);
    let annotation = api::annotate_text(&map.text, kinds.as_deref());
    let annotation_js = api::to_js(&annotation, CTX)?;

    // Which spans get which highlight, lowest priority first.
    let mut spans: Vec<(String, i32, u32, u32)> = Vec::new();
    if with_statements {
        spans.extend(annotation.statements.iter().map(|s| ("pizhu-statement".to_string(), 0, s.start as u32, s.end as u32)));
    }
    if with_quotes {
        spans.extend(
            annotation.quotes.iter().filter(|q| q.kind == "speech").map(|q| ("pizhu-quote".to_string(), 1, q.start as u32, q.end as u32)),
        );
    }
    spans.extend(annotation.entities.iter().map(|e| (format!("pizhu-{}", e.kind), 2, e.start as u32, e.end as u32)));

    style::acquire(&doc).map_err(|e| js_error(CTX, e))?;
    let paint = match css_api::registry() {
        Some(reg) => {
            let mut ranges = Vec::new();
            for (name, priority, start, end) in &spans {
                let (Some((sn, so)), Some((en, eo))) = (map.start_pos(*start), map.end_pos(*end)) else { continue };
                let range = doc.create_range().map_err(|e| js_error(CTX, e))?;
                if range.set_start(sn, so).and_then(|_| range.set_end(en, eo)).is_err() || range.collapsed() {
                    continue;
                }
                css_api::add(&reg, name, *priority, &range).map_err(|e| js_error(CTX, e))?;
                ranges.push((name.clone(), range));
            }
            Paint::Css(reg, ranges)
        }
        None => {
            let flat: Vec<(&str, u32, u32)> = spans.iter().map(|(n, _, s, e)| (n.as_str(), *s, *e)).collect();
            Paint::Marks(marks::paint(&doc, &map, &flat).map_err(|e| js_error(CTX, e))?)
        }
    };

    ACTIVE.with(|a| a.borrow_mut().push(element.clone()));
    let mut handle = HighlightHandle {
        element,
        doc,
        map: Rc::new(map),
        annotation,
        annotation_js,
        paint: Some(paint),
        panel: None,
        lang,
    };
    if let Some(position) = panel {
        let o = js_sys::Object::new();
        js_sys::Reflect::set(&o, &"position".into(), &position.into()).ok();
        if let Err(e) = handle.show_panel(Some(o.unchecked_into())) {
            handle.dispose(); // leave nothing behind when the panel cannot be shown
            return Err(e);
        }
    }
    Ok(handle)
}

/// The highlight name of the statement picked in the panel.
const CURRENT: &str = "pizhu-current";

/// What the panel calls when a statement is clicked: scroll the article to
/// it and, with the Highlight API, mark it as the current one.
fn focus_statement_fn(doc: Document, map: Rc<TextMap>, ann: &Annotation, css: bool) -> Box<dyn Fn(&str)> {
    let spans: Vec<(String, u32, u32)> = ann.statements.iter().map(|s| (s.id.clone(), s.start as u32, s.end as u32)).collect();
    Box::new(move |id: &str| {
        let Some((_, start, end)) = spans.iter().find(|(sid, _, _)| sid == id) else { return };
        let (Some((sn, so)), Some((en, eo))) = (map.start_pos(*start), map.end_pos(*end)) else { return };
        if css {
            if let (Some(reg), Ok(range)) = (css_api::registry(), doc.create_range()) {
                if range.set_start(sn, so).and_then(|_| range.set_end(en, eo)).is_ok() {
                    css_api::clear(&reg, CURRENT);
                    let _ = css_api::add(&reg, CURRENT, 3, &range);
                }
            }
        }
        if let Some(el) = sn.parent_element() {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            opts.set_behavior(web_sys::ScrollBehavior::Smooth);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    })
}

/// Reads an optional boolean option.
fn bool_opt(obj: Option<&js_sys::Object>, key: &str, ctx: &str) -> Result<Option<bool>, JsError> {
    let v = options::get(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_bool().map(Some).ok_or_else(|| JsError::new(&format!("{ctx}: options.{key} must be a boolean")))
}

/// Wraps a DOM exception as an `Error` naming the entry point.
fn js_error(ctx: &str, e: JsValue) -> JsError {
    let msg = js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_else(|| format!("{e:?}"));
    JsError::new(&format!("{ctx}: {msg}"))
}
