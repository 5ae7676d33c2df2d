//! Works in 《》, and the media outlets among them (《青川晚报》记者, 据《某某时报》报道).

use super::ctx::Ctx;
use crate::engine::chars::mark;
use crate::engine::model::{Entity, EntityKind, Subkind};
use crate::engine::span::Span;

/// Words after 《X》 that make X a media outlet.
const MEDIA_AFTER: &[&str] = &[
    "记者", "报道", "报导", "杂志", "报社", "编辑部", "援引", "消息", "社论", "评论员", "网站", "专访", "采访", "发文", "刊文",
    "刊登", "刊发", "独家", "获悉", "了解到", "称", "透露", "指出", "披露", "日前", "近日", "发表",
];

/// Titles in 《》 (a Work span inside the brackets) and media outlets among them.
pub fn find(ctx: &Ctx) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for ci in ctx.chars.marks_of(mark::TITLE) {
        let (i, c) = (ctx.chars.b[ci], ctx.chars.c[ci]);
        match c {
            '《' => open = Some(i + c.len_utf8()),
            '》' => {
                let Some(start) = open.take() else { continue };
                let span = Span::new(start, i);
                let inner = ctx.slice(start, i);
                if inner.trim().is_empty() || inner.chars().count() > 40 {
                    continue;
                }
                out.push(Entity { kind: EntityKind::Work, subkind: None, span });
                if is_media(ctx, inner, start - '《'.len_utf8(), i + c.len_utf8()) {
                    out.push(Entity { kind: EntityKind::Organization, subkind: Some(Subkind::Media), span });
                }
            }
            // A title never spans a line or a sentence end: drop an unclosed 《.
            '\n' | '。' => open = None,
            _ => {}
        }
    }
    out
}

/// Whether 《inner》 (brackets at `open`..`close`) names a media outlet.
fn is_media(ctx: &Ctx, inner: &str, open: usize, close: usize) -> bool {
    if ctx.lx.known_org(inner).is_some_and(|o| o.subkind == Subkind::Media) {
        return true;
    }
    let after = ctx.after(close);
    if MEDIA_AFTER.iter().any(|w| after.starts_with(w)) {
        return true;
    }
    // 据《X》报道 / 据美国《X》: 据 up to a few chars before the bracket.
    let before: Vec<char> = ctx.before(open).chars().rev().take(5).collect();
    if before.iter().take_while(|c| !matches!(c, '，' | '。' | ',' | '、')).any(|&c| c == '据') {
        return true;
    }
    // Names that read as newspapers or magazines: 日报, 晚报, 周刊, 时报.
    ["报", "周刊", "杂志", "新闻", "日报", "时报", "晚报"].iter().any(|s| inner.ends_with(s)) && inner.chars().count() <= 10
}
