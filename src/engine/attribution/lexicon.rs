//! The attribution word lists (speech cues, cue prefixes, anonymous-source
//! descriptors, reporter framing, job titles), embedded from the `.txt` files
//! next to this module and parsed once.

use super::super::lexicon::Trie;
use std::sync::OnceLock;

/// First chars below this code point are kept in a bitmap (the whole BMP:
/// Chinese text is full of fullwidth punctuation, U+FF0C and up, which the
/// cue scan tests at every comma); a rare other first char is looked up in
/// the trie's root.
const DENSE: usize = 0x1_0000;

/// One word list, as tries for prefix and suffix lookups.
pub struct WordSet {
    words: Trie<()>,
    reversed: Trie<()>,
    /// Bit `c` set when some word starts with char `c` (below [`DENSE`]):
    /// most text positions start no word, and one bit test rules them out.
    first: Vec<u64>,
    /// Longest word, in chars.
    pub max_chars: usize,
}

impl WordSet {
    fn parse(data: &'static str) -> Self {
        let list: Vec<&'static str> = data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        let words = Trie::new(list.iter().map(|&w| (w, ())));
        let reversed = Trie::reversed(list.iter().map(|&w| (w, ())));
        let mut first = vec![0u64; DENSE / 64];
        for c in list.iter().filter_map(|w| w.chars().next()).filter(|&c| (c as usize) < DENSE) {
            first[c as usize / 64] |= 1 << (c as usize % 64);
        }
        WordSet { max_chars: words.max_chars(), words, reversed, first }
    }

    /// False when no word of the list starts with `c`.
    #[inline]
    pub fn may_start(&self, c: char) -> bool {
        match self.first.get(c as usize / 64) {
            Some(bits) => bits & (1 << (c as usize % 64)) != 0,
            None => self.words.has_prefix(std::iter::once(c)),
        }
    }

    /// True when `w` is in the list.
    pub fn contains(&self, w: &str) -> bool {
        self.words.get(w).is_some()
    }

    /// Calls `hit(k)` for every word made of the first `k` chars of `chars`, shortest first.
    pub fn each_prefix(&self, chars: impl Iterator<Item = char>, mut hit: impl FnMut(usize)) {
        self.words.each_match(chars, |k, ()| hit(k));
    }

    /// The longest word of the list that `s` ends with, if any.
    pub fn longest_suffix<'a>(&self, s: &'a str) -> Option<&'a str> {
        self.reversed.longest_suffix(s).map(|(i, ())| &s[i..])
    }

    /// The longest word of the list that `s` starts with, if any.
    pub fn longest_prefix<'a>(&self, s: &'a str) -> Option<&'a str> {
        self.words.longest_prefix(s).map(|(e, ())| &s[..e])
    }
}

/// All attribution lists.
pub struct Lexicon {
    /// Speech cues (表示, 说, 指出 …), those of `needs_punct` included.
    pub cues: WordSet,
    /// Cues that report speech only with a comma or colon after them (提醒，).
    pub needs_punct: WordSet,
    /// Adverbs that join the cue as written (进一步, 联合).
    pub prefixes: WordSet,
    /// Anonymous-source descriptors (人士, 专家 …).
    pub anonymous: WordSet,
    /// Reporter framing (据了解, 值得注意的是 …).
    pub framing: WordSet,
    /// Job titles (CEO, 主任 …).
    pub titles: WordSet,
}

impl Lexicon {
    /// The longest job title `s` ends with, from the entity lexicon or the
    /// attribution's own role words (人员, 代表).
    pub fn title_suffix<'a>(&self, s: &'a str) -> Option<&'a str> {
        let theirs = super::super::lexicon::Lexicon::get().title_at_end(s).map(|i| &s[i..]);
        let mine = self.titles.longest_suffix(s);
        match (theirs, mine) {
            (Some(a), Some(b)) => Some(if a.len() >= b.len() { a } else { b }),
            (a, b) => a.or(b),
        }
    }

    /// The longest job title `s` starts with.
    pub fn title_prefix<'a>(&self, s: &'a str) -> Option<&'a str> {
        let theirs = super::super::lexicon::Lexicon::get().title_at_start(s).map(|e| &s[..e]);
        let mine = self.titles.longest_prefix(s);
        match (theirs, mine) {
            (Some(a), Some(b)) => Some(if a.len() >= b.len() { a } else { b }),
            (a, b) => a.or(b),
        }
    }
}

/// The lexicon, parsed on first use.
pub fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon {
        cues: WordSet::parse(concat!(include_str!("cues.txt"), "\n", include_str!("cues_punct.txt"))),
        needs_punct: WordSet::parse(include_str!("cues_punct.txt")),
        prefixes: WordSet::parse(include_str!("prefixes.txt")),
        anonymous: WordSet::parse(include_str!("anonymous.txt")),
        framing: WordSet::parse(include_str!("framing.txt")),
        titles: WordSet::parse(include_str!("titles.txt")),
    })
}
