//! The segmentation dictionary: jieba's own dictionary, pruned at build time
//! by `build.rs` (see there for what is kept and why) and embedded as text.

use jieba_rs::Jieba;

/// The pruned dictionary (`word freq tag` lines), generated into `OUT_DIR`.
static DICT: &str = include_str!(concat!(env!("OUT_DIR"), "/dict.txt"));

/// How the embedded dictionary was built: word counts, bytes and thresholds.
pub const INFO: &str = env!("PIZHU_DICT_INFO");

/// The embedded dictionary's text, for size reports and tests.
pub fn text() -> &'static str {
    DICT
}

/// A jieba segmenter over the embedded dictionary, HMM enabled for unknown
/// words (jieba's built-in HMM model needs no dictionary data).
pub fn jieba() -> Jieba {
    // build.rs validated every line's `word freq [tag]` shape, so loading
    // cannot fail short of a corrupted build.
    Jieba::with_dict(&mut DICT.as_bytes()).expect("build.rs writes a valid jieba dictionary")
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
    fn unknown_names_are_still_grouped_by_the_hmm() {
        // A fictional name: not in any dictionary, so only the HMM can join it.
        let j = jieba();
        let words = j.cut("记者韦栖岚报道", true);
        assert!(words.iter().any(|w| w.word.chars().count() >= 2 && w.word.contains('栖')), "{words:?}");
    }
}
