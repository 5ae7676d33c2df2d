//! Organizations, people, positions and works.
//!
//! Each kind has its own module; all of them read the same [`Ctx`] (text,
//! jieba tokens, the lexicons) and scan linearly. Organizations are found
//! first because people may not overlap them (银监会 is not a person), and
//! positions are emitted next to the people they describe.
//!
//! Span conventions (the attribution engineer relies on them):
//! - Organization: the name as written, each form once per place
//!   (京东, 京东零售集团); `Subkind` company/government/media/other.
//! - Person: the full name as written (徐雷, 保罗-米尔萨普).
//! - Position: the job title word(s) only (CEO, 高级投资经理, 部长), not the
//!   organization before it; the full role is organization span + title span.
//! - Work: the title inside 《》, without the brackets.

mod ctx;
mod orgs;
mod persons;

/// Builds the entity rules' word tries now (the engine does this at start-up).
pub fn warm_up() {
    persons::warm_up();
    orgs::warm_up();
}
mod positions;
mod propagate;
mod works;

use super::chars::Chars;
use super::model::{Entity, Quote};
use super::segment::Token;
use ctx::Ctx;

/// Finds organizations, people, positions and works (figures come separately).
pub fn find(text: &str, tokens: &[Token], quotes: &[Quote], figures: &[Entity]) -> Vec<Entity> {
    find_in(&Chars::new(text, tokens), tokens, quotes, figures)
}

/// [`find`] over the text's shared char view (built from the same tokens).
pub fn find_in<'t>(chars: &Chars<'t>, tokens: &[Token<'t>], quotes: &[Quote], figures: &[Entity]) -> Vec<Entity> {
    let _ = quotes; // 《》 are scanned here; quotes.rs covers quotation marks.
    let ctx = Ctx::new(chars, tokens);
    let mut out = works::find(&ctx);
    out.extend(orgs::find(&ctx, &out));
    let mut people = persons::find(&ctx, &out, figures);
    propagate::persons(&ctx, &mut people, &out, figures);
    let positions = positions::find(&ctx, &people, &out);
    out.extend(positions);
    out.extend(people);
    dedup(&mut out);
    out
}

/// Sorts by position and drops exact duplicates (same kind and span).
fn dedup(out: &mut Vec<Entity>) {
    out.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end), e.kind as u8));
    out.dedup_by(|a, b| a.kind == b.kind && a.span == b.span);
    out.retain(|e| !e.span.is_empty());
}

#[cfg(test)]
mod debug {
    /// Prints jieba tokens of the file in PIZHU_DUMP (a development aid; skipped otherwise).
    #[test]
    fn dump_tokens() {
        let Ok(path) = std::env::var("PIZHU_DUMP") else { return };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let jieba = crate::engine::dict::jieba();
        let toks = crate::engine::segment::tag(&jieba, &text);
        let line: Vec<String> = toks.iter().map(|t| format!("{}/{}", t.word, t.tag)).collect();
        println!("{}", line.join(" "));
    }
}

#[cfg(test)]
mod perf {
    thread_local! {
        static ORGS: std::cell::Cell<u128> = const { std::cell::Cell::new(0) };
        static PERS: std::cell::Cell<u128> = const { std::cell::Cell::new(0) };
    }
    /// Compares annotate with bare jieba tagging over the JSON-lines file in
    /// PIZHU_PERF (a development aid; skipped otherwise).
    #[test]
    fn annotate_vs_tag() {
        let Ok(path) = std::env::var("PIZHU_PERF") else { return };
        let data = std::fs::read_to_string(path).unwrap_or_default();
        let texts: Vec<String> = data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .take(300)
            .collect();
        let engine = crate::engine::Engine::new();
        // Best of five: the machine is shared, so single runs are noisy.
        let best = |f: &dyn Fn()| {
            (0..5)
                .map(|_| {
                    let t = std::time::Instant::now();
                    f();
                    t.elapsed()
                })
                .min()
                .unwrap_or_default()
        };
        let tag = best(&|| texts.iter().for_each(|t| drop(std::hint::black_box(engine.jieba().tag(t, true)))));
        let ann = best(&|| texts.iter().for_each(|t| drop(std::hint::black_box(engine.annotate(t)))));
        let ent = best(&|| {
            texts.iter().for_each(|t| {
                let toks = crate::engine::segment::tag(engine.jieba(), t);
                let figs = crate::engine::figures::find(t, &toks);
                drop(std::hint::black_box(super::find(t, &toks, &[], &figs)));
            })
        });
        let seg = best(&|| texts.iter().for_each(|t| drop(std::hint::black_box(crate::engine::segment::tag(engine.jieba(), t)))));
        println!("best of 5: tag {tag:?} segment {seg:?} segment+figures+entities {ent:?} annotate {ann:?}");
        println!("tag {tag:?} annotate {ann:?} ratio {:.2}", ann.as_secs_f64() / tag.as_secs_f64());
        let toks: Vec<_> = texts.iter().map(|t| crate::engine::segment::tag(engine.jieba(), t)).collect();
        let t2 = std::time::Instant::now();
        let figs: Vec<_> = texts.iter().zip(&toks).map(|(t, k)| crate::engine::figures::find(t, k)).collect();
        let fig = t2.elapsed();
        let t3 = std::time::Instant::now();
        for ((t, k), f) in texts.iter().zip(&toks).zip(&figs) {
            let chars = crate::engine::chars::Chars::new(t, k);
            let ctx = super::ctx::Ctx::new(&chars, k);
            let w = super::works::find(&ctx);
            let t4 = std::time::Instant::now();
            let o = super::orgs::find(&ctx, &w);
            ORGS.with(|c| c.set(c.get() + t4.elapsed().as_nanos()));
            let t5 = std::time::Instant::now();
            let p = super::persons::find(&ctx, &o, f);
            PERS.with(|c| c.set(c.get() + t5.elapsed().as_nanos()));
            std::hint::black_box(super::positions::find(&ctx, &p, &o));
        }
        let ent = t3.elapsed();
        println!("figures {fig:?} entities {ent:?} orgs {}ms persons {}ms", ORGS.with(|c| c.get()) / 1_000_000, PERS.with(|c| c.get()) / 1_000_000);
    }
}
