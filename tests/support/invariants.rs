//! The contract invariants every annotation must satisfy, shared by
//! `tests/invariants.rs`, `tests/hostile.rs` and the fuzz driver
//! (`examples/fuzz.rs`). Returns a description of the first violation
//! instead of panicking, so the fuzz driver can report and continue.
#![allow(dead_code)]

use pizhu::contract::Annotation;
use std::collections::HashSet;

/// Documented `kind` values (docs: annotation JSON v1, src/engine/model.rs).
pub const ENTITY_KINDS: &[&str] = &["organization", "person", "position", "figure", "work"];
/// Documented entity `subkind` values.
pub const SUBKINDS: &[&str] =
    &["company", "government", "media", "other", "percent", "money", "date", "quantity", "number"];
/// Documented quote kinds.
pub const QUOTE_KINDS: &[&str] = &["speech", "term", "title"];
/// Documented speaker kinds.
pub const SPEAKER_KINDS: &[&str] = &["person", "organization", "anonymous"];
/// Documented statement kinds.
pub const STATEMENT_KINDS: &[&str] = &["direct", "indirect"];

/// Checks `ann` against `input`. `Err` names the first broken invariant.
pub fn check(input: &str, ann: &Annotation) -> Result<(), String> {
    let units: Vec<u16> = input.encode_utf16().collect();
    let span = |what: &str, text: &str, start: usize, end: usize| -> Result<(), String> {
        if start > end {
            return Err(format!("{what}: start {start} > end {end}"));
        }
        if end > units.len() {
            return Err(format!("{what}: end {end} beyond input length {}", units.len()));
        }
        // A span that splits a surrogate pair cannot be sliced back into a string.
        let slice = String::from_utf16(&units[start..end])
            .map_err(|_| format!("{what}: [{start},{end}) splits a surrogate pair"))?;
        if slice != text {
            return Err(format!("{what}: text {text:?} != input[{start}..{end}] {slice:?}"));
        }
        Ok(())
    };
    let kind = |what: &str, k: &str, allowed: &[&str]| -> Result<(), String> {
        if allowed.contains(&k) {
            Ok(())
        } else {
            Err(format!("{what}: undocumented kind {k:?}"))
        }
    };

    if ann.version != 1 {
        return Err(format!("version {} != 1", ann.version));
    }
    if ann.length != units.len() {
        return Err(format!("length {} != UTF-16 length {}", ann.length, units.len()));
    }
    for (i, e) in ann.entities.iter().enumerate() {
        let what = format!("entity {i} ({})", e.kind);
        span(&what, &e.text, e.start, e.end)?;
        kind(&what, &e.kind, ENTITY_KINDS)?;
        if let Some(s) = &e.subkind {
            kind(&what, s, SUBKINDS)?;
        }
    }
    for (i, q) in ann.quotes.iter().enumerate() {
        let what = format!("quote {i}");
        span(&what, &q.text, q.start, q.end)?;
        kind(&what, &q.kind, QUOTE_KINDS)?;
    }
    let speaker_ids: HashSet<&str> = ann.speakers.iter().map(|s| s.id.as_str()).collect();
    let statement_ids: HashSet<&str> = ann.statements.iter().map(|s| s.id.as_str()).collect();
    if speaker_ids.len() != ann.speakers.len() {
        return Err("duplicate speaker ids".into());
    }
    if statement_ids.len() != ann.statements.len() {
        return Err("duplicate statement ids".into());
    }
    for sp in &ann.speakers {
        let what = format!("speaker {}", sp.id);
        kind(&what, &sp.kind, SPEAKER_KINDS)?;
        for (j, m) in sp.mentions.iter().enumerate() {
            span(&format!("{what} mention {j}"), &m.text, m.start, m.end)?;
        }
        for t in &sp.statements {
            if !statement_ids.contains(t.as_str()) {
                return Err(format!("{what}: unknown statement id {t}"));
            }
        }
    }
    for st in &ann.statements {
        let what = format!("statement {}", st.id);
        span(&what, &st.text, st.start, st.end)?;
        kind(&what, &st.kind, STATEMENT_KINDS)?;
        if let Some(c) = &st.cue {
            span(&format!("{what} cue"), &c.text, c.start, c.end)?;
        }
        if st.speaker.as_ref() != st.speakers.first() {
            return Err(format!("{what}: speaker {:?} is not speakers[0] {:?}", st.speaker, st.speakers.first()));
        }
        for s in &st.speakers {
            if !speaker_ids.contains(s.as_str()) {
                return Err(format!("{what}: unknown speaker id {s}"));
            }
        }
    }
    // Entities are documented as ordered by start.
    if ann.entities.windows(2).any(|w| w[0].start > w[1].start) {
        return Err("entities not ordered by start".into());
    }
    Ok(())
}

/// Team-written Chinese sentences (fictional people and bodies) used as seeds
/// for mutation: quotations, titles, figures, organizations, speech cues.
pub const SEEDS: &[&str] = &[
    "青川市副市长郑明远表示：“一季度的成绩来之不易。”",
    "星澜光伏股份有限公司新闻发言人蒋一帆称，公司已签署协议，金额约12亿欧元。",
    "“我们不是简单地把产能搬出去，”柏文涛强调，“而是一起带出去。”",
    "据青川市统计局副局长林晓棠介绍，全市工业增加值同比增长7.4%。",
    "根据《青川市新型储能发展三年行动方案（2026—2028年）》，装机将达3吉瓦以上。",
    "一位不愿透露姓名的负责人对记者说，碳酸锂价格从每吨9.8万元下跌至7.6万元。",
    "东岭理工学院副院长闻一舟指出，产学研合作最大的难点在于成果转化。",
    "「这是一个『试点』项目，」韦栖岚说。",
    "他说'没问题'，但没有给出时间表。",
    "青川农商银行行长包承志介绍，截至3月末，贷款余额达到86.4亿元。",
    "记者：您怎么看？司马皓：产能过剩已经出现。",
    "市政府将于5月底前出台若干措施，首批1,000套人才公寓将于9月交付。",
];
