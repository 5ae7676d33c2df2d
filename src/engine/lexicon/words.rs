//! The rules' fixed word lists (connectives, adverbials, time words …) as
//! tries: one walk finds every listed word written at a place, where
//! testing the words one by one cost a string comparison each, dozens per
//! subject phrase. Answers keep the lists' semantics: the first word in
//! list order that fits.

use super::Trie;
use crate::engine::chars::Chars;

/// One word list, searched forward (words starting at a place) or
/// backward (words ending at a place).
pub struct Words {
    /// Each word's position in the list.
    trie: Trie<u16>,
}

/// Most matches one walk can report: no list word is longer.
const MAX_CHARS: usize = 16;

impl Words {
    /// `list` for [`Words::first_at`].
    pub fn forward(list: &[&str]) -> Self {
        Self::check(list);
        Words { trie: Trie::new(list.iter().enumerate().map(|(i, &w)| (w, i as u16))) }
    }

    /// `list` for [`Words::first_before`] and [`Words::any_suffix`].
    pub fn backward(list: &[&str]) -> Self {
        Self::check(list);
        Words { trie: Trie::reversed(list.iter().enumerate().map(|(i, &w)| (w, i as u16))) }
    }

    fn check(list: &[&str]) {
        debug_assert!(list.len() < u16::MAX as usize && list.iter().all(|w| w.chars().count() <= MAX_CHARS));
    }

    /// The first listed word (in list order) that `accept`s its length in
    /// chars, among those `chars` spell: its length.
    fn first(&self, chars: impl Iterator<Item = char>, accept: impl Fn(usize) -> bool) -> Option<usize> {
        let mut best: Option<(u16, usize)> = None;
        self.trie.each_match(chars.take(MAX_CHARS), |k, i| {
            if best.is_none_or(|(b, _)| i < b) && accept(k) {
                best = Some((i, k));
            }
        });
        best.map(|(_, k)| k)
    }

    /// The first listed word written at char `i` of `t` that `accept`s its
    /// length in chars: that length (a forward list).
    #[inline]
    pub fn first_at(&self, t: &Chars, i: usize, accept: impl Fn(usize) -> bool) -> Option<usize> {
        // Most places start no listed word: one bit test before the walk.
        if !t.c.get(i).is_some_and(|&c| self.trie.starts_with_char(c)) {
            return None;
        }
        self.first(t.c[i..].iter().copied(), accept)
    }

    /// The first listed word written right before char `j` of `t` that
    /// `accept`s its length in chars: that length (a backward list).
    #[inline]
    pub fn first_before(&self, t: &Chars, j: usize, accept: impl Fn(usize) -> bool) -> Option<usize> {
        let j = j.min(t.len());
        if !(j > 0 && self.trie.starts_with_char(t.c[j - 1])) {
            return None;
        }
        self.first(t.c[..j].iter().rev().copied(), accept)
    }

    /// True when `s` is a listed word.
    pub fn contains(&self, s: &str) -> bool {
        self.trie.get(s).is_some()
    }

    /// True when `s` starts with a listed word (a forward list).
    pub fn starts(&self, s: &str) -> bool {
        s.chars().next().is_some_and(|c| self.trie.starts_with_char(c)) && self.first(s.chars(), |_| true).is_some()
    }

    /// True when `s` ends with a listed word that `accept`s its length in chars (a backward list).
    pub fn any_suffix(&self, s: &str, accept: impl Fn(usize) -> bool) -> bool {
        s.chars().next_back().is_some_and(|c| self.trie.starts_with_char(c)) && self.first(s.chars().rev(), accept).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_in_list_order_not_longest() {
        let t = Chars::new("但也有人说", &[]);
        let lead = Words::forward(&["但", "但也有", "也"]);
        assert_eq!(lead.first_at(&t, 0, |_| true), Some(1));
        assert_eq!(lead.first_at(&t, 0, |k| k > 1), Some(3));
        assert_eq!(lead.first_at(&t, 1, |_| true), Some(1));
        let trail = Words::backward(&["说", "人说"]);
        assert_eq!(trail.first_before(&t, 5, |_| true), Some(1));
        assert_eq!(trail.first_before(&t, 5, |k| k == 2), Some(2));
        assert_eq!(trail.first_before(&t, 4, |_| true), None);
        assert!(trail.any_suffix("有人说", |k| k < 3) && !trail.any_suffix("说", |k| k < 1));
        assert!(lead.starts("也好") && !lead.starts("好也"));
        assert!(lead.contains("但也有") && !lead.contains("但也") && trail.contains("人说"));
    }
}
