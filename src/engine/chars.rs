//! The text as chars, built once per text and shared by every stage: the
//! chars with their byte offsets, jieba's token boundaries and tags per
//! char, and an index of the marks the scanners look for (quotation marks,
//! 《》, sentence ends, digits, name separators). Each stage used to decode
//! the text again and walk every char for the few it wanted.

use super::lexicon::{CharMap, FxHasher};
use super::segment::Token;
use std::cell::OnceCell;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

/// Kinds of marks in [`Chars::marks`] (bits; a char may have several).
pub mod mark {
    /// A quotation mark (“”「」『』‘’") or a paragraph break.
    pub const QUOTE: u8 = 1;
    /// 《, 》, or what closes an open 《 (a paragraph break, 。).
    pub const TITLE: u8 = 2;
    /// What may start a figure: a digit (either width), a Chinese numeral
    /// digit (〇 … 十), 第 or 百.
    pub const FIGURE: u8 = 4;
    /// A separator inside a transliterated name (· • ・ ‧ - － ‐ ∙ .).
    pub const NAME_SEP: u8 = 8;
    /// The enumeration comma 、.
    pub const LIST: u8 = 16;
    /// A sentence end (。！？!?) or a paragraph break.
    pub const STOP: u8 = 32;
    /// A colon (：:), where interview turns end their labels.
    pub const COLON: u8 = 64;
}

/// Classes of jieba tags, for [`TokFacts::pos`] (bits).
pub mod pos {
    /// ns: a place.
    pub const NS: u16 = 1;
    /// nt: an organization.
    pub const NT: u16 = 2;
    /// nz: another proper noun.
    pub const NZ: u16 = 4;
    /// nr: a person.
    pub const NR: u16 = 8;
    /// nrt: a transliterated name.
    pub const NRT: u16 = 16;
    /// nrfg: a full name.
    pub const NRFG: u16 = 32;
    /// Any tag starting with nr (nr, nrt, nrfg and the rare others).
    pub const NR_ANY: u16 = 64;
    /// eng: a Latin word.
    pub const ENG: u16 = 128;
    /// n, nw, l, j: nouns, idioms and abbreviations a name may be built from.
    pub const NOUNISH: u16 = 256;
    /// x: unknown (or punctuation).
    pub const X: u16 = 512;
}

/// The [`pos`] class of a jieba tag. Matched on bytes (a jump on the
/// length, then a compare of a word or two), inline: it runs once per
/// token. (jieba keeps a copy of the tag string per dictionary word, so a
/// cache of the classes by pointer missed a third of the time.)
#[inline(always)]
pub fn pos_of(tag: &str) -> u16 {
    use pos::*;
    match tag.as_bytes() {
        b"ns" => NS,
        b"nt" => NT,
        b"nz" => NZ,
        b"nr" => NR | NR_ANY,
        b"nrt" => NRT | NR_ANY,
        b"nrfg" => NRFG | NR_ANY,
        [b'n', b'r', ..] => NR_ANY,
        b"eng" => ENG,
        b"n" | b"nw" | b"l" | b"j" => NOUNISH,
        b"x" => X,
        _ => 0,
    }
}

/// Bits of [`TokFacts::bits`].
pub mod tok {
    /// The char before the token is a space, colon, slash or bar (what the
    /// person rules look past before a title or byline).
    pub const BEFORE_TRIMMED: u8 = 1;
    /// The char before ends a byline word or credit (者 of 记者, 文 of 文/).
    pub const BEFORE_BYLINE: u8 = 2;
    /// 方 follows the token (X方面).
    pub const FANG_AFTER: u8 = 4;
    /// The token ends in 长 (部长).
    pub const LAST_ZHANG: u8 = 8;
    /// The token has two chars or more.
    pub const MULTI: u8 = 16;
    /// The token has more than eight chars.
    pub const LONG: u8 = 32;
}

/// Last chars of the byline words and 文/图 credits that a name may follow
/// (记者, 编辑 … 文/): the person rules' cheap test before the word itself.
pub const BYLINE_LAST: &[char] = &['者', '辑', '员', '生', '影', '编', '译', '文', '对', '图'];

