//! Which dictionary words occur in a text, found by binary search over the
//! embedded dictionary text (sorted by word, one `word freq[ tag]` line per
//! word), with nothing built first.
//!
//! Why: building jieba's trie from all 193k words is the one slow step of
//! starting the engine (35 ms natively, 150–300 ms in the browser right after
//! the module is compiled), while a 3,000-character article contains only a
//! few thousand of those words. [`for_each_word_in`] lists them in a few
//! milliseconds, so the browser's engine loads just those
//! ([`crate::engine::growing`]).

use super::{parse_line, Entry, DICT};
use crate::engine::lexicon::FxHasher;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Byte offset of the start of the line that holds byte `i` of `d`.
fn line_start(d: &[u8], i: usize) -> usize {
    d[..i].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1)
}

/// The word of the line starting at byte `s` (up to its first space).
fn word_at(d: &[u8], s: usize) -> &[u8] {
    let rest = &d[s..];
    let end = rest.iter().position(|&b| b == b' ' || b == b'\n').unwrap_or(rest.len());
    &rest[..end]
}

/// The start of the first line in `lo..hi` (both line starts, or `hi` the
/// text's end) whose word is not less than `key`; `hi` if there is none.
fn lower_bound(d: &[u8], key: &[u8], mut lo: usize, mut hi: usize) -> usize {
    while lo < hi {
        let s = line_start(d, lo + (hi - lo) / 2).max(lo);
        if word_at(d, s) < key {
            // The next line start after `s`: always > lo, so the loop ends.
            lo = d[s..hi].iter().position(|&b| b == b'\n').map_or(hi, |p| s + p + 1);
        } else {
            hi = s;
        }
    }
    lo
}

/// The lines of words that start with `prefix`, as a byte range of line
/// starts (`lo..hi`, empty when there is none), searched within `lo..hi`.
fn prefix_range(d: &[u8], prefix: &[u8], lo: usize, hi: usize) -> (usize, usize) {
    let lo = lower_bound(d, prefix, lo, hi);
    // 0xFF never occurs in UTF-8: every word starting with `prefix` sorts
    // before `prefix` + 0xFF, every other word after it. (Prefixes here are
    // one or two characters: at most 8 bytes.)
    let mut above = [0xFFu8; 9];
    let n = prefix.len().min(8);
    above[..n].copy_from_slice(&prefix[..n]);
    (lo, lower_bound(d, &above[..=n], lo, hi))
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Calls `f(at, entry)` for every occurrence of a dictionary word in `text`
/// (`at`: its byte offset), in text order (by start, shortest first).
pub fn for_each_word_in(text: &str, mut f: impl FnMut(usize, Entry<'static>)) {
    let d = DICT.as_bytes();
    let bytes = text.as_bytes();
    // The lines of words starting with each character, and with each pair of
    // characters, searched once per distinct character or pair of the text
    // (an article repeats them): most positions then cost two hash lookups
    // and a search among a handful of lines.
    let mut by_char: FxMap<char, (usize, usize)> = FxMap::default();
    let mut by_pair: FxMap<(char, char), (usize, usize)> = FxMap::default();
    let emit_line = |f: &mut dyn FnMut(usize, Entry<'static>), pos: usize, s: usize| {
        let line_end = d[s..].iter().position(|&b| b == b'\n').map_or(d.len(), |p| s + p);
        if let Some(entry) = parse_line(&DICT[s..line_end]) {
            f(pos, entry);
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some((pos, c1)) = chars.next() {
        let mut buf = [0u8; 8];
        let one = c1.encode_utf8(&mut buf).len();
        let (lo1, hi1) = *by_char.entry(c1).or_insert_with(|| prefix_range(d, &buf[..one], 0, d.len()));
        if lo1 == hi1 {
            continue;
        }
        // The character itself sorts first among the words it starts.
        if word_at(d, lo1) == &buf[..one] {
            emit_line(&mut f, pos, lo1);
        }
        let Some(&(_, c2)) = chars.peek() else { continue };
        let (mut lo, hi) = *by_pair.entry((c1, c2)).or_insert_with(|| {
            let two = one + c2.encode_utf8(&mut buf[one..]).len();
            prefix_range(d, &buf[..two], lo1, hi1)
        });
        let mut end = pos + one + c2.len_utf8();
        while lo < hi {
            let key = &bytes[pos..end];
            lo = lower_bound(d, key, lo, hi);
            if lo >= hi {
                break;
            }
            let word = word_at(d, lo);
            if word == key {
                emit_line(&mut f, pos, lo);
            }
            // Sorted words: if the first word not below `key` does not start
            // with it, no word does, and no longer word can match here.
            if !word.starts_with(key) {
                break;
            }
            match text[end..].chars().next() {
                Some(next) => end += next.len_utf8(),
                None => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::dict;

    /// Every dictionary word occurring in `text`, the slow obvious way.
    fn brute_force(text: &str) -> Vec<(usize, &'static str)> {
        let mut out = Vec::new();
        dict::for_each_entry_from(0, |e| {
            for (at, _) in text.match_indices(e.word) {
                out.push((at, e.word));
            }
            true
        });
        out.sort_by_key(|&(at, w)| (at, w.len()));
        out
    }

    fn found(text: &str) -> Vec<(usize, &'static str)> {
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
    fn empty_and_unknown_texts_find_nothing_wrong() {
        assert!(found("").is_empty());
        let odd = "\u{FFFF}\u{10FFFF}\0\r\n 😀";
        assert_eq!(found(odd), brute_force(odd));
    }

    #[test]
    fn first_and_last_words_are_found() {
        let first = dict::text().lines().next().unwrap().split(' ').next().unwrap();
        let last = dict::text().lines().last().unwrap().split(' ').next().unwrap();
        let text = format!("{first}{last}");
        let mut words = Vec::new();
        for_each_word_in(&text, |_, e| words.push(e.word));
        assert!(words.contains(&first) && words.contains(&last), "{words:?}");
    }
}
