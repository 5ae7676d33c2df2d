//! The annotation in pieces, for the trip of a long text's annotation from
//! the widget's worker to the page: the page parses one piece per task instead of one 2.5 MB JSON
//! string in one (a 200,000-character article's annotation: 60–150 ms of
//! main thread here, copying it into wasm and parsing). The pieces are
//! JSON: the head (version, length, speakers), then statements, entities and
//! quotes in slices, each a JSON array of contract objects.

use super::{Annotation, EntityOut, QuoteOut, SpeakerOut, StatementOut};
use serde::{Deserialize, Serialize};

/// Items per piece: about 150 KB of JSON each.
const STATEMENTS_PER_PIECE: usize = 800;
const ENTITIES_PER_PIECE: usize = 2_000;
const QUOTES_PER_PIECE: usize = 2_000;

/// What a piece holds (its tag travels with it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Version, length and speakers: always the first piece.
    Head = 0,
    /// A slice of `statements`.
    Statements = 1,
    /// A slice of `entities`.
    Entities = 2,
    /// A slice of `quotes`.
    Quotes = 3,
}

impl Kind {
    /// The kind a tag names.
    pub fn from_tag(tag: u32) -> Option<Kind> {
        [Kind::Head, Kind::Statements, Kind::Entities, Kind::Quotes].into_iter().find(|k| *k as u32 == tag)
    }
}

/// The head piece.
#[derive(Serialize)]
struct Head<'a> {
    version: u32,
    length: usize,
    speakers: &'a [SpeakerOut],
}

/// The head piece, parsed.
#[derive(Deserialize)]
struct HeadOwned {
    version: u32,
    length: usize,
    speakers: Vec<SpeakerOut>,
}

/// Splits `ann` into tagged JSON pieces, head first.
pub fn split(ann: &Annotation) -> Result<Vec<(Kind, String)>, serde_json::Error> {
    let mut out = vec![(Kind::Head, serde_json::to_string(&Head { version: ann.version, length: ann.length, speakers: &ann.speakers })?)];
    for c in ann.statements.chunks(STATEMENTS_PER_PIECE) {
        out.push((Kind::Statements, serde_json::to_string(c)?));
    }
    for c in ann.entities.chunks(ENTITIES_PER_PIECE) {
        out.push((Kind::Entities, serde_json::to_string(c)?));
    }
    for c in ann.quotes.chunks(QUOTES_PER_PIECE) {
        out.push((Kind::Quotes, serde_json::to_string(c)?));
    }
    Ok(out)
}

/// Puts pieces back together, one [`Assembly::add`] at a time.
#[derive(Default)]
pub struct Assembly {
    ann: Option<Annotation>,
}

impl Assembly {
    /// Parses one piece and adds it; the head must come first.
    pub fn add(&mut self, kind: Kind, json: &str) -> Result<(), String> {
        let bad = |e: serde_json::Error| format!("bad annotation piece: {e}");
        if kind == Kind::Head {
            let h: HeadOwned = serde_json::from_str(json).map_err(bad)?;
            self.ann = Some(Annotation {
                version: h.version,
                length: h.length,
                speakers: h.speakers,
                statements: Vec::new(),
                entities: Vec::new(),
                quotes: Vec::new(),
            });
            return Ok(());
        }
        let ann = self.ann.as_mut().ok_or("annotation piece before its head")?;
        match kind {
            Kind::Statements => ann.statements.extend(serde_json::from_str::<Vec<StatementOut>>(json).map_err(bad)?),
            Kind::Entities => ann.entities.extend(serde_json::from_str::<Vec<EntityOut>>(json).map_err(bad)?),
            Kind::Quotes => ann.quotes.extend(serde_json::from_str::<Vec<QuoteOut>>(json).map_err(bad)?),
            Kind::Head => {}
        }
        Ok(())
    }

    /// The whole annotation (`None` if no head arrived).
    pub fn finish(self) -> Option<Annotation> {
        self.ann
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_and_assembled_is_the_same_annotation() {
        let text = include_str!("../../benches/data/sample-article.txt").repeat(30);
        let ann = crate::contract::annotate(&crate::engine::Engine::new(), &text);
        let pieces = split(&ann).unwrap();
        assert!(pieces.len() > 3 && pieces[0].0 == Kind::Head);
        let mut a = Assembly::default();
        for (k, json) in &pieces {
            a.add(Kind::from_tag(*k as u32).unwrap(), json).unwrap();
        }
        assert_eq!(a.finish().unwrap(), ann);
    }
}
