//! A compact map from chars to small values: a page table over the BMP
//! (64 chars a page; only pages holding a value are stored) and a hash map
//! for the rare chars above it (emoji, CJK extensions). A lookup is two
//! loads, no hashing and no popcount: the rules probe per-char facts at
//! nearly every token, and a dense table of every char kept far more cache
//! lines busy than the few thousand chars that have a value.

use super::FxHasher;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Chars below this code point (the whole BMP: Chinese text is full of
/// fullwidth punctuation, U+FF0C and up) are in the page table.
const DENSE: usize = 0x1_0000;

/// Chars per page.
const PAGE: usize = 64;

/// Chars → values. `V::default()` means "no value": callers use 0 for
/// absent flags, and no trie node is the root's child.
#[derive(Debug)]
pub struct CharMap<V> {
    /// The page of each run of [`PAGE`] chars; page 0 holds no value. An
    /// array, so that indexing it with a BMP char needs no bounds check.
    index: Box<[u16; DENSE / PAGE]>,
    pages: Vec<[V; PAGE]>,
    other: HashMap<char, V, BuildHasherDefault<FxHasher>>,
}

impl<V: Copy + Default + PartialEq> CharMap<V> {
    /// The map of `items`, each char given once (entries equal to
    /// `V::default()` are dropped).
    pub fn new(items: impl IntoIterator<Item = (char, V)>) -> Self {
        let mut index = Box::new([0u16; DENSE / PAGE]);
        let mut pages = vec![[V::default(); PAGE]];
        let mut other = HashMap::default();
        for (c, v) in items.into_iter().filter(|(_, v)| *v != V::default()) {
            let i = c as usize;
            if i >= DENSE {
                other.insert(c, v);
                continue;
            }
            if index[i / PAGE] == 0 {
                index[i / PAGE] = u16::try_from(pages.len()).unwrap_or(u16::MAX);
                pages.push([V::default(); PAGE]);
            }
            pages[index[i / PAGE] as usize][i % PAGE] = v;
        }
        CharMap { index, pages, other }
    }

    /// The value of `c`.
    #[inline(always)]
    pub fn get(&self, c: char) -> Option<V> {
        let i = c as usize;
        let v = if i < DENSE {
            self.pages[self.index[i / PAGE] as usize][i % PAGE]
        } else {
            self.other.get(&c).copied().unwrap_or_default()
        };
        (v != V::default()).then_some(v)
    }

    /// True when `c` has a value.
    #[inline(always)]
    pub fn contains(&self, c: char) -> bool {
        self.get(c).is_some()
    }

    /// The map's page table, copied out for a loop that looks up a char per
    /// step: held in locals, the table's references stay in registers, where
    /// the loop reloaded the map's fields from memory at every lookup.
    pub fn reader(&self) -> Reader<'_, V> {
        Reader { index: &self.index, pages: &self.pages, map: self }
    }
}

/// A [`CharMap`]'s page table for lookups in a loop (see [`CharMap::reader`]).
#[derive(Clone, Copy)]
pub struct Reader<'m, V> {
    index: &'m [u16; DENSE / PAGE],
    pages: &'m [[V; PAGE]],
    map: &'m CharMap<V>,
}

impl<V: Copy + Default + PartialEq> Reader<'_, V> {
    /// The value of `c` (what [`CharMap::get`] answers): a BMP char from
    /// the copied page table, any other by the map itself.
    #[inline(always)]
    pub fn get(&self, c: char) -> Option<V> {
        let Some(page) = self.index.get(c as usize / PAGE) else { return self.map.get(c) };
        let v = self.pages[*page as usize][c as usize % PAGE];
        (v != V::default()).then_some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_below_and_above_the_page_table() {
        let items: std::collections::BTreeMap<char, u8> = [('a', 1), ('\u{3f}', 2), ('\u{40}', 3), ('王', 4), ('\u{9fff}', 5), ('\u{a000}', 6), ('！', 7), ('𠀀', 8)].into();
        let m = CharMap::new(items.clone());
        let r = m.reader();
        for (&c, &v) in &items {
            assert_eq!(m.get(c), Some(v), "{c}");
            assert_eq!(r.get(c), Some(v), "{c}");
            assert!(m.contains(c));
        }
        for c in ['b', '李', '\u{a001}', '？', '𠀁'] {
            assert_eq!(m.get(c), None);
            assert_eq!(r.get(c), None);
            assert!(!m.contains(c));
        }
    }
}
