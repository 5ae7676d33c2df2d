//! Deterministic fuzz driver (cargo-fuzz needs nightly; this needs nothing).
//!
//! Feeds random and mutated texts to `contract::annotate`, catching panics
//! with `catch_unwind` and checking every output against the contract
//! invariants of `tests/support/invariants.rs`. Same seed ⇒ same cases.
//!
//! ```text
//! cargo run --release --example fuzz -- --cases 1000000 [--seed 1] [--threads 2] [--max-chars 400]
//! ```
//!
//! Every failing input is written to `target/fuzz-failures/` (raw text) and
//! printed as a Rust string literal, ready to paste into a regression test
//! in `tests/hostile.rs`. Exit status 1 when any case failed.

#[path = "../tests/support/invariants.rs"]
mod invariants;

use invariants::{check, SEEDS};
use pizhu::contract;
use pizhu::engine::Engine;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// splitmix64: tiny, seedable, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
    fn pick_ref<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const MARKS: &[&str] = &[
    "“", "”", "「", "」", "『", "』", "\"", "'", "‘", "’", "《", "》", "〈", "〉", "，", "。", "：", "；",
    "！", "？", "、", "（", "）", "—", "……", "·", "%", "％", "\n", "\r\n", " ", "\u{3000}",
];
const ODD: &[&str] = &[
    "😀", "👨‍👩‍👧", "🇨🇳", "𠀀", "𪚥", "\u{0}", "\u{7}", "\u{1b}", "\u{7f}", "\u{85}", "\u{200b}", "\u{200d}",
    "\u{200e}", "\u{200f}", "\u{202e}", "\u{2066}", "\u{feff}", "\r", "\t", "\u{fffd}", "é", "\u{301}",
    "\u{2028}", "<script>", "</p>", "&amp;", "１２", "Ⅻ", "〇",
];
const WORDS: &[&str] = &[
    "表示", "说", "称", "指出", "认为", "强调", "介绍", "透露", "据", "记者", "公司", "有限公司",
    "股份有限公司", "集团", "银行", "大学", "委员会", "市长", "副局长", "董事长", "总经理", "发言人",
    "教授", "新闻办公室", "万元", "亿元", "美元", "月", "日", "年", "同比增长", "下降", "百分点", "第",
    "王", "李", "欧阳", "司马", "先生", "女士", "他", "她", "我们", "：“", "。”", "，”", "？”", "说：",
    "3", "18.6", "1,326", "2026年", "4月15日", "三成", "一百二十", "½",
];

/// One random piece of text.
fn atom(r: &mut Rng, out: &mut String) {
    match r.below(12) {
        0..=3 => out.push(char::from_u32(0x4E00 + r.below(0x9FFF - 0x4E00) as u32).unwrap()),
        4 => out.push(char::from(b' ' + r.below(95) as u8)),
        5 => out.push(char::from(b'0' + r.below(10) as u8)),
        6 | 7 => out.push_str(r.pick(MARKS)),
        8 => out.push_str(r.pick(ODD)),
        9 | 10 => out.push_str(r.pick(WORDS)),
        _ => {
            // Any scalar value at all, including unassigned and private-use ones.
            let c = loop {
                if let Some(c) = char::from_u32(r.below(0x11_0000) as u32) {
                    break c;
                }
            };
            out.push(c);
        }
    }
}

fn random_text(r: &mut Rng, max_atoms: usize) -> String {
    let n = r.below(max_atoms + 1);
    let mut s = String::new();
    for _ in 0..n {
        atom(r, &mut s);
    }
    s
}

/// Mutates `base` at character boundaries: delete, insert, duplicate,
/// swap, truncate, splice another seed.
fn mutate(r: &mut Rng, base: &str, pool: &[String]) -> String {
    let mut chars: Vec<char> = base.chars().collect();
    for _ in 0..1 + r.below(8) {
        let n = chars.len();
        let a = r.below(n + 1);
        match r.below(7) {
            0 => {
                let b = (a + 1 + r.below(8)).min(n);
                chars.drain(a..b.max(a));
            }
            1 => {
                let mut s = String::new();
                for _ in 0..1 + r.below(4) {
                    atom(r, &mut s);
                }
                chars.splice(a..a, s.chars());
            }
            2 => {
                let b = (a + 1 + r.below(16)).min(n);
                let piece: Vec<char> = chars[a..b.max(a)].to_vec();
                let most = if r.below(50) == 0 { 200 } else { 3 };
                let reps = 1 + r.below(most);
                for _ in 0..reps {
                    chars.splice(b.max(a)..b.max(a), piece.iter().copied());
                }
            }
            3 => {
                if n > 1 {
                    let b = r.below(n);
                    chars.swap(a.min(n - 1), b);
                }
            }
            4 => chars.truncate(a),
            5 => {
                let other: Vec<char> = r.pick_ref(pool).chars().collect();
                let s = r.below(other.len() + 1);
                let e = (s + r.below(64)).min(other.len());
                chars.splice(a..a, other[s..e].iter().copied());
            }
            _ => {
                // Replace one character by a quotation mark or a rare one.
                if a < n {
                    let rep = if r.below(2) == 0 { r.pick(MARKS) } else { r.pick(ODD) };
                    chars.splice(a..a + 1, rep.chars());
                }
            }
        }
    }
    chars.into_iter().collect()
}

