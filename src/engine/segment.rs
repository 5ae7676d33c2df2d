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
    /// Char index of its first char in the text.
    pub at: usize,
    /// Its length in chars.
    pub chars: usize,
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
            Token { word: t.word, tag, span: Span::new(start, pos), at: t.start, chars: t.end - t.start }
        })
        .collect()
}

/// Bytes of text tagged per piece by [`tag_reporting`].
const PIECE_BYTES: usize = 64 * 1024;

/// [`tag`], in pieces of whole lines of about [`PIECE_BYTES`], calling
/// `progress(done)` (0.0–1.0) after each. The tokens are exactly [`tag`]'s:
/// jieba segments each run of Han/alphanumeric characters on its own and
/// emits everything else one character at a time, so a cut right after a
/// `\n` changes nothing.
pub fn tag_reporting<'t>(jieba: &'t Jieba, text: &'t str, progress: &mut dyn FnMut(f32)) -> Vec<Token<'t>> {
    if text.len() <= PIECE_BYTES {
        let tokens = tag(jieba, text);
        progress(1.0);
        return tokens;
    }
    let mut out = Vec::new();
    let mut start = 0;
    // Chars before `start`: a piece's tokens count their chars from its start.
    let mut start_chars = 0;
    while start < text.len() {
        // Bytes, not chars: a b'\n' byte is always a whole character in UTF-8.
        let from = (start + PIECE_BYTES).min(text.len());
        let end = text.as_bytes()[from..].iter().position(|&b| b == b'\n').map_or(text.len(), |i| from + i + 1);
        out.extend(
            tag(jieba, &text[start..end])
                .into_iter()
                .map(|t| Token { span: Span::new(t.span.start + start, t.span.end + start), at: t.at + start_chars, ..t }),
        );
        start_chars += text[start..end].chars().count();
        start = end;
        progress(start as f32 / text.len() as f32);
    }
    out
}

/// A POS guess for a word jieba's HMM grouped outside the dictionary, which
/// jieba tags "x" unless its posseg model is built in (≈850 KiB brotli that
/// the widget does not carry). Such words are mostly names: a Han word of two
/// to four characters that opens with a surname is tagged `nr`, one that
/// ends with an organization suffix `nt`.
#[inline]
fn guess_oov_tag(lx: &Lexicon, word: &str) -> Option<&'static str> {
    // Two Han chars take six bytes at least: most x tokens (punctuation,
    // one char) are ruled out without decoding, and without a call (the
    // rest is `guess_long_oov_tag`).
    if word.len() < 6 {
        return None;
    }
    guess_long_oov_tag(lx, word)
}

/// [`guess_oov_tag`] for words of six bytes or more.
fn guess_long_oov_tag(lx: &Lexicon, word: &str) -> Option<&'static str> {
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

/// True for CJK unified ideographs (BMP and extensions up to G; the entity
/// rules share it, see [`crate::engine::chars::is_han`] for the attribution's).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagging_in_pieces_gives_the_same_tokens() {
        let j = crate::engine::dict::jieba();
        let article = include_str!("../../benches/data/sample-article.txt");
        // Long enough for several pieces, with \r\n, blank lines and a cut
        // landing inside runs of Han characters, digits and punctuation.
        let text = format!("{}\r\n\r\n{}", article.repeat(12), article.replace('\n', "\r\n").repeat(12));
        let mut seen = Vec::new();
        let pieces = tag_reporting(&j, &text, &mut |f| seen.push(f));
        assert_eq!(pieces, tag(&j, &text));
        assert!(seen.len() > 2 && seen.windows(2).all(|w| w[0] < w[1]) && seen.last() == Some(&1.0), "{seen:?}");
    }

    #[test]
    fn oov_name_shaped_words_are_tagged_as_names() {
        let lx = Lexicon::get();
        assert_eq!(guess_oov_tag(lx, "韦栖岚"), Some("nr"));
        assert_eq!(guess_oov_tag(lx, "abc"), None);
        assert_eq!(guess_oov_tag(lx, "王"), None);
        assert_eq!(guess_oov_tag(lx, "不愿"), Some("d"));
    }
}
