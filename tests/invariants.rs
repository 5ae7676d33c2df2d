//! Property tests: for any text — random mixes of CJK, ASCII, every kind of
//! quotation mark, punctuation, digits, emoji, CJK Extension B, control
//! characters, NUL, RTL and zero-width marks, CRLF — and for mutated
//! team-written sentences, `contract::annotate` does not panic and its output
//! satisfies the contract (see `support/invariants.rs`).

mod support;

use pizhu::contract;
use pizhu::engine::Engine;
use proptest::prelude::*;
use std::sync::OnceLock;
use support::invariants::{check, SEEDS};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(Engine::new)
}

fn assert_ok(text: &str) -> Result<(), TestCaseError> {
    let ann = contract::annotate(engine(), text);
    check(text, &ann).map_err(|e| TestCaseError::fail(format!("{e}\ninput: {text:?}")))
}

/// One piece of hostile text.
fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::char::range('\u{4e00}', '\u{9fff}').prop_map(String::from),
        2 => proptest::char::range(' ', '~').prop_map(String::from),
        3 => prop::sample::select(vec![
            "“", "”", "「", "」", "『", "』", "\"", "'", "‘", "’", "《", "》", "〈", "〉",
            "，", "。", "：", "；", "！", "？", "、", "（", "）", "—", "…", "·", "%", "％",
        ]).prop_map(String::from),
        2 => proptest::char::range('0', '9').prop_map(String::from),
        1 => prop::sample::select(vec![
            "😀", "👨‍👩‍👧", "🇨🇳", "𠀀", "𪚥", "\u{0}", "\u{7}", "\u{1b}", "\u{7f}", "\u{200b}", "\u{200d}",
            "\u{200e}", "\u{200f}", "\u{202e}", "\u{2066}", "\u{feff}", "\r\n", "\n", "\r", "\t", "\u{3000}",
            "\u{fffd}", "é", "\u{301}", "Ω",
        ]).prop_map(String::from),
        3 => prop::sample::select(vec![
            "表示", "说", "称", "指出", "认为", "强调", "介绍", "透露", "记者", "公司", "有限公司",
            "集团", "市长", "副局长", "董事长", "发言人", "教授", "新闻办公室", "万元", "亿元", "月", "日",
            "年", "同比增长", "百分点", "据", "：“", "。”", "，”", "王", "李", "欧阳",
            // Words the subject rules strip or test at a phrase edge.
            "先生", "女士", "方面", "地", "发表", "（", "）", "同", "与", "会见",
        ]).prop_map(String::from),
        1 => prop::sample::select(SEEDS.to_vec()).prop_map(String::from),
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(atom(), 0..80).prop_map(|v| v.concat())
}

/// An edit applied to a seed sentence.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    Duplicate(usize, usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0usize..8).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), atom()).prop_map(|(a, s)| Edit::Insert(a, s)),
        (any::<usize>(), 1usize..12).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

/// Applies `edits` at character positions (never inside a character).
fn mutate(seed: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = seed.chars().collect();
    for e in edits {
        let n = chars.len() + 1;
        match e {
            Edit::Delete(a, k) => {
                let a = a % n;
                let b = (a + k).min(chars.len());
                chars.drain(a.min(b)..b);
            }
            Edit::Insert(a, s) => {
                let a = a % n;
                chars.splice(a..a, s.chars());
            }
            Edit::Duplicate(a, k) => {
                let a = a % n;
                let b = (a + k).min(chars.len());
                let piece: Vec<char> = chars[a.min(b)..b].to_vec();
                chars.splice(b..b, piece);
            }
            Edit::Truncate(a) => chars.truncate(a % n),
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_hostile_text_keeps_the_contract(text in hostile_text()) {
        assert_ok(&text)?;
    }

    #[test]
    fn mutated_sentences_keep_the_contract(
        seeds in prop::collection::vec(prop::sample::select(SEEDS.to_vec()), 1..4),
        edits in prop::collection::vec(edit(), 0..10),
    ) {
        assert_ok(&mutate(&seeds.concat(), &edits))?;
    }

    #[test]
    fn any_unicode_keeps_the_contract(text in "\\PC{0,200}") {
        assert_ok(&text)?;
    }
}

#[test]
fn seeds_keep_the_contract() {
    for s in SEEDS {
        let ann = contract::annotate(engine(), s);
        check(s, &ann).unwrap_or_else(|e| panic!("{e}\ninput: {s:?}"));
    }
    let all = SEEDS.concat();
    check(&all, &contract::annotate(engine(), &all)).unwrap();
}

#[test]
fn sample_article_keeps_the_contract() {
    let text = include_str!("../benches/data/sample-article.txt");
    check(text, &contract::annotate(engine(), text)).unwrap();
}

#[test]
fn the_checker_catches_a_bad_span() {
    // The checker must be able to fail: a hand-broken annotation is rejected.
    let text = "😀郑明远说";
    let mut ann = contract::annotate(engine(), text);
    ann.entities.push(pizhu::contract::EntityOut {
        kind: "person".into(),
        subkind: None,
        text: "郑明远".into(),
        start: 1, // inside the emoji's surrogate pair
        end: 4,
    });
    assert!(check(text, &ann).is_err());
    ann.entities.pop();
    ann.length += 1;
    assert!(check(text, &ann).is_err());
}
