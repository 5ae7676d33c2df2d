//! Positions: the job title written right before a person's name (CEO徐雷,
//! 部长纳波利塔诺). The span is the title word(s) only; the organization in
//! the role, if any, is its own Organization span.

use super::ctx::Ctx;
use super::persons::title_before;
use crate::engine::model::{Entity, EntityKind};
use crate::engine::span::Span;

/// A Position for each person preceded by a job title.
pub fn find(ctx: &Ctx, people: &[Entity]) -> Vec<Entity> {
    people
        .iter()
        .filter_map(|p| title_before(ctx, p.span.start))
        .map(|(a, b)| Entity { kind: EntityKind::Position, subkind: None, span: Span::new(a, b) })
        .collect()
}