/// True for the chars the person rules look past before a title or byline
/// (spaces, colons, slashes and bars in either width).
pub fn skipped_before_name(c: char) -> bool {
    matches!(c, ' ' | '　' | ':' | '：' | '/' | '／' | '|' | '｜')
}

/// What the entity rules filter every token on, read once per token here
/// so that their loops look at eight bytes per token, not at the token.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TokFacts {
    /// Lexicon flags ([`crate::engine::lexicon::flag`]) of the first char.
    pub first: u8,
    /// Lexicon flags of the last char.
    pub last: u8,
    /// Lexicon flags of the char before the token (0 at the text start).
    pub before: u8,
    /// [`tok`] bits.
    pub bits: u8,
    /// [`pos`] class of the tag.
    pub pos: u16,
}

/// [`tok`] bits from the char before a token, from its [`mark_table`] entry.
#[inline]
fn before_bits(entry: u16) -> u8 {
    let mut bits = 0;
    if entry & SKIPPED != 0 {
        bits |= tok::BEFORE_TRIMMED;
    }
    if entry & BYLINE != 0 {
        bits |= tok::BEFORE_BYLINE;
    }
    bits
}

/// [`tok`] bits from a token's last char, the char after it ('\0' at the
/// text end) and its length in chars. Without branches: the lengths and
/// chars vary from token to token.
#[inline]
fn end_bits(last: char, after: char, len: usize) -> u8 {
    (u8::from(last == '长') * tok::LAST_ZHANG)
        | (u8::from(after == '方') * tok::FANG_AFTER)
        | (u8::from(len >= 2) * tok::MULTI)
        | (u8::from(len > 8) * tok::LONG)
}

/// Not marks, but facts of the same table: the char may start a sport
/// word (球队, 赛季 …, see [`Chars::sports`]); the person rules look past
/// it before a name ([`skipped_before_name`]); it ends a byline word
/// ([`BYLINE_LAST`]).
const SPORT: u16 = 0x100;
const SKIPPED: u16 = 0x200;
const BYLINE: u16 = 0x400;

/// Every char that [`mark_of`] marks (the table is built from this list
/// rather than by testing all 65,536 BMP chars at start-up; a test checks
/// that the two agree).
const MARKED: &str = "\n\r“”「」『』‘’\"《》。！？!?0123456789０１２３４５６７８９〇零一二两三四五六七八九十第百.-·•・‧－‐∙、：:";

/// The table entry of `c`: its [`mark_of`] and the facts above.
fn entry_of(c: char) -> u16 {
    let sport = if matches!(c, '球' | '赛' | '比' | '联' | '主' | '客' | '篮' | '进') { SPORT } else { 0 };
    let skipped = if skipped_before_name(c) { SKIPPED } else { 0 };
    let byline = if BYLINE_LAST.contains(&c) { BYLINE } else { 0 };
    u16::from(mark_of(c)) | sport | skipped | byline
}

/// [`entry_of`] for every char that has an entry, in a compact map: one
/// lookup rules out most chars.
fn mark_table() -> &'static CharMap<u16> {
    static TABLE: std::sync::OnceLock<CharMap<u16>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let chars = MARKED.chars().chain("球赛比联主客篮进 　:：/／|｜".chars()).chain(BYLINE_LAST.iter().copied());
        CharMap::new(chars.map(|c| (c, entry_of(c))))
    })
}

/// Which [`mark`]s `c` is.
#[inline]
pub fn mark_of(c: char) -> u8 {
    use mark::*;
    match c {
        '\n' | '\r' => QUOTE | TITLE | STOP,
        '“' | '”' | '「' | '」' | '『' | '』' | '‘' | '’' | '"' => QUOTE,
        '《' | '》' => TITLE,
        '。' => TITLE | STOP,
        '！' | '？' | '!' | '?' => STOP,
        '0'..='9' | '０'..='９' => FIGURE,
        '〇' | '零' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '第' | '百' => FIGURE,
        '.' | '-' => NAME_SEP,
        '·' | '•' | '・' | '‧' | '－' | '‐' | '∙' => NAME_SEP,
        '、' => LIST,
        '：' | ':' => COLON,
        _ => 0,
    }
}

