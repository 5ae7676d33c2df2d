//! Shared, read-only view of one text for the entity finders.

use crate::engine::lexicon::Lexicon;
use crate::engine::segment::Token;

/// The text, its tokens and the lexicons, with helpers that never panic.
pub struct Ctx<'a, 't> {
    /// The whole text.
    pub text: &'t str,
    /// jieba tokens, in order, covering the text.
    pub tokens: &'a [Token<'t>],
    /// The lexicons.
    pub lx: &'static Lexicon,
    /// The text is about sport (球队, 赛季 …): team names that are also words count.
    pub sports: bool,
}

impl<'a, 't> Ctx<'a, 't> {
    /// A view of `text` and its tokens.
    pub fn new(text: &'t str, tokens: &'a [Token<'t>]) -> Self {
        let sports = ["球队", "赛季", "比赛", "联赛", "主场", "客场", "球员", "篮板", "进球"].iter().any(|w| text.contains(w));
        Ctx { text, tokens, lx: Lexicon::get(), sports }
    }

    /// `text[a..b]`, or "" when the range is not on char boundaries.
    pub fn slice(&self, a: usize, b: usize) -> &'t str {
        self.text.get(a..b).unwrap_or("")
    }

    /// Index of the token starting at byte `b`, if a token starts there.
    pub fn token_starting(&self, b: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&b, |t| t.span.start).ok()
    }


    /// True when a token boundary falls at byte `b` (or `b` is an end of the text).
    pub fn is_boundary(&self, b: usize) -> bool {
        b == 0 || b == self.text.len() || self.token_starting(b).is_some()
    }

    /// The char starting at byte `b`.
    pub fn char_at(&self, b: usize) -> Option<char> {
        self.text.get(b..).and_then(|s| s.chars().next())
    }

    /// The char ending at byte `b`.
    pub fn char_before(&self, b: usize) -> Option<char> {
        self.text.get(..b).and_then(|s| s.chars().next_back())
    }

    /// The text after byte `b`.
    pub fn after(&self, b: usize) -> &'t str {
        self.text.get(b..).unwrap_or("")
    }

    /// The text before byte `b`.
    pub fn before(&self, b: usize) -> &'t str {
        self.text.get(..b).unwrap_or("")
    }
}

/// True for a CJK ideograph (BMP or the extensions).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}
