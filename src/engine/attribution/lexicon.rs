//! The attribution word lists (speech cues, cue prefixes, anonymous-source
//! descriptors, reporter framing, job titles), embedded from the `.txt` files
//! next to this module and parsed once.

use super::super::lexicon::FxHasher;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// The lexicon's FxHash: these sets are probed at every char position, and
/// SipHash dominated the cue lookup.
type Fx = BuildHasherDefault<FxHasher>;

/// One word list with per-position lookups by length.
pub struct WordSet {
    words: HashSet<&'static str, Fx>,
    /// First chars of the words: most text positions start no word, and one
    /// char lookup rules them out before any string is hashed.
    first: HashSet<char, Fx>,
    /// Longest word, in chars.
    pub max_chars: usize,
}

impl WordSet {
    fn parse(data: &'static str) -> Self {
        let words: HashSet<&'static str, Fx> =
            data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        let max_chars = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        let first = words.iter().filter_map(|w| w.chars().next()).collect();
        WordSet { words, first, max_chars }
    }

    /// False when no word of the list starts with `c`.
    pub fn may_start(&self, c: char) -> bool {
        self.first.contains(&c)
    }

    /// True when `w` is in the list.
    pub fn contains(&self, w: &str) -> bool {
        self.words.contains(w)
    }

    /// The longest word of the list that `s` ends with, if any.
    pub fn longest_suffix<'a>(&self, s: &'a str) -> Option<&'a str> {
        // Walks back from the end only (no per-call Vec of every char of `s`);
        // the last hit is the longest.
        s.char_indices().rev().take(self.max_chars).map(|(i, _)| &s[i..]).filter(|w| self.words.contains(w)).last()
    }

    /// The longest word of the list that `s` starts with, if any.
    pub fn longest_prefix<'a>(&self, s: &'a str) -> Option<&'a str> {
        s.char_indices().take(self.max_chars).map(|(i, c)| &s[..i + c.len_utf8()]).filter(|w| self.words.contains(w)).last()
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
