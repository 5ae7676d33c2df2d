//! The fallback painter for browsers without the Custom Highlight API:
//! wraps pieces of text nodes in `<mark class="pizhu-mark pizhu-KIND">`.
//! Overlapping spans (a person inside a quotation) become flat, disjoint
//! marks carrying every covering class, so no nesting is needed.
//! `textContent` never changes: the marks hold the very same characters.
//! Undo puts each original text node's full data back and removes every
//! node we inserted, so `innerHTML` is restored exactly and host scripts'
//! references to the original text nodes stay valid.

use super::textmap::TextMap;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Node, Text};

/// What to undo in one original text node.
pub struct Restore {
    /// The original node (now holding only the text before the first mark).
    node: Text,
    /// Nodes inserted right after it, in document order.
    inserted: Vec<Node>,
}

/// Wraps every `(class, start, end)` span (UTF-16 offsets into `map.text`).
pub fn paint(doc: &Document, map: &TextMap, spans: &[(&str, u32, u32)]) -> Result<Vec<Restore>, JsValue> {
    // Per text node: the pieces that fall in it, with their class.
    let mut per_node: Vec<Vec<(u32, u32, &str)>> = vec![Vec::new(); map.segments.len()];
    for &(class, start, end) in spans {
        for (i, a, b) in map.pieces(start, end) {
            per_node[i].push((a, b, class));
        }
    }
    let mut restores = Vec::new();
    for (i, pieces) in per_node.iter().enumerate() {
        if pieces.is_empty() {
            continue;
        }
        let node = &map.segments[i].node;
        let intervals = flatten(pieces);
        let mut inserted = Vec::new();
        // Right to left, so `node` keeps the untouched prefix and offsets stay valid.
        for (a, b, classes) in intervals.iter().rev() {
            let tail = node.split_text(*b)?;
            let mid = node.split_text(*a)?;
            let mark = doc.create_element("mark")?;
            mark.set_class_name(&format!("pizhu-mark {}", classes.join(" ")));
            mid.before_with_node_1(&mark)?;
            mark.append_child(&mid)?;
            inserted.push(tail.into());
            inserted.push(mark.into());
        }
        inserted.reverse();
        restores.push(Restore { node: node.clone(), inserted });
    }
    Ok(restores)
}

/// Puts the text back into the original nodes and removes the marks.
pub fn undo(restores: Vec<Restore>) {
    for r in restores {
        let mut data = r.node.data();
        for n in &r.inserted {
            data.push_str(&n.text_content().unwrap_or_default());
        }
        for n in &r.inserted {
            if let Some(el) = n.dyn_ref::<web_sys::Element>() {
                el.remove();
            } else if let Some(t) = n.dyn_ref::<web_sys::CharacterData>() {
                t.remove();
            }
        }
        r.node.set_data(&data);
    }
}

/// Splits overlapping pieces into disjoint intervals, each with the classes
/// of every piece covering it, sorted by start.
fn flatten<'a>(pieces: &[(u32, u32, &'a str)]) -> Vec<(u32, u32, Vec<&'a str>)> {
    let mut cuts: Vec<u32> = pieces.iter().flat_map(|&(a, b, _)| [a, b]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut classes: Vec<&str> = pieces.iter().filter(|&&(pa, pb, _)| pa <= a && b <= pb).map(|p| p.2).collect();
        if classes.is_empty() {
            continue;
        }
        classes.dedup();
        out.push((a, b, classes));
    }
    out
}
