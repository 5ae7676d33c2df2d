//! The browser's growing engine (dictionary words loaded per text) gives the
//! same document as the native engine (every word loaded up front), text
//! after text with one long-lived engine: on the fixtures, the sample
//! article, and random hostile text.

mod support;

use pizhu::engine::{Engine, GrowingEngine};
use proptest::prelude::*;
use std::sync::{Mutex, OnceLock};
use support::invariants::SEEDS;

fn full() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(Engine::new)
}

/// One growing engine for every case, as in a page: state carries over.
fn growing() -> &'static Mutex<GrowingEngine> {
    static G: OnceLock<Mutex<GrowingEngine>> = OnceLock::new();
    G.get_or_init(|| Mutex::new(GrowingEngine::new()))
}

fn same(text: &str) -> Result<(), TestCaseError> {
    let grown = growing().lock().unwrap_or_else(|e| e.into_inner()).annotate(text);
    prop_assert_eq!(grown, full().annotate(text), "input: {:?}", text);
    Ok(())
}

#[test]
fn fixtures_and_sample_article_match() {
    let mut texts: Vec<String> = std::fs::read_dir("tests/fixtures")
        .expect("fixtures")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("fixture text"))
        .collect();
    texts.push(include_str!("../benches/data/sample-article.txt").to_string());
    texts.push(SEEDS.concat());
    // Fresh engine per text, then one engine for all of them in turn.
    for t in &texts {
        assert_eq!(GrowingEngine::new().annotate(t), full().annotate(t));
    }
    for t in &texts {
        same(t).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn random_seed_mixes_match(seeds in prop::collection::vec(prop::sample::select(SEEDS.to_vec()), 1..6), cut in any::<usize>()) {
        let text = seeds.concat();
        let chars: Vec<char> = text.chars().collect();
        let cut = cut % (chars.len() + 1);
        same(&chars[..cut].iter().collect::<String>())?;
        same(&text)?;
    }

    #[test]
    fn any_unicode_matches(text in "\\PC{0,200}") {
        same(&text)?;
    }

    #[test]
    fn random_han_text_matches(text in "[\u{4e00}-\u{9fff}，。“”：0-9a-z]{0,300}") {
        same(&text)?;
    }
}
