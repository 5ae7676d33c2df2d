//! One name, one referent per text: a Chinese name accepted as a person
//! anywhere in the text (after a title, before a cue, in a list) is a person
//! wherever else it is written, even where its context alone would not
//! prove it (接着蔡某某满脸笑容现身). Readers expect every mention highlighted,
//! and the attribution resolves pronouns to the nearest name it can see.

use super::ctx::{is_han, Ctx};
use crate::engine::lexicon::FxHasher;
use crate::engine::model::{Entity, EntityKind};
use crate::engine::span::{Span, SpanSet};
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

/// Lengths (chars) of the names propagated: Chinese full names. Longer,
/// transliterated names are found at every occurrence by their separators.
const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=4;

/// Adds to `people` every other occurrence of their names, where a jieba
/// token starts and ends and no other entity (`others`, `figures`) or person is.
pub fn persons(ctx: &Ctx, people: &mut Vec<Entity>, others: &[Entity], figures: &[Entity]) {
    let names: HashSet<&str, BuildHasherDefault<FxHasher>> = people
        .iter()
        .map(|e| ctx.slice(e.span.start, e.span.end))
        .filter(|w| NAME_CHARS.contains(&w.chars().count()) && w.chars().all(is_han))
        .collect();
    if names.is_empty() {
        return;
    }
    let blockers = SpanSet::new(others.iter().chain(figures).chain(people.iter()).map(|e| e.span));
    // The names' first chars, sorted: most tokens start with none of them,
    // and one search rules those out before any name is sliced and hashed.
    let mut firsts: Vec<char> = names.iter().filter_map(|w| w.chars().next()).collect();
    firsts.sort_unstable();
    firsts.dedup();
    // A 256-bit filter of those chars' low bits, tested before the search.
    let bit = |c: char| (c as usize & 255, 1u64 << (c as u32 & 63));
    let mut filter = [0u64; 4];
    for &f in &firsts {
        let (i, b) = bit(f);
        filter[i >> 6] |= b;
    }
    let c = &ctx.chars.c;
    let mut found = Vec::new();
    for t in ctx.tokens {
        let Some(&first) = c.get(t.at) else { continue };
        let (i, b) = bit(first);
        if filter[i >> 6] & b == 0 || firsts.binary_search(&first).is_err() {
            continue;
        }
        // Longest first, so 欧阳中石 is not taken as 欧阳中. Read from the
        // char view: where each length ends, and whether a token boundary
        // (or the text end) is there, before any name is sliced and hashed.
        let view = ctx.chars;
        for n in NAME_CHARS.rev().filter(|&n| t.at + n <= view.len()) {
            let end = t.at + n;
            if !view.boundary[end] {
                continue;
            }
            let span = Span::new(view.b[t.at], view.b[end]);
            if names.contains(ctx.slice(span.start, span.end)) && !blockers.overlaps(span) {
                found.push(span);
                break;
            }
        }
    }
    people.extend(found.into_iter().map(|span| Entity { kind: EntityKind::Person, subkind: None, span }));
}

#[cfg(test)]
mod tests {
    use crate::engine::{Engine, EntityKind};

    fn persons(text: &str) -> Vec<&str> {
        let doc = Engine::new().annotate(text);
        doc.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.span.slice(text)).collect()
    }

    #[test]
    fn a_name_proven_once_is_a_person_at_every_mention() {
        // The second 韦栖岚 has Han chars on both sides: no context of its own.
        let text = "导演韦栖岚出席发布会。接着韦栖岚满脸笑容上台。";
        assert_eq!(persons(text), ["韦栖岚", "韦栖岚"]);
    }

    #[test]
    fn a_name_inside_a_word_is_not_propagated() {
        // 方明 is proven; in 地方|明确 it starts inside a word.
        let text = "经理方明表示满意。各地方明确了责任。";
        assert_eq!(persons(text), ["方明"]);
    }
}