/// True when the char pass over `s` filled every slot of `c` and `b`
/// and left no char over, read from the last slot alone (no count kept per
/// char): it holds a char that ends the text. A slot left unfilled holds
/// the offset `s.len()`, so a text shorter than the slots fails, as does a
/// longer one (its last slot ends before the text does).
fn fills_exactly(s: &str, c: &[char], b: &[usize]) -> bool {
    match c.len() {
        0 => s.is_empty(),
        n => b[n - 1] + c[n - 1].len_utf8() == s.len(),
    }
}

/// Words that make a text about sport (team names that are also words count there).
const SPORTS: [&str; 9] = ["球队", "赛季", "比赛", "联赛", "主场", "客场", "球员", "篮板", "进球"];

/// The text as characters, with byte offsets and token information per char.
pub struct Chars<'t> {
    /// The original text.
    pub s: &'t str,
    /// The characters.
    pub c: Vec<char>,
    /// Byte offset of each char, plus the text length at index `c.len()`.
    pub b: Vec<usize>,
    /// True at char index `i` when a jieba token starts (or the text ends) there.
    pub boundary: Vec<bool>,
    /// Per token (by index in the tokens the view was built from): the
    /// facts the entity rules filter on.
    pub facts: Vec<TokFacts>,
    /// Per char, its index in `runs`: which token covers it.
    tok: Vec<u32>,
    /// Per token (or run of chars no token covers): its first char and tag.
    runs: Vec<(u32, &'t str)>,
    /// Every char that is some [`mark`], in text order: (char index, marks).
    pub marks: Vec<(u32, u8)>,
    /// The text contains one of the sport words (球队, 赛季 …).
    pub sports: bool,
    /// Every run of 1–12 Han chars written right after a name separator
    /// (-·•), built on first use: searching the whole text once per
    /// candidate name made long texts quadratic.
    after_sep: OnceCell<HashSet<&'t str, BuildHasherDefault<FxHasher>>>,
}

