//! A half-open range of UTF-8 byte offsets into the annotated text.

use serde::Serialize;

/// A half-open `[start, end)` range of **UTF-8 byte** offsets.
///
/// The engine works in bytes throughout; conversion to UTF-16 code units
/// happens once, in [`crate::contract`], at the JSON/JS boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, half-open).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies wholly inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Spans sorted by start with the running maximum of their ends: answers
/// "does any of them share a byte with this span?" with one binary search,
/// however the spans overlap each other (a scan per query made long texts
/// with many entities quadratic).
#[derive(Debug, Default)]
pub struct SpanSet {
    starts: Vec<usize>,
    /// `max_end[i]`: the largest end among the spans with the `i + 1` smallest starts.
    max_end: Vec<usize>,
}

impl SpanSet {
    /// Indexes `spans` (any order).
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        spans.sort_unstable_by_key(|s| s.start);
        let mut m = 0;
        let max_end = spans
            .iter()
            .map(|s| {
                m = m.max(s.end);
                m
            })
            .collect();
        SpanSet { starts: spans.iter().map(|s| s.start).collect(), max_end }
    }

    /// True when some indexed span overlaps `span` ([`Span::overlaps`]).
    pub fn overlaps(&self, span: Span) -> bool {
        // Among the spans starting before `span` ends, one overlaps it exactly
        // when the furthest-reaching of them ends after `span` starts.
        let j = self.starts.partition_point(|&s| s < span.end);
        j > 0 && self.max_end[j - 1] > span.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_back_on_multibyte_text() {
        let text = "京东CEO徐雷";
        let span = Span::new(0, "京东".len());
        assert_eq!(span.slice(text), "京东");
        assert_eq!(span.len(), 6);
    }

    #[test]
    fn span_set_answers_like_a_scan() {
        let spans = [Span::new(0, 30), Span::new(2, 3), Span::new(10, 12), Span::new(40, 40), Span::new(41, 45)];
        let set = SpanSet::new(spans);
        for a in 0..50 {
            for b in a..50 {
                let q = Span::new(a, b);
                assert_eq!(set.overlaps(q), spans.iter().any(|s| s.overlaps(&q)), "{q:?}");
            }
        }
        assert!(!SpanSet::default().overlaps(Span::new(0, 5)));
    }

    #[test]
    fn overlap_is_half_open() {
        assert!(!Span::new(0, 3).overlaps(&Span::new(3, 6)));
        assert!(Span::new(0, 4).overlaps(&Span::new(3, 6)));
        assert!(Span::new(0, 6).contains(&Span::new(3, 6)));
    }
}
