//! Export to the W3C Web Annotation Data Model (JSON-LD):
//! `toWebAnnotation(annotation, { source, text })` returns an
//! `AnnotationCollection` whose first page lists one `Annotation` per entity
//! (motivation `tagging`) and per statement (motivation `describing`, the
//! speaker as an `identifying` body).
//!
//! Each target carries a `TextQuoteSelector` (exact, plus up to 32
//! characters of prefix and suffix) and a `TextPositionSelector`. The spec
//! counts positions in Unicode **code points**, not the UTF-16 units of the
//! pizhu annotation, so positions are converted here; they differ from the
//! annotation's offsets after every emoji or CJK Extension B character.

use crate::contract::Annotation;
use crate::web::options;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

/// Characters of context in `prefix` and `suffix`.
const CONTEXT: usize = 32;

/// Converts an annotation of `text` to a Web Annotation collection.
/// Throws when `annotation` is not a v1 annotation, `options.source` or
/// `options.text` is missing, or the text's length does not match.
#[wasm_bindgen(js_name = toWebAnnotation, unchecked_return_type = "WebAnnotationCollection")]
pub fn to_web_annotation(
    #[wasm_bindgen(unchecked_param_type = "Annotation")] annotation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "WebAnnotationOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    const CTX: &str = "pizhu.toWebAnnotation";
    let ann: Annotation = serde_wasm_bindgen::from_value(annotation)
        .map_err(|e| JsError::new(&format!("{CTX}: annotation is not a pizhu annotation v1: {e}")))?;
    let opts = options::object(&options, CTX)?;
    let source = options::string(opts.as_ref(), "source", CTX)?
        .ok_or_else(|| JsError::new(&format!("{CTX}: options.source (the document's IRI) is required")))?;
    let text = options::text(&options::get(opts.as_ref(), "text"), &format!("{CTX}: options.text"))?;
    let chars: Vec<char> = text.chars().collect();
    let units: usize = chars.iter().map(|c| c.len_utf16()).sum();
    if units != ann.length {
        return Err(JsError::new(&format!(
            "{CTX}: options.text is {units} UTF-16 units long but the annotation is for {} units",
            ann.length
        )));
    }
    // A hand-made or edited annotation must not slice out of range (a wasm trap).
    let spans = ann.entities.iter().map(|e| (e.start, e.end)).chain(ann.statements.iter().map(|s| (s.start, s.end)));
    for (start, end) in spans {
        if start > end || end > ann.length {
            return Err(JsError::new(&format!(
                "{CTX}: span {start}..{end} is outside the text (length {})",
                ann.length
            )));
        }
    }
    let value = collection(&ann, &chars, &source);
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&value, &ser).map_err(|e| JsError::new(&format!("{CTX}: {e}")))
}

/// Builds the collection.
fn collection(ann: &Annotation, chars: &[char], source: &str) -> Value {
    let cp = CodePoints::new(chars);
    let base = format!("urn:pizhu:{:016x}", fnv1a(source.as_bytes()));
    let mut items = Vec::new();
    for (i, e) in ann.entities.iter().enumerate() {
        let mut body = vec![json!({ "type": "TextualBody", "purpose": "tagging", "value": e.kind })];
        if let Some(sub) = &e.subkind {
            body.push(json!({ "type": "TextualBody", "purpose": "classifying", "value": sub }));
        }
        items.push(json!({
            "id": format!("{base}:e{}", i + 1),
            "type": "Annotation",
            "motivation": "tagging",
            "body": body,
            "target": target(&cp, chars, source, e.start, e.end),
        }));
    }
    for st in &ann.statements {
        let mut body = vec![json!({ "type": "TextualBody", "purpose": "classifying", "value": format!("{} statement", st.kind) })];
        for sid in &st.speakers {
            if let Some(sp) = ann.speakers.iter().find(|s| &s.id == sid) {
                body.push(json!({ "type": "TextualBody", "purpose": "identifying", "value": sp.name, "format": "text/plain" }));
            }
        }
        items.push(json!({
            "id": format!("{base}:{}", st.id),
            "type": "Annotation",
            "motivation": "describing",
            "body": body,
            "target": target(&cp, chars, source, st.start, st.end),
        }));
    }
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": base,
        "type": "AnnotationCollection",
        "label": "pizhu: entities and statements",
        "total": items.len(),
        "first": { "type": "AnnotationPage", "startIndex": 0, "items": items },
    })
}

/// A target with both selectors for UTF-16 range `[start, end)`.
fn target(cp: &CodePoints, chars: &[char], source: &str, start: usize, end: usize) -> Value {
    let (s, e) = (cp.at(start), cp.at(end));
    let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    json!({
        "source": source,
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": slice(s, e),
                "prefix": slice(s.saturating_sub(CONTEXT), s),
                "suffix": slice(e, (e + CONTEXT).min(chars.len())),
            },
            { "type": "TextPositionSelector", "start": s, "end": e },
        ],
    })
}

/// UTF-16 offset → code point index, for one text.
struct CodePoints {
    /// UTF-16 offset just after each astral (2-unit) character.
    astral_ends: Vec<usize>,
    len_chars: usize,
}

impl CodePoints {
    fn new(chars: &[char]) -> Self {
        let mut astral_ends = Vec::new();
        let mut u = 0;
        for c in chars {
            u += c.len_utf16();
            if c.len_utf16() == 2 {
                astral_ends.push(u);
            }
        }
        CodePoints { astral_ends, len_chars: chars.len() }
    }

    /// Code point index of UTF-16 offset `u` (each astral character before it counts once).
    fn at(&self, u: usize) -> usize {
        let pairs = self.astral_ends.partition_point(|&end| end <= u);
        (u - pairs).min(self.len_chars)
    }
}

/// 64-bit FNV-1a, for a stable collection id per source.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}
