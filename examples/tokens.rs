//! Prints how the engine segments and tags a text, one token a line
//! (`word/tag`, the tag after pizhu's out-of-vocabulary guess): the first
//! thing to look at when a rule does not fire.
//!
//! `cargo run --release --example tokens -- '据雅虎体育报道，…'` (or `-` for stdin)

use pizhu::engine::{segment, Engine};
use std::io::Read;

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "-".into());
    let text = if arg == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).expect("stdin is UTF-8");
        s
    } else {
        arg
    };
    let engine = Engine::new();
    let line: Vec<String> = segment::tag(engine.jieba(), &text).iter().map(|t| format!("{}/{}", t.word, t.tag)).collect();
    println!("{}", line.join(" "));
}
