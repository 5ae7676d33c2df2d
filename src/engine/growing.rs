//! An engine that starts with an empty dictionary and loads, before each
//! text, exactly the dictionary words that text contains: the browser's
//! engine, ready in a few milliseconds instead of the 150–300 ms that
//! loading all 193k words takes in wasm right after start-up.
//!
//! Why the results are identical to [`super::Engine`]'s: for a text, jieba
//! reads the dictionary only through (1) the words occurring in it (the DAG
//! of each block; the lookup of single characters outside blocks), with
//! their frequency and tag, and (2) `total`, the sum of all frequencies,
//! which every path's probability subtracts once per word. [`GrowingEngine::prepare`]
//! loads every dictionary word occurring in the text (1), and one balancing
//! entry, a word no text can match, carries the frequency of every word not
//! loaded yet, so `total` is always exactly the full dictionary's (2).
//! Tests compare the two engines on real and random texts.

use super::{annotate_reporting, annotate_with, dict, lexicon, Document};
use jieba_rs::Jieba;

/// The balancing entry's word: two noncharacters. jieba never looks it up:
/// it is not in a block jieba segments with the dictionary (U+FFFF is not a
/// Han or alphanumeric character), and outside blocks it looks up single
/// characters only.
const BALANCE: &str = "\u{FFFF}\u{FFFF}";

/// From this many bytes on, finding a text's words (≈ 0.3–0.6 µs a byte
/// natively) costs more than loading the whole dictionary (≈ 35–60 ms), so
/// [`GrowingEngine::prepare`] loads everything.
pub const LOAD_ALL_BYTES: usize = 100_000;

/// Words loaded per slice by [`GrowingEngine::annotate_reporting`] (a
/// progress report after each: ~10 slices for the whole dictionary).
const LOAD_SLICE: usize = 20_000;

/// See the module documentation. Not `Sync`: each thread (the page, the
/// worker) has its own.
pub struct GrowingEngine {
    jieba: Jieba,
    /// Sum of the frequencies of the dictionary words loaded so far.
    loaded_freq: usize,
    /// Entry number in the dictionary up to which [`GrowingEngine::load_some`] loaded every word.
    next: usize,
    /// Every word is loaded: [`GrowingEngine::prepare`] has nothing left to do.
    complete: bool,
}

impl GrowingEngine {
    /// An engine with the lexicons parsed and no dictionary word loaded yet.
    pub fn new() -> Self {
        lexicon::Lexicon::get();
        let mut engine = GrowingEngine { jieba: Jieba::empty(), loaded_freq: 0, next: 0, complete: false };
        engine.balance();
        engine
    }

    /// Loads the dictionary words occurring in `text` that are not loaded yet
    /// (for a text of [`LOAD_ALL_BYTES`] or more: every word).
    pub fn prepare(&mut self, text: &str) {
        if self.complete {
            return;
        }
        if text.len() >= LOAD_ALL_BYTES {
            while !self.load_some(usize::MAX) {}
            return;
        }
        let before = self.loaded_freq;
        let (jieba, loaded) = (&mut self.jieba, &mut self.loaded_freq);
        dict::lookup::for_each_word_in(text, |_, e| {
            if !jieba.has_word(e.word) {
                jieba.add_word(e.word, Some(e.freq), Some(e.tag));
                *loaded += e.freq;
            }
        });
        if self.loaded_freq != before {
            self.balance();
        }
    }

    /// Loads up to `max_words` more dictionary words in dictionary order (to
    /// complete the dictionary in idle time, a slice at a time); true once
    /// every word is loaded.
    pub fn load_some(&mut self, max_words: usize) -> bool {
        if self.complete {
            return true;
        }
        let mut budget = max_words;
        let (jieba, loaded) = (&mut self.jieba, &mut self.loaded_freq);
        self.next = dict::for_each_entry_from(self.next, |e| {
            if budget == 0 {
                return false;
            }
            budget -= 1;
            if !jieba.has_word(e.word) {
                jieba.add_word(e.word, Some(e.freq), Some(e.tag));
                *loaded += e.freq;
            }
            true
        });
        self.complete = self.next >= dict::len();
        self.balance();
        self.complete
    }

    /// True once every dictionary word is loaded.
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// Annotates `text` (loading its words first): the same [`Document`] as
    /// [`super::Engine::annotate`]. Never panics on any `&str`.
    pub fn annotate(&mut self, text: &str) -> Document {
        self.prepare(text);
        annotate_with(&self.jieba, text)
    }

