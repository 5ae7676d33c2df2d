//! A char-indexed view of the text, with jieba token boundaries, so the rules
//! can walk characters without ever cutting a UTF-8 sequence.

use super::super::lexicon::FxHasher;
use super::super::segment::Token;
use std::cell::OnceCell;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

/// The text as characters, with byte offsets and token information per char.
pub struct Text<'t> {
    /// The original text.
    pub s: &'t str,
    /// The characters.
    pub c: Vec<char>,
    /// Byte offset of each char, plus the text length at index `c.len()`.
    pub b: Vec<usize>,
    /// True at char index `i` when a jieba token starts (or the text ends) there.
    pub boundary: Vec<bool>,
    /// jieba's tag of the token covering each char.
    pub tag: Vec<&'t str>,
    /// Char index where the token covering each char starts.
    pub tok_start: Vec<usize>,
    /// True at chars inside an organization the entity pass found (filled
    /// in by the caller; all false by default).
    pub org: Vec<bool>,
    /// True at chars inside a person the entity pass found (filled in by the
    /// caller): names checked in context, unlike jieba's bare `nr` tags,
    /// which also fall on common words (阳光, 卫星, 文明).
    pub person_entity: Vec<bool>,
    /// Where the body starts after a headline glued to the dateline (see
    /// [`super::dateline`]): a paragraph break without a newline (set by the caller).
    pub body_start: Option<usize>,
    /// Every run of 1–12 Han chars written right after a name separator
    /// (-·•), built on first use: searching the whole text once per
    /// candidate name made long texts quadratic.
    after_sep: OnceCell<HashSet<&'t str, BuildHasherDefault<FxHasher>>>,
    /// Char indices of each char's occurrences, in text order, built on first
    /// use: [`Self::find_all`] runs for every speaker name, and a whole-text
    /// substring search per name cost more than the lookups it fed.
    by_char: OnceCell<CharIndex>,
}

/// Char positions grouped by a hash of the char (counting sort: two passes,
/// no per-char allocation, so building it costs less than one text search).
struct CharIndex {
    /// `pos[start[k]..start[k + 1]]` holds, in text order, the chars in bucket `k`.
    start: Vec<u32>,
    pos: Vec<u32>,
}

/// Buckets of [`CharIndex`] (a power of two).
const BUCKET_BITS: u32 = 10;

fn bucket(c: char) -> usize {
    ((c as u32).wrapping_mul(0x9E37_79B1) >> (32 - BUCKET_BITS)) as usize
}

