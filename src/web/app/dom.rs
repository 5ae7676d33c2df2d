//! A paragraph's DOM (or a card's statement list, or the summary) in one call: the tree is
//! written as one string and a flat op list (see `dom.js`), and the browser
//! builds the elements there. Rendering the same tree through yew's vdom
//! cost one wasm→JS call per node and attribute (~5,000 for a
//! 3,000-character article), the largest part of the widget's first render.

use super::spans::{MarkInfo, Node, Para, KINDS};
use crate::contract::StatementOut;
use crate::web::i18n::Texts;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/web/app/dom.js")]
extern "C" {
    /// Builds the element `ops` describes over the strings in `buf`.
    fn pizhu_build(buf: &str, ops: &[u32]) -> web_sys::Element;
}

// Op and name codes shared with dom.js (its OPEN/TEXT/CLOSE, TAGS, ATTRS).
const OPEN: u32 = 0;
const TEXT: u32 = 1;
const CLOSE: u32 = 2;
const P: u32 = 0;
const MARK: u32 = 1;
const SPAN: u32 = 2;
const OL: u32 = 3;
const LI: u32 = 4;
const BUTTON: u32 = 5;
const Q: u32 = 6;
const SECTION: u32 = 7;
const H2: u32 = 8;
const H3: u32 = 9;
const UL: u32 = 10;
const B: u32 = 11;
const CLASS: u32 = 0;
const DATA_KIND: u32 = 1;
const TITLE: u32 = 2;
const DATA_SPEAKER: u32 = 3;
const DATA_STATEMENT: u32 = 4;
const TABINDEX: u32 = 5;
/// `aria-current` (6) is only ever set in place, by [`mark_current`].
const TYPE: u32 = 7;
const ID: u32 = 8;
const ARIA_LABELLEDBY: u32 = 9;
const ARIA_HIDDEN: u32 = 10;
const DATA_COUNT: u32 = 11;
const DATA_ORG: u32 = 12;

/// A subtree description being written: strings and ops.
#[derive(Default)]
pub struct Writer {
    /// Every string, back to back.
    pub buf: String,
    /// Length of `buf` in UTF-16 units (JS string offsets).
    units: u32,
    /// The op list.
    pub ops: Vec<u32>,
}

impl Writer {
    /// Appends `s` to `buf`; returns its [start, end) in UTF-16 units.
    fn string(&mut self, s: &str) -> (u32, u32) {
        let start = self.units;
        self.buf.push_str(s);
        self.units += s.encode_utf16().count() as u32;
        (start, self.units)
    }

    /// Opens element `tag` with `attrs` (name code, value).
    fn open(&mut self, tag: u32, attrs: &[(u32, &str)]) {
        self.ops.extend([OPEN, tag, attrs.len() as u32]);
        for &(name, value) in attrs {
            let (a, b) = self.string(value);
            self.ops.extend([name, a, b]);
        }
    }

    /// A text node.
    fn text(&mut self, s: &str) {
        let (a, b) = self.string(s);
        self.ops.extend([TEXT, a, b]);
    }

    /// Closes the innermost open element.
    fn close(&mut self) {
        self.ops.push(CLOSE);
    }

    /// `<p class="pz-para">` with `para`'s nodes, nothing selected (see
    /// [`mark_current`]); `t` the interface texts (tooltips).
    pub fn para(&mut self, para: &Para, t: &Texts) {
        self.open(P, &[(CLASS, "pz-para")]);
        for n in &para.nodes {
            self.node(n, t);
        }
        self.close();
    }

