//! The segmentation dictionary: jieba's own dictionary, pruned at build time
//! by `build.rs` (see there for what is kept and why), sorted by word and
//! embedded as text. Two ways to use it: [`jieba`] loads every word (the
//! native engine), [`lookup`] finds the words a given text contains without
//! loading anything (the growing engine of the browser, [`crate::engine::growing`]).

pub mod lookup;

use jieba_rs::Jieba;

/// The pruned dictionary (`word freq[ tag]` lines, sorted by word, each word
/// once), generated into `OUT_DIR`.
static DICT: &str = include_str!(concat!(env!("OUT_DIR"), "/dict.txt"));

/// How the embedded dictionary was built: word counts, bytes and thresholds.
pub const INFO: &str = env!("PIZHU_DICT_INFO");

/// The sum of every word's frequency: jieba's `total` once all are loaded.
pub fn total_freq() -> usize {
    // Written by build.rs; a number by construction, so the fallback never runs.
    env!("PIZHU_DICT_TOTAL_FREQ").parse().unwrap_or(0)
}

/// The embedded dictionary's text, for size reports and tests.
pub fn text() -> &'static str {
    DICT
}

/// One dictionary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'d> {
    /// The word.
    pub word: &'d str,
    /// Its frequency in jieba's corpus.
    pub freq: usize,
    /// Its POS tag ("" when the line has none).
    pub tag: &'d str,
}

/// Parses one `word freq[ tag]` line (as build.rs writes them) in one pass
/// over its bytes; `None` for a line without a space.
pub fn parse_line(line: &str) -> Option<Entry<'_>> {
    // Plain byte scans, not `str::find`: its searcher is not always inlined,
    // and then costs more per short line than the scan itself.
    let sp = line.bytes().position(|b| b == b' ')?;
    let (word, after) = (&line[..sp], &line[sp + 1..]);
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let freq = after.as_bytes()[..digits].iter().fold(0usize, |f, d| f * 10 + usize::from(d - b'0'));
    let tag = after.get(digits + 1..).unwrap_or("");
    Some(Entry { word, freq, tag })
}

/// Calls `f` with every dictionary entry from byte `from` (a line start) on,
/// until `f` returns false; returns the byte offset where it stopped (the
/// start of the first line not handed to `f`, or the text's length).
pub fn for_each_entry_from(from: usize, mut f: impl FnMut(Entry<'static>) -> bool) -> usize {
    let mut at = from.min(DICT.len());
    while at < DICT.len() {
        let rest = &DICT[at..];
        let line_end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
        if let Some(entry) = parse_line(&rest[..line_end]) {
            if !f(entry) {
                return at;
            }
        }
        at += (line_end + 1).min(rest.len());
    }
    at
}

/// A jieba segmenter over the whole embedded dictionary, HMM enabled for
/// unknown words (jieba's built-in HMM model needs no dictionary data).
pub fn jieba() -> Jieba {
    // Same result as `Jieba::with_dict(&mut DICT.as_bytes())`, ~30% faster:
    // the text is already valid UTF-8 and in memory, so this skips jieba's
    // line reader (UTF-8 re-validation, a String per line). build.rs wrote
    // every line as `word freq[ tag]`, with no duplicate words.
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
        let theirs = Jieba::with_dict(&mut DICT.as_bytes()).expect("dictionary loads");
        let text = include_str!("../../../benches/data/sample-article.txt");
        let a: Vec<(&str, &str)> = ours.tag(text, true).iter().map(|t| (t.word, t.tag)).collect();
        let b: Vec<(&str, &str)> = theirs.tag(text, true).iter().map(|t| (t.word, t.tag)).collect();
        assert_eq!(a, b);
        assert_eq!(DICT.lines().count(), DICT.lines().filter(|l| ours.has_word(l.split(' ').next().unwrap())).count());
    }

    #[test]
    fn sorted_by_word_and_total_matches() {
        let mut prev = "";
        let mut sum = 0;
        for_each_entry_from(0, |e| {
            assert!(prev < e.word, "{prev:?} before {:?}", e.word);
            prev = e.word;
            sum += e.freq;
            true
        });
        assert_eq!(sum, total_freq());
    }

    #[test]
    fn lines_parse_with_and_without_tag() {
        assert_eq!(parse_line("中国 12 ns"), Some(Entry { word: "中国", freq: 12, tag: "ns" }));
        assert_eq!(parse_line("啊 3"), Some(Entry { word: "啊", freq: 3, tag: "" }));
        assert_eq!(parse_line("nospace"), None);
    }

    #[test]
    fn unknown_names_are_still_grouped_by_the_hmm() {
        // A fictional name: not in any dictionary, so only the HMM can join it.
        let j = jieba();
        let words = j.cut("记者韦栖岚报道", true);
        assert!(words.iter().any(|w| w.word.chars().count() >= 2 && w.word.contains('栖')), "{words:?}");
    }
}
