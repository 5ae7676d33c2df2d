//! jieba POS tagging with byte spans: the one segmentation pass per text.

use super::lexicon::Lexicon;
use super::span::Span;
use jieba_rs::Jieba;

/// One word as jieba cut and tagged it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'t> {
    /// The word.
    pub word: &'t str,
    /// jieba's POS tag (nr person, ns place, nt organization, v verb, …).
    pub tag: &'t str,
    /// Where it is (bytes).
    pub span: Span,
}

/// Tags `text` once with jieba (HMM on, so unknown names are grouped).
pub fn tag<'t>(jieba: &'t Jieba, text: &'t str) -> Vec<Token<'t>> {
    let lx = Lexicon::get();
    let mut pos = 0;
    jieba
        .tag(text, true)
        .into_iter()
        .map(|t| {
            // Tags come in text order and cover the text, so byte offsets are a running sum.
            let start = pos;
            pos += t.word.len();
            let tag = if t.tag == "x" { guess_oov_tag(lx, t.word).unwrap_or(t.tag) } else { t.tag };
            Token { word: t.word, tag, span: Span::new(start, pos) }
        })
        .collect()
}

/// A POS guess for a word jieba's HMM grouped outside the dictionary, which
/// jieba tags "x" unless its posseg model is built in (≈850 KiB brotli that
/// the widget does not carry). Such words are mostly names: a Han word of two
/// to four characters that opens with a surname is tagged `nr`, one that
/// ends with an organization suffix `nt`.
fn guess_oov_tag(lx: &Lexicon, word: &str) -> Option<&'static str> {
    let n = word.chars().count();
    if n < 2 || !word.chars().all(is_han) {
        return None;
    }
    // A word led by a negation or degree adverb (不愿, 没想, 更要) is a verb phrase,
    // never a name: without this the attribution reads 一位不愿 as a noun.
    if word.starts_with(['不', '没', '未', '别', '很', '最', '更', '也', '都', '还', '就', '再', '又', '才', '已']) {
        return Some("d");
    }
    if n <= 4 && lx.surname_at_start(word).is_some_and(|len| len < word.len()) {
        return Some("nr");
    }
    if lx.org_suffix_at_end(word).is_some_and(|(i, _)| i > 0) {
        return Some("nt");
    }
    None
}

/// True for CJK unified ideographs (BMP and extensions).
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oov_name_shaped_words_are_tagged_as_names() {
        let lx = Lexicon::get();
        assert_eq!(guess_oov_tag(lx, "韦栖岚"), Some("nr"));
        assert_eq!(guess_oov_tag(lx, "abc"), None);
        assert_eq!(guess_oov_tag(lx, "王"), None);
        assert_eq!(guess_oov_tag(lx, "不愿"), Some("d"));
    }
}
