//! Annotates one text many times, or a slice of the news corpus once: a
//! target for profilers (callgrind, perf) and for instruction counts.
//!
//! ```text
//! CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build --release --example profile_article
//! valgrind --tool=callgrind target/release/examples/profile_article [FILE] [N]
//! valgrind --tool=callgrind target/release/examples/profile_article --corpus [BYTES]
//! ```
//! Default text: the team-written sample article in `benches/data/`. With
//! `--corpus`, the first BYTES (default 300,000) of article texts from
//! `../shared/corpus/thucnews.jsonl` (the corpus bench's first articles; not
//! committed), each annotated once. Add `--tag` to run bare
//! `jieba.tag(text, true)` instead of annotate, for the ratio.
use pizhu::engine::Engine;
use std::path::Path;

fn corpus(bytes: usize) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/thucnews.jsonl");
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut texts = Vec::new();
    let mut total = 0;
    for line in data.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let Some(t) = v["text"].as_str() else { continue };
        total += t.len();
        texts.push(t.to_string());
        if total >= bytes {
            break;
        }
    }
    texts
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let tag_only = args.iter().any(|a| a == "--tag");
    args.retain(|a| a != "--tag");
    let (texts, n) = if args.first().map(String::as_str) == Some("--corpus") {
        let bytes = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(300_000);
        (corpus(bytes), 1)
    } else {
        let text = match args.first() {
            Some(path) => std::fs::read_to_string(path).expect("readable UTF-8 file"),
            None => include_str!("../benches/data/sample-article.txt").to_string(),
        };
        (vec![text], args.get(1).and_then(|s| s.parse().ok()).unwrap_or(20))
    };
    let engine = Engine::new();
    let mut total = 0;
    for _ in 0..n {
        for text in &texts {
            total += if tag_only {
                std::hint::black_box(engine.jieba().tag(text, true)).len()
            } else {
                std::hint::black_box(engine.annotate(text)).entities.len()
            };
        }
    }
    let what = if tag_only { "tokens" } else { "entities" };
    println!("{n} runs over {} texts, {total} {what}", texts.len());
}
