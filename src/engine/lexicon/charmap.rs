//! A compact map from chars to small values: a bitmap with rank counts over
//! the chars below U+A000 (all of CJK's main block), the rare others in a
//! hash map. A lookup is one 16-byte block and one value: the rules probe
//! per-char facts at every token, and a dense table of 40,960 entries kept
//! far more cache lines busy than the few thousand chars that have a value.

use super::FxHasher;
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;

/// Chars below this code point are in the bitmap.
const DENSE: usize = 0xA000;

/// 64 consecutive chars: which have a value, and how many values come before.
#[derive(Debug, Default, Clone, Copy)]
struct Block {
    bits: u64,
    rank: u32,
}

/// Chars → values (see the module docs).
#[derive(Debug)]
pub struct CharMap<V> {
    blocks: Vec<Block>,
    /// Values of the chars below [`DENSE`], in char order.
    values: Vec<V>,
    other: HashMap<char, V, BuildHasherDefault<FxHasher>>,
}

impl<V: Copy> CharMap<V> {
    /// The map of `items`.
    pub fn new(items: BTreeMap<char, V>) -> Self {
        let mut blocks = vec![Block::default(); DENSE / 64];
        let mut values = Vec::new();
        let mut other = HashMap::default();
        for (c, v) in items {
            let i = c as usize;
            if i < DENSE {
                blocks[i / 64].bits |= 1 << (i % 64);
                values.push(v);
            } else {
                other.insert(c, v);
            }
        }
        let mut total = 0;
        for b in &mut blocks {
            b.rank = total;
            total += b.bits.count_ones();
        }
        CharMap { blocks, values, other }
    }

    /// True when `c` has a value.
    #[inline(always)]
    pub fn contains(&self, c: char) -> bool {
        let i = c as usize;
        if i >= DENSE {
            return self.other.contains_key(&c);
        }
        self.blocks[i / 64].bits & (1 << (i % 64)) != 0
    }

    /// The value of `c`.
    #[inline(always)]
    pub fn get(&self, c: char) -> Option<V> {
        let i = c as usize;
        if i >= DENSE {
            return self.other.get(&c).copied();
        }
        let (b, bit) = (self.blocks[i / 64], i % 64);
        if b.bits & (1 << bit) == 0 {
            return None;
        }
        let below = (b.bits & ((1u64 << bit) - 1)).count_ones();
        Some(self.values[(b.rank + below) as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_below_and_above_the_bitmap() {
        let items: BTreeMap<char, u8> = [('a', 1), ('\u{3f}', 2), ('\u{40}', 3), ('王', 4), ('\u{9fff}', 5), ('\u{a000}', 6), ('！', 7), ('𠀀', 8)].into();
        let m = CharMap::new(items.clone());
        for (&c, &v) in &items {
            assert_eq!(m.get(c), Some(v), "{c}");
            assert!(m.contains(c));
        }
        for c in ['b', '李', '\u{a001}', '？'] {
            assert_eq!(m.get(c), None);
            assert!(!m.contains(c));
        }
    }
}
