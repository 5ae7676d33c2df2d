//! Criterion benchmarks for pizhu's speed budget (see BENCHMARKS.md):
//!
//! - `growing_first_article`: the browser's engine ready for its first text:
//!   `GrowingEngine::new` + `prepare` (loads only the article's words) +
//!   `annotate`, against `engine_new` + `annotate`.
//! - `engine_new`: building the engine (loads the pruned dictionary), next to
//!   `jieba_full_dict_new`: the same jieba loading the crate's full dictionary,
//!   read from disk at bench time, so before/after is measured in one run.
//! - `article/{annotate,tag}`: one ~2,800-character team-written article,
//!   annotated vs bare `jieba.tag(text, true)` on the same engine.
//! - `corpus/{annotate,tag}`: ~3 MB of news built at bench time from
//!   `../shared/corpus/thucnews.jsonl` (never committed; skipped if absent).
//!
//! Quick run: `cargo bench --bench annotate -- --warm-up-time 1 --measurement-time 5`
//! Ratios: `python3 benches/ratios.py` after a run.
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use pizhu::engine::{dict, Engine, GrowingEngine};
use std::path::Path;
use std::time::Duration;

/// Team-written fictional article (names, bodies and figures invented).
const ARTICLE: &str = include_str!("data/sample-article.txt");
/// How much corpus text the large benchmark annotates.
const CORPUS_BYTES: usize = 3_000_000;

fn construction(c: &mut Criterion) {
    eprintln!("{}", dict::INFO);
    let mut g = c.benchmark_group("construction");
    g.sample_size(20);
    g.bench_function("engine_new", |b| b.iter(Engine::new));
    g.bench_function("engine_new_first_article", |b| b.iter(|| Engine::new().annotate(black_box(ARTICLE))));
    g.bench_function("growing_first_article", |b| b.iter(|| GrowingEngine::new().annotate(black_box(ARTICLE))));
    let full_path = env!("PIZHU_JIEBA_DICT_SOURCE");
    match std::fs::read(full_path) {
        Ok(full) => {
            g.bench_function("jieba_full_dict_new", |b| {
                b.iter(|| jieba_rs::Jieba::with_dict(&mut black_box(full.as_slice())).expect("jieba dict loads"))
            });
        }
        Err(e) => eprintln!("skipping jieba_full_dict_new: cannot read {full_path}: {e}"),
    }
    g.finish();
}

fn article(c: &mut Criterion) {
    let engine = Engine::new();
    let mut g = c.benchmark_group("article");
    g.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    g.bench_function("annotate", |b| b.iter(|| engine.annotate(black_box(ARTICLE))));
    g.bench_function("annotate_json", |b| {
        b.iter(|| pizhu::contract::annotate(&engine, black_box(ARTICLE)))
    });
    g.bench_function("tag", |b| b.iter(|| engine.jieba().tag(black_box(ARTICLE), true)));
    g.finish();
}

/// ~3 MB of article texts from the shared corpus, or None when it is absent.
fn corpus_texts() -> Option<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/thucnews.jsonl");
    let data = std::fs::read_to_string(&path).ok()?;
    let mut texts = Vec::new();
    let mut bytes = 0;
    // Cycle through the file if it holds less than CORPUS_BYTES.
    'outer: loop {
        let before = bytes;
        for line in data.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let Some(t) = v["text"].as_str() else { continue };
            bytes += t.len();
            texts.push(t.to_string());
            if bytes >= CORPUS_BYTES {
                break 'outer;
            }
        }
        if bytes == before {
            return None;
        }
    }
    Some(texts)
}

fn corpus(c: &mut Criterion) {
    let Some(texts) = corpus_texts() else {
        eprintln!("skipping corpus benches: ../shared/corpus/thucnews.jsonl not found");
        return;
    };
    let total: usize = texts.iter().map(String::len).sum();
    eprintln!("corpus: {} texts, {total} bytes", texts.len());
    let engine = Engine::new();
    let mut g = c.benchmark_group("corpus");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("annotate", |b| {
        b.iter(|| texts.iter().map(|t| engine.annotate(black_box(t)).entities.len()).sum::<usize>())
    });
    g.bench_function("tag", |b| {
        b.iter(|| texts.iter().map(|t| engine.jieba().tag(black_box(t), true).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, construction, article, corpus);
criterion_main!(benches);