    /// One node and its children: statements are focusable `<span>`s that
    /// carry their id and speaker, other highlights `<mark>`s.
    fn node(&mut self, node: &Node, t: &Texts) {
        match node {
            Node::Text(s) => self.text(s),
            Node::Mark(info, children) => {
                let title = tooltip(info, t);
                if info.kind == "statement" {
                    let mut class = String::from("pz-st ");
                    match info.speaker_index {
                        Some(i) => class.push_str(&format!("sp-{}", i % 10)),
                        None => class.push_str("sp-none"),
                    }
                    if let Some(s) = &info.subkind {
                        class.push(' ');
                        class.push_str(s);
                    }
                    let mut attrs = vec![(CLASS, class.as_str()), (DATA_KIND, "statement")];
                    if let Some(s) = &info.speaker {
                        attrs.push((DATA_SPEAKER, s));
                    }
                    if let Some(s) = &info.statement {
                        attrs.push((DATA_STATEMENT, s));
                    }
                    attrs.push((TABINDEX, "0"));
                    attrs.push((TITLE, &title));
                    self.open(SPAN, &attrs);
                } else {
                    let class = format!("pz-hl k-{}", info.kind);
                    self.open(MARK, &[(CLASS, &class), (DATA_KIND, info.kind), (TITLE, &title)]);
                }
                for c in children {
                    self.node(c, t);
                }
                self.close();
            }
        }
    }

    /// `<ol class="pz-stmts">` of the first `limit` statements, one button
    /// each (its `data-statement` is what a click selects: the panel
    /// listens once for all of them), direct ones in quotation marks,
    /// indirect ones after their cue; nothing selected (see [`mark_current`]).
    pub fn statements(&mut self, list: &[StatementOut], limit: usize, t: &Texts) {
        self.open(OL, &[(CLASS, "pz-stmts")]);
        for st in list.iter().take(limit) {
            let direct = st.kind == "direct";
            let class = format!("pz-stmt {}", st.kind);
            self.open(LI, &[]);
            self.open(BUTTON, &[(TYPE, "button"), (CLASS, &class), (DATA_STATEMENT, &st.id)]);
            self.open(SPAN, &[(CLASS, "pz-stmt-kind")]);
            self.text(if direct { t.direct } else { t.indirect });
            self.close();
            if direct {
                self.open(Q, &[(CLASS, "pz-words")]);
            } else {
                if let Some(c) = &st.cue {
                    self.open(SPAN, &[(CLASS, "pz-cue")]);
                    self.text(&format!("{}：", c.text));
                    self.close();
                }
                self.open(SPAN, &[(CLASS, "pz-words")]);
            }
            self.text(&st.text);
            self.close();
            self.close();
            self.close();
        }
        self.close();
    }

    /// The summary `<section>`: `counts` per kind (in [`KINDS`] order), the
    /// organizations with their mention counts (first 40), the distinct
    /// figures (first `max_figures`, then "+N").
    pub fn summary(&mut self, counts: &[usize], orgs: &[(String, usize)], figures: &[&str], max_figures: usize, t: &Texts) {
        self.open(SECTION, &[(CLASS, "pz-summary"), (ARIA_LABELLEDBY, "pz-summary-title")]);
        self.open(H2, &[(ID, "pz-summary-title"), (CLASS, "pz-h2")]);
        self.text(t.summary);
        self.close();
        self.open(UL, &[(CLASS, "pz-counts")]);
        for (k, n) in KINDS.iter().zip(counts) {
            self.open(LI, &[(DATA_COUNT, k)]);
            let dot = format!("pz-dot k-{k}");
            self.open(SPAN, &[(CLASS, &dot), (ARIA_HIDDEN, "true")]);
            self.close();
            self.text(t.kind(k));
            self.text(" ");
            self.open(B, &[]);
            self.text(&n.to_string());
            self.close();
            self.close();
        }
        self.close();
        self.open(H3, &[(CLASS, "pz-h3")]);
        self.text(t.orgs_mentioned);
        self.close();
        if orgs.is_empty() {
            self.none(t);
        } else {
            self.open(UL, &[(CLASS, "pz-chips")]);
            for (name, c) in orgs.iter().take(40) {
                self.open(LI, &[(DATA_ORG, name)]);
                self.text(name);
                self.open(B, &[]);
                self.text(&format!(" ×{c}"));
                self.close();
                self.close();
            }
            self.close();
        }
        self.open(H3, &[(CLASS, "pz-h3")]);
        self.text(t.figures_found);
        self.close();
        if figures.is_empty() {
            self.none(t);
        } else {
            self.open(UL, &[(CLASS, "pz-chips")]);
            for f in figures.iter().take(max_figures) {
                self.open(LI, &[(CLASS, "k-figure")]);
                self.text(f);
                self.close();
            }
            let more = figures.len().saturating_sub(max_figures);
            if more > 0 {
                self.open(LI, &[]);
                self.text(&format!("+{more}"));
                self.close();
            }
            self.close();
        }
        self.close();
    }