/// Lossily decoded random bytes: what a broken upstream decoder might pass on.
fn random_bytes_text(r: &mut Rng, max: usize) -> String {
    let bytes: Vec<u8> = (0..r.below(max + 1)).map(|_| r.next() as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn arg(args: &[String], name: &str, default: u64) -> u64 {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(|v| v.replace('_', "").parse().unwrap_or_else(|_| panic!("{name} expects a number")))
        .unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let cases = arg(&args, "--cases", 100_000) as usize;
    let seed = arg(&args, "--seed", 1);
    let threads = arg(&args, "--threads", 1).max(1) as usize;
    let max_chars = arg(&args, "--max-chars", 400) as usize;

    let article = include_str!("../benches/data/sample-article.txt");
    let mut pool: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
    pool.extend(article.split('\n').filter(|l| !l.trim().is_empty()).map(String::from));

    // Panics are caught and reported per case; keep stderr quiet meanwhile.
    let last_panic: &'static Mutex<String> = Box::leak(Box::new(Mutex::new(String::new())));
    panic::set_hook(Box::new(move |info| {
        *last_panic.lock().unwrap_or_else(|e| e.into_inner()) = info.to_string();
    }));

    let engine = Engine::new();
    let done = AtomicUsize::new(0);
    let bytes = AtomicUsize::new(0);
    let failures: Mutex<Vec<(u64, String, String)>> = Mutex::new(Vec::new());
    let start = Instant::now();

    std::thread::scope(|s| {
        for t in 0..threads {
            let (engine, pool, done, bytes, failures) = (&engine, &pool, &done, &bytes, &failures);
            s.spawn(move || {
                let mut i = t;
                while i < cases {
                    // Each case has its own deterministic stream: case i is
                    // reproducible alone with the same seed.
                    let case_seed = seed.wrapping_mul(0x1000_0000_01B3) ^ (i as u64);
                    let mut r = Rng(case_seed);
                    let text = match r.below(10) {
                        0..=2 => random_text(&mut r, max_chars / 2),
                        3..=7 => {
                            let base = r.pick_ref(pool).clone();
                            mutate(&mut r, &base, pool)
                        }
                        8 => {
                            let a = r.pick_ref(pool).clone();
                            let b = r.pick_ref(pool).clone();
                            mutate(&mut r, &(a + &b), pool)
                        }
                        _ => random_bytes_text(&mut r, max_chars),
                    };
                    bytes.fetch_add(text.len(), Ordering::Relaxed);
                    let result = panic::catch_unwind(AssertUnwindSafe(|| contract::annotate(engine, &text)));
                    let failure = match result {
                        Err(_) => Some(format!(
                            "panic: {}",
                            last_panic.lock().unwrap_or_else(|e| e.into_inner())
                        )),
                        Ok(ann) => check(&text, &ann).err().map(|e| format!("invariant: {e}")),
                    };
                    if let Some(f) = failure {
                        failures.lock().unwrap().push((i as u64, f, text));
                    }
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if n % 100_000 == 0 {
                        eprintln!("{n} cases, {:.1} s", start.elapsed().as_secs_f64());
                    }
                    i += threads;
                }
            });
        }
    });

    let secs = start.elapsed().as_secs_f64();
    let failures = failures.into_inner().unwrap();
    let n = done.load(Ordering::Relaxed);
    println!(
        "fuzz: {n} cases, {:.1} MB of text, seed {seed}, {threads} thread(s), {secs:.1} s ({:.0} cases/s): {} failure(s)",
        bytes.load(Ordering::Relaxed) as f64 / 1e6,
        n as f64 / secs,
        failures.len()
    );
    if failures.is_empty() {
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
    let _ = std::fs::create_dir_all(&dir);
    for (i, why, text) in failures.iter().take(50) {
        let _ = std::fs::write(dir.join(format!("case-{seed}-{i}.txt")), text);
        println!("case {i}: {why}\n    input: {text:?}");
    }
    println!("inputs written to {}", dir.display());
    std::process::exit(1);
}
