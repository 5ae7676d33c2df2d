//! Criterion benchmarks: engine construction, and `annotate` against bare
//! `jieba.tag` on the same text. Filled in by the performance work.
use criterion::{criterion_group, criterion_main, Criterion};
use pizhu::engine::Engine;

fn construction(c: &mut Criterion) {
    c.bench_function("engine_new", |b| b.iter(Engine::new));
}

criterion_group!(benches, construction);
criterion_main!(benches);
