//! Who said what: speech cues, statements and their speakers.

use super::model::{Entity, Quote, Speaker, Statement};
use super::segment::Token;

/// Finds statements and the speakers they are attributed to.
pub fn find(text: &str, tokens: &[Token], entities: &[Entity], quotes: &[Quote]) -> (Vec<Speaker>, Vec<Statement>) {
    let _ = (text, tokens, entities, quotes);
    (Vec::new(), Vec::new())
}
