//! The annotation JSON contract, version 1: what the CLI prints and what the
//! JS API returns. Offsets here are **UTF-16 code units**, half-open, so that
//! JavaScript's `text.slice(start, end)` is exact; `text` always equals that
//! slice. This is the one place byte offsets are converted. See
//! `docs/annotation-json.md` for the field reference and an example.
//! [`parts`] splits an annotation into JSON pieces (the widget's worker sends
//! long texts' annotations to the page that way).

pub mod parts;

use crate::engine::{self, Document, Span};
use serde::{Deserialize, Serialize};

/// The contract version this module writes.
pub const VERSION: u32 = 1;

/// One annotated text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// Always [`VERSION`].
    pub version: u32,
    /// Length of the input in UTF-16 code units.
    pub length: usize,
    /// Sources of statements, in order of first appearance.
    pub speakers: Vec<SpeakerOut>,
    /// Statements in text order.
    pub statements: Vec<StatementOut>,
    /// Organizations, people, positions, figures and works, by start.
    pub entities: Vec<EntityOut>,
    /// Every quotation, by start.
    pub quotes: Vec<QuoteOut>,
}

/// A half-open range of UTF-16 code units with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// The covered text, equal to `input[start..end]` in UTF-16 units.
    pub text: String,
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
}

/// A speaker: a person, an organization speaking as a body, or an anonymous source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerOut {
    /// Stable id within this annotation (`"s1"`, `"s2"`, …).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `person`, `organization` or `anonymous`.
    pub kind: String,
    /// Roles as written, fullest first.
    pub roles: Vec<String>,
    /// Job title inside the role.
    pub title: Option<String>,
    /// Organization named in the role.
    pub affiliation: Option<String>,
    /// Other forms used for the speaker.
    pub aliases: Vec<String>,
    /// Every mention in the text.
    pub mentions: Vec<TextSpan>,
    /// Ids of this speaker's statements, in text order.
    pub statements: Vec<String>,
}

/// A statement: direct (inside quotation marks) or indirect (reported).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementOut {
    /// Stable id within this annotation (`"t1"`, `"t2"`, …).
    pub id: String,
    /// The (first) speaker's id, or `null` when unknown.
    pub speaker: Option<String>,
    /// All speakers' ids: more than one for a joint statement.
    pub speakers: Vec<String>,
    /// `direct` or `indirect`.
    pub kind: String,
    /// The cue as written, or `null` when attributed by context only.
    pub cue: Option<TextSpan>,
    /// The statement's words.
    pub text: String,
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
}

/// A labelled span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityOut {
    /// `organization`, `person`, `position`, `figure` or `work`.
    pub kind: String,
    /// Finer label where known: `company`, `government`, `media`, `other`;
    /// `percent`, `money`, `date`, `quantity`, `number`.
    pub subkind: Option<String>,
    /// The covered text.
    pub text: String,
    /// First UTF-16 code unit.
    pub start: usize,
    /// One past the last UTF-16 code unit.
    pub end: usize,
}

/// A quotation (words inside the marks).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteOut {
    /// `speech`, `term` or `title`.
    pub kind: String,
    /// The words inside the marks.
    pub text: String,
    /// First UTF-16 code unit of the words.
    pub start: usize,
    /// One past the last UTF-16 code unit of the words.
    pub end: usize,
    /// False when the closing mark is missing.
    pub closed: bool,
}

/// Maps UTF-8 byte offsets of one text to UTF-16 code-unit offsets.
///
/// Built once per text in O(n); each lookup is O(log n) over the non-ASCII
/// characters only, so ASCII-heavy text costs little.
pub struct Utf16Map {
    /// `(byte offset, utf16 offset)` at every character boundary after a
    /// character whose byte length differs from its UTF-16 length.
    marks: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl Utf16Map {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        let mut u16 = 0usize;
        for (b, ch) in text.char_indices() {
            let (lb, lu) = (ch.len_utf8(), ch.len_utf16());
            u16 += lu;
            if lb != lu {
                marks.push((b + lb, u16));
            }
        }
        Utf16Map { marks, len_bytes: text.len() }
    }

    /// The UTF-16 offset of byte offset `byte` (which must be a char boundary).
    pub fn utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        // The last mark at or before `byte`; ASCII bytes after it add one each.
        match self.marks.partition_point(|&(b, _)| b <= byte) {
            0 => byte,
            i => {
                let (b, u) = self.marks[i - 1];
                u + (byte - b)
            }
        }
    }

    /// Total UTF-16 length of the text.
    pub fn len_utf16(&self) -> usize {
        self.utf16(self.len_bytes)
    }
}

