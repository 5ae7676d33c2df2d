//! Annotates one text many times: a target for profilers (callgrind, perf).
//!
//! ```text
//! CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build --release --example profile_article
//! valgrind --tool=callgrind target/release/examples/profile_article [FILE] [N]
//! ```
//! Default text: the team-written sample article in `benches/data/`.
use pizhu::engine::Engine;

fn main() {
    let mut args = std::env::args().skip(1);
    let text = match args.next() {
        Some(path) => std::fs::read_to_string(path).expect("readable UTF-8 file"),
        None => include_str!("../benches/data/sample-article.txt").to_string(),
    };
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let engine = Engine::new();
    let mut total = 0;
    for _ in 0..n {
        total += std::hint::black_box(engine.annotate(&text)).entities.len();
    }
    println!("{n} runs, {total} entities");
}
