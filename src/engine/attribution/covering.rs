//! Which places earlier statements cover, asked in text order: "does any
//! indirect statement recorded so far contain char `x`?" once per cue.
//! Scanning every statement per cue made a text of n cues quadratic
//! (郑明远说：× n records n statements and asks n times).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Spans added in any order, queried at non-decreasing places.
#[derive(Default)]
pub struct Covering {
    /// Spans whose start is past the last place asked: (start, end).
    pending: BinaryHeap<Reverse<(usize, usize)>>,
    /// The furthest end among the spans starting at or before the last place asked.
    reach: usize,
    /// The last place asked.
    last: usize,
}

impl Covering {
    /// Records the span `start..end`.
    pub fn add(&mut self, start: usize, end: usize) {
        self.pending.push(Reverse((start, end)));
    }

    /// Whether some recorded span has `start <= x < end`; `None` when `x`
    /// comes before a place already asked (the caller scans instead).
    pub fn covers(&mut self, x: usize) -> Option<bool> {
        if x < self.last {
            return None;
        }
        self.last = x;
        while let Some(&Reverse((s, e))) = self.pending.peek() {
            if s > x {
                break;
            }
            self.pending.pop();
            self.reach = self.reach.max(e);
        }
        Some(self.reach > x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_match_a_scan() {
        let spans = [(3, 9), (12, 14), (5, 6), (20, 20), (15, 30)];
        let mut c = Covering::default();
        let mut added = Vec::new();
        for x in 0..40 {
            // Spans become known as the walk goes, each before its start.
            for &(s, e) in spans.iter().filter(|&&(s, _)| s == x + 2) {
                c.add(s, e);
                added.push((s, e));
            }
            let scan = added.iter().any(|&(s, e)| s <= x && x < e);
            assert_eq!(c.covers(x), Some(scan), "at {x}");
        }
        assert_eq!(c.covers(10), None);
    }
}
