//! The article's text as the engine sees it, and the way back from text
//! offsets to DOM positions.
//!
//! Text nodes are read with a TreeWalker, in document order. Between text
//! nodes in different block elements a `"\n"` separator is inserted, so
//! `<p>甲说</p><p>乙</p>` becomes `"甲说\n乙"` and a sentence never runs
//! across paragraphs; a `<br>` also gives one. Separators belong to no node. All offsets are UTF-16
//! units, the unit of `Text.length` and of the annotation.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Text};

/// Elements whose text is not article prose (never shown as text).
const SKIP: [&str; 6] = ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "SVG"];

/// Elements that start a new paragraph for the engine.
const BLOCKS: [&str; 28] = [
    "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "UL", "OL", "BLOCKQUOTE", "SECTION",
    "ARTICLE", "ASIDE", "HEADER", "FOOTER", "FIGURE", "FIGCAPTION", "TABLE", "TR", "TD", "TH",
    "PRE", "DL", "DT", "DD", "MAIN",
];

/// One text node's place in the built text.
pub struct Segment {
    /// The node.
    pub node: Text,
    /// UTF-16 offset of the node's first unit in the built text.
    pub start: u32,
    /// The node's length in UTF-16 units.
    pub len: u32,
}

/// The built text and its segments, sorted by `start`.
pub struct TextMap {
    /// What the engine annotates.
    pub text: String,
    /// Every mapped text node.
    pub segments: Vec<Segment>,
}

impl TextMap {
    /// Walks `root`'s text nodes and builds the text.
    pub fn build(root: &Element) -> TextMap {
        let mut text = String::new();
        let mut units: u32 = 0;
        let mut segments = Vec::new();
        let mut last_block: Option<Node> = None;
        let Some(doc) = root.owner_document() else { return TextMap { text, segments } };
        // SHOW_ELEMENT (1) | SHOW_TEXT (4): elements only to see `<br>`.
        let Ok(walker) = doc.create_tree_walker_with_what_to_show(root, 1 | 4) else {
            return TextMap { text, segments };
        };
        let mut line_break = false;
        while let Ok(Some(node)) = walker.next_node() {
            let t = match node.dyn_into::<Text>() {
                Ok(t) => t,
                Err(node) => {
                    if node.node_name().eq_ignore_ascii_case("BR") {
                        line_break = true;
                    }
                    continue;
                }
            };
            if inside_skipped(&t, root) {
                continue;
            }
            let data = t.data();
            // Whitespace between blocks carries nothing to annotate.
            if data.trim().is_empty() {
                continue;
            }
            let block = block_of(&t, root);
            if let Some(prev) = &last_block {
                if line_break || !prev.is_same_node(Some(&block)) {
                    text.push('\n');
                    units += 1;
                }
            }
            line_break = false;
            last_block = Some(block);
            let len = t.length();
            segments.push(Segment { node: t, start: units, len });
            text.push_str(&data);
            units += len;
        }
        TextMap { text, segments }
    }

    /// The DOM position of text offset `offset` as a range start: offsets in
    /// a separator move forward to the next node's start.
    pub fn start_pos(&self, offset: u32) -> Option<(&Text, u32)> {
        let i = self.segments.partition_point(|s| s.start + s.len <= offset);
        let s = self.segments.get(i)?;
        Some((&s.node, offset.saturating_sub(s.start).min(s.len)))
    }

    /// The DOM position of text offset `offset` as a range end: offsets in a
    /// separator move back to the previous node's end.
    pub fn end_pos(&self, offset: u32) -> Option<(&Text, u32)> {
        let i = self.segments.partition_point(|s| s.start < offset);
        let s = self.segments.get(i.checked_sub(1)?)?;
        Some((&s.node, (offset - s.start).min(s.len)))
    }

    /// The pieces of `[start, end)` inside single text nodes:
    /// `(segment index, node offset start, node offset end)`.
    pub fn pieces(&self, start: u32, end: u32) -> Vec<(usize, u32, u32)> {
        let first = self.segments.partition_point(|s| s.start + s.len <= start);
        let mut out = Vec::new();
        for (i, s) in self.segments.iter().enumerate().skip(first) {
            if s.start >= end {
                break;
            }
            let a = start.max(s.start) - s.start;
            let b = end.min(s.start + s.len) - s.start;
            if a < b {
                out.push((i, a, b));
            }
        }
        out
    }
}

/// True when `t` sits inside an element whose text is not prose.
fn inside_skipped(t: &Text, root: &Element) -> bool {
    let mut cur = t.parent_element();
    while let Some(el) = cur {
        if el.is_same_node(Some(root)) {
            return false;
        }
        if SKIP.contains(&el.tag_name().to_ascii_uppercase().as_str()) {
            return true;
        }
        cur = el.parent_element();
    }
    false
}

/// The nearest block ancestor of `t` (or `root`).
fn block_of(t: &Text, root: &Element) -> Node {
    let mut cur = t.parent_element();
    while let Some(el) = cur {
        if el.is_same_node(Some(root)) || BLOCKS.contains(&el.tag_name().to_ascii_uppercase().as_str()) {
            return el.into();
        }
        cur = el.parent_element();
    }
    root.clone().into()
}
