//! Positions: job titles written next to a person (CEO徐雷, 部长纳波利塔诺,
//! 习近平主席) or right after an organization or a country (快手CEO, 美国总统).
//! The span is the title word(s) only; the organization in the role, if any,
//! is its own Organization span.

use super::ctx::Ctx;
use super::persons::title_before;
use crate::engine::chars::pos;
use crate::engine::model::{Entity, EntityKind};
use crate::engine::span::Span;

/// Positions next to the people in `people` or after the organizations in `orgs`.
pub fn find(ctx: &Ctx, people: &[Entity], orgs: &[Entity]) -> Vec<Entity> {
    let mut out: Vec<Entity> = people
        .iter()
        .filter_map(|p| title_before(ctx, p.span.start))
        .map(|(a, b)| position(a, b))
        .collect();
    // A title after a name (习近平主席) or after an organization or country (京东CEO).
    let mut title_after = |end: usize| {
        if let Some(n) = title_here(ctx, end) {
            out.push(position(end, end + n));
        }
    };
    people.iter().for_each(|p| title_after(p.span.end));
    orgs.iter().filter(|o| o.kind == EntityKind::Organization).for_each(|o| title_after(o.span.end));
    // ns tokens found from the per-token facts: the tokens themselves are
    // not all read. (A loop of its own, not chained after the two above:
    // it runs over every token, and the chain tested its state at each.)
    for (k, f) in ctx.chars.facts.iter().enumerate() {
        if f.pos & pos::NS != 0 && ctx.lx.is_place(ctx.tokens[k].word) {
            title_after(ctx.tokens[k].span.end);
        }
    }
    out
}

/// Byte length of a title that starts at `b` and ends on a token boundary.
fn title_here(ctx: &Ctx, b: usize) -> Option<usize> {
    let rest = ctx.after(b);
    let mut n = ctx.lx.title_at_start(rest)?;
    // Prefer the longest title that ends where jieba ends a word (总经理, not 总).
    while n > 0 && !ctx.is_boundary(b + n) {
        n = ctx.lx.title_at_start(rest.get(..n - 1)?)?;
    }
    (n > 0).then_some(n)
}

fn position(a: usize, b: usize) -> Entity {
    Entity { kind: EntityKind::Position, subkind: None, span: Span::new(a, b) }
}