impl<'t> Text<'t> {
    /// Builds the view in one pass over the text and one over the tokens.
    pub fn new(s: &'t str, tokens: &[Token<'t>]) -> Self {
        let mut c = Vec::with_capacity(s.len() / 3 + 1);
        let mut b = Vec::with_capacity(s.len() / 3 + 2);
        for (i, ch) in s.char_indices() {
            c.push(ch);
            b.push(i);
        }
        b.push(s.len());
        let n = c.len();
        let mut boundary = vec![false; n + 1];
        boundary[0] = true;
        boundary[n] = true;
        let mut tag = vec![""; n];
        let mut tok_start: Vec<usize> = (0..n).collect();
        let mut ci = 0;
        for t in tokens {
            // Tokens are in text order; advance the char cursor to the token start.
            while ci < n && b[ci] < t.span.start {
                ci += 1;
            }
            if ci <= n && b[ci] == t.span.start {
                boundary[ci] = true;
            }
            let mut j = ci;
            while j < n && b[j] < t.span.end {
                tag[j] = t.tag;
                tok_start[j] = ci;
                j += 1;
            }
        }
        // Without tokens every char boundary counts, so matching still works.
        if tokens.is_empty() {
            boundary.iter_mut().for_each(|x| *x = true);
        }
        Text { s, c, b, boundary, tag, tok_start, org: vec![false; n], person_entity: vec![false; n], body_start: None, after_sep: OnceCell::new(), by_char: OnceCell::new() }
    }

    /// True when a paragraph ends right before char `i` without a newline:
    /// at the dateline after a glued headline.
    pub fn breaks_before(&self, i: usize) -> bool {
        self.body_start == Some(i)
    }

    /// Number of chars.
    pub fn len(&self) -> usize {
        self.c.len()
    }

    /// True for the empty text.
    pub fn is_empty(&self) -> bool {
        self.c.is_empty()
    }

    /// The text of chars `i..j` (clamped).
    pub fn sub(&self, i: usize, j: usize) -> &'t str {
        let n = self.c.len();
        let (i, j) = (i.min(n), j.min(n));
        if i >= j {
            return "";
        }
        &self.s[self.b[i]..self.b[j]]
    }

    /// True when chars from `i` spell `w`.
    pub fn at(&self, i: usize, w: &str) -> bool {
        self.s.get(self.b[i.min(self.c.len())]..).is_some_and(|r| r.starts_with(w))
    }

    /// True when chars ending at `j` (exclusive) spell `w`.
    pub fn ends_at(&self, j: usize, w: &str) -> bool {
        self.s.get(..self.b[j.min(self.c.len())]).is_some_and(|r| r.ends_with(w))
    }

    /// True when `w` is written somewhere right after a name separator
    /// (保罗-米尔萨普 for 米尔萨普). Same answer as scanning
    /// `s.match_indices(w)` for a match preceded by a separator.
    pub fn follows_separator(&self, w: &str) -> bool {
        const SEPS: [char; 3] = ['-', '·', '•'];
        let n = w.chars().count();
        // Words with a separator inside can overlap themselves, where the
        // non-overlapping scan differs from a lookup: keep the scan for them.
        if !(1..=12).contains(&n) || !w.chars().all(is_han) {
            return SEPS.iter().any(|sep| self.s.match_indices(w).any(|(i, _)| self.s[..i].ends_with(*sep)));
        }
        let set = self.after_sep.get_or_init(|| {
            let mut set = HashSet::default();
            for i in 1..self.c.len() {
                if !SEPS.contains(&self.c[i - 1]) {
                    continue;
                }
                let mut j = i;
                while j < self.c.len() && j - i < 12 && is_han(self.c[j]) {
                    j += 1;
                    set.insert(&self.s[self.b[i]..self.b[j]]);
                }
            }
            set
        });
        set.contains(w)
    }

    /// Byte offsets of the non-overlapping occurrences of `w`, left to right:
    /// the same as `s.match_indices(w)`, found from an index of `w`'s first char.
    pub fn find_all(&self, w: &str) -> Vec<usize> {
        let Some(first) = w.chars().next() else {
            return self.s.match_indices(w).map(|(i, _)| i).collect();
        };
        let index = self.by_char.get_or_init(|| {
            let mut start = vec![0u32; (1 << BUCKET_BITS) + 1];
            for &ch in &self.c {
                start[bucket(ch) + 1] += 1;
            }
            for k in 1..start.len() {
                start[k] += start[k - 1];
            }
            let mut next = start.clone();
            let mut pos = vec![0u32; self.c.len()];
            for (i, &ch) in self.c.iter().enumerate() {
                let k = bucket(ch);
                pos[next[k] as usize] = i as u32;
                next[k] += 1;
            }
            CharIndex { start, pos }
        });
        let k = bucket(first);
        let mut out = Vec::new();
        let mut from = 0;
        for &ci in &index.pos[index.start[k] as usize..index.start[k + 1] as usize] {
            let b = self.b[ci as usize];
            // A match may not start inside the previous one (as in `match_indices`).
            if self.c[ci as usize] == first && b >= from && self.s[b..].starts_with(w) {
                out.push(b);
                from = b + w.len();
            }
        }
        out
    }

    /// Char index of byte offset `byte` (the char starting at or after it).
    pub fn char_of(&self, byte: usize) -> usize {
        self.b.partition_point(|&x| x < byte).min(self.c.len())
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

/// True for CJK ideographs, including the extension planes.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_all_matches_match_indices() {
        let s = "娜娜娜-娜娜，保罗-米尔萨普说米尔萨普";
        let t = Text::new(s, &[]);
        for w in ["娜娜", "娜", "米尔萨普", "-娜", "说", "无"] {
            assert_eq!(t.find_all(w), s.match_indices(w).map(|(i, _)| i).collect::<Vec<_>>(), "{w}");
        }
    }

    #[test]
    fn follows_separator_matches_the_scan() {
        let s = "娜娜娜-娜娜，保罗-米尔萨普说米尔萨普•甲";
        let t = Text::new(s, &[]);
        for w in ["娜娜", "米尔萨普", "米尔", "保罗", "甲", "尔萨普", "-娜娜", "萨普说"] {
            let scan = ['-', '·', '•'].iter().any(|sep| s.match_indices(w).any(|(i, _)| s[..i].ends_with(*sep)));
            assert_eq!(t.follows_separator(w), scan, "{w}");
        }
    }
}
