//! Attribution's share of the annotate time, against the one jieba pass it
//! builds on. Ignored by default (timing); run with
//! `cargo test --release --test attribution_perf -- --ignored --nocapture`.

use pizhu::engine::{attribution, quotes, segment, work, Engine};
use std::time::Instant;

/// A long news-like text written for this test: cues, quotations, roles.
fn long_text() -> String {
    let para = "星河科技董事长周明远表示，公司今年将把研发投入提高到营收的15%。他认为，储能市场仍处在起步阶段。\
                “我们没有退路。”远航汽车总裁梁志刚说，“用户最终看重的是体验。”有分析人士指出，此次合作有助于降低成本。\
                据《南方商报》报道，海川港务今年的吞吐量有望突破500万标箱。值得注意的是，行业竞争仍然激烈。\n";
    para.repeat(400)
}

#[test]
#[ignore]
fn attribution_is_cheap_next_to_jieba() {
    let engine = Engine::new();
    let text = long_text();
    let t0 = Instant::now();
    let tokens = segment::tag(engine.jieba(), &text);
    let jieba = t0.elapsed();
    let t1 = Instant::now();
    let qs = quotes::find(&text);
    let (speakers, statements) = attribution::find(&text, &tokens, &[], &qs);
    let attr = t1.elapsed();
    let t2 = Instant::now();
    let doc = engine.annotate(&text);
    let whole = t2.elapsed();
    println!(
        "chars={} jieba={jieba:?} quotes+attribution={attr:?} annotate={whole:?} speakers={} statements={} ({})",
        text.chars().count(),
        speakers.len(),
        statements.len(),
        doc.statements.len()
    );
    assert!(attr < jieba, "attribution should cost less than the jieba pass");
}

/// Steps the engine's text-dependent scans take on `text` (`engine::work`).
fn steps(engine: &Engine, text: &str) -> u64 {
    work::take();
    std::hint::black_box(engine.annotate(text));
    work::take()
}

/// Regression: a long sentence holding many cues (郑明远说：× n, no full
/// stop) made every cue re-read the rest of its sentence (`sentence_end`),
/// and every new mention compare itself with all earlier ones (the
/// registry): 100,000 chars took 5 s. The work must now grow linearly:
/// four times the text, at most ~four times the steps. Related shapes
/// with the same flaw are checked too: a run-on into one long sentence,
/// anaphors and pronouns resolved against thousands of mentions, an
/// organization speaking through 方面 thousands of times, a long run of
/// spaces before a sentence end, a list of thousands of organizations,
/// thousands of interview turns, of joined foreign names.
#[test]
fn regression_many_cues_in_one_sentence_scan_linearly() {
    let engine = Engine::new();
    type Shape = (&'static str, fn(usize) -> String);
    let shapes: [Shape; 9] = [
        ("郑明远说：× n", |n| "郑明远说：".repeat(n)),
        ("then one long sentence", |n| "郑明远说：".repeat(n) + "。" + &"好".repeat(5 * n) + "。"),
        ("anaphors", |n| "该人士说：".repeat(n)),
        ("pronouns", |n| "郑明远说，".to_string() + &"他说：".repeat(n)),
        ("方面", |n| "星河电池方面称，".repeat(n)),
        ("spaces", |n| "郑明远说：".repeat(n) + &" ".repeat(5 * n) + "。"),
        // A long list of organizations: bodies written together and list
        // members were paired against every organization of the text.
        ("listed organizations", |n| "中国银行、".repeat(n)),
        // Interview turns: each answer looked for its speaker's name in the
        // whole text.
        ("turns", |n| "李明：好。".repeat(n)),
        // Joined foreign names: each name was compared with the parts of all.
        ("joined names", |n| "保罗-米尔萨普、".repeat(n)),
    ];
    for (name, make) in shapes {
        let small = steps(&engine, &make(500));
        let large = steps(&engine, &make(2_000));
        assert!(small > 0, "{name}: no steps counted");
        // 4× the input; allow a little over 4× for constant parts.
        assert!(large * 10 <= small * 45, "{name}: {small} steps for n = 500 but {large} for n = 2,000 (×{:.1})", large as f64 / small as f64);
    }
}
