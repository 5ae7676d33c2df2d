//! Quotation marks: pairs (“”, 「」, 『』, "", ‘’), unbalanced ones, and their kind.
//!
//! One linear pass with a stack of open marks. A paragraph break closes every
//! mark still open (headlines often open “ and never close it), so a quotation
//! never runs across paragraphs. An unclosed mark ends where the next opening
//! mark of the same kind begins, so n stray “ give n short quotes, not n
//! overlapping ones of length ~n/2 (quadratic output).

use super::chars::{mark, Chars};
use super::model::{Quote, QuoteKind};
use super::span::Span;

/// Finds every quotation in `text`, sorted by start (nested ones included).
pub fn find(text: &str) -> Vec<Quote> {
    find_in(&Chars::new(text, &[]))
}

/// [`find`] over the text's shared char view: only its quotation marks and
/// paragraph breaks are visited.
pub fn find_in(chars: &Chars) -> Vec<Quote> {
    let text = chars.s;
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    for ci in chars.marks_of(mark::QUOTE) {
        let (i, ch) = (chars.b[ci], chars.c[ci]);
        match ch {
            '\n' | '\r' => {
                // Unclosed marks end at the paragraph break.
                while let Some(o) = stack.pop() {
                    push(&mut out, text, o.ch, o.at, o.next.unwrap_or(i), None);
                }
            }
            '“' | '「' | '『' | '‘' => open_at(&mut stack, ch, i),
            '"' => {
                if let Some(pos) = stack.iter().rposition(|o| o.ch == '"') {
                    close_at(&mut out, &mut stack, text, pos, i, ch);
                } else {
                    open_at(&mut stack, ch, i);
                }
            }
            '”' | '」' | '』' | '’' => {
                let want = opener_of(ch);
                // A stray closing mark (an apostrophe ’, a mismatched ”) is ignored.
                if let Some(pos) = stack.iter().rposition(|o| o.ch == want) {
                    close_at(&mut out, &mut stack, text, pos, i, ch);
                }
            }
            _ => {}
        }
    }
    while let Some(o) = stack.pop() {
        push(&mut out, text, o.ch, o.at, o.next.unwrap_or(text.len()), None);
    }
    // Straight double quotes are ambiguous in English-heavy text; an unclosed
    // one that swallowed a whole paragraph is more likely an inch mark or typo.
    out.retain(|q| q.closed || !q.span.is_empty());
    out.sort_by_key(|q| (q.outer.start, std::cmp::Reverse(q.outer.end)));
    out
}

/// An opening mark still open.
struct Open {
    /// The mark.
    ch: char,
    /// Its byte offset.
    at: usize,
    /// Byte offset of the next opening mark of the same kind, where this
    /// one ends if it is never closed.
    next: Option<usize>,
}

/// Opens `ch` at byte `i`; the latest open mark of the same kind, if it
/// has no successor yet, gets this one (earlier ones already have theirs).
fn open_at(stack: &mut Vec<Open>, ch: char, i: usize) {
    if let Some(o) = stack.iter_mut().rev().find(|o| o.ch == ch) {
        o.next.get_or_insert(i);
    }
    stack.push(Open { ch, at: i, next: None });
}

/// The opening mark that `close` closes.
fn opener_of(close: char) -> char {
    match close {
        '”' => '“',
        '」' => '「',
        '』' => '『',
        '’' => '‘',
        _ => '"',
    }
}

/// Closes the mark at `stack[pos]` with the closing mark at byte `i`; marks
/// opened after it and still open are closed at the same place (unbalanced).
fn close_at(out: &mut Vec<Quote>, stack: &mut Vec<Open>, text: &str, pos: usize, i: usize, ch: char) {
    while stack.len() > pos + 1 {
        if let Some(o) = stack.pop() {
            push(out, text, o.ch, o.at, o.next.unwrap_or(i), None);
        }
    }
    if let Some(o) = stack.pop() {
        push(out, text, o.ch, o.at, i, Some(ch.len_utf8()));
    }
}

/// Records one quotation from the opening mark at `at` to byte `end`;
/// `close_len` is the closing mark's length when it was closed.
fn push(out: &mut Vec<Quote>, text: &str, open: char, at: usize, end: usize, close_len: Option<usize>) {
    let start = at + open.len_utf8();
    if start > end {
        return;
    }
    let span = Span::new(start, end);
    let outer = Span::new(at, end + close_len.unwrap_or(0));
    let kind = classify(text, span);
    out.push(Quote { kind, span, outer, closed: close_len.is_some() });
}

/// Speech when the quoted words look like a sentence: they carry sentence or
/// clause punctuation, or are long, or follow a colon; else a term or
/// scare quote (“老铁”, “翻车”).
pub fn classify(text: &str, span: Span) -> QuoteKind {
    let inner = span.slice(text);
    // Counting stops at 16 (enough for speech): an unclosed quote runs to the
    // paragraph end, and full scans per quote made runs of marks quadratic.
    let n = inner.chars().take(16).count();
    if n >= 16 {
        return QuoteKind::Speech;
    }
    let sentence_punct = inner.chars().any(|c| matches!(c, '。' | '！' | '？' | '!' | '?' | '…'));
    let clause_punct = inner.chars().any(|c| matches!(c, '，' | ',' | '；' | ';' | '：'));
    // A bounded look-back for the same reason (thousands of opening marks in a row).
    let from = (span.start.saturating_sub(64)..=span.start).find(|&b| text.is_char_boundary(b)).unwrap_or(span.start);
    let before = text[from..span.start].trim_end_matches(['“', '「', '『', '‘', '"']);
    let after_colon = before.trim_end().ends_with(['：', ':']);
    if sentence_punct || (clause_punct && n >= 6) || n >= 16 || (after_colon && n >= 2) {
        QuoteKind::Speech
    } else {
        QuoteKind::Term
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, QuoteKind, bool)> {
        find(text).iter().map(|q| (q.span.slice(text).to_string(), q.kind, q.closed)).collect()
    }

    #[test]
    fn pairs_terms_and_speech() {
        let k = kinds("他说：“我们会继续做下去。”这被称为“老铁”。");
        assert_eq!(k[0], ("我们会继续做下去。".into(), QuoteKind::Speech, true));
        assert_eq!(k[1], ("老铁".into(), QuoteKind::Term, true));
    }

    #[test]
    fn unclosed_headline_closes_at_paragraph_end() {
        let text = "为何成了对方的“老铁\n正文";
        let q = &find(text)[0];
        assert!(!q.closed);
        assert_eq!(q.span.slice(text), "老铁");
        assert_eq!(q.outer.slice(text), "“老铁");
    }

    #[test]
    fn unclosed_mark_ends_at_next_mark_of_its_kind() {
        let k = kinds("“好“好“好\n“甲「乙“丙”");
        let spans: Vec<(&str, bool)> = k.iter().map(|(s, _, c)| (s.as_str(), *c)).collect();
        assert_eq!(spans, [("好", false), ("好", false), ("好", false), ("甲「乙", false), ("乙“丙”", false), ("丙", true)]);
    }

    #[test]
    fn nested_and_straight_quotes() {
        let k = kinds("“储户不妨试试‘零存整取’的办法。”顾问说，\"好\"");
        assert_eq!(k.len(), 3);
        assert_eq!(k[1].0, "零存整取");
        assert_eq!(k[2].0, "好");
    }

    #[test]
    fn stray_closing_mark_is_ignored() {
        assert!(kinds("It’s fine”").is_empty());
    }
}
