//! Which dictionary words occur in a text, found by binary search over the
//! packed dictionary ([`super::packed`], sorted by word), with nothing
//! built first.
//!
//! Why: building jieba's trie from all 193k words is the one slow step of
//! starting the engine (35 ms natively, 150–300 ms in the browser right after
//! the module is compiled), while a 3,000-character article contains only a
//! few thousand of those words. [`for_each_word_in`] lists them in a few
//! milliseconds, so the browser's engine loads just those
//! ([`crate::engine::growing`]).

use super::packed::{self, lower_bound, seek, NO_ID};
use super::Entry;
use crate::engine::lexicon::FxHasher;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The entries `lo..hi` of words starting with `prefix` + any id, searched
/// within `lo..hi`: ids are numbers, so those words sort below `prefix`
/// with its last id plus one.
fn prefix_range(prefix: &[u16], lo: usize, hi: usize) -> (usize, usize) {
    let lo = lower_bound(prefix, lo, hi);
    let mut above = [0u16; 2];
    let n = prefix.len().min(2);
    above[..n].copy_from_slice(&prefix[..n]);
    // Ids stay below NO_ID (build.rs), so this never overflows.
    above[n - 1] += 1;
    (lo, lower_bound(&above[..n], lo, hi))
}

/// Calls `f(at, entry)` for every occurrence of a dictionary word in `text`
/// (`at`: its byte offset; `entry.word` is that slice of `text`), in text
/// order (by start, shortest first).
pub fn for_each_word_in<'t>(text: &'t str, mut f: impl FnMut(usize, Entry<'t>)) {
    // The text as char ids (NO_ID: a char no word contains), with the byte
    // offset of each char and one past the end.
    let mut ids_of: FxMap<char, u16> = FxMap::default();
    let mut ids = Vec::with_capacity(text.len() / 3 + 1);
    let mut at = Vec::with_capacity(text.len() / 3 + 2);
    for (pos, c) in text.char_indices() {
        ids.push(*ids_of.entry(c).or_insert_with(|| packed::char_id(c)));
        at.push(pos);
    }
    at.push(text.len());
    // The entries of words starting with each char, and with each pair of
    // chars, searched once per distinct char or pair of the text (an article
    // repeats them): most positions then cost two hash lookups and a search
    // among a handful of entries.
    let mut by_char: FxMap<u16, (usize, usize, Option<usize>)> = FxMap::default();
    let mut by_pair: FxMap<(u16, u16), (usize, usize)> = FxMap::default();
    let n = packed::len();
    let emit = |f: &mut dyn FnMut(usize, Entry<'t>), i: usize, k: usize, freq: usize, entry: usize| {
        let word = &text[at[i]..at[i + k]];
        f(at[i], Entry { word, freq, tag: packed::tag(entry) });
    };
    for i in 0..ids.len() {
        let c1 = ids[i];
        if c1 == NO_ID {
            continue;
        }
        let (lo1, hi1, single) = *by_char.entry(c1).or_insert_with(|| {
            let (lo, hi) = prefix_range(&[c1], 0, n);
            // The char itself sorts first among the words it starts.
            let single = seek(&[c1], lo, hi).filter(|r| r.word() == [c1]).map(|r| r.freq());
            (lo, hi, single)
        });
        if let Some(freq) = single {
            emit(&mut f, i, 1, freq, lo1);
        }
        if lo1 == hi1 {
            continue;
        }
        let Some(&c2) = ids.get(i + 1) else { continue };
        if c2 == NO_ID {
            continue;
        }
        let (mut lo, hi) = *by_pair.entry((c1, c2)).or_insert_with(|| prefix_range(&[c1, c2], lo1, hi1));
        let mut k = 2;
        while lo < hi {
            let key = &ids[i..i + k];
            let Some(r) = seek(key, lo, hi) else { break };
            lo = r.index();
            let word = r.word();
            if word == key {
                emit(&mut f, i, k, r.freq(), lo);
            }
            // Sorted words: if the first word not below `key` does not start
            // with it, no word does, and no longer word can match here.
            if !word.starts_with(key) || ids.get(i + k).is_none_or(|&c| c == NO_ID) {
                break;
            }
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::dict;

    /// Every dictionary word occurring in `text`, the slow obvious way.
    fn brute_force(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        dict::for_each_entry_from(0, |e| {
            for (at, w) in text.match_indices(e.word) {
                out.push((at, w));
            }
            true
        });
        out.sort_by_key(|&(at, w)| (at, w.len()));
        out
    }

    fn found(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for_each_word_in(text, |at, e| out.push((at, e.word)));
        out
    }

    #[test]
    fn finds_exactly_the_words_a_text_contains() {
        // Overlapping occurrences, ASCII, punctuation, a word at the very end.
        let text = "中华人民共和国国务院新闻办公室表示，A股3.5%上涨；记者：中国";
        let got = found(text);
        assert_eq!(got, brute_force(text));
        assert!(got.iter().any(|&(_, w)| w == "国务院"));
    }

    #[test]
    fn finds_exactly_the_words_of_a_news_paragraph() {
        let article = include_str!("../../../benches/data/sample-article.txt");
        let end = article.char_indices().nth(400).map_or(article.len(), |(i, _)| i);
        assert_eq!(found(&article[..end]), brute_force(&article[..end]));
    }

    #[test]
    fn empty_and_unknown_texts_find_nothing_wrong() {
        assert!(found("").is_empty());
        let odd = "\u{FFFF}\u{10FFFF}\0\r\n 😀";
        assert_eq!(found(odd), brute_force(odd));
    }

    #[test]
    fn first_and_last_words_are_found() {
        let (mut first, mut last) = (String::new(), String::new());
        dict::for_each_entry_from(0, |e| {
            if first.is_empty() {
                first = e.word.to_string();
            }
            last = e.word.to_string();
            true
        });
        let text = format!("{first}{last}");
        let mut words = Vec::new();
        for_each_word_in(&text, |_, e| words.push(e.word));
        assert!(words.contains(&first.as_str()) && words.contains(&last.as_str()), "{words:?}");
    }
}
