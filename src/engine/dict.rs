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
    // Same result as `Jieba::with_dict(&mut DICT.as_bytes())`, ~30% faster:
    // the text is already valid UTF-8 and in memory, so this skips jieba's
    // line reader (UTF-8 re-validation, a String per line). build.rs wrote
    // every line as `word freq[ tag]`, with no duplicate words.
    let mut jieba = Jieba::empty();
    let mut rest = DICT;
    while !rest.is_empty() {
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let line = &rest[..line_end];
        rest = rest.get(line_end + 1..).unwrap_or("");
        // One pass over the line's bytes: word, then the digits, then the tag.
        let Some(sp) = line.find(' ') else { continue };
        let (word, after) = (&line[..sp], &line[sp + 1..]);
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let freq = after.as_bytes()[..digits].iter().fold(0usize, |f, d| f * 10 + usize::from(d - b'0'));
        let tag = after.get(digits + 1..).unwrap_or("");
        jieba.add_word(word, Some(freq), Some(tag));
    }
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
        let text = include_str!("../../benches/data/sample-article.txt");
        let a: Vec<(&str, &str)> = ours.tag(text, true).iter().map(|t| (t.word, t.tag)).collect();
        let b: Vec<(&str, &str)> = theirs.tag(text, true).iter().map(|t| (t.word, t.tag)).collect();
        assert_eq!(a, b);
        assert_eq!(DICT.lines().count(), DICT.lines().filter(|l| ours.has_word(l.split(' ').next().unwrap())).count());
    }

    #[test]
    fn unknown_names_are_still_grouped_by_the_hmm() {
        // A fictional name: not in any dictionary, so only the HMM can join it.
        let j = jieba();
        let words = j.cut("记者韦栖岚报道", true);
        assert!(words.iter().any(|w| w.word.chars().count() >= 2 && w.word.contains('栖')), "{words:?}");
    }
}
