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
    fn overlap_is_half_open() {
        assert!(!Span::new(0, 3).overlaps(&Span::new(3, 6)));
        assert!(Span::new(0, 4).overlaps(&Span::new(3, 6)));
        assert!(Span::new(0, 6).contains(&Span::new(3, 6)));
    }
}