/// Converts the engine's byte-offset [`Document`] for `text` into the v1 contract.
pub fn to_annotation(text: &str, doc: &Document) -> Annotation {
    let map = Utf16Map::new(text);
    let span = |s: &Span| TextSpan {
        text: s.slice(text).to_string(),
        start: map.utf16(s.start),
        end: map.utf16(s.end),
    };
    let speaker_id = |i: usize| format!("s{}", i + 1);
    let statement_id = |i: usize| format!("t{}", i + 1);

    let speakers = doc
        .speakers
        .iter()
        .map(|sp| SpeakerOut {
            id: speaker_id(sp.id),
            name: sp.name.clone(),
            kind: kind_name(&sp.kind),
            roles: sp.roles.clone(),
            title: sp.title.clone(),
            affiliation: sp.affiliation.clone(),
            aliases: sp.aliases.clone(),
            mentions: sp.mentions.iter().map(span).collect(),
            statements: doc
                .statements
                .iter()
                .filter(|st| st.speakers.contains(&sp.id))
                .map(|st| statement_id(st.id))
                .collect(),
        })
        .collect();

    let statements = doc
        .statements
        .iter()
        .map(|st| {
            let ids: Vec<String> = st.speakers.iter().map(|&i| speaker_id(i)).collect();
            let s = span(&st.span);
            StatementOut {
                id: statement_id(st.id),
                speaker: ids.first().cloned(),
                speakers: ids,
                kind: kind_name(&st.kind),
                cue: st.cue.as_ref().map(span),
                text: s.text,
                start: s.start,
                end: s.end,
            }
        })
        .collect();

    let entities = doc
        .entities
        .iter()
        .map(|e| {
            let s = span(&e.span);
            EntityOut {
                kind: kind_name(&e.kind),
                subkind: e.subkind.as_ref().map(kind_name),
                text: s.text,
                start: s.start,
                end: s.end,
            }
        })
        .collect();

    let quotes = doc
        .quotes
        .iter()
        .map(|q| {
            let s = span(&q.span);
            QuoteOut { kind: kind_name(&q.kind), text: s.text, start: s.start, end: s.end, closed: q.closed }
        })
        .collect();

    Annotation { version: VERSION, length: map.len_utf16(), speakers, statements, entities, quotes }
}

/// Annotates `text` with `engine` and converts to the contract in one call.
pub fn annotate(engine: &engine::Engine, text: &str) -> Annotation {
    to_annotation(text, &engine.annotate(text))
}

/// The lowercase serde name of a unit enum variant (`EntityKind::Person` → `"person"`).
fn kind_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Slices `text` by UTF-16 offsets, as JavaScript's `String.prototype.slice` does.
    fn js_slice(text: &str, start: usize, end: usize) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[start..end]).unwrap()
    }

    #[test]
    fn utf16_map_on_every_kind_of_character() {
        // ASCII, 2-byte Latin, 3-byte CJK, 4-byte emoji and CJK Extension B.
        let text = "a é京😀𠀀b";
        let map = Utf16Map::new(text);
        let mut u = 0;
        for (b, ch) in text.char_indices() {
            assert_eq!(map.utf16(b), u, "at byte {b}");
            u += ch.len_utf16();
        }
        assert_eq!(map.len_utf16(), text.encode_utf16().count());
    }

    #[test]
    fn converted_spans_slice_back_in_utf16() {
        let text = "😀𠀀京东CEO徐雷表示";
        let start = text.find("徐雷").unwrap();
        let doc = Document {
            entities: vec![engine::Entity {
                kind: engine::EntityKind::Person,
                subkind: None,
                span: Span::new(start, start + "徐雷".len()),
            }],
            ..Document::default()
        };
        let ann = to_annotation(text, &doc);
        let e = &ann.entities[0];
        assert_eq!(e.kind, "person");
        assert_eq!(js_slice(text, e.start, e.end), "徐雷");
        assert_eq!(e.text, "徐雷");
    }

    #[test]
    fn empty_text_gives_valid_empty_annotation() {
        let ann = to_annotation("", &Document::default());
        assert_eq!(ann.version, 1);
        assert_eq!(ann.length, 0);
        assert!(ann.speakers.is_empty() && ann.entities.is_empty());
    }
}