impl<'t> Chars<'t> {
    /// Builds the view in one pass over the text, walking the tokens
    /// alongside (they cover the text in order, as jieba's do; other tokens
    /// take a second pass).
    pub fn new(s: &'t str, tokens: &[Token<'t>]) -> Self {
        // jieba's tokens end at the last char: no pass of its own to count
        // the chars (the char pass checks the count).
        let n = tokens.last().map_or_else(|| s.chars().count(), |t| t.at + t.chars);
        let mut v = Chars::sized(s, n, tokens);
        // jieba's tokens cover the text end to end, each starting where the
        // one before ended: then one pass over them fills everything.
        if !v.fill_from_tokens(tokens) {
            if !tokens.is_empty() {
                // Sized by tokens that did not cover the text: count its chars.
                v = Chars::sized(s, s.chars().count(), tokens);
            }
            v.fill_from_text(tokens);
        }
        v.boundary[0] = true;
        v.boundary[n.min(v.c.len())] = true;
        v
    }

    /// An unfilled view of `s` with `n` char slots, for `tokens`.
    fn sized(s: &'t str, n: usize, tokens: &[Token<'t>]) -> Self {
        // Sized once and filled by index: pushing to several vectors per
        // char cost more than the rest of this pass.
        Chars {
            s,
            c: vec!['\0'; n],
            b: vec![s.len(); n + 1],
            // Without tokens every char boundary counts, so matching still works.
            boundary: vec![tokens.is_empty(); n + 1],
            facts: Vec::with_capacity(tokens.len()),
            // Written whole once the boundaries are known (collected, not
            // zeroed first and then overwritten).
            tok: Vec::new(),
            runs: Vec::new(),
            // About one char in ten is a mark in news text: most texts never
            // grow this (each growth copies what was pushed so far).
            marks: Vec::with_capacity(n / 8),
            sports: false,
            after_sep: OnceCell::new(),
        }
    }

    /// Fills the view from jieba's tokens; false (leaving it to
    /// [`Self::fill_from_text`]) when they do not cover the text end to end
    /// at the char positions they claim. Simple passes, each with few
    /// data-dependent branches: the chars; the tokens (one step each, no
    /// loop over a token's chars); their runs (copied); the token index per
    /// char (a running count).
    fn fill_from_tokens(&mut self, tokens: &[Token<'t>]) -> bool {
        let n = self.c.len();
        if tokens.is_empty() {
            return false;
        }
        let table = mark_table();
        // The [`tok`] bits each char gives the token after it, noted in the
        // char pass (which looks every char up in the table anyway) instead
        // of a second table lookup per token.
        let mut gives = vec![0u8; n];
        if !self.fill_chars(table, &mut gives) {
            return false;
        }
        let lx = crate::engine::lexicon::Lexicon::get();
        // Sized first and written in place: a push may call the allocator,
        // after which the loop reloaded the lexicon's tables from memory.
        self.facts.resize(tokens.len(), TokFacts::default());
        let (c, b, boundary) = (&self.c[..], &self.b[..], &mut self.boundary[..]);
        let (mut at, mut byte, mut prev_flags) = (0, 0, 0);
        for (t, fact) in tokens.iter().zip(self.facts.iter_mut()) {
            let (a, z) = (t.at, t.at + t.chars);
            // Each token starts where the one before ended, in chars and in
            // bytes, and ends on the char it claims (its start was checked
            // as the end of the one before: one offset lookup per token).
            if a != at || t.span.start != byte || z <= a || z > n || b[z] != t.span.end {
                return false;
            }
            (at, byte) = (z, t.span.end);
            boundary[a] = true;
            let (first, last) = (lx.char_flags(c[a]), lx.char_flags(c[z - 1]));
            let after = c.get(z).copied().unwrap_or('\0');
            let before = if a > 0 { gives[a - 1] } else { 0 };
            let bits = end_bits(c[z - 1], after, z - a) | before;
            *fact = TokFacts { first, last, before: prev_flags, pos: pos_of(t.tag), bits };
            prev_flags = last;
        }
        if at != n {
            return false;
        }
        // (Collected after the loop, from an exact-size iterator: written
        // in the loop, the runs cost a fill first and more stores per token.)
        self.runs = tokens.iter().map(|t| (t.at as u32, t.tag)).collect();
        // The token covering each char: how many tokens started up to it.
        let mut k = 0u32;
        self.tok = self.boundary[..n]
            .iter()
            .map(|&start| {
                k += u32::from(start);
                k.saturating_sub(1)
            })
            .collect();
        true
    }

    /// The chars, their byte offsets and marks, and whether the text is
    /// about sport; in `gives` (one slot per char), the [`before_bits`] of
    /// each char. False when the text does not have exactly one char per
    /// slot (the count came from the tokens).
    fn fill_chars(&mut self, table: &CharMap<u16>, gives: &mut [u8]) -> bool {
        let s = self.s;
        let table = table.reader();
        let (c, b, marks) = (&mut self.c[..], &mut self.b[..], &mut self.marks);
        let mut sports = false;
        marks.clear();
        // Zipped with the slots (no index checks); `c` holds exactly one slot per char.
        let slots = c.iter_mut().zip(b.iter_mut()).zip(gives.iter_mut());
        for (ci, (((c_slot, b_slot), g_slot), (i, ch))) in slots.zip(s.char_indices()).enumerate() {
            *c_slot = ch;
            *b_slot = i;
            if let Some(m) = table.get(ch) {
                *g_slot = before_bits(m);
                if m & 0xFF != 0 {
                    marks.push((ci as u32, m as u8));
                }
                if m & SPORT != 0 && !sports {
                    sports = SPORTS.iter().any(|w| s[i..].starts_with(w));
                }
            }
        }
        self.sports = sports;
        fills_exactly(s, c, b)
    }

    /// Fills the view from the text alone, then places `tokens` (in any
    /// shape) on it.
    fn fill_from_text(&mut self, tokens: &[Token<'t>]) {
        // The chars were counted from the text: every slot is filled.
        self.fill_chars(mark_table(), &mut vec![0; self.c.len()]);
        self.runs.clear();
        self.mark_tokens(tokens);
        self.facts = self.token_facts(tokens);
    }

    /// Boundaries, tags and token starts from tokens that do not cover the
    /// text end to end (a caller's own tokens, or none; jieba's always do).
    /// A char no token covers has no tag and starts its own run.
    fn mark_tokens(&mut self, tokens: &[Token<'t>]) {
        let n = self.c.len();
        self.boundary.iter_mut().for_each(|x| *x = tokens.is_empty());
        self.boundary[0] = true;
        self.boundary[n] = true;
        self.tok = vec![0; n];
        let mut tag = vec![""; n];
        let mut start: Vec<usize> = (0..n).collect();
        let mut ci = 0;
        for t in tokens {
            // Tokens are in text order; advance the char cursor to the token start.
            while ci < n && self.b[ci] < t.span.start {
                ci += 1;
            }
            if ci < n && self.b[ci] == t.span.start {
                self.boundary[ci] = true;
            }
            let mut j = ci;
            while j < n && self.b[j] < t.span.end {
                tag[j] = t.tag;
                start[j] = ci;
                j += 1;
            }
        }
        self.runs.clear();
        for i in 0..n {
            let run = (start[i] as u32, tag[i]);
            if self.runs.last() != Some(&run) {
                self.runs.push(run);
            }
            self.tok[i] = (self.runs.len() - 1) as u32;
        }
    }

    /// [`TokFacts`] of tokens that do not cover the text end to end, each
    /// placed by its byte span.
    fn token_facts(&self, tokens: &[Token<'t>]) -> Vec<TokFacts> {
        let lx = crate::engine::lexicon::Lexicon::get();
        tokens
            .iter()
            .map(|t| {
                let (a, z) = (self.char_of(t.span.start), self.char_of(t.span.end));
                let mut f = TokFacts { pos: pos_of(t.tag), ..TokFacts::default() };
                if a < z {
                    f.first = lx.char_flags(self.c[a]);
                    f.bits |= end_bits(self.c[z - 1], self.c.get(z).copied().unwrap_or('\0'), z - a);
                    f.last = lx.char_flags(self.c[z - 1]);
                }
                if let Some(&p) = a.checked_sub(1).and_then(|i| self.c.get(i)) {
                    f.before = lx.char_flags(p);
                    f.bits |= before_bits(mark_table().get(p).unwrap_or(0));
                }
                f
            })
            .collect()
    }

    /// jieba's tag of the token covering char `i` ("" where none does).
    #[inline]
    pub fn tag(&self, i: usize) -> &'t str {
        self.runs[self.tok[i] as usize].1
    }

    /// Char index where the token covering char `i` starts (`i` itself where none does).
    #[inline]
    pub fn tok_start(&self, i: usize) -> usize {
        self.runs[self.tok[i] as usize].0 as usize
    }

    /// Number of chars.
    pub fn len(&self) -> usize {
        self.c.len()
    }

    /// True for the empty text.
    pub fn is_empty(&self) -> bool {
        self.c.is_empty()
    }

    /// The marks of kind `kind` (a [`mark`] bit), in text order: char indices.
    pub fn marks_of(&self, kind: u8) -> impl Iterator<Item = usize> + '_ {
        self.marks.iter().filter(move |m| m.1 & kind != 0).map(|m| m.0 as usize)
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
            for i in self.marks_of(mark::NAME_SEP).map(|i| i + 1) {
                if i >= self.c.len() || !SEPS.contains(&self.c[i - 1]) {
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
    /// the same as `s.match_indices(w)`, found by a scan of the chars for
    /// `w`'s first char (a compare per char: cheaper than the substring
    /// search, whose byte-set skip rarely fires on Chinese text, and than
    /// an index of every char, which texts query only a few times).
    pub fn find_all(&self, w: &str) -> Vec<usize> {
        let Some(first) = w.chars().next() else {
            return self.s.match_indices(w).map(|(i, _)| i).collect();
        };
        let mut out = Vec::new();
        let mut from = 0;
        let mut i = 0;
        while let Some(k) = position_from(&self.c, i, first) {
            let b = self.b[k];
            // A match may not start inside the previous one (as in `match_indices`).
            if b >= from && self.s[b..].starts_with(w) {
                out.push(b);
                from = b + w.len();
            }
            i = k + 1;
        }
        out
    }

    /// Char index of byte offset `byte` (the char starting at or after it).
    pub fn char_of(&self, byte: usize) -> usize {
        self.b.partition_point(|&x| x < byte).min(self.c.len())
    }
}

/// The first index at or after `from` where `c` holds `x`. Sixteen chars
/// are tested at a time without a branch (the compiler turns the test into
/// vector compares), then the block that has it is searched.
fn position_from(c: &[char], from: usize, x: char) -> Option<usize> {
    const BLOCK: usize = 16;
    let rest = c.get(from..)?;
    let mut blocks = rest.chunks_exact(BLOCK);
    let mut at = from;
    for block in &mut blocks {
        if block.iter().fold(false, |seen, &ch| seen | (ch == x)) {
            return block.iter().position(|&ch| ch == x).map(|k| at + k);
        }
        at += BLOCK;
    }
    blocks.remainder().iter().position(|&ch| ch == x).map(|k| at + k)
}

/// True for CJK ideographs, including the extension planes (the
/// attribution's definition: a name char; planes 2 and 3 whole, unlike
/// [`crate::engine::segment::is_han`], which stops at Extension G).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pos_of_matches_the_tag_names() {
        use pos::*;
        // The definition by string tests, as it read before the byte match.
        let by_str = |tag: &str| {
            let nr = if tag.starts_with("nr") { NR_ANY } else { 0 };
            nr | match tag {
                "ns" => NS,
                "nt" => NT,
                "nz" => NZ,
                "nr" => NR,
                "nrt" => NRT,
                "nrfg" => NRFG,
                "eng" => ENG,
                "n" | "nw" | "l" | "j" => NOUNISH,
                "x" => X,
                _ => 0,
            }
        };
        let tags = ["ns", "nt", "nz", "nr", "nrt", "nrfg", "nrj", "nr1", "eng", "n", "nw", "l", "j", "x", "v", "vn", "", "nsf", "ntx", "m", "uj", "zg", "n "];
        for tag in tags {
            assert_eq!(pos_of(tag), by_str(tag), "{tag}");
        }
    }

    #[test]
    fn mark_table_holds_every_entry() {
        let table = mark_table();
        for c in (0..=0xFFFF_u32).filter_map(char::from_u32) {
            assert_eq!(table.get(c).unwrap_or(0), entry_of(c), "{c:?}");
        }
    }

    #[test]
    fn find_all_matches_match_indices() {
        // Long enough for the scan's blocks of sixteen chars and a remainder.
        let s = "娜娜娜-娜娜，保罗-米尔萨普说米尔萨普".repeat(3);
        let t = Chars::new(&s, &[]);
        for w in ["娜娜", "娜", "米尔萨普", "-娜", "说", "普娜", "无"] {
            assert_eq!(t.find_all(w), s.match_indices(w).map(|(i, _)| i).collect::<Vec<_>>(), "{w}");
        }
    }

    #[test]
    fn follows_separator_matches_the_scan() {
        let s = "娜娜娜-娜娜，保罗-米尔萨普说米尔萨普•甲";
        let t = Chars::new(s, &[]);
        for w in ["娜娜", "米尔萨普", "米尔", "保罗", "甲", "尔萨普", "-娜娜", "萨普说"] {
            let scan = ['-', '·', '•'].iter().any(|sep| s.match_indices(w).any(|(i, _)| s[..i].ends_with(*sep)));
            assert_eq!(t.follows_separator(w), scan, "{w}");
        }
    }

    #[test]
    fn built_from_tokens_or_from_the_text_alike() {
        let s = "郑明远说：“好。”";
        let jieba = crate::engine::dict::jieba();
        let tokens = crate::engine::segment::tag(&jieba, s);
        let a = Chars::new(s, &tokens);
        // The same tokens, one split off, take the general path.
        let b = Chars::new(s, &tokens[1..]);
        assert_eq!(a.c, b.c);
        assert_eq!(a.b, b.b);
        assert_eq!(a.marks, b.marks);
        assert_eq!(a.boundary[1..], b.boundary[1..]);
        for i in tokens[0].word.chars().count()..a.len() {
            assert_eq!((a.tag(i), a.tok_start(i)), (b.tag(i), b.tok_start(i)), "{i}");
        }
        // The facts gathered in the covering pass are those of the general path.
        let text = include_str!("../../benches/data/sample-article.txt");
        let all = crate::engine::segment::tag(&jieba, text);
        let v = Chars::new(text, &all);
        assert_eq!(v.facts, v.token_facts(&all));
        let none = Chars::new(s, &[]);
        assert!((0..none.len()).all(|i| none.tag(i).is_empty() && none.tok_start(i) == i && none.boundary[i]));
        assert!(!a.sports && Chars::new("新赛季开始", &[]).sports);
    }
}
