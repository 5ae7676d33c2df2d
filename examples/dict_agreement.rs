//! How closely segmentation with pizhu's pruned dictionary follows jieba's
//! full dictionary, on real news (measurement for BENCHMARKS.md; nothing is
//! written). Both sides use the same jieba build and HMM, so the only
//! difference is the dictionary.
//!
//! ```text
//! cargo run --release --example dict_agreement [-- N_THUCNEWS N_XINWENLIANBO]
//! PIZHU_DICT_MIN_FREQ=20 cargo run --release --example dict_agreement   # try other thresholds
//! ```
//!
//! Reports, over all tokens of the full-dictionary segmentation: the share
//! whose span the pruned segmentation also produces (segmentation
//! agreement), whose span and tag it produces (tag agreement), and the same
//! restricted to proper-noun tags (nr*, ns, nt, nz).

use jieba_rs::Jieba;
use pizhu::engine::dict;
use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

fn texts(file: &str, n: usize) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(file);
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipping {}: not found", path.display());
        return Vec::new();
    };
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(String::from))
        .take(n)
        .collect()
}

/// CLUENER 2020 dev: the share of gold person / organization spans whose
/// both edges fall on token boundaries (an entity stage that builds on
/// tokens can find only those), full vs pruned dictionary.
fn cluener(full: &Jieba, pruned: &Jieba) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/ner/cluener2020.dev.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipping CLUENER: {} not found", path.display());
        return;
    };
    // label -> (gold spans, aligned with full, aligned with pruned)
    let mut counts: std::collections::BTreeMap<String, [usize; 3]> = Default::default();
    for line in data.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let Some(text) = v["text"].as_str() else { continue };
        let bounds = |j: &Jieba| -> HashSet<usize> {
            let mut b: HashSet<usize> = j.tag(text, true).iter().map(|t| t.start).collect();
            b.insert(text.chars().count());
            b
        };
        let (bf, bp) = (bounds(full), bounds(pruned));
        let Some(labels) = v["label"].as_object() else { continue };
        for (label, ents) in labels {
            let group = match label.as_str() {
                "name" => "person",
                "organization" | "company" | "government" => "organization",
                _ => continue,
            };
            for spans in ents.as_object().into_iter().flat_map(|m| m.values()) {
                for sp in spans.as_array().into_iter().flatten() {
                    let (Some(s), Some(e)) = (sp[0].as_u64(), sp[1].as_u64()) else { continue };
                    let (s, e) = (s as usize, e as usize + 1); // CLUENER ends are inclusive
                    let c = counts.entry(group.to_string()).or_default();
                    c[0] += 1;
                    c[1] += (bf.contains(&s) && bf.contains(&e)) as usize;
                    c[2] += (bp.contains(&s) && bp.contains(&e)) as usize;
                }
            }
        }
    }
    for (group, [n, f, p]) in counts {
        println!(
            "CLUENER dev {group:12} {n:5} gold spans; token-aligned: full {:.2}%, pruned {:.2}%",
            100.0 * f as f64 / n as f64,
            100.0 * p as f64 / n as f64
        );
    }
}

fn is_name_tag(t: &str) -> bool {
    matches!(t, "nr" | "nrt" | "nrfg" | "ns" | "nt" | "nz")
}

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (n_thuc, n_xwlb) = (args.first().copied().unwrap_or(300), args.get(1).copied().unwrap_or(200));
    let mut corpus = texts("thucnews.jsonl", n_thuc);
    corpus.extend(texts("xinwenlianbo.jsonl", n_xwlb));
    if corpus.is_empty() {
        eprintln!("no corpus: nothing to measure");
        std::process::exit(2);
    }

    let full_text = std::fs::read(env!("PIZHU_JIEBA_DICT_SOURCE")).expect("jieba's full dict.txt (see build.rs)");
    let t = Instant::now();
    let full = Jieba::with_dict(&mut full_text.as_slice()).expect("full dictionary loads");
    let full_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let pruned = dict::jieba();
    let pruned_ms = t.elapsed().as_secs_f64() * 1e3;

    let (mut n, mut same_span, mut same_tag, mut names, mut same_names) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for text in &corpus {
        let got = pruned.tag(text, true);
        let spans: HashSet<(usize, usize)> = got.iter().map(|t| (t.byte_start, t.byte_end)).collect();
        let tagged: HashSet<(usize, usize, &str)> = got.iter().map(|t| (t.byte_start, t.byte_end, t.tag)).collect();
        for t in full.tag(text, true) {
            n += 1;
            same_span += spans.contains(&(t.byte_start, t.byte_end)) as usize;
            let hit = tagged.contains(&(t.byte_start, t.byte_end, t.tag));
            same_tag += hit as usize;
            if is_name_tag(t.tag) {
                names += 1;
                same_names += hit as usize;
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("{}", dict::INFO);
    println!("articles {} (thucnews {n_thuc}, xinwenlianbo {n_xwlb}), full-dictionary tokens {n}", corpus.len());
    println!("segmentation agreement {:.2}%", pct(same_span, n));
    println!("tag agreement          {:.2}%", pct(same_tag, n));
    println!("proper-noun agreement  {:.2}% of {names}", pct(same_names, names));
    cluener(&full, &pruned);
    println!("one-off load time: full {full_ms:.0} ms, pruned {pruned_ms:.0} ms (use the benches for real figures)");
}
