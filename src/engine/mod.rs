//! The annotation engine: pure Rust, no web imports, the same code natively
//! and in wasm. Input is `&str`; output is a [`Document`] in UTF-8 byte
//! offsets. Conversion to UTF-16 happens in [`crate::contract`].
//!
//! Pipeline (each stage one module, each a linear pass over the text or the
//! tokens; jieba tags the text once):
//! 1. [`segment`]: jieba POS tagging → tokens with byte spans.
//! 2. [`figures`]: numbers with units, percentages, dates.
//! 3. [`quotes`]: quotation-mark pairs and 《》 works, classified.
//! 4. [`entities`]: organizations, people, positions.
//! 5. [`attribution`]: speech cues → statements → speakers.

pub mod attribution;
pub mod dict;
pub mod entities;
pub mod figures;
pub mod lexicon;
pub mod model;
pub mod quotes;
pub mod segment;
pub mod span;

pub use model::*;
pub use span::Span;

use jieba_rs::Jieba;

/// A long-lived annotator: build once (loads the dictionary), annotate many texts.
pub struct Engine {
    jieba: Jieba,
}

impl Engine {
    /// Builds the engine with its embedded dictionary and lexicons.
    pub fn new() -> Self {
        // Parse the lexicons now, not on the first annotate call.
        lexicon::Lexicon::get();
        Engine { jieba: dict::jieba() }
    }

    /// The segmenter underneath, for benchmarks that compare against bare tagging.
    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }

    /// Annotates one text. Never panics on any `&str`.
    pub fn annotate(&self, text: &str) -> Document {
        let tokens = segment::tag(&self.jieba, text);
        let figures = figures::find(text, &tokens);
        let quotes = quotes::find(text);
        let mut entities = entities::find(text, &tokens, &quotes, &figures);
        entities.extend(figures);
        entities.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
        let (speakers, statements) = attribution::find(text, &tokens, &entities, &quotes);
        Document { entities, quotes, speakers, statements }
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}
