//! Word lists as tries over chars. One walk answers "which words does this
//! text start with" (or, on a trie of reversed words, "end with"), and
//! stops at the first char no word continues with: most probes end after
//! one or two chars, where a hash set would hash every candidate length.

use super::charmap::CharMap;

/// A trie of words with a value per word.
#[derive(Debug)]
pub struct Trie<V> {
    /// The root's children: lists start with hundreds or thousands of
    /// chars, and the root is probed at nearly every token.
    root: CharMap<u32>,
    /// Nodes below the root; `nodes[i]` has the edges `edges[first..first + count]`.
    nodes: Vec<Node<V>>,
    /// (char, child node), grouped by parent; a parent has only a few.
    edges: Vec<(char, u32)>,
    /// Reversed words: walks run from the end of the text backwards.
    reversed: bool,
    /// The longest word, in chars.
    max_chars: usize,
}

#[derive(Debug)]
struct Node<V> {
    value: Option<V>,
    first: u32,
    count: u32,
}

impl<V: Copy> Trie<V> {
    /// A trie of `words` for prefix queries; the first value given for a
    /// repeated word wins.
    pub fn new<'w>(words: impl IntoIterator<Item = (&'w str, V)>) -> Self {
        Self::build(words, false)
    }

    /// A trie of `words` for suffix queries (words stored reversed).
    pub fn reversed<'w>(words: impl IntoIterator<Item = (&'w str, V)>) -> Self {
        Self::build(words, true)
    }

    fn build<'w>(words: impl IntoIterator<Item = (&'w str, V)>, reversed: bool) -> Self {
        // Every word's chars back to back, the words sorted by them (stably,
        // so the first value given for a repeated word is the one kept), and
        // the flat trie written in one pass over the sorted list: siblings
        // are runs of words sharing a prefix. This used to go through a tree
        // of per-node BTreeMaps, whose building and dropping was most of the
        // lexicons' set-up cost in the browser's first-tier wasm code.
        let mut chars: Vec<char> = Vec::new();
        let mut items: Vec<(u32, u32, V)> = Vec::new();
        for (w, v) in words {
            let start = chars.len();
            if reversed {
                chars.extend(w.chars().rev());
            } else {
                chars.extend(w.chars());
            }
            if chars.len() > start {
                items.push((start as u32, chars.len() as u32, v));
            }
        }
        let word = |it: &(u32, u32, V)| &chars[it.0 as usize..it.1 as usize];
        items.sort_by(|a, b| word(a).cmp(word(b)));
        items.dedup_by(|later, earlier| word(later) == word(earlier));
        let max_chars = items.iter().map(|it| (it.1 - it.0) as usize).max().unwrap_or(0);
        let mut nodes = vec![Node { value: None, first: 0, count: 0 }];
        let mut edges: Vec<(char, u32)> = Vec::new();
        // (node, words lo..hi, depth): the words continuing below `node`,
        // which spells their first `depth` chars. A word of exactly `depth`
        // chars (the node's own, at most one after dedup) sorts first.
        let mut todo = vec![(0u32, 0usize, items.len(), 0usize)];
        while let Some((node, lo, hi, d)) = todo.pop() {
            let first = edges.len();
            let mut i = lo;
            if i < hi && word(&items[i]).len() <= d {
                i += 1;
            }
            while i < hi {
                let w = word(&items[i]);
                let c = w[d];
                let mut j = i + 1;
                while j < hi && word(&items[j])[d] == c {
                    j += 1;
                }
                let child = nodes.len() as u32;
                nodes.push(Node { value: (w.len() == d + 1).then_some(items[i].2), first: 0, count: 0 });
                edges.push((c, child));
                todo.push((child, i, j, d + 1));
                i = j;
            }
            nodes[node as usize].first = first as u32;
            nodes[node as usize].count = (edges.len() - first) as u32;
        }
        let r = &nodes[0];
        let root = CharMap::new(edges[r.first as usize..(r.first + r.count) as usize].iter().copied());
        Trie { root, nodes, edges, reversed, max_chars }
    }

    /// The longest word, in chars.
    pub fn max_chars(&self) -> usize {
        self.max_chars
    }

    // Always inlined: the walks call it once per char, and as a call it
    // cost about as much again as its few loads.
    #[inline(always)]
    fn child(&self, node: u32, c: char) -> Option<u32> {
        if node == 0 {
            return self.root.get(c);
        }
        let n = &self.nodes[node as usize];
        self.edges[n.first as usize..(n.first + n.count) as usize].iter().find(|e| e.0 == c).map(|e| e.1)
    }

    /// Calls `hit(k, value)` for every word made of the first `k` chars of
    /// `chars`, shortest first (for a reversed trie, feed the chars from the
    /// end backwards).
    pub fn each_match(&self, chars: impl Iterator<Item = char>, mut hit: impl FnMut(usize, V)) {
        let mut node = 0;
        for (k, c) in chars.enumerate() {
            match self.child(node, c) {
                Some(n) => node = n,
                None => return,
            }
            if let Some(v) = self.nodes[node as usize].value {
                hit(k + 1, v);
            }
        }
    }

    /// True when some word starts with `c` (a reversed trie: ends with it).
    #[inline(always)]
    pub fn starts_with_char(&self, c: char) -> bool {
        self.root.contains(c)
    }

    /// A walk from the root, one char at a time.
    pub fn cursor(&self) -> Cursor<'_, V> {
        Cursor { trie: self, node: 0 }
    }

    /// True when some word starts with the chars of `chars`.
    pub fn has_prefix(&self, chars: impl Iterator<Item = char>) -> bool {
        let mut node = 0;
        for c in chars {
            match self.child(node, c) {
                Some(n) => node = n,
                None => return false,
            }
        }
        true
    }

    /// The value of the word `s`, if it is one.
    pub fn get(&self, s: &str) -> Option<V> {
        let mut node = 0;
        let mut step = |c: char| {
            node = self.child(node, c)?;
            Some(())
        };
        if self.reversed {
            s.chars().rev().try_for_each(&mut step)?;
        } else {
            s.chars().try_for_each(&mut step)?;
        }
        if node == 0 {
            return None;
        }
        self.nodes[node as usize].value
    }

    /// The longest word `s` starts with: its byte length and value.
    pub fn longest_prefix(&self, s: &str) -> Option<(usize, V)> {
        debug_assert!(!self.reversed);
        let mut best = None;
        let mut node = 0;
        for (i, c) in s.char_indices() {
            match self.child(node, c) {
                Some(n) => node = n,
                None => break,
            }
            if let Some(v) = self.nodes[node as usize].value {
                best = Some((i + c.len_utf8(), v));
            }
        }
        best
    }

    /// The longest word `s` ends with: the byte offset where it starts, and
    /// its value (a reversed trie only).
    pub fn longest_suffix(&self, s: &str) -> Option<(usize, V)> {
        self.longest_suffix_within(s, usize::MAX)
    }

    /// [`Self::longest_suffix`] among words of at most `max` chars.
    pub fn longest_suffix_within(&self, s: &str, max: usize) -> Option<(usize, V)> {
        debug_assert!(self.reversed);
        let mut best = None;
        let mut node = 0;
        for (i, c) in s.char_indices().rev().take(max) {
            match self.child(node, c) {
                Some(n) => node = n,
                None => break,
            }
            if let Some(v) = self.nodes[node as usize].value {
                best = Some((i, v));
            }
        }
        best
    }
}

