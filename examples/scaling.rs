//! Looks for super-linear behaviour: annotates hostile patterns at 4× growing
//! sizes and prints the time per size and the growth factor (≈4 is linear,
//! ≈16 quadratic). A measurement aid, not a test (no timing is asserted).
//!
//! ```text
//! cargo run --release --example scaling [-- MAX_CHARS]
//! ```
use pizhu::engine::Engine;
use std::time::Instant;

/// A named generator of hostile text of a given length in characters.
type Pattern<'a> = (&'a str, Box<dyn Fn(usize) -> String + 'a>);

fn main() {
    let max: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(200_000);
    let article = include_str!("../benches/data/sample-article.txt");
    let patterns: Vec<Pattern> = vec![
        ("article repeated", Box::new(|n| article.chars().cycle().take(n).collect())),
        ("article, no newlines", Box::new(|n| article.chars().filter(|&c| c != '\n').cycle().take(n).collect())),
        ("digits", Box::new(|n| "1".repeat(n))),
        ("decimal chain 1.2.3", Box::new(|n| "1.".repeat(n / 2))),
        ("chinese numerals", Box::new(|n| "一二三四五六七八九十百千万亿".chars().cycle().take(n).collect())),
        ("open quotes “", Box::new(|n| "“".repeat(n))),
        ("close quotes ”", Box::new(|n| "”".repeat(n))),
        ("quote+text", Box::new(|n| "“好".repeat(n / 2))),
        ("《 titles", Box::new(|n| "《".repeat(n))),
        ("cue words 表示", Box::new(|n| "表示".repeat(n / 2))),
        ("name+cue 郑明远说：", Box::new(|n| "郑明远说：".repeat(n / 5))),
        ("org suffix 有限公司", Box::new(|n| "有限公司".repeat(n / 4))),
        ("title words 副市长", Box::new(|n| "副市长".repeat(n / 3))),
        ("surnames 王李张", Box::new(|n| "王李张刘陈杨".chars().cycle().take(n).collect())),
        ("commas ，", Box::new(|n| "，".repeat(n))),
        ("one Han char 好", Box::new(|n| "好".repeat(n))),
        ("ascii letters", Box::new(|n| "a".repeat(n))),
        ("emoji", Box::new(|n| "😀".repeat(n))),
    ];
    let engine = Engine::new();
    let sizes: Vec<usize> = std::iter::successors(Some(max / 64), |&s| (s * 4 <= max).then_some(s * 4)).collect();
    println!("{:24} {}", "pattern", sizes.iter().map(|s| format!("{s:>10} ch")).collect::<Vec<_>>().join(""));
    for (name, make) in &patterns {
        let mut times = Vec::new();
        for &n in &sizes {
            let text = make(n);
            let t = Instant::now();
            std::hint::black_box(engine.annotate(&text));
            times.push(t.elapsed().as_secs_f64());
        }
        let growth = times.windows(2).map(|w| w[1] / w[0].max(1e-9)).next_back().unwrap_or(0.0);
        println!(
            "{name:24} {}   last ×{growth:.1}{}",
            times.iter().map(|t| format!("{:>10.1}ms", t * 1e3)).collect::<Vec<_>>().join(""),
            if growth > 8.0 { "  <-- super-linear?" } else { "" }
        );
    }
}