    /// Annotates `text` with the words loaded so far: [`GrowingEngine::annotate`]
    /// without its [`GrowingEngine::prepare`], for a caller that prepared
    /// `text` itself (to time the two steps apart). The result is the full
    /// engine's only if `text` was prepared (or the dictionary is complete).
    pub fn annotate_prepared(&self, text: &str) -> Document {
        annotate_with(&self.jieba, text)
    }

    /// [`GrowingEngine::annotate`], calling `progress(done)` (0.0–1.0,
    /// never decreasing) as it goes: loading the rest of the dictionary (a
    /// long text's first time, in slices) and the pipeline's stages.
    pub fn annotate_reporting(&mut self, text: &str, progress: &mut dyn FnMut(f32)) -> Document {
        // Loading everything takes about as long as annotating 200,000 characters.
        let loading = if !self.complete && text.len() >= LOAD_ALL_BYTES { 0.4 } else { 0.0 };
        if loading > 0.0 {
            while !self.load_some(LOAD_SLICE) {
                progress(loading * self.next as f32 / dict::len().max(1) as f32);
            }
        } else {
            self.prepare(text);
        }
        progress(loading);
        annotate_reporting(&self.jieba, text, &mut |f| progress(loading + (1.0 - loading) * f))
    }

    /// Sets the balancing entry so `total` equals the full dictionary's.
    fn balance(&mut self) {
        let rest = dict::total_freq().saturating_sub(self.loaded_freq);
        self.jieba.add_word(BALANCE, Some(rest), Some("x"));
    }
}

impl Default for GrowingEngine {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;

    const ARTICLE: &str = include_str!("../../benches/data/sample-article.txt");

    #[test]
    fn same_document_as_the_full_engine_text_after_text() {
        let full = Engine::new();
        let mut growing = GrowingEngine::new();
        // Texts that share words and texts that do not, one engine for all.
        let texts = [
            ARTICLE,
            "星河电池董事长王建国在发布会上表示，公司今年将在德国建设第二座工厂。",
            "",
            "A股3.5%上涨\r\n“好”，他说。\u{FFFF}\u{FFFF}😀𠀀",
            &ARTICLE[..ARTICLE.char_indices().nth(700).map_or(0, |(i, _)| i)],
        ];
        for t in texts {
            assert_eq!(growing.annotate(t), full.annotate(t), "text {t:?}");
        }
        assert!(!growing.is_complete());
        // A long text loads everything, with the same result.
        let long = ARTICLE.repeat(LOAD_ALL_BYTES / ARTICLE.len() + 1);
        assert_eq!(growing.annotate(&long), full.annotate(&long));
        assert!(growing.is_complete());
    }

    #[test]
    fn segmentation_matches_word_for_word() {
        let full = dict::jieba();
        let mut growing = GrowingEngine::new();
        growing.prepare(ARTICLE);
        let a: Vec<_> = growing.jieba.tag(ARTICLE, true).iter().map(|t| (t.word, t.tag)).collect();
        let b: Vec<_> = full.tag(ARTICLE, true).iter().map(|t| (t.word, t.tag)).collect();
        assert_eq!(a, b);
    }

    #[test]
    fn reporting_progress_changes_nothing_and_rises_to_one() {
        let full = Engine::new();
        let long = ARTICLE.repeat(LOAD_ALL_BYTES / ARTICLE.len() + 1);
        for text in [ARTICLE, long.as_str()] {
            let mut seen = Vec::new();
            let doc = GrowingEngine::new().annotate_reporting(text, &mut |f| seen.push(f));
            assert_eq!(doc, full.annotate(text));
            assert!(seen.windows(2).all(|w| w[0] <= w[1]) && seen.last() == Some(&1.0), "{seen:?}");
        }
    }

    #[test]
    fn loading_in_slices_completes_the_dictionary() {
        let mut growing = GrowingEngine::new();
        growing.prepare(ARTICLE);
        let mut slices = 0;
        while !growing.load_some(50_000) {
            slices += 1;
        }
        assert!(slices >= 3, "{slices}");
        assert!(growing.is_complete());
        assert_eq!(growing.annotate(ARTICLE), Engine::new().annotate(ARTICLE));
    }
}
