//! Shared, read-only view of one text for the entity finders.

use crate::engine::chars::Chars;
use crate::engine::lexicon::Lexicon;
use crate::engine::segment::Token;
use std::cell::Cell;

/// Which chars [`Ctx::trimmed_end`] trims before a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trim {
    /// Spaces (ASCII and ideographic).
    Spaces,
    /// Spaces and colons (记者： 张三).
    Colons,
    /// Spaces, colons, ASCII slashes and bars (文/张三, 记者|张三).
    Credits,
    /// Spaces, colons, slashes and bars in either width.
    All,
}

impl Trim {
    /// True when `c` is one of the chars this trims.
    pub fn trims(self, c: char) -> bool {
        match self {
            Trim::Spaces => matches!(c, ' ' | '　'),
            Trim::Colons => matches!(c, ' ' | '　' | ':' | '：'),
            Trim::Credits => matches!(c, ' ' | '　' | ':' | '：' | '/' | '|'),
            Trim::All => crate::engine::chars::skipped_before_name(c),
        }
    }
}

/// The text, its tokens and the lexicons, with helpers that never panic.
pub struct Ctx<'a, 't> {
    /// The whole text.
    pub text: &'t str,
    /// The text as chars, with the marks the scanners look for.
    pub chars: &'a Chars<'t>,
    /// jieba tokens, in order, covering the text.
    pub tokens: &'a [Token<'t>],
    /// The lexicons.
    pub lx: &'static Lexicon,
    /// The text is about sport (球队, 赛季 …): team names that are also words count.
    pub sports: bool,
    /// The last [`Ctx::trimmed_end`] answer per [`Trim`]: (query, answer).
    trim_memo: [Cell<(usize, usize)>; 4],
}

impl<'a, 't> Ctx<'a, 't> {
    /// A view of the text in `chars` and its tokens.
    pub fn new(chars: &'a Chars<'t>, tokens: &'a [Token<'t>]) -> Self {
        Ctx { text: chars.s, chars, tokens, lx: Lexicon::get(), sports: chars.sports, trim_memo: Default::default() }
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

    /// The end of `before(b)` with the trailing chars that `trim` names cut
    /// off (what `trim_end_matches` gives). The rules ask this at token
    /// after token, left to right; remembering the last answer, the walk
    /// back stops where the previous one began, so a long run of spaces is
    /// walked once, not once per token in it.
    #[inline]
    pub fn trimmed_end(&self, b: usize, trim: Trim) -> usize {
        // Mostly nothing is trimmed: answer at once (the memo stays true).
        match self.char_before(b) {
            Some(c) if trim.trims(c) => self.trimmed_end_walk(b, trim),
            _ => self.before(b).len(),
        }
    }

    #[inline(never)]
    fn trimmed_end_walk(&self, b: usize, trim: Trim) -> usize {
        let before = self.before(b);
        let memo = &self.trim_memo[trim as usize];
        let (prev_b, prev_end) = memo.get();
        let mut end = before.len();
        let answer = loop {
            if end == prev_b {
                // Everything from the previous query point on was trimmed.
                break prev_end;
            }
            match before[..end].chars().next_back() {
                Some(c) if trim.trims(c) => end -= c.len_utf8(),
                _ => break end,
            }
        };
        memo.set((before.len(), answer));
        crate::engine::work::add(before.len() - end + 1);
        answer
    }
}

pub use crate::engine::segment::is_han;