/// A position in a [`Trie`] walk (see [`Trie::cursor`]).
pub struct Cursor<'a, V> {
    trie: &'a Trie<V>,
    node: u32,
}

impl<V: Copy> Cursor<'_, V> {
    /// Moves on by `c`; false (and the cursor is spent) when no word continues with it.
    #[inline]
    pub fn step(&mut self, c: char) -> bool {
        match self.trie.child(self.node, c) {
            Some(n) => {
                self.node = n;
                true
            }
            None => false,
        }
    }

    /// The value of the word spelled so far, if it is one.
    #[inline]
    pub fn value(&self) -> Option<V> {
        if self.node == 0 {
            return None;
        }
        self.trie.nodes[self.node as usize].value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_suffixes_and_exact_words() {
        let words = [("总经理", 1), ("经理", 2), ("总", 3), ("CEO", 4), ("总经", 5)];
        let fwd = Trie::new(words);
        let rev = Trie::reversed(words);
        assert_eq!(fwd.longest_prefix("总经理张三"), Some(("总经理".len(), 1)));
        assert_eq!(fwd.longest_prefix("经济"), None);
        assert_eq!(rev.longest_suffix("京东CEO"), Some(("京东".len(), 4)));
        assert_eq!(rev.longest_suffix("副总经理"), Some(("副".len(), 1)));
        assert_eq!(fwd.get("总经"), Some(5));
        assert_eq!(rev.get("经理"), Some(2));
        assert_eq!(fwd.get("总经理助理"), None);
        assert_eq!(fwd.get(""), None);
        let mut hits = Vec::new();
        fwd.each_match("总经理们".chars(), |k, v| hits.push((k, v)));
        assert_eq!(hits, [(1, 3), (2, 5), (3, 1)]);
        assert_eq!(fwd.max_chars(), 3);
        assert!(fwd.has_prefix("总经".chars()) && !fwd.has_prefix("理".chars()) && rev.has_prefix("理".chars()));
        let mut c = fwd.cursor();
        assert!(c.step('总') && c.value() == Some(3) && c.step('经') && c.value() == Some(5) && !c.step('济'));
    }

    #[test]
    fn root_children_above_and_below_the_dense_range() {
        let words = [("𠀀甲", 1), ("\u{9fff}", 2), ("\u{a000}", 3), ("a", 4), ("\u{3f}", 5), ("\u{40}", 6)];
        let t = Trie::new(words);
        for (w, v) in words {
            assert_eq!(t.get(w), Some(v), "{w}");
        }
        assert_eq!(t.get("𠀀"), None);
        assert_eq!(t.get("b"), None);
    }

    #[test]
    fn first_value_wins_on_repeats() {
        let t = Trie::new([("部", 1), ("部", 2)]);
        assert_eq!(t.get("部"), Some(1));
    }
}