    /// `<p class="pz-none">` (nothing found).
    fn none(&mut self, t: &Texts) {
        self.open(P, &[(CLASS, "pz-none")]);
        self.text(t.none);
        self.close();
    }

    /// Builds the described element in the page (one call).
    pub fn build(&self) -> web_sys::Element {
        pizhu_build(&self.buf, &self.ops)
    }
}

/// The tooltip: kind · speaker · role, or kind · subkind.
pub fn tooltip(info: &MarkInfo, t: &Texts) -> String {
    let mut parts = vec![t.kind(info.kind).to_string()];
    if info.kind == "statement" {
        parts.push(match info.subkind.as_deref() {
            Some("direct") => t.direct.to_string(),
            _ => t.indirect.to_string(),
        });
        parts.push(info.speaker.clone().unwrap_or_else(|| t.unknown_speaker.to_string()));
        parts.extend(info.role.clone());
    } else if let Some(s) = &info.subkind {
        parts.push(s.clone());
    }
    parts.join(" · ")
}

/// The `<p>` of `para` as an element (see [`Writer::para`]).
pub fn para(para: &Para, t: &Texts) -> web_sys::Element {
    let mut w = Writer::default();
    w.para(para, t);
    w.build()
}

/// The `<ol>` of a card's statements as an element (see [`Writer::statements`]).
pub fn statements(list: &[StatementOut], limit: usize, t: &Texts) -> web_sys::Element {
    let mut w = Writer::default();
    w.statements(list, limit, t);
    w.build()
}

/// Marks the elements with `data-statement` under `root` as selected or
/// not (class `current`, `aria-current`), in place: a selection change keeps
/// the elements, so focus, a text selection and the scroll position stay
/// (rebuilding them dropped the focus of the statement just clicked).
/// Compared as attributes, so no id ever goes into a selector.
pub fn mark_current(root: &web_sys::Element, current: Option<&str>) {
    let Ok(list) = root.query_selector_all("[data-statement]") else { return };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) else { continue };
        let on = current.is_some() && el.get_attribute("data-statement").as_deref() == current;
        if el.class_list().contains("current") != on {
            let _ = el.class_list().toggle_with_force("current", on);
            let _ = if on { el.set_attribute("aria-current", "true") } else { el.remove_attribute("aria-current") };
        }
    }
}

/// A built element and the selection it shows, for [`current`].
pub type Shown = std::rc::Rc<std::cell::RefCell<Option<(std::rc::Rc<web_sys::Element>, Option<String>)>>>;

/// Brings `el` (built with nothing selected) to show `current`,
/// remembering in `shown` what it shows so a re-render with the same
/// selection touches nothing.
pub fn current(shown: &Shown, el: &std::rc::Rc<web_sys::Element>, current: Option<&str>) {
    let mut s = shown.borrow_mut();
    let same_el = s.as_ref().is_some_and(|(e, _)| std::rc::Rc::ptr_eq(e, el));
    if !same_el {
        *s = Some((el.clone(), None));
    }
    if let Some((e, applied)) = s.as_mut() {
        if applied.as_deref() != current {
            mark_current(e, current);
            *applied = current.map(str::to_string);
        }
    }
}
