//! The segmentation dictionary: jieba's own dictionary, pruned at build time
//! by `build.rs` (see there for what is kept and why), sorted by word and
//! embedded packed ([`packed`]). Two ways to use it: [`jieba`] loads every
//! word (the native engine), [`lookup`] finds the words a given text
//! contains without loading anything (the growing engine of the browser,
//! [`crate::engine::growing`]).

pub mod lookup;
pub mod packed;

use jieba_rs::Jieba;

/// How the embedded dictionary was built: word counts, bytes and thresholds.
pub const INFO: &str = env!("PIZHU_DICT_INFO");

/// The sum of every word's frequency: jieba's `total` once all are loaded.
pub fn total_freq() -> usize {
    // Written by build.rs; a number by construction, so the fallback never runs.
    env!("PIZHU_DICT_TOTAL_FREQ").parse().unwrap_or(0)
}

/// Number of dictionary entries (words).
pub fn len() -> usize {
    packed::len()
}

/// One dictionary entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'d> {
    /// The word.
    pub word: &'d str,
    /// Its frequency in jieba's corpus.
    pub freq: usize,
    /// Its POS tag ("" when it has none).
    pub tag: &'static str,
}

/// Calls `f` with every dictionary entry from entry number `from` on, in
/// dictionary order, until `f` returns false; returns the number of the
/// first entry not handed to `f` (or [`len`]).
pub fn for_each_entry_from(from: usize, mut f: impl FnMut(Entry<'_>) -> bool) -> usize {
    if from >= len() {
        return len();
    }
    let mut reader = packed::Reader::at(from);
    let mut word = String::with_capacity(4 * packed::MAX_CHARS);
    while reader.advance() {
        word.clear();
        word.extend(reader.word().iter().map(|&id| packed::id_char(id)));
        let i = reader.index();
        if !f(Entry { word: &word, freq: reader.freq(), tag: packed::tag(i) }) {
            return i;
        }
    }
    len()
}

/// A jieba segmenter over the whole embedded dictionary, HMM enabled for
/// unknown words (jieba's built-in HMM model needs no dictionary data).
pub fn jieba() -> Jieba {
    // Same result as `Jieba::with_dict` on the `word freq tag` lines, faster:
    // no text to read and parse (build.rs packed every word once).
    let mut jieba = Jieba::empty();
    for_each_entry_from(0, |e| {
        jieba.add_word(e.word, Some(e.freq), Some(e.tag));
        true
    });
    jieba
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dictionary as jieba's text format, `word freq[ tag]` lines.
    fn as_text() -> String {
        let mut out = String::new();
        for_each_entry_from(0, |e| {
            out.push_str(e.word);
            out.push_str(&format!(" {}", e.freq));
            if !e.tag.is_empty() {
                out.push(' ');
                out.push_str(e.tag);
            }
            out.push('\n');
            true
        });
        out
    }

    #[test]
    fn embedded_dictionary_loads_and_keeps_news_words() {
        let j = jieba();
        for w in ["中国", "国务院", "记者", "表示", "公司", "北京"] {
            assert!(j.has_word(w), "{w} missing from the pruned dictionary");
        }
        assert!(!INFO.is_empty());
    }

    #[test]
    fn fast_loader_matches_jiebas_own_loader() {
        let ours = jieba();
        let text = as_text();
        let theirs = Jieba::with_dict(&mut text.as_bytes()).expect("dictionary loads");
        let article = include_str!("../../../benches/data/sample-article.txt");
        let a: Vec<(&str, &str)> = ours.tag(article, true).iter().map(|t| (t.word, t.tag)).collect();
        let b: Vec<(&str, &str)> = theirs.tag(article, true).iter().map(|t| (t.word, t.tag)).collect();
        assert_eq!(a, b);
        assert_eq!(len(), text.lines().filter(|l| ours.has_word(l.split(' ').next().unwrap())).count());
    }

    #[test]
    fn sorted_by_word_and_total_matches() {
        let mut prev = String::new();
        let mut sum = 0;
        let n = for_each_entry_from(0, |e| {
            assert!(prev.as_str() < e.word, "{prev:?} before {:?}", e.word);
            prev = e.word.to_string();
            sum += e.freq;
            true
        });
        assert_eq!(n, len());
        assert_eq!(sum, total_freq());
    }

    #[test]
    fn reading_from_the_middle_and_stopping() {
        let mut all = Vec::new();
        for_each_entry_from(0, |e| {
            all.push((e.word.to_string(), e.freq, e.tag));
            true
        });
        for from in [0, 1, 15, 16, 17, all.len() / 2, all.len() - 1] {
            let mut got = Vec::new();
            let stop = for_each_entry_from(from, |e| {
                got.push((e.word.to_string(), e.freq, e.tag));
                got.len() < 40
            });
            let want = &all[from..(from + 40).min(all.len())];
            assert_eq!(&got[..want.len()], want, "from {from}");
            assert_eq!(stop, (from + 39).min(all.len()), "from {from}");
        }
        assert_eq!(for_each_entry_from(all.len(), |_| true), all.len());
        assert!(all.iter().any(|e| e.2 == "ns") && all.iter().any(|e| e.2.is_empty() || e.2 == "n"));
    }

    #[test]
    fn unknown_names_are_still_grouped_by_the_hmm() {
        // A fictional name: not in any dictionary, so only the HMM can join it.
        let j = jieba();
        let words = j.cut("记者韦栖岚报道", true);
        assert!(words.iter().any(|w| w.word.chars().count() >= 2 && w.word.contains('栖')), "{words:?}");
    }
}
