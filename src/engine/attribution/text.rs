//! The attribution's view of the text: the shared char view
//! ([`Chars`]) plus what the attribution marks on it itself.

use super::super::chars::Chars;
use std::ops::Deref;

/// The text as characters (see [`Chars`]; its fields and methods are
/// reached through `Deref`), with the organizations the entity pass found.
pub struct Text<'a, 't> {
    chars: &'a Chars<'t>,
    /// True at chars inside an organization the entity pass found (filled
    /// in by the caller; all false at first).
    pub org: Vec<bool>,
    /// True at chars inside a person the entity pass found (filled in by the
    /// caller): names checked in context, unlike jieba's bare `nr` tags,
    /// which also fall on common words (阳光, 卫星, 文明).
    pub person_entity: Vec<bool>,
    /// Where the body starts after a headline glued to the dateline (see
    /// [`super::dateline`]): a paragraph break without a newline (set by the caller).
    pub body_start: Option<usize>,
}

impl<'a, 't> Text<'a, 't> {
    /// The attribution's view over `chars`.
    pub fn over(chars: &'a Chars<'t>) -> Self {
        Text { chars, org: vec![false; chars.len()], person_entity: vec![false; chars.len()], body_start: None }
    }

    /// True when a paragraph ends right before char `i` without a newline:
    /// at the dateline after a glued headline.
    pub fn breaks_before(&self, i: usize) -> bool {
        self.body_start == Some(i)
    }
}

impl<'t> Deref for Text<'_, 't> {
    type Target = Chars<'t>;

    fn deref(&self) -> &Chars<'t> {
        self.chars
    }
}

/// Sentence-ending punctuation.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Paragraph break.
pub fn is_para(c: char) -> bool {
    matches!(c, '\n' | '\r')
}

/// Clause punctuation (commas, colons, semicolons) in either width.
pub fn is_clause_punct(c: char) -> bool {
    matches!(c, '，' | ',' | '：' | ':' | '；' | ';' | '、')
}

/// A comma or colon in either width: what stands between a cue and the
/// words it reports (表示，… / 说：…).
pub fn is_comma_or_colon(c: char) -> bool {
    matches!(c, '，' | ',' | '：' | ':')
}

/// Opening quotation marks.
pub fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '「' | '『' | '‘' | '"')
}

/// Closing quotation marks.
pub fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '」' | '』' | '’' | '"')
}

/// Characters to skip between a cue and its content.
pub fn is_gap(c: char) -> bool {
    matches!(c, '，' | ',' | '：' | ':' | ' ' | '\u{3000}' | '\t')
}

pub use super::super::chars::is_han;

