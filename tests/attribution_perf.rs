//! Attribution's share of the annotate time, against the one jieba pass it
//! builds on. Ignored by default (timing); run with
//! `cargo test --release --test attribution_perf -- --ignored --nocapture`.

use pizhu::engine::{attribution, quotes, segment, Engine};
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
