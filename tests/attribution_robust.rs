//! Attribution never panics and its spans always slice back, on any text a
//! user may paste: mixed widths, \r\n, emoji, CJK Extension B, HTML, stray
//! and unbalanced quotation marks, cue words at the very edges.

use pizhu::contract;
use pizhu::engine::Engine;
use proptest::prelude::*;
use std::sync::OnceLock;

/// One engine for all cases (loading the dictionary is the slow part).
fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(Engine::new)
}

/// Checks that every statement and mention slices back to its text.
fn check(engine: &Engine, text: &str) {
    let doc = engine.annotate(text);
    for st in &doc.statements {
        assert!(text.is_char_boundary(st.span.start) && text.is_char_boundary(st.span.end));
        assert!(st.span.start < st.span.end, "empty statement in {text:?}");
        for &s in &st.speakers {
            assert!(s < doc.speakers.len());
        }
    }
    for sp in &doc.speakers {
        for m in &sp.mentions {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
    }
    for q in &doc.quotes {
        assert!(q.outer.contains(&q.span));
    }
    let _ = contract::to_annotation(text, &doc);
}

#[test]
fn edge_cases_do_not_panic() {
    let engine = engine();
    for text in [
        "",
        "表示",
        "他说",
        "“",
        "”",
        "说：“",
        "张三说：“你好",
        "\r\n\r\n李四表示，\r\n",
        "王五表示,😀𠀀。",
        "“a”“b”“c”赵六说。",
        "据",
        "据悉，",
        "吴桂英：\n王小明：",
        "<p>“</p>钱七称",
        "在看来，",
        "、和与表示",
    ] {
        check(engine, text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn random_news_like_text_never_panics(s in "[张王李明华表示说称认为指出据悉了解“”「」\"'，,。！？：:、；;\\r\\n 😀𠀀a1的在接受记者采访时也曾向方面人士专家他她其该上述]{0,60}") {
        check(engine(), &s);
    }
}
