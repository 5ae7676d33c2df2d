//! jieba POS tagging with byte spans: the one segmentation pass per text.

use super::span::Span;
use jieba_rs::Jieba;

/// One word as jieba cut and tagged it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'t> {
    /// The word.
    pub word: &'t str,
    /// jieba's POS tag (nr person, ns place, nt organization, v verb, …).
    pub tag: &'t str,
    /// Where it is (bytes).
    pub span: Span,
}

/// Tags `text` once with jieba (HMM on, so unknown names are grouped).
pub fn tag<'t>(jieba: &'t Jieba, text: &'t str) -> Vec<Token<'t>> {
    let mut pos = 0;
    jieba
        .tag(text, true)
        .into_iter()
        .map(|t| {
            // Tags come in text order and cover the text, so byte offsets are a running sum.
            let start = pos;
            pos += t.word.len();
            Token { word: t.word, tag: t.tag, span: Span::new(start, pos) }
        })
        .collect()
}
