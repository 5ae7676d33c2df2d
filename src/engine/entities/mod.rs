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
mod positions;
mod works;

use super::model::{Entity, EntityKind, Quote};
use super::segment::Token;
use ctx::Ctx;

/// Finds organizations, people, positions and works (figures come separately).
pub fn find(text: &str, tokens: &[Token], quotes: &[Quote], figures: &[Entity]) -> Vec<Entity> {
    let _ = quotes; // 《》 are scanned here; quotes.rs covers quotation marks.
    let ctx = Ctx::new(text, tokens);
    let mut out = works::find(&ctx);
    out.extend(orgs::find(&ctx, &out));
    let people = persons::find(&ctx, &out, figures);
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

/// True when any entity of `kind` in `list` overlaps `span`.
fn overlaps_kind(list: &[Entity], kind: EntityKind, span: &super::span::Span) -> bool {
    list.iter().any(|e| e.kind == kind && e.span.overlaps(span))
}

#[cfg(test)]
mod debug {
    /// Prints jieba tokens of the file in PIZHU_DUMP (a development aid; skipped otherwise).
    #[test]
    fn dump_tokens() {
        let Ok(path) = std::env::var("PIZHU_DUMP") else { return };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let jieba = jieba_rs::Jieba::new();
        let toks = crate::engine::segment::tag(&jieba, &text);
        let line: Vec<String> = toks.iter().map(|t| format!("{}/{}", t.word, t.tag)).collect();
        println!("{}", line.join(" "));
    }
}
